import type { Passage } from "../corpus/passage.js";
import type { AnswerKind } from "./kind.js";
import { askedKeys, keyedList } from "./keyed-list.js";
import type { Direct } from "./schema.js";

/**
 * The direct answer: the shortest span of a top passage that answers the question completely,
 * chosen by what the question kind needs (a number with a measure word, enumerated items, a
 * byline, a time phrase) and by how much of the question sits in the same clause. Extractive
 * and cautious: when no span is clearly the answer, there is none (null), never a guess.
 * Only the top few passages are read, so it costs microseconds.
 */

export interface DirectQuery {
  question: string;
  /** Topic words of the question, with how informative each is (idf). */
  terms: readonly string[];
  weights: Readonly<Record<string, number>>;
  /** Finer pieces and thesaurus synonyms of each term (a clause may say it either way). */
  pieces: Readonly<Record<string, string[]>>;
  synonyms: Readonly<Record<string, string[][]>>;
  /** Terms only found in pieces (a thesaurus word jieba splits): all pieces together say the word. */
  split?: readonly string[];
}

export interface DirectContext {
  /** All parts of a passage's paragraph, joined, and where the passage starts in it. */
  paragraph(passage: Passage): { text: string; offset: number };
  /** Every part of the passage's paragraph, in order (the passage itself when it was not cut). */
  parts(passage: Passage): Passage[];
  /** The paragraphs (first parts) of the passage's item — same file, organisation and title — in reading order. */
  itemParagraphs(passage: Passage): Passage[];
}

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
/** An ordinal (第几批 → 第三批). */
const ASKED_ORDINAL = new RegExp(`第几(${MEASURE})`, "u");
const ASKED_RATE = /比例|百分之|率|比率|占比|几成|百分点/u;
const TIME = /按月|按季度?|按年|逐月|每年|每季度?|每月|每半年|每[一二两三四五六七八九十0-9]+年|年内|年底|年初|年中|年末|上半年|下半年|春节(?:前|后|过后|期间)?|元旦|[0-9]{4}年(?:[0-9]{1,2}月)?(?:开始|起|底|前|以前|以后|以来)?|[一二三四五六七八九十0-9]{1,2}月(?:份|底|初|中旬|上旬|下旬)?|定期|季度|月度|日前|近期|逐年|长期|常年/u;

interface Span {
  start: number;
  end: number;
}

const SENTENCE = /[^。！？；!?;]+[。！？；!?;]?/gu;
const CLAUSE = /[^。！？；!?;，,：:]+/gu;
/** A numbered item's marker at the start of a clause (10. / 一是 / （三）). */
const LEADING_MARK = /^\s*(?:[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}(?:是|要|、)|[（(][一二三四五六七八九十0-9]{1,3}[)）]、?)\s*/u;

function spans(text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) if (m[0].trim().length > 0) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** The idf-weighted share of the question a stretch of text covers (1 = every term, said exactly). */
export function textCover(q: DirectQuery, text: string): number {
  let credit = 0;
  let total = 0;
  for (const term of q.terms) {
    const w = q.weights[term] ?? 1;
    total += w;
    credit += w * termShare(q, term, text);
  }
  return total > 0 ? credit / total : 0;
}

/** How fully a text says one question term: 1 exactly (or all pieces of a split word), less by a synonym or some pieces. */
function termShare(q: DirectQuery, term: string, text: string): number {
  if (text.includes(term)) return 1;
  const pieces = q.pieces[term] ?? [];
  const found = pieces.filter((p) => text.includes(p)).length;
  if (found > 0 && found === pieces.length && q.split?.includes(term)) return 1;
  let share = pieces.length > 0 ? (0.6 * found) / pieces.length : 0;
  for (const words of q.synonyms[term] ?? []) {
    if (words.every((x) => text.includes(x))) share = Math.max(share, words.length === 1 ? 0.75 : 0.6);
  }
  return share;
}

function trimClause(text: string, span: Span): Span {
  let { start, end } = span;
  const lead = LEADING_MARK.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  while (start < end && /[\s“”"'（(]/u.test(text[start]!) && !/[“（(]/u.test(text[start]!)) start++;
  while (end > start && /[\s。；;，,：:！？!?]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

export interface DirectSpan {
  direct: Direct;
  /** Where the answer sits in the hit's passage text (for the excerpt), when it is one span. */
  span: Span | null;
}

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
    // A number inside quotation marks names a slogan (“两个普遍”, “四个能力”), it counts nothing.
    const clause = quoted.replace(/“[^”]*”/gu, "");
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
    // The name sits in a clause of its own (积极推进常熟“山水文化之城”建设); the question's words
    // may be anywhere in its sentence.
    const named = bestClause(q, hits.slice(0, 1), context, (clause) => (names(clause, asked).length === 1 ? 1 : 0), MIN_COVER.what, "sentence-only");
    if (named) {
      const clause = named.hit.text.slice(named.span.start, named.span.end);
      const [name] = names(clause, asked);
      const start = named.span.start + name!.start;
      return { direct: { kind: "what", text: name!.text, hitId: named.hit.id }, span: { start, end: start + name!.text.length } };
    }
  }
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
  if (end - start > 120) return null;
  return { direct: { kind: "what", text: text.slice(start, end), hitId: found.hit.id }, span: { start, end } };
}

/** Longest rest of a sentence a what-answer takes after 是， (characters). */
const WHOLE_PREDICATE = 100;

/** A question asking for a name: 叫什么 / 叫做啥 / 称为, or 啥城 / 什么工程 (what the name is of). */
const ASKS_NAME = /叫(?:做|作)?(?:什么|啥)|称(?:为|作)(?:什么|啥)?|(?:什么|啥)(?:名字|名称|称号|口号)/u;
const ASKS_NAMED_THING = /(?:什么|啥)([\u4e00-\u9fff])/u;
/** After 什么/啥, words that ask how or when, not for a name. */
const NOT_A_THING = /^[时样意地事内作用呢吗的是好要叫呀啊方]/u;
const QUOTED = /“([^“”]{2,15})”/gu;

/** What a name question asks for: any name (叫什么), or the name of a kind of thing (啥城 → 城). */
function askedName(question: string): { thing: string | null } | null {
  if (ASKS_NAME.test(question)) return { thing: null };
  const thing = ASKS_NAMED_THING.exec(question)?.[1];
  return thing && !NOT_A_THING.test(thing) ? { thing } : null;
}

/**
 * Names are coined in quotation marks (“新吴江人”, “山水文化之城”, “会员优惠卡”工程): the
 * distinct quoted names of a clause that fit what is asked — any, or those ending in the
 * thing asked about (啥城 → “山水文化之城”). “会员优惠卡”工程 answers 什么工程 only in part
 * when there are two such 工程, so a name is not looked for after its quotes.
 */
function names(clause: string, asked: { thing: string | null }): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const m of clause.matchAll(QUOTED)) {
    const name = m[1]!;
    const fits = asked.thing === null || name.endsWith(asked.thing);
    if (fits && !out.some((n) => n.text === name)) out.push({ text: name, start: m.index! + 1 });
  }
  return out;
}

/** A question about whose instruction or speech the text follows (按哪位领导的批示), not who wrote it. */
const ASKS_QUOTED_PERSON = /批示|指示|讲话|号召|论述|题词|视察/u;
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

// ---- lists ----

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十 → 20; null when not a small Chinese numeral. */
export function chineseNumber(text: string): number | null {
  if (/^[0-9]+$/u.test(text)) return Number(text);
  if (!/^[一二两三四五六七八九十]{1,3}$/u.test(text)) return null;
  if (text === "十") return 10;
  const at = text.indexOf("十");
  if (at < 0) return text.length === 1 ? CN_DIGITS[text]! : null;
  const tens = at === 0 ? 1 : CN_DIGITS[text[0]!]!;
  const ones = at === text.length - 1 ? 0 : CN_DIGITS[text[at + 1]!]!;
  return tens * 10 + ones;
}

interface Marker {
  /** Marker style: items of one list share it. */
  style: string;
  value: number;
  start: number;
  /** Where the item's own text starts (after the marker). */
  body: number;
}

const MARKERS = /(?<![0-9.])([0-9]{1,2})[.．、](?![0-9])|([一二三四五六七八九十]{1,3})(是|要|、)|[（(]([一二三四五六七八九十]{1,3})[)）]、?/gu;

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKERS)) {
    const before = m.index! === 0 ? "" : text[m.index! - 1]!;
    // A marker opens an item only at the start of a clause (not 十一五, 统一是).
    if (before !== "" && !/[：:；;。，,\s“]/u.test(before)) continue;
    const style = m[1] ? "arabic" : m[2] ? `cn${m[3]}` : "paren";
    const value = chineseNumber(m[1] ?? m[2] ?? m[4]!);
    if (value === null) continue;
    out.push({ style, value, start: m.index!, body: m.index! + m[0].length });
  }
  return out;
}

interface Enumeration {
  /** Where the list starts in the text (its first marker). */
  start: number;
  items: string[];
}

/** One item for a list answer: its marker and its first sentence (a heading or the whole item). */
function itemText(text: string): string {
  const first = /^[^。；;！？!?]+/u.exec(text)?.[0] ?? text;
  const item = first.trim();
  return [...item].length > 60 ? `${[...item].slice(0, 58).join("")}…` : item;
}

/** Runs of markers of one style numbered 1, 2, 3 … in a text. */
function enumerations(text: string): Enumeration[] {
  const all = markers(text);
  const out: Enumeration[] = [];
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.value !== 1) continue;
    const run = [all[i]!];
    for (let j = i + 1; j < all.length; j++) {
      const m = all[j]!;
      if (m.style === run[0]!.style && m.value === run[run.length - 1]!.value + 1) run.push(m);
    }
    if (run.length < 2) continue;
    const items = run.map((m, k) => {
      const end = k + 1 < run.length ? run[k + 1]!.start : text.length;
      return text.slice(m.start, m.body) + itemText(text.slice(m.body, end));
    });
    out.push({ start: run[0]!.start, items });
  }
  return out;
}

/** How many items the question expects (哪五个, 十件实事, 四大方面, 六好, 八个人); null when it does not say. */
export function askedCount(question: string): number | null {
  for (const m of question.matchAll(/(?<![0-9])([0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?![0-9])(?=[个项件大条方点种类好有力化紧提坚服满人句环要])/gu)) {
    const value = chineseNumber(m[1]!);
    // 一 alone is rarely a count (一体, 一年); two or more items make a list.
    if (value !== null && value >= 2) return value;
  }
  return null;
}

interface ListCandidate {
  items: string[];
  /** The passage the list starts in, when it is not the hit itself and is among the ranked ones. */
  from?: Passage;
  /** Text around the list (its intro and sentence): where the question's words should be. */
  context: string;
  /** Inline lists are one line (服务大局、服务基层、服务职工); others one item a line. */
  inline: boolean;
  /** The list holds or follows the part of the paragraph that ranked. */
  near: boolean;
  /** Found by the question's key character (六好): its count and key already match. */
  keyed?: boolean;
}

/** A list's count after its last item: 5大类, 五个方面, 四项. */
const LIST_COUNT = /(?<=[\u4e00-\u9fff”])[0-9一二两三四五六七八九十]{1,2}(?:大类|个方面|大方面|大项|项|类|条|种|个)$/u;

/** Short phrases separated by 、 inside one clause or quotation: “培训、帮带、竞赛、晋级”. */
const INLINE_ITEM = /^[\u4e00-\u9fff0-9“”]{2,18}$/u;

function inlineLists(text: string): { items: string[]; start: number; end: number }[] {
  const out: { items: string[]; start: number; end: number }[] = [];
  // Quotation marks stay inside a run: an item may be quoted (推进“两个普遍”).
  for (const m of text.matchAll(/[^，,。；;：:！？!?（）()「」『』"]+/gu)) {
    const run = m[0];
    if (!run.includes("、")) continue;
    let items = run.split("、").map((x) => x.trim());
    // The list's quoted, counted label before its first item (即提高“四个能力”参与能力、…) is no
    // part of it (“工人先锋号”活动, uncounted, is an item).
    items[0] = items[0]!.replace(/^[^“”]*“[^“”]*[一二两三四五六七八九十0-9][个项条大种类方][^“”]*”(?=[\u4e00-\u9fff0-9]{2})/u, "");
    // The last item often ends with 等 … (发明创新等多形式的劳动竞赛) or with the count
    // (加强自身建设5大类): keep what precedes them.
    const last = items[items.length - 1]!.replace(LIST_COUNT, "");
    const etc = last.indexOf("等");
    items[items.length - 1] = etc > 1 ? last.slice(0, etc) : last;
    items = items.filter((x) => x.length > 0);
    if (items.length < 2 || !items.every((x) => INLINE_ITEM.test(x))) continue;
    out.push({ items, start: m.index!, end: m.index! + run.length });
  }
  return out;
}

/** Clauses of one sentence that open with the same word: 坚持以…；坚持以…；坚持以… */
function parallelClauses(text: string): { items: string[]; start: number; end: number }[] {
  const out: { items: string[]; start: number; end: number }[] = [];
  for (const sentence of spans(text, /[^。！？!?]+[。！？!?]?/gu)) {
    const body = text.slice(sentence.start, sentence.end);
    const parts = body.split(/[；;]/u).map((x) => x.trim()).filter((x) => x.length > 0);
    if (parts.length < 3) continue;
    const lead = parts[parts.length - 1]!.slice(0, 2);
    const same = parts.filter((x) => x.startsWith(lead));
    if (same.length < 3 || !/^[\u4e00-\u9fff]{2}$/u.test(lead)) continue;
    out.push({ items: same.map((x) => itemText(x.split(/[，,]/u)[0]!)), start: sentence.start, end: sentence.end });
  }
  return out;
}

function listAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  // 六好, 三有三好: the key characters say how many items and what each carries.
  const keys = askedKeys(q.question);
  const wanted = askedCount(q.question);
  let best = null as { hit: Passage; candidate: ListCandidate; score: number } | null;
  hits.slice(0, 2).forEach((hit, rank) => {
    const { text, offset } = context.paragraph(hit);
    const partEnd = offset + hit.text.length;
    const candidates: ListCandidate[] = [];
    const keyed = keyedList(text, keys);
    if (keyed) {
      candidates.push({ items: keyed.items, context: text.slice(Math.max(0, keyed.start - 60), keyed.start + 60), inline: true, near: true, keyed: true });
    }
    for (const e of enumerations(text)) {
      candidates.push({ items: e.items, context: text.slice(Math.max(0, e.start - 40), e.start), inline: false, near: e.start <= partEnd });
    }
    for (const list of [...inlineLists(text), ...parallelClauses(text)]) {
      const sentenceStart = Math.max(text.lastIndexOf("。", list.start) + 1, list.start - 40);
      const sentenceEnd = Math.min(text.length, list.end + 20);
      candidates.push({ items: list.items, context: text.slice(sentenceStart, sentenceEnd), inline: true, near: list.start >= offset - 40 && list.start <= partEnd });
    }
    // A list whose items are paragraphs (一、… 二、… as paragraph openings) of the same item.
    const paragraphs = context.itemParagraphs(hit);
    const opening = paragraphs.map((p) => ({ p, m: markers(context.paragraph(p).text).find((m) => m.start <= 1) }));
    for (let i = 0; i < opening.length; i++) {
      const first = opening[i]!.m;
      if (!first || first.value !== 1) continue;
      const run = [opening[i]!];
      for (let j = i + 1; j < opening.length; j++) {
        const o = opening[j]!;
        if (o.m && o.m.style === first.style && o.m.value === run[run.length - 1]!.m!.value + 1) run.push(o);
      }
      if (run.length < 2) continue;
      const near = run.some((o) => o.p.paragraph === hit.paragraph) || paragraphs[i - 1]?.paragraph === hit.paragraph;
      const items = run.map((o) => {
        const t = context.paragraph(o.p).text;
        return t.slice(o.m!.start, o.m!.body) + itemText(t.slice(o.m!.body));
      });
      const before = i > 0 ? context.paragraph(paragraphs[i - 1]!).text.slice(-40) : "";
      const opener = hits.find((h) => h.id === run[0]!.p.id);
      candidates.push({ items, context: `${before}${hit.title ?? ""}`, inline: false, near, ...(opener ? { from: opener } : {}) });
    }
    for (const c of candidates) {
      // A keyed list (六好) has the asked count and key by construction: that is its evidence.
      const countFits = c.keyed === true || (wanted !== null && c.items.length === wanted);
      if (wanted !== null && !countFits) continue;
      const contextCover = textCover(q, c.context);
      if (!countFits && contextCover < 0.5) continue;
      // Two things joined by 、 (大局观、责任感) are a phrase, not the list asked for, unless counted.
      if (!countFits && c.inline && c.items.length < 3) continue;
      if (countFits && !c.keyed && contextCover < 0.25) continue;
      const score = (countFits ? 3 : 0) + (c.keyed ? 1 : 0) + contextCover * 2 + (c.near ? 0.5 : 0) + c.items.length * 0.01 - rank;
      if (!best || score > best.score) best = { hit, candidate: c, score };
    }
  });
  if (!best) return null;
  const { hit, candidate } = best;
  return { direct: { kind: "list", text: candidate.items.join(candidate.inline ? "、" : "\n"), hitId: (candidate.from ?? hit).id }, span: null };
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
