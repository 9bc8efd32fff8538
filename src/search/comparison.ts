import { isByline } from "../corpus/passage.js";
import type { Query } from "./query.js";
import { retrieve, type Ranked, type RetrieveContext, type RetrieveFilter } from "./retrieve.js";

/**
 * Comparisons across years: the passage that best stands for each year's plan, in year order.
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
 * The best passage of each of `years` (sorted), under `filter` with that one year. `named`: the
 * question names a place or organisation — then a year whose passages never use the question's
 * words still shows how its item opens (in reading order), and a question about the plans as a
 * whole (工作安排有什么不同, 目标对比) compares those openings, where a plan states itself: any one
 * passage saying 工作 or 目标 would do as well. Years with no passage are left out.
 */
export function bestOfEachYear(query: Query, context: RetrieveContext, filter: RetrieveFilter, years: readonly number[], named: boolean): Ranked[] {
  const opening = (one: RetrieveFilter) => retrieve({ ...query, terms: [] }, context, one, OPENING_LOOK).find((r) => !isByline(r.passage));
  const planWord = (t: string) => PLAN_WORDS.has(t) || ((query.pieces[t]?.length ?? 0) > 0 && query.pieces[t]!.every((p) => PLAN_WORDS.has(p)));
  const whole = named && query.topical.length > 0 && query.topical.every(planWord);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({ ...filter, years: [year], mentionedYears: false }))
    .map((one) => (whole ? opening(one) : undefined) ?? retrieve(query, context, one, OPENING_LOOK).find((r) => !isByline(r.passage)) ?? (named ? opening(one) : undefined))
    .filter((r): r is Ranked => r !== undefined);
}
