/**
 * Year forms people and bulletins write: 2007, 2007年, 07年, 吴中07 (before a space), 二〇〇七年, 二零零七年.
 * Every form of the same year parses to the same number.
 */

const CHINESE_DIGITS: Record<string, number> = {
  "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
};
const CN = "〇零○Ｏ一二三四五六七八九";

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/** A year mention found in text, with its span so the caller can remove it from a query. */
export interface YearMention {
  year: number;
  start: number;
  end: number;
}

/** What joins the years of a series: 07、08年, 07和08年, 07到12年. */
const SERIES = "(?:[、，,/和与跟及]|到|至)";

// Order matters: longer forms first, so 二〇〇七年 is not read as 〇七年.
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => number | null }[] = [
  {
    re: new RegExp(`[${CN}]{4}(?=年)年?`, "g"),
    read: (m) => Number([...m[0].replace("年", "")].map((c) => CHINESE_DIGITS[c]).join("")),
  },
  {
    re: /(?<![0-9.])(19[4-9][0-9]|20[0-9]{2}|2100)(?![0-9%.万千百亿个名人家户场次项份元])(?:年度|年)?/g,
    read: (m) => Number(m[1]),
  },
  {
    re: /(?<![0-9.])([0-9]{2})(?=年)年/g,
    read: (m) => twoDigitYear(Number(m[1])),
  },
  {
    // A series whose last year carries 年 (07、08年, 07和12年, 07、08、12三年): the 年 stands for
    // each of them, as people write a list of years. (12 here is read by the next pattern.)
    re: new RegExp(`(?<![0-9.])([0-9]{2})(?=(?:${SERIES}[0-9]{2})+(?:年|[两二三四五几]年))`, "g"),
    read: (m) => twoDigitYear(Number(m[1])),
  },
  {
    // The series' last year when a count of years follows it: 12 of 07、08、12三年.
    re: new RegExp(`(?<=[0-9]{2}${SERIES})([0-9]{2})(?=[两二三四五几]年)`, "g"),
    read: (m) => twoDigitYear(Number(m[1])),
  },
  {
    // 吴中07 工作: two digits right after a name and before a space (or the end), as phones type a
    // year — unless a measure word follows the space (共18 项 counts).
    re: /(?<=[\u4e00-\u9fff]|^)([0-9]{2})(?=\s*$|\s+(?![万千百亿个名人家户场次项份元条%]))/g,
    // Without 年 only this century's years read so (吴中07, 常熟 12): 还是55 is an age, not 1955.
    read: (m) => (Number(m[1]) < BARE_CENTURY ? twoDigitYear(Number(m[1])) : null),
  },
  {
    re: new RegExp(`(?<![${CN}])[${CN}]{2}(?=年)年`, "g"),
    read: (m) => twoDigitYear(Number([...m[0].replace("年", "")].map((c) => CHINESE_DIGITS[c]).join(""))),
  },
];

/** A bare two-digit number read as a year (no 年) is of this century: below this. */
const BARE_CENTURY = 50;

/** 07 → 2007, 98 → 1998: a two-digit year is within the last century of plans. */
function twoDigitYear(n: number): number {
  return n <= 50 ? 2000 + n : 1900 + n;
}

/** Finds year mentions; overlapping matches keep the first (longest-form) one. */
export function findYears(text: string): YearMention[] {
  const found: YearMention[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const year = read(m);
      if (year !== null && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR) {
        found.push({ year, start, end });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The year a bulletin's plan is for: the year it names most often as "YYYY年"; ties go to the
 * later year, because a plan written in December names the coming year more than the past one.
 * Bare four-digit numbers (quantities like 2000 场) are not counted here.
 */
export function inferPlanYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const mention of findYears(text)) {
    const form = text.slice(mention.start, mention.end);
    if (!form.endsWith("年") && !form.endsWith("年度")) continue;
    counts.set(mention.year, (counts.get(mention.year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}
