import type { Passage } from "../corpus/passage.js";
import { coveredSentences, MIN_COVER, PASSAGE_COVER_SHARE } from "./clause.js";
import { tagWords } from "../text/segment.js";
import { SENTENCE, spans, textCover, type DirectContext, type DirectQuery, type DirectSpan, type Span } from "./span.js";

/**
 * Names asked for: a name coined in quotation marks (叫什么 → “新吴江人”, 啥城 → “山水文化之城”), a
 * document's title (《…》), or the town the text names (哪个镇 → 木渎镇).
 */

/** 哪个镇, 哪个街道: which town (or street, village) is asked for. */
const ASKS_TOWN = /哪(?:个|一个)?(镇|乡|街道|社区|村)/u;
/** Words before 镇 that make no town's name (各镇, 全镇, 城乡镇). */
const NOT_A_TOWN = /^[各全本每该乡城]|[乡城]$/u;

/**
 * 吴中哪个镇在试办职工介绍所: the town the text names (木渎镇工会对创办…职工职业介绍所进行了有益
 * 的探索) in a sentence of the top passages covering the question as a figure's must — a
 * town's name is evidence enough to be read from the next passages too.
 */
export function townAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const unit = ASKS_TOWN.exec(q.question)?.[1];
  if (!unit) return null;
  for (const hit of hits) {
    for (const part of context.parts(hit)) {
      for (const sentence of spans(part.text, SENTENCE)) {
        const text = part.text.slice(sentence.start, sentence.end);
        if (textCover(q, text) < MIN_COVER.figure) continue;
        const name = townIn(text, unit);
        if (!name) continue;
        const start = sentence.start + text.indexOf(name);
        const end = start + name.length;
        return { direct: { kind: "what", text: name, hitId: part.id }, span: { start, end } };
      }
    }
  }
  return null;
}

/** Tags of words that may name a place (jieba: place, person, organisation, other proper name, unknown). */
const NAME_TAGS = /^(?:ns|nr|nt|nz|x)$/u;

/**
 * The first town of the kind `unit` a text names, by its words: one word ending in it (木渎镇, tagged
 * a place) or a name right before it (郭巷 街道) — never 加强 镇级 or 各镇.
 */
function townIn(text: string, unit: string): string | null {
  const words = tagWords(text);
  for (let i = 0; i < words.length; i++) {
    const { word, tag } = words[i]!;
    if (word.endsWith(unit) && word.length >= unit.length + 2 && /^n/u.test(tag) && !NOT_A_TOWN.test(word.slice(0, -unit.length))) return word;
    const before = words[i - 1];
    if (word === unit && before && NAME_TAGS.test(before.tag) && /^[\u4e00-\u9fff]{2,3}$/u.test(before.word) && !NOT_A_TOWN.test(before.word)) return before.word + unit;
  }
  return null;
}

/**
 * A question asking for a name: 叫什么 / 叫做啥 / 称为, 什么名字, the 主题 or 口号 of something
 * (coined in quotation marks, as names are), or 啥城 / 什么工程 (what the name is of).
 */
const ASKS_NAME = /叫(?:做|作|个)?(?:什么|啥)|称(?:为|作)(?:什么|啥)?|(?:什么|啥)(?:名字|名称|称号|名)|(?:名字|名称|称号|全称)(?:是|叫)(?:什么|啥)/u;
/**
 * The 主题 or 口号 of something, asked for: coined in quotation marks when it is a name
 * (以“建功立业十二五，转型升级争先锋”为主题), but not always (以推进相城区后发崛起为主题), so
 * a quoted name answers only when the noun is next to it.
 */
const ASKS_NAMED_BY = /(?:什么|啥)(?:为|作为)?(口号|主题|理念|品牌|原则|方针|思路)|(口号|主题|理念|品牌|宗旨|原则|方针|思路)(?:(?:是|叫|为)?(?:什么|啥)|\s*$)/u;
const ASKS_NAMED_THING = /(?:什么|啥|哪一?个)([\u4e00-\u9fff])/u;
/** What kind of X (什么样的组织, 啥样的队伍): X, a description of which is asked for. */
const ASKS_KIND_OF = /(?:什么样|啥样|怎样|怎么样|咋样)的([\u4e00-\u9fff]{1,2})/u;
/** After 什么/啥, words that ask how or when, not for a name. */
const NOT_A_THING = /^[时样意地事内作用呢吗的是好要叫呀啊方]/u;
/** A coined name: 2–15 characters in quotation marks (a slogan of two halves keeps its comma). */
const QUOTED = /“([^“”]{2,15})”/gu;
/** Quoted names joined by 、, or one alone. */
const QUOTED_RUN = /“[^“”]{2,15}”(?:、“[^“”]{2,15}”)*/gu;
/** An idf from which a question word says something specific (工会, 工作 and 职工 weigh less). */
const SPECIFIC = 1;
/** A document's title in book marks: 《劳动合同法》, 《昆山率先基本实现现代化指标体系》. */
const TITLED = /《([^《》]{2,40})》/gu;
/**
 * A question asking which document something follows or which law is meant (参照什么定的, 照着哪套
 * 东西, 学哪部法, 什么文件): answered by a title in book marks — in the top passage, as a plain name is.
 */
const ASKS_DOCUMENT = /(?:参照|照着)(?:的是)?(?:什么|啥|哪)(?!.{0,3}(?:原则|精神|思路|方针|要求))|哪(?:份|部|本)(?![\u4e00-\u9fff])|哪(?:份|部|本|个|套|项)(?:文件|法律|法规|法|条例|规定|意见|办法)|(?:什么|啥)(?:文件|法律|法规|条例|规定|意见)/u;
/** How far either side of a name the question's words count as naming it (合理化建议“金点子”活动). */
const NAME_REACH = 10;
/** What ends a name's surroundings: punctuation or another name's quotation marks. */
const NAME_EDGE = /[。！？；!?;，,：:、“”]/u;

interface AskedName {
  /** The name must end in this (啥城 → 城), or be followed by one of `kinds`; null: any name. */
  thing: string | null;
  /**
   * The word after 什么 and its one-word synonyms (什么比赛 → 比赛, 竞赛): a name followed by one
   * of them is a name of that kind (“安康杯”竞赛) though it does not end in `thing`.
   */
  kinds: readonly string[];
  /** The name must stand next to this word (主题), or null. */
  noun: string | null;
  /** A document is asked for: its title in book marks (《…》) answers, not a quoted name. */
  document?: boolean;
}

/** What a name question asks for: any name (叫什么), one next to a noun (主题是什么), or the name of a kind of thing (啥城 → 城, 什么比赛). */
export function askedName(q: DirectQuery): AskedName | null {
  const question = q.question;
  if (ASKS_DOCUMENT.test(question)) return { thing: null, kinds: [], noun: null, document: true };
  if (ASKS_NAME.test(question)) return { thing: null, kinds: [], noun: null };
  const by = ASKS_NAMED_BY.exec(question);
  if (by) return { thing: null, kinds: [], noun: by[1] ?? by[2]! };
  // 建成什么样的组织: the name coined for the kind of X (“学习型、服务型、创新型”的群众组织).
  const kindOf = ASKS_KIND_OF.exec(question)?.[1];
  if (kindOf) return { thing: kindOf, kinds: [kindOf, ...(q.synonyms[kindOf] ?? []).filter((w) => w.length === 1).map((w) => w[0]!)], noun: null };
  const m = ASKS_NAMED_THING.exec(question);
  const thing = m?.[1];
  if (!m || !thing || NOT_A_THING.test(thing)) return null;
  const word = question.slice(m.index + m[0].length - 1, m.index + m[0].length + 1);
  const kinds = [word, ...(q.synonyms[word] ?? []).filter((w) => w.length === 1).map((w) => w[0]!)];
  return { thing, kinds, noun: null };
}

/**
 * Names are coined in quotation marks (“新吴江人”, “山水文化之城”, 以“建功立业十二五，转型升级争先锋”为主题).
 * Of the names in the top passage's paragraph that fit what is asked (any, or those ending in
 * the thing asked about: 啥城 → “山水文化之城”), the one whose sentence covers the question and
 * whose own surroundings — up to the next punctuation or name — hold the question's words: in
 * 继续推进“三创六小”活动，开展以“创新、创造在岗位”为主题的合理化建议“金点子”活动, a question
 * about the 合理化建议活动's name is answered by 金点子. A tie between two names is no answer.
 */
/** The least share of the best sentence's own cover a name's sentence must have (see bestOwn). */
const OWN_SHARE = 0.5;

export function namedAnswer(q: DirectQuery, top: Passage, context: DirectContext, asked: AskedName): DirectSpan | null {
  let best: { hit: Passage; span: Span | null; text: string; score: number } | null = null;
  let tied = false;
  // A sentence may name the thing while its paragraph says what it belongs to (工人先锋号活动里的
  // 合理化建议活动): the paragraph's cover counts, discounted, as for figures. Every part below is
  // of this one paragraph.
  const paragraphCover = PASSAGE_COVER_SHARE * textCover(q, context.paragraph(top).text);
  // The sentence of the paragraph that says most of the question: a name in a sentence saying far
  // less is about something else the paragraph also covers (“党政重视…”的建会思路 is no answer to
  // how 直选 proceeds, which another sentence of the paragraph says: 按照成熟一家，直选一家的思路).
  const sentences = context.parts(top).flatMap((part) =>
    spans(part.text, SENTENCE).map((s) => {
      const text = part.text.slice(s.start, s.end);
      return { part, text, start: s.start, own: textCover(q, text) };
    }),
  );
  const bestOwn = Math.max(0, ...sentences.map((s) => s.own));
  /** The names in one sentence of `hit` (at `offset` in its text; null: its title), `own` its cover of the question. */
  const consider = (hit: Passage, sentenceText: string, offset: number | null, rank: number, own: number) => {
    if (offset !== null && own < OWN_SHARE * bestOwn) return;
    const sentenceCover = Math.max(own, paragraphCover);
    // A name followed by the kind of thing asked for (“安康杯”竞赛 for 什么比赛) is evidence of its
    // own: its sentence needs only a figure's share of the question.
    if (sentenceCover < MIN_COVER.figure) return;
    // Names joined by 、 (创建“一镇一品”、“一企一特”的工会工作品牌) are one answer.
    for (const m of sentenceText.matchAll(asked.document ? TITLED : QUOTED_RUN)) {
      const names = asked.document ? [m[1]!] : [...m[0].matchAll(QUOTED)].map((n) => n[1]!);
      // A name the question says itself (金点子活动以什么为主题) is what it asks about, not the answer.
      if (names.some((name) => q.question.includes(name))) continue;
      const follows = sentenceText.slice(m.index! + m[0].length);
      // Followed by the kind asked for, or by at most four characters before it (“…”的建会思路, “四有”职工队伍).
      const ofKind = asked.kinds.some((k) => {
        const at = follows.indexOf(k);
        // (…”等创先争优活动 makes the names examples of a kind, not the kind's own name.)
        return at === 0 || (at > 0 && at <= 5 && /^的?(?!等)[\u4e00-\u9fff]*$/u.test(follows.slice(0, at)));
      });
      // Ending in the thing asked about (啥城 → “山水文化之城”) is the same evidence.
      const endsInThing = asked.thing !== null && names.every((name) => name.endsWith(asked.thing!));
      // Asked for a name outright (叫什么), being quoted — coined — is evidence too.
      // (A title in book marks, when a document is asked for, is the same evidence.)
      const named = asked.thing === null && asked.noun === null;
      const least = asked.document || ofKind || endsInThing || named ? MIN_COVER.figure : MIN_COVER.what;
      if (sentenceCover < least) continue;
      // A title stands in a sentence that says something specific of the question (这套指标是在综合研究
      // 《…》), not only 工会: a plan's passages cite laws in passing.
      if (asked.document && !q.terms.some((t) => (q.weights[t] ?? 0) >= SPECIFIC && textCover({ ...q, terms: [t] }, sentenceText) > 0)) continue;
      if (asked.thing !== null && !endsInThing && !ofKind) continue;
      const text = names.join("、");
      const before = sentenceText.slice(Math.max(0, m.index! - NAME_REACH), m.index!);
      const after = sentenceText.slice(m.index! + m[0].length, m.index! + m[0].length + NAME_REACH);
      const near = before.split(NAME_EDGE).pop()! + after.split(NAME_EDGE)[0]!;
      if (asked.noun !== null && !near.includes(asked.noun)) continue;
      const score = sentenceCover + textCover(q, near) - rank;
      if (best && best.text === text) continue;
      const span = offset === null ? null : { start: offset + m.index! + 1, end: offset + m.index! + m[0].length - 1 };
      if (!best || score > best.score + 1e-9) {
        best = { hit, span, text, score };
        tied = false;
      } else if (Math.abs(score - best.score) <= 1e-9) tied = true;
    }
  };
  for (const { part, text, start, own } of sentences) consider(part, text, start, part.id === top.id ? 0 : 0.2, own);
  // The item's headline coins names too (宝钢苏冶公司工会提出“八个人”工作思路), behind its text.
  if (top.title) consider(top, top.title, null, 0.1, textCover(q, top.title));
  if (!best || tied) return null;
  const found = best as { hit: Passage; span: Span | null; text: string };
  return { direct: { kind: "what", text: found.text, hitId: found.hit.id }, span: found.span };
}

/** Whether the question asks which town (哪个镇, 哪个街道): only a town's name answers it. */
export function asksTown(question: string): boolean {
  return ASKS_TOWN.test(question);
}

/** 办成什么样, 建成啥样, 打造成什么地方: what something is to be made into, asked for. */
const ASKS_MADE = /(?:办成|建成|打造成?|建设成为?|变成|弄成|搞成)(?:一个|个)?[^，,。？?]{0,6}?(?:什么|啥)/u;
/** A coined name something is to be made into: 打造职工欢迎的“学校和乐园”, 建设成为…“职工之家”, 建设“党委放心、…”的工会组织. */
const MADE_INTO = /(?:打造|建成|建设(?:成为?)?|办成|成为)[^，,。；;！？!?“”]{0,10}“([^“”]{2,15})”/gu;

/**
 * 把活动场地办成啥样: the coined name a plan says it will make something into (打造职工欢迎的
 * “学校和乐园”), in a sentence of the top passages' paragraphs that covers the question as a
 * figure's must; the best-covered one, none on a tie.
 */
export function madeIntoAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  if (!ASKS_MADE.test(q.question)) return null;
  let best: { hit: Passage; span: Span; text: string; score: number } | null = null;
  let tied = false;
  hits.forEach((hit, rank) => {
    for (const { part, start: at, text, cover } of coveredSentences(q, hit, context)) {
      for (const m of text.matchAll(MADE_INTO)) {
        const name = m[1]!;
        if (q.question.includes(name)) continue;
        const score = cover - rank;
        const start = at + m.index! + m[0].length - name.length - 1;
        if (best && best.text === name) continue;
        if (!best || score > best.score + 1e-9) {
          best = { hit: part, span: { start, end: start + name.length }, text: name, score };
          tied = false;
        } else if (Math.abs(score - best.score) <= 1e-9) tied = true;
      }
    }
  });
  if (!best || tied) return null;
  const found = best as { hit: Passage; span: Span; text: string };
  return { direct: { kind: "what", text: found.text, hitId: found.hit.id }, span: found.span };
}
