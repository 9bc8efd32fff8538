import type { Passage } from "../corpus/passage.js";
import { bestClause, MIN_COVER, TOP } from "./clause.js";
import { asksProcedure } from "./kind.js";
import { aroundAnswer, attributeAnswer, blankAnswer, colonAnswer, definedAnswer, frameAnswer, meetingAnswer, methodAnswer, treatedAsAnswer } from "./framed-answer.js";
import { askedName, asksTown, madeIntoAnswer, namedAnswer, townAnswer } from "./named-answer.js";
import { clausesAround, LEADING_MARK, numberedItem, sentenceAround, spans, textCover, trimClause, type DirectContext, type DirectQuery, type DirectSpan, type Span } from "./span.js";

/**
 * What-answers: what something is, is called or means. The specific readings are tried first —
 * a label's definition, a name asked for (named-answer.ts), a frame of the plan's sentence or a
 * blank the text fills (framed-answer.ts), what a numbered heading heads — and then the clause
 * (or the rest of the sentence it introduces) that covers the question best, widened to the
 * means a how-question asks or the reason a why-question asks.
 */

/**
 * What something is (思路, 主题, 标准, 叫什么): the clause (or clause pair) of the top passages that
 * covers the question best — the words asked about sit next to what they are.
 */
export function whatAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const defined = definedAnswer(q, hits.slice(0, TOP), context) ?? colonAnswer(q, hits.slice(0, TOP), context);
  if (defined) return defined;
  if (q.terms.length === 0) return null;
  // A person's name asked (律师叫啥, 顾问叫什么名字), or one firm's (哪个律所): no clause or coined
  // name (“五个二”) is one, and whose byline it is answers only who wrote or leads (kind.ts).
  if (ASKS_PROPER_NAME.test(q.question)) return null;
  // How to apply or where to go (劳模评选怎么报名): the plans never say; 评选100名劳模 is no answer.
  if (asksProcedure(q.question)) return null;
  // Which town: only a town's name answers, no clause does.
  if (asksTown(q.question)) return townAnswer(q, hits.slice(0, TOP), context);
  // Which meeting: its session's name (十届七次全委（扩大）会议) answers.
  const meeting = meetingAnswer(q, hits[0]!, context);
  if (meeting) return meeting;
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
  // What something is to be made into (办成啥样), when no name of a kind asked for answered: the
  // coined name the plan gives it.
  const made = madeIntoAnswer(q, hits.slice(0, TOP), context);
  if (made) return made;
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
  // One of a sentence's counted measures (推荐十本好书，评选百名读书先进职工，举办十场读书报告会…):
  // what was asked is all of them, when the sentence is short enough to read as one answer.
  if (!item) {
    const sentence = sentenceAround(text, { start, end });
    if (sentence) {
      const whole = trimClause(text, sentence);
      const clauses = text.slice(whole.start, whole.end).split(/[，,；;]/u);
      if (clauses.length >= 3 && clauses.filter((c) => COUNTED.test(c)).length >= 3 && whole.end - whole.start <= WHOLE_PREDICATE) {
        ({ start, end } = whole);
      }
    }
  }
  // A clause that only repeats what was asked (“火车跑得快，全靠车头带” 指的是什么) is not its
  // meaning: the sentence after it is (加强工会干部队伍建设，是搞好工会工作的前提和基础).
  if (repeatsQuestion(text.slice(start, end), q.question)) {
    const next = sentenceAfter(text, end);
    if (!next) return null;
    ({ start, end } = next);
  }
  // How (拿啥招吸引农民工入会): the means a plan names with 通过 next to the clause that matched —
  // 通过实行会员优惠制…等措施，吸引和组织农民工入会 — is the answer, with that clause.
  if (ASKS_HOW.test(q.question)) ({ start, end } = withMeans(text, { start, end }));
  // How, answered by the question's own aim (怎样提升民主管理水平 → 不断提升民主管理水平): the aim
  // is not the how. The measures its plan item names with it (三是…，加强职代会制度建设，不断提升
  // 民主管理水平) are — or, when the aim stands alone, the sentence after it.
  if ((ASKS_HOW.test(q.question) || ASKS_DOING.test(q.question)) && restatesQuestion(text.slice(start, end), q.question)) {
    const item = spans(text, ITEM_PART).find((s) => s.start <= start && end <= s.end);
    const whole = item ? trimClause(text, item) : null;
    // A numbered item's headline (二是要…，积极推进基层直选工会主席。) states its aim; the sentence
    // after it, when the item goes on, says how (在搞好试点的基础上，按照成熟一家，直选一家的思路…).
    const measures = item && whole && LEADING_ITEM.test(text.slice(item.start, item.end)) ? sentenceAfter(text, whole.end) : null;
    if (measures && !LEADING_ITEM.test(text.slice(measures.start))) {
      ({ start, end } = measures);
    } else if (whole && whole.end - whole.start <= WHOLE_PREDICATE && text.slice(whole.start, whole.end).replace(LEADING_ITEM, "").length > end - start + 2) {
      ({ start, end } = whole);
      const lead = LEADING_ITEM.exec(text.slice(start, end));
      if (lead) start += lead[0].length;
    } else {
      const next = sentenceAfter(text, end);
      if (!next) return null;
      ({ start, end } = next);
    }
  }
  // Why (为啥说担子越来越重): the clause saying what was asked is the claim; its reason is said
  // before it in the same sentence (…肩负着双重职能，工作的任务越来越重，必须加强…): the sentence
  // up to the claim answers.
  if (ASKS_WHY.test(q.question)) {
    const sentence = sentenceAround(text, { start, end });
    if (sentence) start = trimClause(text, { start: sentence.start, end }).start;
  }
  if (end - start > 120) return null;
  return { direct: { kind: "what", text: text.slice(start, end), hitId: found.hit.id }, span: { start, end } };
}

/**
 * A person's name asked for by their role (律师叫啥, 法律顾问叫什么名字, 专家姓什么, 请的哪个律师), or
 * the name of one firm, hospital or school (哪个律所, 哪家医院): a proper name, which no clause is.
 */
const ASKS_PROPER_NAME = /(?:律师|顾问|专家|老师|记者|主任|领导|负责人|人)(?:的)?(?:叫(?:做|个)?(?:什么|啥)|(?:什么|啥)?名字|姓(?:什么|啥))|(?:哪个|哪位|哪一位)(?:律师|顾问|专家|老师|记者)|(?:哪个|哪家|哪所)(?:律所|律师事务所|医院|学校)/u;

/** A question asking how, or by what means (怎么, 如何, 咋, 拿啥招, 用什么办法, 靠什么). */
const ASKS_HOW = /怎么(?!样)|如何|怎样|咋|(?:啥|什么)(?:招|办法|措施|手段)|靠(?:什么|啥)/u;
/**
 * A question asking what is done (法律援助工程具体干些啥, 搞什么, 都管些啥): answered, as a how-question is, by
 * what the plan does — not by the item's headline saying its name back (开展工会法律援助工程).
 */
const ASKS_DOING = /(?:干|做|搞|弄|管)(?:了|些|点)?(?:啥|什么)(?!样)|(?:干|做|搞|管)(?:哪些|哪几)/u;
/** A clause naming the means: 通过…. */
const MEANS = /^\s*通过/u;
/** A clause saying what the one before it is for: 使…, 让…, 以便…, 从而…. */
const PURPOSE = /^\s*(?:使|让|以便|从而|进而)/u;

/** The span widened by the neighbouring clause that names the means (通过…), or by the action before it when it says what that is for (使…). */
function withMeans(text: string, span: Span): Span {
  const around = clausesAround(text, span);
  if (!around) return span;
  const { clauses, first, last } = around;
  const before = clauses[first - 1];
  const after = clauses[last + 1];
  let { start, end } = span;
  if (before && MEANS.test(text.slice(before.start, before.end))) start = trimClause(text, before).start;
  else if (after && MEANS.test(text.slice(after.start, after.end))) end = trimClause(text, after).end;
  // The clause that matched says what it is for (…，使企业老板了解《条例》精神): the action is
  // the clause before it (要大张旗鼓地宣传《企业工会工作条例》).
  else if (before && PURPOSE.test(text.slice(clauses[first]!.start, clauses[first]!.end))) start = trimClause(text, before).start;
  return { start, end };
}

/** A question asking why: answered by a reason, not by the claim it asks about. */
const ASKS_WHY = /为什么|为啥|为何|凭什么|干嘛要|何以/u;

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

/** A plan's item within a sentence: up to a full stop or a semicolon. */
const ITEM_PART = /[^。！？；!?;]+/gu;
/** An item's own opening (三是, 二要, 1.) — no part of what it says. */
const LEADING_ITEM = /^\s*(?:[一二三四五六七八九十]+(?:是要|是|要)|[0-9]{1,2}[.．、])\s*/u;
/** How much of a span's Chinese the question must hold for the span to restate it. */
const RESTATES = 0.75;
/** Words every plan sentence is padded with (积极推进, 切实加强, 基层): they add nothing a question would lack. */
const PLAN_FILLER = /积极|开展|加强|切实|进一步|认真|大力|努力|深入|全面|不断|继续|做好|抓好|基层|广泛|扎实|着力|推动|推进/gu;

/** Whether a span mostly says the question's own characters back (不断提升民主管理水平 for 怎样提升民主管理水平). */
function restatesQuestion(span: string, question: string): boolean {
  // The plan's padding (积极推进, 开展, 基层) is said back as much as the question's words are.
  const chars = [...span.replace(PLAN_FILLER, "").replace(/[^\u4e00-\u9fff]/gu, "")];
  return chars.length >= 4 && chars.filter((c) => question.includes(c)).length >= RESTATES * chars.length;
}

/** Whether a span says nothing the question did not: its Chinese, in order, is inside the question's. */
function repeatsQuestion(span: string, question: string): boolean {
  const chinese = (s: string) => s.replace(/[^\u4e00-\u9fff0-9]/gu, "");
  const said = chinese(span);
  return said.length >= 4 && chinese(question).includes(said);
}

/**
 * The sentence after `from` (past closing quotes and stops), trimmed as a clause is: what a
 * clause that only says the question back is followed by. Null when there is none, or when it is
 * longer than WHOLE_PREDICATE.
 */
function sentenceAfter(text: string, from: number): Span | null {
  const next = /^[”"’\s。！？；!?;]*([^。！？；!?;]+)/u.exec(text.slice(from));
  if (!next || next[1]!.length > WHOLE_PREDICATE) return null;
  const start = from + next[0].length - next[1]!.length;
  return { start, end: trimClause(text, { start, end: start + next[1]!.length }).end };
}

/** Longest rest of a sentence a what-answer takes after 是， (characters). */
const WHOLE_PREDICATE = 100;
/** A count in a plan's measure (十本, 百名, 10场): a measure it sets. */
const COUNTED = /[0-9一二两三四五六七八九十百千万]+(?:多|余)?(?:家|本|名|场|个|项|次|所|人|户|期|批|万)/u;
