import type { Passage } from "../corpus/passage.js";
import { bestClause, MIN_COVER, PASSAGE_COVER_SHARE, TOP } from "./clause.js";
import { tagWords } from "../text/segment.js";
import { CLAUSE, LEADING_MARK, SENTENCE, spans, textCover, trimClause, type DirectContext, type DirectQuery, type DirectSpan, type Span } from "./span.js";

/**
 * What-answers: what something is, is called or means — a quoted name (叫什么, 主题, 口号), what
 * the text puts after X的 (X的什么), what a numbered heading heads, or the clause (or the rest of
 * the sentence it introduces) that covers the question best.
 */

/**
 * What something is (思路, 主题, 标准, 叫什么): the clause (or clause pair) of the top passages that
 * covers the question best — the words asked about sit next to what they are.
 */
export function whatAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const defined = definedAnswer(q, hits.slice(0, TOP), context);
  if (defined) return defined;
  if (q.terms.length === 0) return null;
  // Which town: only a town's name answers, no clause does.
  if (ASKS_TOWN.test(q.question)) return townAnswer(q, hits.slice(0, TOP), context);
  // Which meeting: its session's name (十届七次全委（扩大）会议) answers.
  if (ASKS_MEETING.test(q.question)) {
    const meeting = framedSpan(q, hits[0]!, context, MEETING);
    if (meeting) return meeting;
  }
  const asked = askedName(q);
  if (asked) {
    // A name of the kind asked for (啥城 → “山水文化之城”) is evidence enough to be read from the
    // next passages too when the top one has none.
    for (const hit of asked.thing !== null ? hits.slice(0, TOP) : hits.slice(0, 1)) {
      const named = namedAnswer(q, hit, context, asked);
      if (named) return named;
    }
    // Which document (参照什么定的): only a title answers; no clause is one.
    if (asked.document) return null;
  }
  const framed = frameAnswer(q, hits[0]!, context) ?? aroundAnswer(q, hits[0]!, context) ?? treatedAsAnswer(q, hits[0]!, context) ?? methodAnswer(q, hits[0]!, context);
  if (framed) return framed;
  const attribute = attributeAnswer(q, hits[0]!, context);
  if (attribute) return attribute;
  const headed = headingAnswer(q, hits.slice(0, TOP), context);
  if (headed) return headed;
  const blank = blankAnswer(q, hits[0]!, context);
  if (blank) return blank;
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
  // A clause of a short numbered item (9.实施“女职工互助关爱计划”，扶持单亲女职工自主创业；) is half
  // of one measure: the whole item answers.
  const item = numberedItem(text, { start, end });
  if (item) ({ start, end } = item);
  // A clause that only repeats what was asked (“火车跑得快，全靠车头带” 指的是什么) is not its
  // meaning: the sentence after it is (加强工会干部队伍建设，是搞好工会工作的前提和基础).
  if (repeatsQuestion(text.slice(start, end), q.question)) {
    const next = /^[”"’\s。！？；!?;]*([^。！？；!?;]+)/u.exec(text.slice(end));
    if (!next || next[1]!.length > WHOLE_PREDICATE) return null;
    start = end + next[0].length - next[1]!.length;
    end = trimClause(text, { start, end: start + next[1]!.length }).end;
  }
  // How (拿啥招吸引农民工入会): the means a plan names with 通过 next to the clause that matched —
  // 通过实行会员优惠制…等措施，吸引和组织农民工入会 — is the answer, with that clause.
  if (ASKS_HOW.test(q.question)) ({ start, end } = withMeans(text, { start, end }));
  // Why (为啥说担子越来越重): the clause saying what was asked is the claim; its reason is said
  // before it in the same sentence (…肩负着双重职能，工作的任务越来越重，必须加强…): the sentence
  // up to the claim answers.
  if (ASKS_WHY.test(q.question)) {
    const sentence = spans(text, SENTENCE).find((s) => s.start <= start && end <= s.end);
    if (sentence) start = trimClause(text, { start: sentence.start, end }).start;
  }
  if (end - start > 120) return null;
  return { direct: { kind: "what", text: text.slice(start, end), hitId: found.hit.id }, span: { start, end } };
}

/** What the question says around its blank: 要大力开展 | 什么 | 活动. */
const BLANK = /([\u4e00-\u9fff]{2,6})(?:什么|啥)(?:样的)?([\u4e00-\u9fff]{1,4})/u;
/** What may stand in a blank: a run without punctuation or quotation marks, 2–12 characters. */
const FILLER = "[^\\s，。；、：:,;！？!?“”（）()]{2,12}?";

/**
 * The text fills the question's blank (望亭电厂工会要大力开展什么活动 → 大力开展群众性技术创新活动):
 * the last characters the question says before 什么 and the first it says after it, found in
 * the top passage's paragraph with a short run between them — the run, and what closes it, is
 * the answer. The closest fit first: four characters before down to two, three after down to one.
 */
function blankAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  const m = BLANK.exec(q.question);
  if (!m) return null;
  const [, before, after] = m as unknown as [string, string, string];
  for (let a = Math.min(4, before.length); a >= 2; a--) {
    for (let b = Math.min(3, after.length); b >= 1; b--) {
      const fits = new RegExp(`${before.slice(-a)}(${FILLER})${after.slice(0, b)}`, "u");
      for (const part of context.parts(top)) {
        const x = fits.exec(part.text);
        if (!x) continue;
        const start = x.index + a;
        const end = x.index + x[0].length;
        return { direct: { kind: "what", text: part.text.slice(start, end), hitId: part.id }, span: { start, end } };
      }
    }
  }
  return null;
}

/** A question asking how, or by what means (怎么, 如何, 咋, 拿啥招, 用什么办法, 靠什么). */
const ASKS_HOW = /怎么(?!样)|如何|怎样|咋|(?:啥|什么)(?:招|办法|措施|手段)|靠(?:什么|啥)/u;
/** A clause naming the means: 通过…. */
const MEANS = /^\s*通过/u;

/** The span widened by the neighbouring clause of its sentence that names the means (通过…), if one does. */
function withMeans(text: string, span: Span): Span {
  const sentence = spans(text, SENTENCE).find((s) => s.start <= span.start && span.end <= s.end);
  if (!sentence) return span;
  const clauses = spans(text.slice(sentence.start, sentence.end), CLAUSE).map((c) => ({ start: sentence.start + c.start, end: sentence.start + c.end }));
  const first = clauses.findIndex((c) => c.end > span.start);
  const last = clauses.findIndex((c) => c.end >= span.end);
  if (first < 0 || last < 0) return span;
  const before = clauses[first - 1];
  const after = clauses[last + 1];
  let { start, end } = span;
  if (before && MEANS.test(text.slice(before.start, before.end))) start = trimClause(text, before).start;
  else if (after && MEANS.test(text.slice(after.start, after.end))) end = trimClause(text, after).end;
  return { start, end };
}

/** A question asking why: answered by a reason, not by the claim it asks about. */
const ASKS_WHY = /为什么|为啥|为何|凭什么|干嘛要|何以/u;

/** The longest numbered item (after its marker) a what-answer widens to. */
const ITEM_MAX = 40;

/** The numbered item (1. / 10、) a span lies in, after its marker, when it is short; else null. */
function numberedItem(text: string, span: Span): Span | null {
  const sentence = spans(text, SENTENCE).find((s) => s.start <= span.start && span.end <= s.end);
  if (!sentence) return null;
  const marker = /^\s*[0-9]{1,2}[.．、](?![0-9])\s*/u.exec(text.slice(sentence.start, sentence.end));
  if (!marker) return null;
  const body = trimClause(text, { start: sentence.start + marker[0].length, end: sentence.end });
  return body.end - body.start <= ITEM_MAX && body.start <= span.start ? body : null;
}

/**
 * A paragraph opening with a numbered heading: （一）、贯穿一条主线。 / 3、加强工会干部队伍建设。 The
 * marker is the one clauses are trimmed of (span.ts), so 2012年…： is no heading.
 */
const HEADING = new RegExp(`${LEADING_MARK.source}([^。！？；!?;，,]{2,24})[。：:]`, "u");

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

/** A label the text defines: “一”：即把全区工会努力建设成为… (the label, then what it stands for). */
const DEFINITION = /“([^“”]{1,10})”\s*[：:]?\s*(?:即|就是|是指)\s*([^。；;！？!?]+)/gu;
/** What follows a label in a question asking what it means: 一指的是什么, 一是指啥, 万是什么意思. */
const ASKS_MEANING = /^(?:字|这个)?(?:是指|指的是|指|就是|是)(?:什么|啥)|^(?:是)?(?:什么|啥)意思/u;

/**
 * 一十百千万目标里的一指的是什么: the label's definition (“一”：即…) in the top passages' paragraphs
 * answers, when the question names the label right before asking what it means. A one-character
 * label is found this way or not at all: it is no search term.
 */
export function definedAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  for (const hit of hits) {
    for (const part of context.parts(hit)) {
      for (const m of part.text.matchAll(DEFINITION)) {
        const label = m[1]!;
        let at = q.question.indexOf(label);
        // The label may be quoted in the question too (“一”是什么意思).
        const asksAfter = (from: number) => ASKS_MEANING.test(q.question.slice(from).replace(/^[”"’']/u, ""));
        while (at >= 0 && !asksAfter(at + label.length)) at = q.question.indexOf(label, at + 1);
        if (at < 0) continue;
        const start = m.index! + m[0].length - m[2]!.length;
        const end = trimClause(part.text, { start, end: start + m[2]!.length }).end;
        return { direct: { kind: "what", text: part.text.slice(start, end), hitId: part.id }, span: { start, end } };
      }
    }
  }
  return null;
}

/** What a plan is built around, named by the noun of 以…为主线 (以发展和谐劳动关系为主线). */
const FRAME_NOUNS = "主题|主线|主旨|抓手|载体|宗旨|理念";
/** 以什么为主线, 主线是什么, a search ending in 主线: the frame's noun asked for. */
const ASKS_FRAME = new RegExp(`以(?:什么|啥)(?:为|作为)(${FRAME_NOUNS})|(${FRAME_NOUNS})(?:(?:是|为)(?:什么|啥)|\\s*$)`, "u");

/**
 * 以什么为主线: plans string their frame together (以推进相城区后发崛起为主题，以发展和谐劳动关系为
 * 主线，以服务职工群众为主旨), so the clause that covers the question best may be the wrong one of
 * three; the answer is what stands between 以 and 为 + the noun asked for, in the top passage's
 * paragraph, when its sentence covers the question.
 */
function frameAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  const asked = ASKS_FRAME.exec(q.question);
  if (!asked) return null;
  return framedSpan(q, top, context, new RegExp(`以([^以，,。；;：:]{2,30}?)(?:为|作为)(?:${asked[1] ?? asked[2]!})`, "u"));
}

/** 围绕什么, 围着啥: what a plan is built around asked for. */
const ASKS_AROUND = /(?:围绕|围着|绕着)(?:的是)?[^，,。？?]{0,8}?(?:什么|啥)/u;

/**
 * 主要是围绕什么来抓的: what the text puts after 围绕 (紧紧围绕“水惠民生、造福于民”工作理念), or
 * else the X of its frame 以X为主线 (以发展和谐劳动关系为主线), in the top passage's paragraph, when
 * its sentence covers the question as a figure's must.
 */
function aroundAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  if (!ASKS_AROUND.test(q.question)) return null;
  return framedSpan(q, top, context, /围绕([^，,。；;：:]{2,40})/u) ?? framedSpan(q, top, context, /以([^以，,。；;：:]{2,30}?)(?:为|作为)(?:主线|中心|主题)/u);
}

/** What a plan singles out: 把…作为重点 (and 关键, 抓手, 首要任务 …). */
const SINGLED = "重点|关键|抓手|核心|中心|突破口|首要|出发点|落脚点";
/** 把什么当作重点, 把啥当重点, 把哪件事当重点来抓: the noun of what is singled out, asked for. */
const ASKS_TREATED = new RegExp(`把(?:什么|啥|哪件事|哪些事?|哪一项|哪项)(?:当作|当成|看作|作为|当)[\\u4e00-\\u9fff]{0,4}?(${SINGLED})`, "u");

/**
 * 把什么当作重点: plans say what they single out as 把X作为重点 (把劳动定额标准制定和管理作为重点),
 * often two in a row (…作为关键，…作为重点), so the answer is the X before the noun asked for, in
 * the top passage's paragraph, when its sentence covers the question as a figure's must.
 */
function treatedAsAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  const asked = ASKS_TREATED.exec(q.question);
  if (!asked) return null;
  const treated = new RegExp(`把([^把，,。；;：:]{2,30}?)(?:作为|当作|当成)[\\u4e00-\\u9fff]{0,6}?${asked[1]}`, "u");
  return framedSpan(q, top, context, treated);
}

/** A way of doing something asked for (用的是什么方法, 啥办法, 什么做法). */
const ASKS_METHOD = /(?:什么|啥|哪种)(?:方法|办法|方式|做法|路子|模式)/u;
/** The words of a method, after any verb of adopting it (将采取抓两头带中间的方法); one noun is as good as another. */
const METHOD_OF = /(?:^|[，,；;：:、])(?:[\u4e00-\u9fff]{0,3}?(?:采取|采用|实行|运用|按照|通过|坚持))?([^，,。；;：:、]{2,16}?)的(?:方法|办法|方式|做法|路子|模式)/u;

/** 用的是什么方法: the text's own name for it, before 的方法 (将采取抓两头带中间的方法 → 抓两头带中间). */
function methodAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  if (!ASKS_METHOD.test(q.question)) return null;
  return framedSpan(q, top, context, METHOD_OF);
}

/**
 * The first group of `pattern` in a sentence of the top passage's paragraph that covers the
 * question as a figure's sentence must (its paragraph's cover counting, discounted).
 */
function framedSpan(q: DirectQuery, top: Passage, context: DirectContext, pattern: RegExp): DirectSpan | null {
  const paragraphCover = PASSAGE_COVER_SHARE * textCover(q, `${top.title ?? ""}\n${context.paragraph(top).text}`);
  for (const part of context.parts(top)) {
    for (const sentence of spans(part.text, SENTENCE)) {
      const text = part.text.slice(sentence.start, sentence.end);
      if (Math.max(textCover(q, text), paragraphCover) < MIN_COVER.figure) continue;
      const m = pattern.exec(text);
      if (!m) continue;
      const start = sentence.start + m.index + m[0].indexOf(m[1]!);
      const end = start + m[1]!.length;
      return { direct: { kind: "what", text: part.text.slice(start, end), hitId: part.id }, span: { start, end } };
    }
  }
  return null;
}

/** 哪次会议, 哪一次全体委员扩大会, 什么会议: which meeting is asked for. */
const ASKS_MEETING = /哪一?[次届个][^，,。？?]{0,10}?会|(?:什么|啥)会议?/u;
/** A meeting named by its session: 十届七次全委（扩大）会议, 十三届四次全委会. */
const MEETING = /((?:[一二三四五六七八九十]+|[0-9]+)届(?:[一二三四五六七八九十]+|[0-9]+)次[^，,。；;、]{0,12}?(?:会议|大会|全委会))/u;

/** 哪个镇, 哪个街道: which town (or street, village) is asked for. */
const ASKS_TOWN = /哪(?:个|一个)?(镇|乡|街道|社区|村)/u;
/** Words before 镇 that make no town's name (各镇, 全镇, 城乡镇). */
const NOT_A_TOWN = /^[各全本每该乡城]|[乡城]$/u;

/**
 * 吴中哪个镇在试办职工介绍所: the town the text names (木渎镇工会对创办…职工职业介绍所进行了有益
 * 的探索) in a sentence of the top passages covering the question as a figure's must — a
 * town's name is evidence enough to be read from the next passages too.
 */
function townAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
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

/** Longest rest of a sentence a what-answer takes after 是， (characters). */
const WHOLE_PREDICATE = 100;

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
function askedName(q: DirectQuery): AskedName | null {
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
function namedAnswer(q: DirectQuery, top: Passage, context: DirectContext, asked: AskedName): DirectSpan | null {
  let best: { hit: Passage; span: Span | null; text: string; score: number } | null = null;
  let tied = false;
  // A sentence may name the thing while its paragraph says what it belongs to (工人先锋号活动里的
  // 合理化建议活动): the paragraph's cover counts, discounted, as for figures. Every part below is
  // of this one paragraph.
  const paragraphCover = PASSAGE_COVER_SHARE * textCover(q, context.paragraph(top).text);
  /** The names in one sentence of `hit` (at `offset` in its text; null: its title). */
  const consider = (hit: Passage, sentenceText: string, offset: number | null, rank: number) => {
    const sentenceCover = Math.max(textCover(q, sentenceText), paragraphCover);
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
  for (const part of context.parts(top)) {
    const rank = part.id === top.id ? 0 : 0.2;
    for (const sentence of spans(part.text, SENTENCE)) consider(part, part.text.slice(sentence.start, sentence.end), sentence.start, rank);
  }
  // The item's headline coins names too (宝钢苏冶公司工会提出“八个人”工作思路), behind its text.
  if (top.title) consider(top, top.title, null, 0.1);
  if (!best || tied) return null;
  const found = best as { hit: Passage; span: Span | null; text: string };
  return { direct: { kind: "what", text: found.text, hitId: found.hit.id }, span: found.span };
}
