import type { Passage } from "../corpus/passage.js";
import { askedKeys, keyedList } from "./keyed-list.js";
import { spans, textCover, type DirectContext, type DirectQuery, type DirectSpan } from "./span.js";

/**
 * List answers: every item of the list a question asks for — a numbered run (1.…18., 一是…四是,
 * paragraphs opening 一、…五、), an inline run (培训、帮带、竞赛、晋级), parallel clauses
 * (坚持以…；坚持以…) or a slogan read by its key character (keyed-list.ts) — with the count the
 * question names when it names one.
 */

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
  // 哪两个 says it outright (五个二里的两项工程是哪两个: two, not five).
  const which = /哪([0-9]{1,2}|[一二两三四五六七八九十]{1,3})/u.exec(question);
  const said = which ? chineseNumber(which[1]!) : null;
  if (said !== null && said >= 2) return said;
  for (const m of question.matchAll(/(?<![0-9])([0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?![0-9])(?=[个项件大条方点种类好有力化紧提坚服满人句环要家])/gu)) {
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
  /** Where the list starts in the hit's paragraph (all its parts joined), for a list read from it. */
  start?: number;
  /** Text around the list (its intro and sentence): where the question's words should be. */
  context: string;
  /** Inline lists are one line (服务大局、服务基层、服务职工); others one item a line. */
  inline: boolean;
  /** The list holds or follows the part of the paragraph that ranked. */
  near: boolean;
  /** Found by the question's key character (六好): its count and key already match. */
  keyed?: boolean;
  /** Closed by the thing the question asks for (哪几种专项合同 → …等专项合同): its evidence. */
  headed?: boolean;
  /** The clause the list stands in, when it is one line: of two lists in one sentence, the one whose own clause says the question. */
  clause?: string;
  /** Quoted whole (“党委放心、企业欢迎、职工信任”) in the top passage: a coined list, evidence of its own when counted. */
  quoted?: boolean;
  /** What the list counts its items in, said after the last one (…加强自身建设5大类 → 类). */
  measure?: string | null;
}

/**
 * What the question asks a list of: the words after 哪些 / 哪几种 / 哪三项 / 什么(样的) (哪些重点项目开展 →
 * 重点项目开展, cut to fit the text by `headOf`); null when it names none.
 */
export function askedHead(question: string): string | null {
  const m = /(?:哪些|哪(?:几|[0-9]{1,2}|[一二两三四五六七八九十]{1,3})[种个项类条家大方]?|(?:什么|啥|怎)样的|什么)([\u4e00-\u9fff]{2,8})/u.exec(question);
  return m ? m[1]! : null;
}

/**
 * Where an inline list's last item runs into the asked thing (…拆迁改造的重点项目, …特殊保护等专项合同):
 * the index of the 的 or 等 followed by the first two to six characters of `asked`, or null.
 * Lists name what they list right after themselves.
 */
function headOf(last: string, asked: string): number | null {
  // What is asked, then shorter: its opening (重点项目开展 → 重点项目), then its head — a Chinese
  // noun phrase ends in its head (关爱活动 → …等活动).
  const nouns: string[] = [];
  for (let k = Math.min(asked.length, 6); k >= 2; k--) nouns.push(asked.slice(0, k));
  for (let k = Math.min(asked.length, 6) - 1; k >= 2; k--) nouns.push(asked.slice(-k));
  for (const noun of nouns) {
    for (const name of [noun, ...(PLACE_NOUNS.includes(noun) ? PLACE_NOUNS : [])]) {
      // …等专项合同, …的重点项目, and a count between (…娱乐场所等38家单位).
      const at = last.search(new RegExp(`(?:等(?:[0-9一二两三四五六七八九十百]+[家个所处项类种])?|的)${name}`, "u"));
      if (at >= 2) return at;
    }
  }
  return null;
}

/**
 * Whether every item is itself one of what is asked (哪几个能力 over 参与能力、协调能力、策划能力): each
 * ends with the asked noun's opening (能力 of 能力要提高) after a word of its own. Such a list names
 * what it lists in each item instead of after the last, and is as much the list asked for as one
 * closed by it (…服务职工的能力).
 */
function eachNamesHead(items: readonly string[], asked: string): boolean {
  for (let k = Math.min(asked.length, 4); k >= 2; k--) {
    const noun = asked.slice(0, k);
    if (items.every((x) => x.endsWith(noun) && [...x].length >= k + 2)) return true;
  }
  return false;
}

/**
 * What people call any place a list names (哪些地方能用会员卡): the text's own word for them —
 * 单位, 场所, 机构 — closes the list as well (…娱乐场所等38家单位).
 */
const PLACE_NOUNS = ["地方", "地点", "单位", "场所", "机构"];

/** A list's count after its last item: 5大类, 五个方面, 四项. */
const LIST_COUNT = /(?<=[\u4e00-\u9fff”])[0-9一二两三四五六七八九十]{1,2}(?:大类|个方面|大方面|大项|项|类|条|种|个)$/u;
const COUNT_NUMBER = /^[0-9一二两三四五六七八九十]+/u;

/** The measure a list is asked in (哪几大类, 分哪几个方面, 几大块): 类, 方面, 块 …; 个 alone says nothing. */
const LIST_MEASURE_ASKED = /(?:哪几|几)([大个]?(?:类|项|方面|条|种|块|级|层))/u;

/** A count's measure without its number and its 大 or 个 (5大类 → 类, 四个方面 → 方面); null for 个 alone. */
function measureOf(count: string): string | null {
  // 分几层 asks levels, as 哪几级 does.
  const measure = count.replace(COUNT_NUMBER, "").replace(/^[大个]/u, "").replace(/^层$/u, "级");
  return measure.length > 0 ? measure : null;
}

/** A list read from one line of text, where it sits, and what closes it. */
interface LineList {
  items: string[];
  start: number;
  end: number;
  /** Closed by what the question asks a list of. */
  headed: boolean;
  /** Quoted whole. */
  quoted: boolean;
  /** What the count after its last item counts the items in (类 of …5大类). */
  measure: string | null;
}

/** What introduces an inline list's first item; see inlineLists. */
const LEAD_IN = /^(?:(?:该|这|此|其|本)[\u4e00-\u9fff]{0,6}?(?:分为|分成|包括|包含|涵盖|即|分|有|是)|[\u4e00-\u9fff]{0,6}?(?:分为|分成|包括|包含|涵盖|即|围绕))(?=[\u4e00-\u9fff“]{2})/u;

/** Short phrases separated by 、 inside one clause or quotation: “培训、帮带、竞赛、晋级”. */
const INLINE_ITEM = /^(?:[\u4e00-\u9fff0-9“”‘’]|（[\u4e00-\u9fff]{1,8}）){2,18}$/u;

/** Which places, units or enterprises (哪些医院, 哪几家企业, 哪些地方): things with names. */
const ASKS_ENTITIES = /(?:哪些|哪几|哪[一二两三四五六七八九十])[个家所处]?(?!类|种)[\u4e00-\u9fff]{0,6}?(?:企业|单位|医院|学校|村|镇|街道|社区|公司|厂|场所|地方|地点|行业|部门)/u;

/** A counted name in a question (四项活动, 五个二工程, 两项基础): a count, its measure and two characters. */
const COUNTED_NAME_ASKED = /(?<![哪几])[一二两三四五六七八九十]{1,2}(?:大|个|项|条|种|类)[\u4e00-\u9fff]{2}/gu;

/** What follows a count without naming a thing: a measure (块, 方面, 部分) or the asking word. */
const NO_NAME = /^(?:块|方面|部分|什么|啥|哪)/u;

/**
 * Whether `text` names something else with the count of `name` (十大目标 for 十大行动): the same
 * number and measure, then other characters.
 */
function countsOther(name: string, text: string): boolean {
  const m = /^([一二两三四五六七八九十]{1,2}(?:大|个|项|条|种|类))(.+)$/u.exec(name);
  // 四大块工作, 三个什么: a measure or the asking word, not a name.
  if (!m || NO_NAME.test(m[2]!)) return false;
  for (const other of text.matchAll(new RegExp(`${m[1]}([\\u4e00-\\u9fff]{2})`, "gu"))) {
    if (other[1] !== m[2]!.slice(0, 2)) return true;
  }
  return false;
}

/** A count and what it counts, closing a list: 四大工程, 三大工程, 两项工程, 五个方面. */
const COUNTED_NAME = /(?<=[\u4e00-\u9fff”])([0-9一二两三四五六七八九十]{1,2})(?:大|个|项|条|种)?[\u4e00-\u9fff]{1,3}$/u;
/** What joins a list's last two items: 科技创新和素质提升. */
const LAST_JOIN = /^(.{2,}?)(?:和(?!谐)|以及|及(?![时早])|(?<!参)与)(.{2,})$/u;

/**
 * A list that names its own count after the last item (全力推进建功立业、文化繁荣、维权保障、固本强基
 * 四大工程; 深化竞赛创优、科技创新和素质提升三大工程): the count and what it counts come off, the
 * last two items joined by 和 come apart when the count says so, and when every other item is
 * as long as the next (four-character names, as such lists are), the first keeps only that many
 * characters — the rest was the verb that introduced them (全力推进, 深化). Only when the count
 * matches the items; else they stay as they are (提升两个能力 is an item, not a count).
 */
function countedNames(items: string[]): string[] {
  const last = items[items.length - 1]!;
  const m = COUNTED_NAME.exec(last);
  if (!m) return items;
  const count = chineseNumber(m[1]!);
  const stem = last.slice(0, m.index);
  let named = [...items.slice(0, -1), stem];
  if (count === named.length + 1 && LAST_JOIN.test(stem)) named = closedAt(items, stem);
  if (count !== named.length) return items;
  // What is left of the last item must still be an item like the others (开展四项活动 counts
  // activities of its own: 开展 alone is no item).
  const lengths = named.map((x) => [...x].length);
  const middle = lengths.slice(1, -1);
  if (lengths[lengths.length - 1]! < (middle.length > 0 ? Math.min(...middle) : 2)) return items;
  const rest = lengths.slice(1);
  const size = rest[0]!;
  const first = [...named[0]!];
  if (size >= 2 && rest.every((n) => n === size) && first.length > size) named[0] = first.slice(-size).join("");
  return named;
}

/** The items with the last one cut to `stem`, and a last pair joined by 和/及 (LAST_JOIN) split in two. */
function closedAt(items: readonly string[], stem: string): string[] {
  const joined = LAST_JOIN.exec(stem);
  return [...items.slice(0, -1), ...(joined ? [joined[1]!, joined[2]!] : [stem])];
}

function inlineLists(text: string, asked: string | null): LineList[] {
  const out: LineList[] = [];
  // Quotation marks stay inside a run: an item may be quoted (推进“两个普遍”).
  // So do short parentheses (村村（社区）建工会): an item's own aside, not a break.
  for (const m of text.matchAll(/(?:[^，,。；;：:！？!?（）()「」『』"]|（[^（）()，,。；;、]{1,8}）)+/gu)) {
    const run = m[0];
    if (!run.includes("、")) continue;
    let items = run.split("、").map((x) => x.trim());
    // The list's quoted, counted label before its first item (即提高“四个能力”参与能力、…) is no
    // part of it (“工人先锋号”活动, uncounted, is an item).
    items[0] = items[0]!.replace(/^[^“”]*“[^“”]*[一二两三四五六七八九十0-9][个项条大种类方][^“”]*”(?=[\u4e00-\u9fff0-9]{2})/u, "");
    // Nor is the lead-in that introduces it (该指标分发挥主力军作用、…; 重点包括…): a verb of
    // dividing or including, or 分/有/是 after a pointer at the thing divided (该, 这, 其).
    items[0] = items[0]!.replace(LEAD_IN, "");
    // Items after the first that all open with one word (…同步研究部署、同步检查考评、同步表彰奖励):
    // the first item starts where that word does; what comes before it (努力做到工会工作与政府工作)
    // introduces the list.
    const lead = sharedLead(items.slice(1));
    const from = lead ? items[0]!.lastIndexOf(lead) : -1;
    if (from > 0) items[0] = items[0]!.slice(from);
    // The last item often ends with 等 … (发明创新等多形式的劳动竞赛) or with the count
    // (加强自身建设5大类): keep what precedes them.
    const count = LIST_COUNT.exec(items[items.length - 1]!)?.[0] ?? null;
    const last = items[items.length - 1]!.replace(LIST_COUNT, "");
    // Closed by what the question asks for (…的重点项目广泛开展…): the list ends there, and its last
    // two items joined by 和 or 及 are two (街巷综合整治和老新村无地队拆迁改造).
    const head = asked ? headOf(last, asked) : null;
    if (head !== null) items = closedAt(items, last.slice(0, head));
    else {
      const etc = last.indexOf("等");
      const end = etc > 1 ? last.slice(0, etc) : last;
      // …、A及B等专项合同: 等 closes an enumeration whose last two items 及 or 和 joins.
      const closedByEtc = etc > 1 && LAST_JOIN.test(end);
      // Running on past an item's length, the last item ends at the 的 that makes the list a
      // modifier (…、街巷综合整治和老新村无地队拆迁改造的重点项目广泛组织开展劳动竞赛): what the list is
      // of follows it, and its last 和 pair is two items.
      const of = end.indexOf("的");
      if (!INLINE_ITEM.test(end) && of >= 2 && INLINE_ITEM.test(end.slice(0, of))) items = closedAt(items, end.slice(0, of));
      else if (closedByEtc) items = closedAt(items, end);
      else {
        items[items.length - 1] = end;
        items = countedNames(items.filter((x) => x.length > 0));
      }
    }
    // Short names after a first item that runs on (工会会员持卡到全区选择的医疗机构、图书阅览、…):
    // the first is the name after its last 的; before it, the sentence that leads into the list.
    const rest = items.slice(1).map((x) => [...x].length);
    const of = items[0]!.lastIndexOf("的");
    if (from <= 0 && rest.length > 0 && Math.max(...rest) <= SHORT_NAME && [...items[0]!].length > 2 * SHORT_NAME && of >= 2 && [...items[0]!.slice(of + 1)].length >= 2) {
      items[0] = items[0]!.slice(of + 1);
    }
    // A list quoted whole (健全“培训、帮带、竞赛、晋级”四位一体机制): its items are what the marks hold.
    const open = items[0]!.lastIndexOf("“");
    const close = items[items.length - 1]!.indexOf("”");
    const quoted = items.length >= 2 && open >= 0 && close > 0 && items.slice(1, -1).every((x) => !/[“”]/u.test(x)) && !items[0]!.slice(open).includes("”");
    if (quoted) {
      items[0] = items[0]!.slice(open + 1);
      items[items.length - 1] = items[items.length - 1]!.slice(0, close);
    }
    if (items.length < 2 || !items.every((x) => INLINE_ITEM.test(x))) continue;
    // The count said after the last item, when it counts these items: what it counts them in.
    const measure = count !== null && chineseNumber(COUNT_NUMBER.exec(count)![0]) === items.length ? measureOf(count) : null;
    out.push({ items, start: m.index!, end: m.index! + run.length, headed: head !== null || (asked !== null && eachNamesHead(items, asked)), quoted, measure });
  }
  return out;
}

/**
 * The levels a network or a contest runs through, by name (区, 镇, 村, 企业 …): a closed class, so
 * a chain of them is read even when each is one character, which no other list item may be.
 */
const LEVEL = "(?:省|市|县|区|镇|乡|街道|村|社区|行业|企业|车间|班组|系统|基层)(?:（[^（）()]{1,10}）)?";
/**
 * Levels joined by 、 or a dash and counted in 级 right after (健全区、镇、村（社区、行业）、企业四级
 * 工会组织网络; 健全镇—村—企业“小三级”工会网络). jieba and the inline reader see no list in either:
 * the dash joins no clauses, and single characters are no items elsewhere.
 */
const LEVEL_CHAIN = new RegExp(`(${LEVEL}(?:[、—－-]${LEVEL}){1,6})“?小?([二两三四五六七八九])级`, "gu");

/** The chains of named levels in a text, each a list counted in 级 (when the count is its length). */
function levelChains(text: string): LineList[] {
  const out: LineList[] = [];
  for (const m of text.matchAll(LEVEL_CHAIN)) {
    const items = m[1]!.split(/[、—－-](?![^（]*）)/u);
    if (chineseNumber(m[2]!) !== items.length) continue;
    out.push({ items, start: m.index!, end: m.index! + m[0].length, headed: false, quoted: false, measure: "级" });
  }
  return out;
}

/** A question asking which laws, rules or documents (学哪些新法规, 哪几部法律, 什么文件). */
const ASKS_DOCUMENTS = /(?:哪些|哪几部?|哪[两二三四五六七八九十]部|什么|啥)新?(?:法律法规|法律|法规|条例|文件|规定)|(?:法律法规|法律|法规|条例|文件)(?:有|是)?(?:哪些|哪几)/u;
/** Two or more titles (《劳动合同法》) or quoted names (“一办法五条例”) joined by 、, 和 or 及. */
const DOCUMENT_RUN = /(?:《[^《》]{2,30}》|“[^“”]{2,16}”)(?:\s*(?:、|和|及|以及)\s*(?:《[^《》]{2,30}》|“[^“”]{2,16}”))+/gu;

/** The runs of titles or quoted names in a text, each as a headed list of what its marks hold. */
function documentLists(text: string): LineList[] {
  return [...text.matchAll(DOCUMENT_RUN)].map((m) => ({
    items: [...m[0].matchAll(/《([^《》]+)》|“([^“”]+)”/gu)].map((n) => n[1] ?? n[2]!),
    start: m.index!,
    end: m.index! + m[0].length,
    headed: true,
    quoted: false,
    measure: null,
  }));
}

/** A quotation of parallel halves joined by commas (“党政所急，职工所需，工会所能”), and one half. */
const SLOGAN = /“([^“”]{6,48})”/gu;
const SLOGAN_ITEM = /^[\u4e00-\u9fff]{2,8}$/u;
/** The least cover of the question around a counted list quoted whole in the top passage. */
const QUOTED_COVER = 0.1;
/** How much an inline list's own clause's cover of the question adds to its score (its sentence's counts double). */
const CLAUSE_WEIGHT = 0.5;

/** Items at most this long (characters) are names, not clauses. */
const SHORT_NAME = 6;

/** The two characters every one of at least two items opens with, or null. */
function sharedLead(items: readonly string[]): string | null {
  const lead = items[0]?.slice(0, 2) ?? "";
  return items.length >= 2 && /^[\u4e00-\u9fff]{2}$/u.test(lead) && items.every((x) => x.startsWith(lead)) ? lead : null;
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

export function listAnswer(q: DirectQuery, hits: readonly Passage[], context: DirectContext): DirectSpan | null {
  // 六好, 三有三好: the key characters say how many items and what each carries.
  const keys = askedKeys(q.question);
  const wanted = askedCount(q.question);
  // 分哪几大类: a list that counts its items in the measure asked (…5大类) is counted as asked.
  const askedMeasure = LIST_MEASURE_ASKED.exec(q.question);
  const measure = askedMeasure ? measureOf(askedMeasure[1]!) : null;
  const asked = askedHead(q.question);
  const framed = [...q.question.matchAll(COUNTED_NAME_ASKED)].map((m) => m[0]);
  const entity = ASKS_ENTITIES.test(q.question);
  let best = null as { hit: Passage; candidate: ListCandidate; score: number } | null;
  hits.slice(0, 2).forEach((hit, rank) => {
    const { text, offset } = context.paragraph(hit);
    const partEnd = offset + hit.text.length;
    const candidates: ListCandidate[] = [];
    const keyed = keyedList(text, keys);
    if (keyed) {
      candidates.push({ items: keyed.items, start: keyed.start, context: text.slice(Math.max(0, keyed.start - 60), keyed.start + 60), inline: true, near: true, keyed: true });
    }
    for (const e of enumerations(text)) {
      candidates.push({ items: e.items, start: e.start, context: text.slice(Math.max(0, e.start - 40), e.start), inline: false, near: e.start <= partEnd });
    }
    // A slogan of parallel halves in one quotation (“党政所急，职工所需，工会所能”的原则): counted, its
    // halves are the items.
    for (const m of text.matchAll(SLOGAN)) {
      const items = m[1]!.split(/[，,]/u);
      if (items.length < 3 || !items.every((x) => SLOGAN_ITEM.test(x))) continue;
      const at = m.index!;
      candidates.push({
        items, start: at, context: `${hit.title ?? ""}${text.slice(Math.max(0, at - 40), at + m[0].length + 20)}`, clause: text.slice(Math.max(0, at - 10), at + m[0].length + 10),
        inline: true, near: at >= offset - 40 && at <= partEnd, quoted: rank === 0,
      });
    }
    // Which laws or documents (学哪些新法规): titles and coined names joined together are what was
    // asked a list of (学习好《劳动合同法》、“一办法五条例”), as a list closed by the asked noun is.
    const documents = ASKS_DOCUMENTS.test(q.question) ? documentLists(text) : [];
    for (const list of [...documents, ...levelChains(text), ...inlineLists(text, asked), ...parallelClauses(text).map((c) => ({ ...c, headed: false, quoted: false, measure: null }))]) {
      let sentenceStart = Math.max(text.lastIndexOf("。", list.start) + 1, list.start - 40);
      // A sentence opening with 即 (即提升服务经济、服务基层、服务职工的能力) spells out the one before
      // it (要求…在“三个服务”上下功夫): that one says what the list is.
      if (/^\s*即/u.test(text.slice(sentenceStart)) && sentenceStart > 0) sentenceStart = Math.max(text.lastIndexOf("。", sentenceStart - 2) + 1, sentenceStart - 40);
      const sentenceEnd = Math.min(text.length, list.end + 20);
      // The item's title says what the paragraph's lists are of (该指标分… under 昆山市总发布工会
      // 决胜现代化量化指标).
      candidates.push({
        items: list.items, start: list.start, context: `${hit.title ?? ""}${text.slice(sentenceStart, sentenceEnd)}`, clause: text.slice(list.start, list.end),
        inline: true, near: list.start >= offset - 40 && list.start <= partEnd, headed: list.headed, quoted: list.quoted && rank === 0,
        measure: list.measure,
      });
    }
    // A list whose items are paragraphs (一、… 二、… as paragraph openings) of the same item.
    const paragraphs = context.itemParagraphs(hit);
    const opening = paragraphs.map((p) => ({ p, m: markers(context.paragraph(p).text).find((m) => m.start <= 1) }));
    for (let i = 0; i < opening.length; i++) {
      const first = opening[i]!.m;
      if (!first || first.value !== 1) continue;
      // The items run on within one section: a marker of the same style that does not go on
      // from the last (1、 again under the next heading) or another section ends the list — else
      // （三）'s 1、2、3、 would take （四）'s 4、 as a fourth item.
      const run = [opening[i]!];
      for (let j = i + 1; j < opening.length; j++) {
        const o = opening[j]!;
        if (o.p.section !== opening[i]!.p.section) break;
        if (!o.m || o.m.style !== first.style) continue;
        if (o.m.value !== run[run.length - 1]!.m!.value + 1) break;
        run.push(o);
      }
      if (run.length < 2) continue;
      const near = run.some((o) => o.p.paragraph === hit.paragraph) || paragraphs[i - 1]?.paragraph === hit.paragraph;
      const items = run.map((o) => {
        const t = context.paragraph(o.p).text;
        return t.slice(o.m!.start, o.m!.body) + itemText(t.slice(o.m!.body));
      });
      const before = i > 0 ? context.paragraph(paragraphs[i - 1]!).text.slice(-40) : "";
      const opener = hits.find((h) => h.id === run[0]!.p.id);
      // The section the items sit under names them ((三)、加强三大建设 over 1、… 2、… 3、…).
      const around = `${before}${hit.title ?? ""}${run[0]!.p.section ?? ""}`;
      candidates.push({ items, context: around, inline: false, near, ...(opener ? { from: opener } : {}) });
    }
    for (const c of candidates) {
      // A list holding the counted name asked about (开展四项活动 for 四项活动是哪四个) is the frame
      // that names it, not its contents.
      if (framed.some((name) => c.items.some((item) => item.includes(name)))) continue;
      // The count asked is another name's (维权十大行动 → the list of “十大目标”): its context names
      // that other thing with the same count, and never the one asked.
      if (framed.some((name) => !c.context.includes(name) && countsOther(name, c.context))) continue;
      // A keyed list (六好) has the asked count and key by construction: that is its evidence.
      const countFits = c.keyed === true || (wanted !== null && c.items.length === wanted) || (measure !== null && c.measure === measure);
      if (wanted !== null && !countFits) continue;
      // Which enterprises, hospitals or places (哪些医院, 哪些企业): a list of them is closed by what
      // it lists (…等38家单位) or counted as asked; another list of the passage (交友联谊、心理健康
      // 教育…; 医疗机构、图书阅览… for 哪些医院) is not the one asked for, and near misses end there.
      // (A keyed slogan's count — 六好's six — says nothing of how many places or units there
      // are: its items, 党委政府重视支持好…, are never the ones asked.)
      if (entity && !c.headed && (!countFits || keys.length > 0)) continue;
      const contextCover = textCover(q, c.context);
      // Closed by what the question asks a list of (…等38家单位 for 哪些地方), a list has evidence of
      // its own, as a counted one has: its surroundings need say less of the question.
      if (!countFits && !c.headed && contextCover < 0.5) continue;
      // Two things joined by 、 (大局观、责任感) are a phrase, not the list asked for, unless counted
      // or closed by what was asked.
      if (!countFits && !c.headed && c.inline && c.items.length < 3) continue;
      if ((countFits || c.headed) && !c.keyed && contextCover < (c.quoted && countFits ? QUOTED_COVER : 0.25)) continue;
      // Two lists of one sentence share their surroundings (…的重点项目广泛组织开展劳动竞赛，重点在建筑、
      // 餐饮、酒店管理等行业…): the clause each stands in tells them apart.
      const clauseCover = c.clause === undefined ? 0 : textCover(q, c.clause) * CLAUSE_WEIGHT;
      const score = (countFits ? 3 : 0) + (c.keyed ? 1 : 0) + (c.headed ? 2 : 0) + contextCover * 2 + clauseCover + (c.near ? 0.5 : 0) + c.items.length * 0.01 - rank;
      if (!best || score > best.score) best = { hit, candidate: c, score };
    }
  });
  // A keyed slogan (三个所) the top passages do not list is looked for in the rest of the top
  // passage's item: a list carrying the asked key in each item is the one asked for, where a list
  // found nearer without it (党政重视、工会运作、各方配合 for 三个所) is not.
  if (keys.length > 0 && best?.candidate.keyed !== true && hits.length > 0) {
    const inItem = keyedInItem(q, hits[0]!, context);
    if (inItem) return inItem;
  }
  if (!best) return null;
  return cite(best.hit, best.candidate, context);
}

/**
 * The keyed slogan the question asks for (三个所, 八个人), read from the paragraphs of `hit`'s
 * item: the asked number of items carrying the asked key is its own evidence, whether or not
 * the passages say the question's other words. Null when the question names no key or the item
 * has no such list.
 */
export function keyedInItem(q: DirectQuery, hit: Passage, context: DirectContext): DirectSpan | null {
  const keys = askedKeys(q.question);
  // Which towns or units are 六好 ones: the slogan's items are what it means, not who meets it.
  if (keys.length === 0 || ASKS_ENTITIES.test(q.question)) return null;
  for (const paragraph of context.itemParagraphs(hit)) {
    const keyed = keyedList(context.paragraph(paragraph).text, keys);
    if (keyed) return cite(paragraph, { items: keyed.items, start: keyed.start, context: "", inline: true, near: false, keyed: true }, context);
  }
  return null;
}

/**
 * A list answer citing the part the list starts in: a paragraph cut into parts ranks by one of
 * them, which may hold only its last items (八个人's 凝聚人), and the answer's source is where a
 * reader finds it. The excerpt opens where the list does.
 */
function cite(hit: Passage, candidate: ListCandidate, context: DirectContext): DirectSpan {
  const within = candidate.from === undefined && candidate.start !== undefined ? partAt(context.parts(hit), candidate.start) : null;
  const cited = candidate.from ?? within?.part ?? hit;
  const text = candidate.items.join(candidate.inline ? "、" : "\n");
  const span = within ? { start: within.at, end: within.at + Math.min(candidate.items[0]!.length, within.part.text.length - within.at) } : null;
  return { direct: { kind: "list", text, hitId: cited.id }, span };
}

/** The part holding character `at` of the paragraph the parts make up, joined, and where in it; null past its end. */
function partAt(parts: readonly Passage[], at: number): { part: Passage; at: number } | null {
  let offset = 0;
  for (const part of parts) {
    if (at < offset + part.text.length) return { part, at: at - offset };
    offset += part.text.length;
  }
  return null;
}
