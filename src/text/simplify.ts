import * as OpenCC from "opencc-js/t2cn";

/**
 * Traditional → simplified Chinese. Taiwan variants cover the characters people type on phones
 * in Hong Kong and Taiwan alike (崑山 → 昆山, 職工 → 职工).
 */
const convert = OpenCC.Converter({ from: "tw", to: "cn" });

export function toSimplified(text: string): string {
  return convert(text);
}
