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

interface Divisions {
  /** Every division's name, full and short. */
  names: ReadonlySet<string>;
  /** For each name, full or short, the names (full and short) of the divisions above it: 吴中 → 苏州市, 苏州, 江苏省, 江苏. */
  above: ReadonlyMap<string, readonly string[]>;
}

let divisions: Divisions | null = null;

/** Whether the word names a Chinese administrative division, in full or without its suffix. */
export function isDivisionName(word: string): boolean {
  divisions ??= load();
  return divisions.names.has(word);
}

/**
 * The divisions `places` lie in (吴中, 常熟 → 苏州市, 苏州, 江苏省, 江苏), full and short: a question
 * naming one of them names where the collection is, not a place it lacks.
 */
export function divisionsAbove(places: readonly string[]): Set<string> {
  divisions ??= load();
  const out = new Set<string>();
  for (const place of places) for (const name of divisions.above.get(place) ?? []) out.add(name);
  return out;
}

function load(): Divisions {
  // { "86": { "110000": "北京市", … }, "110000": { "110100": "北京市", … }, … }: each code's
  // children under its own key, so a child's parent is the key it is listed under.
  const data = createRequire(import.meta.url)("china-area-data/data.json") as Record<string, Record<string, string>>;
  const spelled = (name: string) => {
    const short = name.replace(SUFFIX, "");
    return [...short].length >= 2 && short !== name ? [name, short] : [name];
  };
  const nameOf = new Map<string, string>();
  const parentOf = new Map<string, string>();
  for (const [parent, level] of Object.entries(data)) {
    for (const [code, name] of Object.entries(level)) {
      nameOf.set(code, name);
      if (parent !== "86") parentOf.set(code, parent);
    }
  }
  const names = new Set<string>();
  const above = new Map<string, string[]>();
  for (const [code, name] of nameOf) {
    const chain: string[] = [];
    for (let up = parentOf.get(code); up !== undefined; up = parentOf.get(up)) {
      const upName = nameOf.get(up);
      if (upName && upName !== "市辖区") chain.push(...spelled(upName));
    }
    for (const form of spelled(name)) {
      names.add(form);
      above.set(form, [...(above.get(form) ?? []), ...chain]);
    }
  }
  return { names, above };
}
