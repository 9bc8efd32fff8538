import { isByline } from "../corpus/passage.js";
import type { Query } from "./query.js";
import { retrieve, type Ranked, type RetrieveContext, type RetrieveFilter } from "./retrieve.js";

/**
 * Comparisons across years or places: the passage that best stands for each year's plan, in year
 * order, or for each place's.
 * A byline (常熟市总工会  徐建国) says the organisation's name and nothing of the year's plan, so
 * it never stands for a year.
 */

/** Words that name a plan as a whole, not a topic in it (and words made of them: 工作安排, 工作目标): a comparison made of them compares openings. */
// 总工会 is the organisation's name said short (常熟总工会: the place was read as a filter, its
// suffix stays a word): it names whose plan, not a topic in it.
const PLAN_WORDS = new Set(["工作", "工会", "安排", "部署", "重点", "思路", "目标", "任务", "计划", "要点", "方式", "全年", "年度", "打算", "定的", "总工会"]);
/** How many passages of an item are looked at for its opening (past a byline or two). */
const OPENING_LOOK = 3;

/**
 * The best passage of each place or organisation the question names (常熟和吴中…有啥不同), one
 * after another, under `filter` with that one: how each one's plan opens when the question is about
 * the plans as a whole or says none of the question's words, else its best passage on them. The
 * places compared side by side, as years are by bestOfEachYear.
 */
export function bestOfEachPlace(query: Query, context: RetrieveContext, filter: RetrieveFilter): Ranked[] {
  const whole = query.topical.length > 0 && query.topical.every((t) => planWord(query, t));
  return filter.targets
    .map((target) => ({ ...filter, targets: [target] }))
    .map((one) => (whole ? (opening(query, context, one) ?? best(query, context, one)) : (best(query, context, one) ?? opening(query, context, one))))
    .filter((r): r is Ranked => r !== undefined);
}

/**
 * The best passage of each of `years` (sorted), under `filter` with that one year. `named`: the
 * question names a place or organisation — then a year whose passages never use the question's
 * words still shows how its item opens (in reading order), and a question about the plans as a
 * whole (工作安排有什么不同, 目标对比) compares those openings, where a plan states itself: any one
 * passage saying 工作 or 目标 would do as well. Years with no passage are left out.
 */
export function bestOfEachYear(query: Query, context: RetrieveContext, filter: RetrieveFilter, years: readonly number[], named: boolean): Ranked[] {
  const whole = named && query.topical.length > 0 && query.topical.every((t) => planWord(query, t));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({ ...filter, years: [year], mentionedYears: false }))
    .map((one) => (whole ? opening(query, context, one) : undefined) ?? best(query, context, one) ?? (named ? opening(query, context, one) : undefined))
    .filter((r): r is Ranked => r !== undefined);
}

/** How the item under `filter` opens: its first passage in reading order that is not a byline. */
function opening(query: Query, context: RetrieveContext, filter: RetrieveFilter): Ranked | undefined {
  return retrieve({ ...query, terms: [] }, context, filter, OPENING_LOOK).find((r) => !isByline(r.passage));
}

/** The best passage under `filter` for the question's words that is not a byline. */
function best(query: Query, context: RetrieveContext, filter: RetrieveFilter): Ranked | undefined {
  return retrieve(query, context, filter, OPENING_LOOK).find((r) => !isByline(r.passage));
}

/** Whether a question word names the plan as a whole (工作, 目标, 工作计划 made of them). */
function planWord(query: Query, term: string): boolean {
  return PLAN_WORDS.has(term) || ((query.pieces[term]?.length ?? 0) > 0 && query.pieces[term]!.every((p) => PLAN_WORDS.has(p)));
}
