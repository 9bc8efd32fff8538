import type { Passage } from "../corpus/passage.js";
import type { AnswerKind } from "./kind.js";
import { listAnswer } from "./list-answer.js";
import { CLAUSE, SENTENCE, spans, textCover, trimClause, type DirectContext, type DirectQuery, type DirectSpan, type Span } from "./span.js";

/**
 * The direct answer: the shortest span of a top passage that answers the question completely,
 * chosen by what the question kind needs (a number with a measure word, enumerated items, a
 * byline, a time phrase) and by how much of the question sits in the same clause. Extractive
 * and cautious: when no span is clearly the answer, there is none (null), never a guess.
 * Only the top few passages are read, so it costs microseconds.
 */

export type { DirectContext, DirectQuery, DirectSpan } from "./span.js";

/** How many top passages are read for a span. */
const TOP = 3;
/** How much of its paragraph's cover of the question a sentence borrows (figure and time answers). */
const PASSAGE_COVER_SHARE = 0.7;
/** A span must cover at least this share of the question (idf-weighted) to be said. */
const MIN_COVER: Record<Exclude<AnswerKind, "catalogue" | "who" | "list">, number> = { figure: 0.4, when: 0.4, what: 0.6 };

const MEASURE = "万人次|万名|万人|万元|万|亿元|亿|人次|名|家|个|户|场|项|人|本|所|条|次|批|期|天|元|支|座|处|种|件|份|篇|套|位|倍|成|小时|届|台|部|册|类|级|大";
const FIGURE = new RegExp(
  `(?:[0-9]+(?:\\.[0-9]+)?\\s*(?:%|(?:多|余)?(?:${MEASURE}))|[一二两三四五六七八九十百千万]+(?:多|余)?(?:${MEASURE}))`,
  "u",
);
/** 一 before a measure word used as an article (选树一批, 建立一个): no number is stated. */
const VAGUE_ONE = new RegExp(`(?<![0-9一二两三四五六七八九十百千万])一(?:多|余)?(?:${MEASURE})`, "gu");
/** What a figure question counts (多少名 → 名, 比例 → %), to prefer a figure of that measure. */
const ASKED_MEASURE = new RegExp(`(?:多少|几)(${MEASURE})`, "u");
/** Measure words that count the same things. */
const SAME_MEASURE = [["名", "人", "人次", "万人", "万名", "位"], ["家", "个", "所"], ["场", "次", "期"], ["项", "条", "件"], ["大", "类"]];
/** An ordinal in the text (第三批, 第2期): a position, not a count. */
const ORDINAL = new RegExp(`第[0-9一二两三四五六七八九十百]+(?:${MEASURE})`, "gu");
/** An ordinal (第几批 → 第三批). */
const ASKED_ORDINAL = new RegExp(`第几(${MEASURE})`, "u");
const ASKED_RATE = /比例|百分之|率|比率|占比|几成|百分点/u;
const TIME = /按月|按季度?|按年|逐月|每年|每季度?|每月|每半年|每[一二两三四五六七八九十0-9]+年|年内|年底|年初|年中|年末|上半年|下半年|春节(?:前|后|过后|期间)?|元旦|[0-9]{4}年(?:[0-9]{1,2}月)?(?:开始|起|底|前|以前|以后|以来)?|[一二三四五六七八九十0-9]{1,2}月(?:份|底|初|中旬|上旬|下旬)?|定期|季度|月度|日前|近期|逐年|长期|常年/u;


/** A clause holding what the kind needs, scored by how much of the question it and its sentence cover. */
function bestClause(
  q: DirectQuery,
  hits: readonly Passage[],
  context: DirectContext,
  needs: (clause: string) => number,
  minCover: number,
  cover: "sentence" | "clause" | "sentence-only" = "sentence",
): { hit: Passage; span: Span } | null {
  let best: { hit: Passage; span: Span; score: number } | null = null as { hit: Passage; span: Span; score: number } | null;
  // The ranked parts first; the other parts of their paragraphs too (the part that ranked
  // best need not be the one holding the figure), a little behind.
  const read = hits.slice(0, TOP).flatMap((hit, rank) =>
    context.parts(hit).map((part) => ({ hit: part, rank: part.id === hit.id ? rank : rank + 0.2 })),
  );
  read.forEach(({ hit, rank }) => {
    const text = hit.text;
    // A sentence may state the figure about "it" (这套指标…共15项20个指标) while the rest of its
    // passage names what it is: the passage's cover counts, discounted.
    const passageCover = cover === "sentence" ? PASSAGE_COVER_SHARE * textCover(q, context.paragraph(hit).text) : 0;
    for (const sentence of spans(text, SENTENCE)) {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const sentenceCover = Math.max(textCover(q, sentenceText), passageCover);
      const clauses = spans(sentenceText, CLAUSE);
      // A clause, or two neighbouring clauses (建立困难职工生活状况档案，每年跟踪滚动 / 日前，昆山市总工会发布…):
      // what is counted or timed is often named in the clause next to the figure or time.
      const candidates = clauses.flatMap((c, i) => [
        { start: c.start, end: c.end, pair: false },
        ...(i > 0 ? [{ start: clauses[i - 1]!.start, end: c.end, pair: true }] : []),
      ]);
      for (const c of candidates) {
        const clause = { start: sentence.start + c.start, end: sentence.start + c.end };
        const clauseText = text.slice(clause.start, clause.end);
        const need = needs(clauseText);
        if (need <= 0) continue;
        const clauseCover = textCover(q, clauseText);
        // "clause": a what-answer must carry the question's words itself; "sentence": a figure or
        // a time may lean on its sentence; "sentence-only": a coined name may stand in a clause
        // of its own (积极推进常熟“山水文化之城”建设).
        const covered = cover === "clause" ? clauseCover : Math.max(sentenceCover, clauseCover);
        if (covered < minCover || (clauseCover === 0 && cover !== "sentence-only")) continue;
        // Among equals, the shorter span: the answer, not its surroundings.
        const score = clauseCover * 2 + sentenceCover + need - rank * 0.3 - (c.pair ? 0.35 : 0) - (clause.end - clause.start) * 0.003;
        if (!best || score > best.score) best = { hit, span: trimClause(text, clause), score };
      }
    }
  });
  return best && best.span.end > best.span.start ? { hit: best.hit, span: best.span } : null;
}

function figureAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const ordinal = ASKED_ORDINAL.exec(q.question)?.[1];
  const measure = ordinal ? undefined : ASKED_MEASURE.exec(q.question)?.[1];
  const rate = ASKED_RATE.test(q.question);
  // Built once per question, not per clause. The figure must count what was asked (份 for 多少份);
  // people may be counted as 名, 人 or 人次.
  const ordinalFigure = ordinal ? new RegExp(`第[0-9一二两三四五六七八九十]+${ordinal}`, "u") : null;
  const kin = measure ? (SAME_MEASURE.find((group) => group.includes(measure)) ?? [measure]) : [];
  const countedFigure = measure ? new RegExp(`[0-9一二两三四五六七八九十百千万](?:多|余)?(?:${kin.join("|")})`, "u") : null;
  const found = bestClause(q, hits, context, (quoted) => {
    // A number inside quotation marks names a slogan (“两个普遍”, “四个能力”), it counts nothing;
    // nor does an ordinal (第三批) unless one is asked for.
    const unquoted = quoted.replace(/“[^”]*”/gu, "");
    const clause = ordinalFigure ? unquoted : unquoted.replace(ORDINAL, "");
    if (ordinalFigure) return ordinalFigure.test(clause) ? 1 : 0;
    if (!FIGURE.test(clause)) return 0;
    if (rate) return /%/u.test(clause) ? 1 : 0.2;
    // 一批, 一些: "a batch" is no count; a clause with only those answers 多少 weakly.
    const vague = !FIGURE.test(clause.replace(VAGUE_ONE, ""));
    // 个 is everyone's measure word: 多少个劳模 is answered by 100名 when nothing counts in 个.
    if (countedFigure) return countedFigure.test(clause) ? 1 : measure === "个" && !vague ? 0.6 : 0;
    return vague ? 0.3 : 0.5;
  }, MIN_COVER.figure);
  if (!found) return null;
  return { direct: { kind: "figure", text: found.hit.text.slice(found.span.start, found.span.end), hitId: found.hit.id }, span: found.span };
}

function whenAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const found = bestClause(q, hits, context, (clause) => (TIME.test(clause) ? 1 : 0), MIN_COVER.when);
  if (!found) return null;
  return { direct: { kind: "when", text: found.hit.text.slice(found.span.start, found.span.end), hitId: found.hit.id }, span: found.span };
}

/**
 * What something is (思路, 主题, 标准, 叫什么): the clause (or clause pair) of the top passages that
 * covers the question best — the words asked about sit next to what they are.
 */
function whatAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  if (q.terms.length === 0) return null;
  const asked = askedName(q.question);
  if (asked) {
    const named = namedAnswer(q, hits[0]!, context, asked);
    if (named) return named;
  }
  const attribute = attributeAnswer(q, hits[0]!, context);
  if (attribute) return attribute;
  const headed = headingAnswer(q, hits.slice(0, TOP), context);
  if (headed) return headed;
  const found = bestClause(q, hits.slice(0, 1), context, () => 1, MIN_COVER.what, "clause");
  if (!found) return null;
  const text = found.hit.text;
  let { start, end } = found.span;
  // A clause that introduces its answer (首要任务是，… / 思路：…) is answered by the rest of its
  // sentence, when that is short enough to read as one answer; else, as any clause followed by
  // a comma, it goes on to the next clause.
  const rest = /^[\s：:，,]*[^。！？；!?;]+/u.exec(text.slice(end));
  const introduces = /(?:是|为|即|就是|包括)$/u.test(text.slice(start, end)) || /^\s*[：:]/u.test(text.slice(end));
  if (introduces && rest && rest[0].length <= WHOLE_PREDICATE) {
    end = trimClause(text, { start: end, end: end + rest[0].length }).end;
  } else if (/(?:是|为|即|就是|包括)$/u.test(text.slice(start, end)) || /^[\s]*[：:，,]/u.test(text.slice(end))) {
    const next = /^[\s：:，,]*[^。！？；!?;，,：:]+/u.exec(text.slice(end));
    if (next) end = trimClause(text, { start: end, end: end + next[0].length }).end;
  }
  // A clause that only repeats what was asked (“火车跑得快，全靠车头带” 指的是什么) is not its
  // meaning: the sentence after it is (加强工会干部队伍建设，是搞好工会工作的前提和基础).
  if (repeatsQuestion(text.slice(start, end), q.question)) {
    const next = /^[”"’\s。！？；!?;]*([^。！？；!?;]+)/u.exec(text.slice(end));
    if (!next || next[1]!.length > WHOLE_PREDICATE) return null;
    start = end + next[0].length - next[1]!.length;
    end = trimClause(text, { start, end: start + next[1]!.length }).end;
  }
  if (end - start > 120) return null;
  return { direct: { kind: "what", text: text.slice(start, end), hitId: found.hit.id }, span: { start, end } };
}

/** A paragraph opening with a numbered heading: （一）、贯穿一条主线。 / 3、加强工会干部队伍建设。 */
const HEADING = /^\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十0-9]{1,3})[、.．]?\s*([^。！？；!?;，,]{2,24})[。：:]/u;

/**
 * What a numbered heading means is the paragraph it heads: 贯穿的一条主线是什么 is answered by the
 * first sentence after （一）、贯穿一条主线。 (区总机关要把贯彻落实党的十七大精神与践行“三服务”活动
 * 紧密结合起来), not by the summary that lists it among others. Of the top passages' paragraphs,
 * the first whose heading covers the question as a what-answer's clause must.
 */
function headingAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  for (const hit of hits) {
    const first = context.parts(hit)[0] ?? hit;
    const m = HEADING.exec(first.text);
    if (!m || textCover(q, m[1]!) < MIN_COVER.what) continue;
    const body = /^[^。！？；!?;]+/u.exec(first.text.slice(m[0].length));
    if (!body || body[0].length > WHOLE_PREDICATE) continue;
    const start = m[0].length;
    const end = trimClause(first.text, { start, end: start + body[0].length }).end;
    return { direct: { kind: "what", text: first.text.slice(start, end), hitId: first.id }, span: { start, end } };
  }
  return null;
}

/** Whether a span says nothing the question did not: its Chinese, in order, is inside the question's. */
function repeatsQuestion(span: string, question: string): boolean {
  const chinese = (s: string) => s.replace(/[^\u4e00-\u9fff0-9]/gu, "");
  const said = chinese(span);
  return said.length >= 4 && chinese(question).includes(said);
}

/** 增强新吴江人的什么: what the question says, then 的, then what it asks for. */
const ASKS_ATTRIBUTE = /([\u4e00-\u9fff]{2,})的(?:什么|啥)[？?]?\s*$/u;

/**
 * X的什么 (增强新吴江人的什么): the words the text puts after X的 (切实增强“新吴江人”的归属感 →
 * 归属感), X being the last four, three or two characters the question says before 的, found in
 * the top passage's paragraph. The first such phrase answers; none, and the clause path goes on.
 */
function attributeAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  const owner = ASKS_ATTRIBUTE.exec(q.question)?.[1];
  if (!owner) return null;
  for (const size of [4, 3, 2]) {
    if (owner.length < size) continue;
    const key = owner.slice(-size);
    const after = new RegExp(`${key}”?的([\\u4e00-\\u9fff]{2,6}?)(?=[^\\u4e00-\\u9fff]|和|与|及|$)`, "u");
    for (const part of context.parts(top)) {
      const m = after.exec(part.text);
      if (!m) continue;
      const start = m.index + m[0].length - m[1]!.length;
      return { direct: { kind: "what", text: m[1]!, hitId: part.id }, span: { start, end: start + m[1]!.length } };
    }
  }
  return null;
}

/** Longest rest of a sentence a what-answer takes after 是， (characters). */
const WHOLE_PREDICATE = 100;

/**
 * A question asking for a name: 叫什么 / 叫做啥 / 称为, 什么名字, the 主题 or 口号 of something
 * (coined in quotation marks, as names are), or 啥城 / 什么工程 (what the name is of).
 */
const ASKS_NAME = /叫(?:做|作)?(?:什么|啥)|称(?:为|作)(?:什么|啥)?|(?:什么|啥)(?:名字|名称|称号)/u;
/**
 * The 主题 or 口号 of something, asked for: coined in quotation marks when it is a name
 * (以“建功立业十二五，转型升级争先锋”为主题), but not always (以推进相城区后发崛起为主题), so
 * a quoted name answers only when the noun is next to it.
 */
const ASKS_NAMED_BY = /(?:什么|啥)(?:为|作为)?(口号|主题|理念|品牌|原则|方针)|(口号|主题|理念|品牌|宗旨|原则|方针)(?:是|叫|为)?(?:什么|啥)/u;
const ASKS_NAMED_THING = /(?:什么|啥)([\u4e00-\u9fff])/u;
/** After 什么/啥, words that ask how or when, not for a name. */
const NOT_A_THING = /^[时样意地事内作用呢吗的是好要叫呀啊方]/u;
/** A coined name: 2–15 characters in quotation marks (a slogan of two halves keeps its comma). */
const QUOTED = /“([^“”]{2,15})”/gu;
/** Quoted names joined by 、, or one alone. */
const QUOTED_RUN = /“[^“”]{2,15}”(?:、“[^“”]{2,15}”)*/gu;
/** How far either side of a name the question's words count as naming it (合理化建议“金点子”活动). */
const NAME_REACH = 10;
/** What ends a name's surroundings: punctuation or another name's quotation marks. */
const NAME_EDGE = /[。！？；!?;，,：:、“”]/u;

interface AskedName {
  /** The name must end in this (啥城 → 城), or null. */
  thing: string | null;
  /** The name must stand next to this word (主题), or null. */
  noun: string | null;
}

/** What a name question asks for: any name (叫什么), one next to a noun (主题是什么), or the name of a kind of thing (啥城 → 城). */
function askedName(question: string): AskedName | null {
  if (ASKS_NAME.test(question)) return { thing: null, noun: null };
  const by = ASKS_NAMED_BY.exec(question);
  if (by) return { thing: null, noun: by[1] ?? by[2]! };
  const thing = ASKS_NAMED_THING.exec(question)?.[1];
  return thing && !NOT_A_THING.test(thing) ? { thing, noun: null } : null;
}

/**
 * Names are coined in quotation marks (“新吴江人”, “山水文化之城”, 以“建功立业十二五，转型升级争先锋”为主题).
 * Of the names in the top passage's paragraph that fit what is asked (any, or those ending in
 * the thing asked about: 啥城 → “山水文化之城”), the one whose sentence covers the question and
 * whose own surroundings — up to the next punctuation or name — hold the question's words: in
 * 继续推进“三创六小”活动，开展以“创新、创造在岗位”为主题的合理化建议“金点子”活动, a question
 * about the 合理化建议活动's name is answered by 金点子. A tie between two names is no answer.
 */
function namedAnswer(q: DirectQuery, top: Passage, context: DirectContext, asked: AskedName): DirectSpan | null {
  let best: { hit: Passage; start: number; end: number; text: string; score: number } | null = null;
  let tied = false;
  for (const part of context.parts(top)) {
    const rank = part.id === top.id ? 0 : 0.2;
    // A sentence may name the thing while its paragraph says what it belongs to (工人先锋号活动里的
    // 合理化建议活动): the paragraph's cover counts, discounted, as for figures.
    const paragraphCover = PASSAGE_COVER_SHARE * textCover(q, context.paragraph(part).text);
    for (const sentence of spans(part.text, SENTENCE)) {
      const sentenceText = part.text.slice(sentence.start, sentence.end);
      const sentenceCover = Math.max(textCover(q, sentenceText), paragraphCover);
      if (sentenceCover < MIN_COVER.what) continue;
      // Names joined by 、 (创建“一镇一品”、“一企一特”的工会工作品牌) are one answer.
      for (const m of sentenceText.matchAll(QUOTED_RUN)) {
        const names = [...m[0].matchAll(QUOTED)].map((n) => n[1]!);
        if (asked.thing !== null && !names.every((name) => name.endsWith(asked.thing!))) continue;
        const text = names.join("、");
        const before = sentenceText.slice(Math.max(0, m.index! - NAME_REACH), m.index!);
        const after = sentenceText.slice(m.index! + m[0].length, m.index! + m[0].length + NAME_REACH);
        const near = before.split(NAME_EDGE).pop()! + after.split(NAME_EDGE)[0]!;
        if (asked.noun !== null && !near.includes(asked.noun)) continue;
        const score = sentenceCover + textCover(q, near) - rank;
        const start = sentence.start + m.index! + 1;
        if (best && best.text === text) continue;
        if (!best || score > best.score + 1e-9) {
          best = { hit: part, start, end: sentence.start + m.index! + m[0].length - 1, text, score };
          tied = false;
        } else if (Math.abs(score - best.score) <= 1e-9) tied = true;
      }
    }
  }
  if (!best || tied) return null;
  return { direct: { kind: "what", text: best.text, hitId: best.hit.id }, span: { start: best.start, end: best.end } };
}

/** A question about whose instruction or speech the text follows (按哪位领导的批示), not who wrote it. */
const ASKS_QUOTED_PERSON = /批示|指示|讲话|号召|论述|题词|视察|提出|倡导|强调/u;
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
  return { direct: { kind: "who", text: role ? `${hit.author}（${role}）` : hit.author, hitId: hit.id }, span: null };
}

/** The direct answer for a question of the given kind over the ranked passages, or null. */
export function directAnswer(kind: AnswerKind | null, q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  if (hits.length === 0) return null;
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

export { FIGURE as FIGURE_PATTERN, TIME as TIME_PATTERN };
