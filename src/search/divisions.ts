import { createRequire } from "node:module";

/**
 * China's provinces, cities, districts and counties (GB/T 2260, from china-area-data), by full
 * and short name (苏州市 and 苏州, 吴中区 and 吴中): what makes a word jieba tags as a place name
 * (ns) a place. The tag alone is noisy — 东西, 英雄, 上市, 治安 and 城市 carry it — and a question
 * about 送什么东西 was told the bulletins cover no place called 东西.
 *
 * Read on first use (116 KB of JSON): most questions never ask.
 */

/** What a division's name ends in; without it, the name people say (吴中, 内蒙古, 宁夏). */
const SUFFIX = /(?:特别行政区|(?:维吾尔|壮族|回族)?自治区|自治州|自治县|地区|市|省|区|县|盟|旗)$/u;

let names: ReadonlySet<string> | null = null;

/** Whether the word names a Chinese administrative division, in full or without its suffix. */
export function isDivisionName(word: string): boolean {
  names ??= load();
  return names.has(word);
}

function load(): ReadonlySet<string> {
  // { "86": { "110000": "北京市", … }, "110000": { "110100": "北京市", … }, … }
  const data = createRequire(import.meta.url)("china-area-data/data.json") as Record<string, Record<string, string>>;
  const out = new Set<string>();
  for (const level of Object.values(data)) {
    for (const name of Object.values(level)) {
      out.add(name);
      const short = name.replace(SUFFIX, "");
      if ([...short].length >= 2 && short !== name) out.add(short);
    }
  }
  return out;
}
