import type { Passage } from "../corpus/passage.js";
import { coveredSentences, MIN_COVER } from "./clause.js";
import { trimClause, type DirectContext, type DirectQuery, type DirectSpan } from "./span.js";

/**
 * What-answers read from the shape of a plan's sentence: the X of 以X为主线, 把X作为重点, 围绕X and
 * X的方法, a session's name, the words after X的, a label's definition (“一”：即…), and the run of
 * text that fills the question's blank (大力开展什么活动 → 群众性技术创新活动).
 */

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
export function blankAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
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

/** 增强新吴江人的什么: what the question says, then 的, then what it asks for. */
const ASKS_ATTRIBUTE = /([\u4e00-\u9fff]{2,})的(?:什么|啥)[？?]?\s*$/u;

/**
 * X的什么 (增强新吴江人的什么): the words the text puts after X的 (切实增强“新吴江人”的归属感 →
 * 归属感), X being the last four, three or two characters the question says before 的, found in
 * the top passage's paragraph. The first such phrase answers; none, and the clause path goes on.
 */
export function attributeAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
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

/** A plan noun a question asks the content of (工作思路是啥, 思路概括起来是什么, 思路一句话是啥): its head word. */
const ASKS_PLAN_NOUN = /(思路|任务|要求|目标|重点|打算|部署)(?:一句话|用一句话|简单说|概括起来|总的)?(?:是|为|有|包括|主要是|具体是)?(?:什么|啥|哪些|哪几)/u;

/**
 * 吴中08年工作思路是啥: a plan states its 思路 (任务, 要求 …) as the noun and a colon, the content
 * after it (理清明年工作的基本思路：即贯穿一条主线、夯实两项基础…), with words of its own between
 * the question's (工作的基本思路 for 工作思路). The content after the colon, in the first of the top
 * passages that says the noun so, with each other piece of the asked word in the few characters
 * before it, answers.
 */
export function colonAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  const noun = ASKS_PLAN_NOUN.exec(q.question)?.[1];
  if (!noun) return null;
  // The question's word ending in the noun (工作思路): its other pieces must lead up to the colon.
  const word = q.terms.find((t) => t.endsWith(noun)) ?? noun;
  const lead = [...(q.pieces[word] ?? [])].filter((p) => p !== noun);
  const stated = new RegExp(`([^。；;！？!?：:，,]{0,${COLON_LEAD}})${noun}[：:]\\s*(?:即|就是)?\\s*([^。；;！？!?]{4,})`, "u");
  for (const hit of hits) {
    for (const part of context.parts(hit)) {
      const m = stated.exec(part.text);
      if (!m || !lead.every((p) => m[1]!.includes(p))) continue;
      const start = m.index + m[0].length - m[2]!.length;
      const end = trimClause(part.text, { start, end: start + m[2]!.length }).end;
      return { direct: { kind: "what", text: part.text.slice(start, end), hitId: part.id }, span: { start, end } };
    }
  }
  return null;
}

/** How many characters before a colon's noun the other pieces of the asked word may stand (理清明年工作的基本). */
const COLON_LEAD = 10;

/** What a plan is built around, named by the noun of 以…为主线 (以发展和谐劳动关系为主线). */
const FRAME_NOUNS = "主题|主线|主旨|抓手|载体|宗旨|理念|内容";
/** 以什么为主线, 主线是什么, 搞什么内容, 主要搞啥, a search ending in 主线: the frame's noun asked for. */
const ASKS_FRAME = new RegExp(`以(?:什么|啥)(?:为|作为)(${FRAME_NOUNS})|(${FRAME_NOUNS})(?:(?:是|为)(?:什么|啥)|\\s*$)|(?:什么|啥)(内容)|主要(?:搞|干|做)些?(?:什么|啥)()`, "u");

/**
 * 以什么为主线: plans string their frame together (以推进相城区后发崛起为主题，以发展和谐劳动关系为
 * 主线，以服务职工群众为主旨), so the clause that covers the question best may be the wrong one of
 * three; the answer is what stands between 以 and 为 + the noun asked for, in the top passage's
 * paragraph, when its sentence covers the question.
 */
export function frameAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  const asked = ASKS_FRAME.exec(q.question);
  if (!asked) return null;
  // A quotation may stand without 以 (开展“争创学习型企业…”为主要内容的职工素质工程建设).
  // 主要搞啥 asks the main content too (its group is empty).
  const noun = asked[1] ?? asked[2] ?? asked[3] ?? (asked[4] !== undefined ? "内容" : "");
  return framedSpan(q, top, context, new RegExp(`以([^以，,。；;：:]{2,30}?)(?:为|作为)(?:主要)?(?:${noun})|(“[^“”]{2,40}”)(?:为|作为)(?:主要)?(?:${noun})`, "u"));
}

/** 围绕什么, 围着啥: what a plan is built around asked for. */
const ASKS_AROUND = /(?:围绕|围着|绕着)(?:的是)?[^，,。？?]{0,8}?(?:什么|啥)/u;

/**
 * What follows 围绕, up to a clause mark — a quotation whole, with the comma-free words after it
 * (紧紧围绕“推进常熟由‘城市品牌’向‘品牌城市’、…向‘幸福城市’转变”的建设目标), however long: a
 * slogan is not cut off halfway. An unquoted run is short, or it is a sentence, not a name.
 */
const AROUND = /围绕(“[^“”]{1,80}”[^，,。；;：:“”]{0,12}|[^，,。；;：:]{2,40})/u;

/**
 * 主要是围绕什么来抓的: what the text puts after 围绕 (紧紧围绕“水惠民生、造福于民”工作理念), or
 * else the X of its frame 以X为主线 (以发展和谐劳动关系为主线), in the top passage's paragraph, when
 * its sentence covers the question as a figure's must.
 */
export function aroundAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  if (!ASKS_AROUND.test(q.question)) return null;
  return framedSpan(q, top, context, AROUND) ?? framedSpan(q, top, context, /以([^以，,。；;：:]{2,30}?)(?:为|作为)(?:主线|中心|主题)/u);
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
export function treatedAsAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  const asked = ASKS_TREATED.exec(q.question);
  if (!asked) return null;
  const treated = new RegExp(`把([^把，,。；;：:]{2,30}?)(?:作为|当作|当成)[\\u4e00-\\u9fff]{0,6}?${asked[1]}`, "u");
  return framedSpan(q, top, context, treated);
}

/** A way of doing something asked for (用的是什么方法, 啥办法, 什么做法, 按什么思路). */
const ASKS_METHOD = /(?:什么|啥|哪种)(?:方法|办法|方式|做法|路子|模式|思路)/u;
/** What adopts a method (将采取…的方法, 按照…的思路). */
const ADOPTING = "(?:^|[，,；;：:、])(?:[\\u4e00-\\u9fff]{0,3}?(?:采取|采用|实行|运用|按照|通过|坚持))?";
const METHOD_NOUN = "的(?:方法|办法|方式|做法|路子|模式|思路)";
/** The words of a method, after any verb of adopting it (将采取抓两头带中间的方法); one noun is as good as another. */
const METHOD_OF = new RegExp(`${ADOPTING}([^，,。；;：:、]{2,16}?)${METHOD_NOUN}`, "u");
/**
 * A method named in two parallel halves a comma joins (按照成熟一家，直选一家的思路): halves of
 * one length, as such sayings are, so a clause before the method is never taken for half of it.
 */
const PAIRED_METHOD_OF = new RegExp(`${ADOPTING}(${[2, 3, 4, 5, 6].map((n) => `[\\u4e00-\\u9fff]{${n}}[，,][\\u4e00-\\u9fff]{${n}}`).join("|")})${METHOD_NOUN}`, "u");

/** 用的是什么方法: the text's own name for it, before 的方法 (将采取抓两头带中间的方法 → 抓两头带中间). */
export function methodAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  if (!ASKS_METHOD.test(q.question)) return null;
  // The method's own sentence must say the question's words itself, not lean on its paragraph:
  // 采取抓两头带中间的方法 is no way to make employers understand a 条例 the next sentence names.
  return framedSpan(q, top, context, PAIRED_METHOD_OF, MIN_COVER.figure) ?? framedSpan(q, top, context, METHOD_OF, MIN_COVER.figure);
}

/**
 * The first group of `pattern` in a sentence of the top passage's paragraph that covers the
 * question as a figure's sentence must (its paragraph's cover counting, discounted) — and, when
 * `ownCover` is set, covers that much of it by its own words.
 */
function framedSpan(q: DirectQuery, top: Passage, context: DirectContext, pattern: RegExp, ownCover = 0): DirectSpan | null {
  // The sentence saying most of the question, the first of equals: 重点围绕品质提升…组织职工开展劳动
  // 竞赛 answers what 劳动竞赛 is built around, not 紧紧围绕公司…工作主线 before it.
  let best: { direct: DirectSpan; cover: number } | null = null;
  for (const { part, start: at, text, cover, own } of coveredSentences(q, top, context, true)) {
    const m = pattern.exec(text);
    if (!m || (best && cover <= best.cover) || own < ownCover) continue;
    // The pattern's one group that matched: what the frame holds.
    const held = m.slice(1).find((g) => g !== undefined)!;
    const start = at + m.index + m[0].indexOf(held);
    const end = start + held.length;
    best = { direct: { direct: { kind: "what", text: part.text.slice(start, end), hitId: part.id }, span: { start, end } }, cover };
  }
  return best?.direct ?? null;
}

/** 哪次会议, 哪一次全体委员扩大会, 什么会议: which meeting is asked for. */
const ASKS_MEETING = /哪一?[次届个][^，,。？?]{0,10}?会|(?:什么|啥)会议?/u;
/** A meeting named by its session: 十届七次全委（扩大）会议, 十三届四次全委会. */
const MEETING = /((?:[一二三四五六七八九十]+|[0-9]+)届(?:[一二三四五六七八九十]+|[0-9]+)次[^，,。；;、]{0,12}?(?:会议|大会|全委会))/u;

/** Which meeting (哪次会议, 什么会议精神): the session's name in the top passage's paragraph (十届七次全委（扩大）会议). */
export function meetingAnswer(q: DirectQuery, top: Passage, context: DirectContext): DirectSpan | null {
  return ASKS_MEETING.test(q.question) ? framedSpan(q, top, context, MEETING) : null;
}
