/**
 * Slogan lists named by a count and a key character: 六好 (six things that end in 好), 五力
 * (带动力、凝聚力 …), 八个人 (依靠人、规范人 …), 三个所 (党政所急、职工所需、工会所能),
 * 三有三好 (three 有… and three …好). Bulletins coin them constantly and rarely number their
 * items, so the numbered-list reader in direct.ts cannot see them; the key character can.
 *
 * Pure string work over one paragraph. The answer is given only when exactly the asked number
 * of items share the key in the same place — say nothing rather than a wrong list.
 */

export interface ListKey {
  /** The character every item carries (好, 力, 人, 所). */
  key: string;
  count: number;
}

/** Characters after a count that are measure words or generic nouns, not a slogan's key. */
const NOT_KEYS = new Set("个项件大条方点种类年月日天次批名家位部级期届场户步段层支座");

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function smallNumber(text: string): number | null {
  if (text === "十") return 10;
  if (text.length === 1) return CN_DIGITS[text] ?? null;
  if (text.length === 2 && text[0] === "十") return 10 + (CN_DIGITS[text[1]!] ?? NaN) || null;
  return null;
}

/**
 * The keyed counts a question names: 六好 → [{6, 好}], 八个人 → [{8, 人}], 三有三好 →
 * [{3, 有}, {3, 好}]. Empty when it names none (哪五项 counts items, it names no key).
 */
export function askedKeys(question: string): ListKey[] {
  const keys: ListKey[] = [];
  for (const m of question.matchAll(/([一二两三四五六七八九十]{1,2})(个)?([\u4e00-\u9fff])/gu)) {
    const count = smallNumber(m[1]!);
    const key = m[3]!;
    // 一体, 一流: a single thing is not a list.
    if (count === null || count < 2 || NOT_KEYS.has(key) || /[哪几些是的]/u.test(key)) continue;
    // 个 then a key is a counted person or thing (八个人, 三个所); a bare 个 is a measure.
    if (key === "人" && !m[2]) continue;
    if (!keys.some((k) => k.key === key)) keys.push({ key, count });
  }
  return keys;
}

/** Short stretches between separators: where slogan items sit. */
const SEGMENT = /[^、，,；;。：:（）()“”"「」『』\s！？!?]+/gu;
/** Longest item kept (characters). */
const MAX_ITEM = 12;

interface Segment {
  text: string;
  start: number;
  /** Which run of items joined by 、 (or 和/及) the stretch belongs to. */
  run: number;
}

function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let run = 0;
  let end = 0;
  for (const m of text.matchAll(SEGMENT)) {
    if (text.slice(end, m.index!) !== "、") run++;
    end = m.index! + m[0].length;
    // 有活动和服务企业发展好: two items joined by 和/及 inside one stretch — not the 和 of 和谐,
    // the 及 of 及时 or the 与 of 参与.
    const parts = m[0].split(/(?<=.{2})(?:和(?!谐)|及(?![时早])|(?<!参)与)(?=.{2})/u);
    let at = m.index!;
    for (const part of parts) {
      out.push({ text: part, start: at, run });
      at += part.length + 1;
    }
  }
  return out;
}

const LEAD = /^(?:[一二三四五六七八九十]{1,3}(?:是|要)|[0-9]{1,2}[.．])/u;

function commonPrefix(items: string[]): number {
  let n = 0;
  while (items.every((x) => x.length > n && x[n] === items[0]![n])) n++;
  return n;
}

function commonSuffix(items: string[]): number {
  let n = 0;
  while (items.every((x) => x.length > n && x[x.length - 1 - n] === items[0]![items[0]!.length - 1 - n])) n++;
  return n;
}

/**
 * More stretches carry the key than the slogan has items (能力 beside 带动力): the items are
 * the `count` that open with the same words (进一步增强…的带动力, 进一步增强…的凝聚力 …).
 */
function sharedFrame(group: Segment[], count: number): Segment[] | null {
  const byOpening = new Map<string, Segment[]>();
  for (const s of group) {
    if (s.text.length < 4) continue;
    const opening = s.text.slice(0, 2);
    byOpening.set(opening, [...(byOpening.get(opening) ?? []), s]);
  }
  const fits = [...byOpening.values()].filter((g) => g.length === count);
  return fits.length === 1 ? fits[0]! : null;
}

/**
 * The items of one keyed list in a paragraph: stretches that hold the key the same distance
 * from their end (带动力 / 凝聚力; 依靠人的工作 / 规范人的工作), exactly `count` distinct
 * ones, with their shared frame (做好…的工作) taken off. Null when no such set exists.
 */
function keyedItems(text: string, { key, count }: ListKey): { items: string[]; start: number }[] {
  const byPlace = new Map<number, Segment[]>();
  const slogan = new RegExp(`[一二两三四五六七八九十]个?${key}`, "u");
  const keyed: Segment[] = [];
  for (const s of segments(text)) {
    const body = s.text.replace(LEAD, "");
    const at = body.lastIndexOf(key);
    // The slogan's own name (“六好”工会) is not one of its items.
    if (at < 0 || slogan.test(body)) continue;
    keyed.push(s);
    const fromEnd = body.length - at;
    const list = byPlace.get(fromEnd) ?? [];
    if (!list.some((x) => x.text === body)) list.push({ text: body, start: s.start, run: s.run });
    byPlace.set(fromEnd, list);
  }
  // A slogan never takes part of a run of items: when one of its items stands in a run joined by
  // 、, every stretch of that run carrying the key is one of its items too (服务能力 two sentences
  // before is no item of 服务经济、服务基层、服务职工的能力).
  const wholeRuns = (group: Segment[]) =>
    group.every((g) => keyed.filter((k) => k.run === g.run).every((k) => group.some((x) => x.start === k.start)));
  const out: { items: string[]; start: number }[] = [];
  for (const [fromEnd, all] of byPlace) {
    const group = all.length === count ? all : sharedFrame(all, count);
    if (!group || !wholeRuns(group)) continue;
    const texts = group.map((s) => s.text);
    // The frame every item shares (做好 … 的工作) is not part of any item; the key stays.
    const prefix = count > 1 ? Math.min(commonPrefix(texts), Math.min(...texts.map((x) => x.length - fromEnd))) : 0;
    // Shared after the key, the frame opens with 的 (依靠人的工作); what runs on without one ends the
    // key's own word (工作能力, 服务能力 for 两个能力), which stays.
    const shared = count > 1 ? Math.min(commonSuffix(texts), fromEnd - 1) : 0;
    const frameAt = texts[0]!.slice(texts[0]!.length - shared).indexOf("的");
    const suffix = frameAt < 0 ? 0 : shared - frameAt;
    const items = texts.map((x) => {
      const core = x.slice(prefix, x.length - suffix);
      // 创业创新的带动力: the item is what follows the last 的 before the key.
      const of = core.lastIndexOf("的", core.length - (fromEnd - suffix));
      return of >= 0 && core.length - of - 1 >= 2 ? core.slice(of + 1) : core;
    });
    if (items.some((x) => [...x].length < 2 || [...x].length > MAX_ITEM) || new Set(items).size !== items.length) continue;
    out.push({ items, start: group[0]!.start });
  }
  return out;
}

/**
 * The keyed list a question asks for, read from one paragraph: every key's items, in the
 * order the text gives them (三有 before 三好 when written so). Null unless every key finds
 * exactly its count.
 */
export function keyedList(text: string, keys: readonly ListKey[]): { items: string[]; start: number } | null {
  if (keys.length === 0) return null;
  const found: { items: string[]; start: number }[] = [];
  for (const key of keys) {
    const options = keyedItems(text, key);
    // Two different sets of the same shape: no way to tell which was meant.
    if (options.length !== 1) return null;
    found.push(options[0]!);
  }
  found.sort((a, b) => a.start - b.start);
  return { items: found.flatMap((f) => f.items), start: found[0]!.start };
}
