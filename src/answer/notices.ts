/**
 * What the user should be told about their question, in plain Chinese. Pure functions over the
 * parsed query and what the corpus holds.
 */

export interface Coverage {
  /** Years the corpus has, ascending. */
  years: number[];
  /** Place names (and placeless organisations) the corpus has. */
  labels: string[];
  /** Years each label has. */
  yearsOf: (label: string) => number[];
}

const list = (items: (string | number)[]) => items.join("、");

export function missingYearsNotice(missing: number[], coverage: Coverage): string {
  return `简报里没有${list(missing)}年的内容。现有年份：${list(coverage.years)}。`;
}

export function missingPlacesNotice(missing: string[], coverage: Coverage): string {
  return `简报里没有${list(missing)}的内容。现有地区和单位：${list(coverage.labels)}。`;
}

/** A place and a year the corpus has, but not together (吴江 2007). */
export function noCombinationNotice(labels: string[], years: number[], coverage: Coverage): string {
  const parts = labels.map((label) => `${label}只有${list(coverage.yearsOf(label))}年`);
  return `简报里没有${list(labels)}${list(years)}年的内容：${parts.join("，")}。`;
}

export const NOTHING_TO_SEARCH = "请输入想查的内容：地区、年份和工作事项。";
export const NO_HITS = "没有找到相关内容。可以换个说法，或者加上地区、年份再试。";
export const FILTERS_ONLY = "没有具体事项，按原文顺序列出。";
/** A named place, year or author whose passages say none of the question's words. */
export const NO_WORDS_IN_ITEM = "这部分内容里没有找到问题中的词，按原文顺序列出，请在其中查找。";

export function cutNotice(maxChars: number): string {
  return `问题太长，只按前${maxChars}个字检索。`;
}

/**
 * The relevance floor: the question shares only ubiquitous words (工会, 工作, 职工) with the
 * bulletins. Say so, and what the bulletins do cover, instead of listing weak matches.
 */
export function floorNotice(words: string[], coverage: Coverage): string {
  return `简报里没有关于${about(words)}的具体内容。简报收录的是${list(coverage.years)}年各地工会的工作计划，涉及：${list(coverage.labels)}。`;
}

/**
 * A place, year or author named, but none of the question's specific words said with them
 * (张家港现在最低工资标准是多少): the item's passages still follow — a paraphrase's answer may be
 * among them — under a notice that nothing specific was found.
 */
export function itemNotice(words: string[]): string {
  return `这部分简报里没有关于${about(words)}的具体内容，下面是最接近的段落，请在其中查找。`;
}

/**
 * A figure, a time, a list or a procedure asked, and none read from the passages found (常熟困难
 * 劳模慰问金发多少, 那38家是哪几家, 会员卡去哪里办): the passages follow, under a notice that none was read, so they are not
 * taken as stating it. Worded for what the engine did, not for what the bulletins say: most such
 * questions ask a number the bulletins never give, a few one said in words the question does
 * not use.
 */
export function unstatedNotice(kind: "figure" | "when" | "list" | "procedure"): string {
  const what = kind === "figure" ? "这个数字" : kind === "when" ? "时间" : kind === "list" ? "所问的各项" : "办理的方法或联系方式";
  return `没能从简报里直接读出${what}，下面是最相关的段落，请在其中查找。`;
}

/** Below the relevance floor, but the question names a town the bulletins do: its passages follow. */
export function townNotice(words: string[], town: string): string {
  return `简报里没有关于${about(words)}的具体内容，下面是提到${town}的段落。`;
}

/** The words a notice says nothing was found about, quoted; or 这个问题. */
function about(words: readonly string[]): string {
  return words.length > 0 ? `“${words.join("”“")}”` : "这个问题";
}
