import { recipients, type Passage } from "../corpus/passage.js";
import { findYears } from "../text/years.js";
import { countNounMeasure, type AnswerKind } from "./kind.js";
import { bestClause, MIN_COVER, TOP } from "./clause.js";
import { keyedInItem, listAnswer } from "./list-answer.js";
import { CLAUSE, numberedItem, SENTENCE, spans, clausesAround, textCover, trimClause, type DirectContext, type DirectQuery, type DirectSpan, type Span } from "./span.js";
import { definedAnswer } from "./framed-answer.js";
import { whatAnswer } from "./what-answer.js";

/**
 * The direct answer: the shortest span of a top passage that answers the question completely,
 * chosen by what the question kind needs (a number with a measure word, enumerated items, a
 * byline, a time phrase) and by how much of the question sits in the same clause. Extractive
 * and cautious: when no span is clearly the answer, there is none (null), never a guess.
 * Only the top few passages are read, so it costs microseconds.
 */

export type { DirectContext, DirectQuery, DirectSpan } from "./span.js";

const MEASURE = "万人次|万名|万人|万元|万|亿元|亿|人次|方面|名|家|个|户|场|项|人|本|所|条|次|回|趟|遍|批|期|天|元|支|座|处|种|件|份|篇|套|位|倍|成|小时|届|台|部|册|类|级|块|大";
const FIGURE = new RegExp(
  `(?:[0-9]+(?:\\.[0-9]+)?\\s*(?:%|(?:多|余)?(?:${MEASURE}))|[一二两三四五六七八九十百千万]+(?:多|余)?(?:${MEASURE}))`,
  "u",
);
/** 一 before a measure word used as an article (选树一批, 建立一个): no number is stated. */
const VAGUE_ONE = new RegExp(`(?<![0-9一二两三四五六七八九十百千万])一(?:多|余)?(?:${MEASURE})`, "gu");
/** What a figure question counts (多少名 → 名, 比例 → %), to prefer a figure of that measure. */
const ASKED_MEASURE = new RegExp(`(?:多少|几)(${MEASURE})`, "u");
/** Money asked for (多少钱, 每人发多少慰问金, 金额): answered only by a sum in 元 — no count of people or units is one. */
const ASKED_MONEY = /多少钱|几块钱|多少元|金额|钱数|(?:慰问金|补助金?|奖金|补贴|津贴|经费|资金|费用|会费|报酬|工资|待遇)[^，,。？?]{0,8}?(?:多少|几)(?![\u4e00-\u9fff]*(?:名|人|户|家|个))|(?:多少|几)(?:块)?(?:会费|费用|经费|补助金?|奖金|补贴|津贴|慰问金|报酬)/u;
/** The noun 几个 or 多少个 counts, up to a particle or mark. */
const COUNTED_NOUN = /(?:几|多少)个([\u4e00-\u9fff]{2,10}?)(?=[的了吗呢啊呀？?，,。（(\s]|$)/u;
/** The least idf of a word of the counted noun the clause must say (服务中心, not 职工). */
const COUNTED_WEIGHT = 1;
/** Measure words that count people. */
const PEOPLE_MEASURES = ["名", "人", "人次", "万人", "万名", "位"];
/** 多少个 (or 几个) then, within a few characters, the people counted (爱看书的职工, 劳模, 工会主席) — or the people first, then …多少个 ending the question (爱看书的职工评多少个). */
const COUNTS_PEOPLE = /(?:多少|几)个[\u4e00-\u9fff]{0,8}?(?:职工|工人|员工|人员|会员|劳模|干部|主席|代表|先进|能手|标兵|模范|人)(?![\u4e00-\u9fff]*(?:家|企业|单位|站|中心|组织|工会))|(?:职工|工人|员工|人员|会员|劳模|干部|主席|代表|先进|能手|标兵|模范)[\s\u4e00-\u9fff]{0,4}(?:多少|几)个(?![\u4e00-\u9fff])/u;
/** Measure words that count the same things. */
const SAME_MEASURE = [["元", "万元", "亿元"], PEOPLE_MEASURES, ["家", "个", "所"], ["场", "次", "期", "回", "趟", "遍"], ["项", "条", "件"], ["大", "类"], ["方面", "块"]];
/** A figure asked as it stands now (现在, 目前): plans state targets, not where things stand. */
const ASKED_NOW = /现在|目前|眼下|如今|当前/u;
/** An outcome asked (实际建成多少, 最终完成多少, 结果): a plan states what it will do, not what was done. */
const ASKED_OUTCOME = /实际|最终|结果|最后(?:评|建|完成|达到)/u;
/** A clause setting a target (力争…达到, 确保, 目标). */
const TARGET = /力争|争取|确保|目标|要达到|要求/u;
/** A figure asked, then something else about it (…多少户，拿了有啥好处; 几家，都是干啥的). */
const ALSO_ASKS_WHAT = /(?:多少|几)[^？?]*[，,\s][^？?]*(?:啥|什么|怎么|咋|干嘛)/u;
/** A share in digits (85%, 100％ after normalising): a rate, not a count. */
const PERCENT = /[0-9.]+\s*%/gu;
/** An ordinal in the text (第三批, 第2期): a position, not a count. */
const ORDINAL = new RegExp(`第[0-9一二两三四五六七八九十百]+(?:${MEASURE})`, "gu");
/** An ordinal (第几批 → 第三批). */
const ASKED_ORDINAL = new RegExp(`第几(${MEASURE})`, "u");
const ASKED_RATE = /比例|百分之|率|比率|占比|几成|百分点/u;
/** A degree asked for (做到什么程度, 覆盖到多大程度): a figure question (kind.ts) answered in digits. */
const ASKED_DEGREE = /(?:什么|啥|多大)程度/u;
const TIME = /按月|按季度?|按年|逐月|每年|每季度?|每月|每半年|每[一二两三四五六七八九十0-9]+年|年内|年底|年初|(?:新年|开年)?伊始|岁末|岁初|年关|年中|年末|上半年|下半年|春节(?:前|后|过后|期间)?|元旦|[0-9]{4}年(?:[0-9]{1,2}月)?(?:开始|起|底|前|以前|以后|以来)?|[一二三四五六七八九十0-9]{1,2}月(?:份|底|初|中旬|上旬|下旬)?|定期|季度|月度|日前|近期|逐年|长期|常年/u;

function figureAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const ordinal = ASKED_ORDINAL.exec(q.question)?.[1];
  const measure = ordinal ? undefined : (ASKED_MEASURE.exec(q.question)?.[1] ?? countNounMeasure(q.question) ?? (ASKED_MONEY.test(q.question) ? "元" : undefined));
  const rate = ASKED_RATE.test(q.question);
  // 第三批发了多少人: a batch the question names is not another batch the text counts (第二批37名).
  const named = [...q.question.matchAll(ORDINAL)].map((m) => m[0]);
  const otherBatch = (clause: string) => [...clause.matchAll(ORDINAL)].some((m) => !named.includes(m[0]) && named.some((n) => n.slice(-1) === m[0].slice(-1)));
  // 2008年…多少家: a clause naming only other years (在2007年检查验收100家…的基础上) counts another year's.
  const askedYears = findYears(q.question).map((m) => m.year);
  const otherYear = (clause: string) => {
    const said = findYears(clause).map((m) => m.year);
    return askedYears.length > 0 && said.length > 0 && !said.some((y) => askedYears.includes(y));
  };
  const asksNow = ASKED_NOW.test(q.question);
  const asksOutcome = ASKED_OUTCOME.test(q.question);
  // 做到什么程度: a degree is stated in digits (达70%, 超2万), not by 一家 of 成熟一家、直选一家.
  const degree = ASKED_DEGREE.test(q.question);
  // Built once per question, not per clause. The figure must count what was asked (份 for 多少份);
  // people may be counted as 名, 人 or 人次.
  const ordinalFigure = ordinal ? new RegExp(`第[0-9一二两三四五六七八九十]+${ordinal}`, "u") : null;
  const people = measure === "个" && COUNTS_PEOPLE.test(q.question);
  const countedFigure = measure ? countedIn(q.question, measure) : null;
  // What 几个 counts (几个职工服务中心 → 服务中心): the question's words inside it.
  const countedNoun = COUNTED_NOUN.exec(q.question)?.[1] ?? "";
  const countedTerms = q.terms.filter((t) => countedNoun.includes(t) && (q.weights[t] ?? 0) >= COUNTED_WEIGHT);
  const namesCounted = (clause: string) => countedTerms.length === 0 || textCover({ ...q, terms: countedTerms }, clause) > 0;
  const found = bestClause(q, hits, context, (quoted) => {
    // A number inside quotation marks names a slogan (“两个普遍”, “四个能力”), it counts nothing;
    // nor does an ordinal (第三批) unless one is asked for.
    const unquoted = quoted.replace(/“[^”]*”/gu, "");
    if (otherBatch(unquoted)) return 0;
    if (otherYear(unquoted)) return 0;
    // 现在建会率已经多少了: a figure as it stands now is no target the plan sets (力争…达到90%以上).
    if (asksNow && TARGET.test(unquoted)) return 0;
    // 实际建成多少家: plans state what they set out to do (2007年新建工会300家, 全区累计建会超过
    // 4000家), never what came of it.
    if (asksOutcome) return 0;
    const clause = ordinalFigure ? unquoted : unquoted.replace(ORDINAL, "");
    if (ordinalFigure) return ordinalFigure.test(clause) ? 1 : 0;
    if (!FIGURE.test(clause)) return 0;
    if (degree) return /[0-9]/u.test(clause) ? (/%/u.test(clause) ? 1 : 0.6) : 0;
    if (rate) return /%/u.test(clause) ? 1 : 0.2;
    // 一批, 一些: "a batch" is no count; a clause with only those answers 多少 weakly.
    const vague = !FIGURE.test(clause.replace(VAGUE_ONE, ""));
    // 个 is everyone's measure word: 多少个劳模 is answered by 100名 when nothing counts in 个. 一次
    // of 每年评选一次 says how often, not how many 场 were asked for.
    if (countedFigure) {
      if (countedFigure.test(clause.replace(VAGUE_ONE, ""))) return 1;
      // Counted in 个, any figure may do (100名 for 多少个劳模) — if the clause names what is counted.
      // A share (100%通过达标) counts nothing: 几个 is not answered by a rate.
      const counts = FIGURE.test(clause.replace(VAGUE_ONE, "").replace(PERCENT, ""));
      return measure === "个" && !people && !vague && counts && namesCounted(clause) ? 0.6 : 0;
    }
    return vague ? 0.3 : 0.5;
  }, MIN_COVER.figure) ?? (countedFigure && (measure !== "个" || people) ? onlyCount(q, hits[0]!, context, countedFigure, otherBatch) : null);
  if (!found) return null;
  // 新建多少家工会？全区累计要超过多少家: each count asked for, from the clauses next to the first.
  const asked = ordinal ? 1 : (q.question.match(ASKED_COUNT) ?? []).length;
  const counted = asked > 1 ? withNextFigures(q, found.hit.text, found.span, asked) : found.span;
  // 优惠证发多少户，拿了有啥好处: asked what as well, a short numbered item answers whole
  // (3.为100户困难职工家庭发放优惠证，按月提供免费粮油水电).
  const span = ALSO_ASKS_WHAT.test(q.question) ? (numberedItem(found.hit.text, counted) ?? counted) : counted;
  return { direct: { kind: "figure", text: found.hit.text.slice(span.start, span.end), hitId: found.hit.id }, span };
}

/**
 * A figure counting what was asked (`measure`, from 多少份 or 人数): its number and a measure word
 * counting the same things. 个 counts anything; 多少个…职工 counts people, in 名 or 人
 * (评选百名读书先进职工), not 家.
 */
function countedIn(question: string, measure: string): RegExp {
  const people = measure === "个" && COUNTS_PEOPLE.test(question);
  const kin = people ? [...PEOPLE_MEASURES, "个"] : (SAME_MEASURE.find((group) => group.includes(measure)) ?? [measure]);
  return new RegExp(`[0-9一二两三四五六七八九十百千万](?:多|余)?(?:${kin.join("|")})`, "u");
}

/**
 * For a question asking a count by its measure word (几份, 多少条, 场次), whether a text states a
 * figure of that measure — not inside quotation marks (“四个能力” names a slogan), not an
 * ordinal (第三批), not 一 used as an article (一批). Null when the question names no measure,
 * or only 个, which counts anything (多少个 is answered by 100名 as well as by 10个).
 */
export function statesAskedCount(question: string): ((text: string) => boolean) | null {
  if (ASKED_ORDINAL.test(question)) return null;
  const measure = ASKED_MEASURE.exec(question)?.[1] ?? countNounMeasure(question) ?? undefined;
  if (!measure || (measure === "个" && !COUNTS_PEOPLE.test(question))) return null;
  const counted = countedIn(question, measure);
  return (text) => counted.test(countable(text));
}

/** A text's counts: without what only looks like one (a quoted slogan's 四个, an ordinal, 一 as an article). */
function countable(text: string): string {
  return text.replace(/“[^”]*”/gu, "").replace(ORDINAL, "").replace(VAGUE_ONE, "");
}

/** 多少, or 几 asking a count (几项, 几个 — not 哪几, 第几): each one a figure to answer. */
const ASKED_COUNT = /多少|(?<![哪第])几(?=[\u4e00-\u9fff])/gu;

/** Every figure of a text (FIGURE, global). */
const FIGURES = new RegExp(FIGURE.source, "gu");

/** Figures (not quoted slogans, not ordinals) in a stretch of text. */
function figureCount(text: string): number {
  const plain = text.replace(/“[^”]*”/gu, "").replace(ORDINAL, "");
  return plain.match(FIGURES)?.length ?? 0;
}

/**
 * The span widened, clause by neighbouring clause of its sentence, until it holds `asked`
 * figures (2007年新建工会300家，全区累计建会超过4000家); unchanged when its sentence has too few.
 */
function withNextFigures(q: DirectQuery, text: string, span: Span, asked: number): Span {
  const around = clausesAround(text, span);
  if (!around) return span;
  const { clauses } = around;
  let { first, last } = around;
  const held = () => figureCount(text.slice(clauses[first]!.start, clauses[last]!.end));
  // A neighbour holding a figure, the one saying more of the question first (新建 before 其中…).
  const worth = (k: number) => (k < 0 || k >= clauses.length ? -1 : figureCount(text.slice(clauses[k]!.start, clauses[k]!.end)) === 0 ? -1 : textCover(q, text.slice(clauses[k]!.start, clauses[k]!.end)));
  // A clause opening with 其中 counts part of the clause before it (累计建会超过4000家，其中独立建会达到
  // 1600家): that one goes with it first.
  const partOf = (k: number) => /^\s*其中/u.test(text.slice(clauses[k]!.start, clauses[k]!.end));
  while (held() < asked) {
    const before = worth(first - 1);
    const after = worth(last + 1);
    if (before < 0 && after < 0) return span;
    if (before >= 0 && (partOf(first) || before > after)) first--;
    else last++;
  }
  return trimClause(text, { start: Math.min(span.start, clauses[first]!.start), end: Math.max(span.end, clauses[last]!.end) });
}

/** A day or month asked for (几月几号, 哪天, 日期). */
const ASKS_DATE = /几月|几号|几日|哪一?天|日期|哪个月/u;
/** A time that names a month or a day (3月, 春节, 元旦, 月底), not only a year. */
const DATE = /[0-9一二三四五六七八九十]{1,2}月|[0-9一二三四五六七八九十]{1,3}[日号]|春节|元旦|五一|国庆|月底|月初|中旬|上旬|下旬/u;

function whenAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  // 几月几号开的: a date is asked, and a year (2012年) or 年内 is no answer to it.
  const time = ASKS_DATE.test(q.question) ? DATE : TIME;
  // A name the plan coins (“十佳”), asked about, must be in the clause whose time answers: 年内要
  // 评选300家… is when the 300 are chosen, not the 十佳 the same sentence names after them.
  const coined = q.terms.filter((t) => hits.slice(0, TOP).some((h) => h.text.includes(`“${t}”`)));
  const found = bestClause(q, hits, context, (clause) => (time.test(clause) && coined.every((t) => clause.includes(t)) ? 1 : 0), MIN_COVER.when);
  if (!found) return null;
  return { direct: { kind: "when", text: found.hit.text.slice(found.span.start, found.span.end), hitId: found.hit.id }, span: found.span };
}

/** A question about whose instruction or speech the text follows (按哪位领导的批示), not who wrote it. */
const ASKS_QUOTED_PERSON = /批示|指示|讲话|号召|论述|题词|视察|提出|倡导|强调|谁(?:提|说|讲)的/u;
/** A person named with a title in running text (胡锦涛总书记, 温家宝总理). */
const TITLED_PERSON = /([\u4e00-\u9fff]{2,3}?)(总书记|总理|副?主席|副?书记|副?省长|副?市长|副?区长|委员长)/gu;
/** Characters of an organisation or a place, never of a person's name (吴中区总工会主席). */
const NOT_A_NAME = /[会委区市县省局部厂司党团镇街处]/u;

function titledPeople(clause: string): string[] {
  const out: string[] = [];
  for (const m of clause.matchAll(TITLED_PERSON)) if (!NOT_A_NAME.test(m[1]!) && !out.includes(m[0])) out.push(m[0]);
  return out;
}

function whoAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  if (ASKS_QUOTED_PERSON.test(q.question)) {
    // The person is named where the instruction is cited (按照胡锦涛总书记的批示精神).
    const found = bestClause(q, hits, context, (clause) => (titledPeople(clause).length === 1 ? 1 : 0), MIN_COVER.figure);
    if (found) {
      const text = found.hit.text.slice(found.span.start, found.span.end);
      const person = titledPeople(text)[0]!;
      const start = found.span.start + text.indexOf(person);
      return { direct: { kind: "who", text: person, hitId: found.hit.id }, span: { start, end: start + person.length } };
    }
  }
  const hit = hits.slice(0, TOP).find((h) => h.author);
  if (!hit?.author) return null;
  // The role as the byline states it (吴中区总工会主席), else the item's organisation.
  const role = hit.authorRole ?? hit.org;
  // A person asked by another role than the author's (聘的法律顾问是哪位律师), and not as who wrote
  // it: the byline names the article's author, not them.
  const asked = OTHER_ROLE.exec(q.question)?.[0];
  if (asked && !role?.includes(asked) && !ASKS_AUTHOR.test(q.question)) return null;
  // Who they are, of units counted (那100家…企业工会都有谁): the units, which no byline names.
  if (COUNTED_UNITS.test(q.question) && !ASKS_AUTHOR.test(q.question)) return null;
  // A question that names the article by what it says (说学十七大不能光喊口号的…是谁) is answered
  // from the passage saying it; one that names only the organisation or role (吴中区总工会主席叫什么),
  // from where the name is written.
  // The role's own words (主席 of 吴中区总工会主席叫什么) name the person, not the article.
  const content = q.terms.filter((t) => !role?.includes(t));
  const described = content.length > 0 && textCover({ ...q, terms: content }, hit.text) >= DESCRIBED;
  return { direct: { kind: "who", text: role ? `${hit.author}（${role}）` : hit.author, hitId: described ? hit.id : signed(hit, context).id }, span: null };
}

/** People a plan may name by role, none of them a bulletin's author (律师, 顾问, 专家 …). */
const OTHER_ROLE = /律师|顾问|专家|老师|教师|医生|记者|法官|会计|校长|厂长|经理|老板|劳模/u;
/** Units counted (100家, 十家): who they are asks for the units. (Not a slogan's 三家标准.) */
const COUNTED_UNITS = /[0-9]+家|[一二两三四五六七八九]?[十百千万]+家/u;
/** Who wrote or sent an article in: its author. */
const ASKS_AUTHOR = /作者|写的|写了|执笔|署名|报送|报上|撰写|文章|稿子/u;

/** The share of a who-question its top passage must say to be the passage the question describes. */
const DESCRIBED = 0.5;

/**
 * Where the item of `hit` names its author: the byline, a passage of its own in an article
 * (常熟市总工会  徐建国), or else the item's last passage, whose attribution the parser cut off
 * its end (…转变作风强化工会效能建设。 （昆山市总工会 顾粮）). A who-answer cites it.
 */
function signed(hit: Passage, context: DirectContext): Passage {
  const paragraphs = context.itemParagraphs(hit).flatMap((p) => context.parts(p));
  const byline = paragraphs.find((p) => p.text.includes(hit.author!));
  return byline ?? paragraphs[paragraphs.length - 1] ?? hit;
}

/** The direct answer for a question of the given kind over the ranked passages, or null. */
export function directAnswer(kind: AnswerKind | null, q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  if (hits.length === 0) return null;
  const filled = filledIn(q, hits.slice(0, TOP), context);
  if (filled) return filled;
  // 发给了哪些单位, 抄送给谁: a top footer answers with its whole distribution list (its 、-run
  // breaks at 各市（县）、区 for the inline-list reader).
  const sentTo = kind === "list" || kind === "who" || kind === "what" ? recipients(hits[0]!) : null;
  if (sentTo) return { direct: { kind: kind!, text: sentTo, hitId: hits[0]!.id }, span: null };
  switch (kind) {
    case "figure":
      return figureAnswer(q, hits, context);
    case "list":
      return listAnswer(q, hits, context);
    case "who":
      return whoAnswer(q, hits, context);
    case "when":
      return whenAnswer(q, hits, context);
    case "what":
      return whatAnswer(q, hits, context);
    default:
      return null;
  }
}

/** 让谁放心、谁欢迎、谁信任: blanks in the question, each 谁 (or 什么) before the words that end an item. */
const BLANK = /(?:谁|什么人|哪些人)([\u4e00-\u9fff]{2})/gu;

/**
 * A question with two or more blanks (要把工会建成让谁放心、谁欢迎、谁信任的组织) is answered by the
 * run of items that end in the words after each blank, in order (党委放心、企业欢迎、职工信任) — the
 * text fills in the question — from the top passages' paragraphs.
 */
function filledIn(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const ends = [...q.question.matchAll(BLANK)].map((m) => m[1]!);
  if (ends.length < 2) return null;
  const run = new RegExp(ends.map((end) => `([\\u4e00-\\u9fff]{1,4}${end})`).join("[、，,和及]"), "u");
  for (const hit of hits) {
    for (const part of context.parts(hit)) {
      const m = run.exec(part.text);
      if (!m) continue;
      const start = m.index;
      const end = start + m[0].length;
      return { direct: { kind: "list", text: m.slice(1).join("、"), hitId: part.id }, span: { start, end } };
    }
  }
  return null;
}

/**
 * Only the answers that are their own evidence — a keyed slogan's items (三个所), a label's
 * definition (“一”：即…) — for when the passages are an item listed in reading order because
 * they say none of the question's words, and no other span is sure enough.
 */
export function evidentAnswer(kind: AnswerKind | null, q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  if (hits.length === 0) return null;
  if (kind === "list") return keyedInItem(q, hits[0]!, context);
  if (kind === "what") return definedAnswer(q, hits.slice(0, TOP), context);
  return null;
}

export { FIGURE as FIGURE_PATTERN, TIME as TIME_PATTERN };

/** Whether a question asks a count of something named by its measure word (几项, 多少家, 第几批). */
export function asksMeasure(question: string): boolean {
  return ASKED_MEASURE.test(question) || ASKED_ORDINAL.test(question);
}

/** The least cover of the question the sentence of a top paragraph's only count must have. */
const ONLY_COUNT_COVER = 0.2;

/**
 * A paraphrase's count (张家港给厂里放几场片子 → 送电影…200场): its words are not the text's, so no
 * clause covers it as a figure's must; but when the top passage's paragraph states just one
 * figure of the measure asked for, in a sentence saying something of the question, that figure
 * is the answer — there is no other it could be. Two or more, and it is a guess: none.
 */
function onlyCount(q: DirectQuery, top: Passage, context: DirectContext, counted: RegExp, otherBatch: (clause: string) => boolean): { hit: Passage; span: Span } | null {
  const found: { hit: Passage; span: Span; cover: number }[] = [];
  for (const part of context.parts(top)) {
    for (const sentence of spans(part.text, SENTENCE)) {
      const sentenceText = part.text.slice(sentence.start, sentence.end);
      for (const clause of spans(sentenceText, CLAUSE)) {
        const clauseText = sentenceText.slice(clause.start, clause.end);
        if (!counted.test(countable(clauseText)) || otherBatch(clauseText)) continue;
        const span = trimClause(part.text, { start: sentence.start + clause.start, end: sentence.start + clause.end });
        found.push({ hit: part, span, cover: Math.max(textCover(q, sentenceText), textCover(q, clauseText)) });
      }
    }
  }
  const only = found.length === 1 ? found[0]! : null;
  return only && only.cover >= ONLY_COUNT_COVER ? { hit: only.hit, span: only.span } : null;
}
