import * as OpenCC from "opencc-js/t2cn";

/**
 * Traditional → simplified Chinese. Taiwan variants cover the characters people type on phones
 * in Hong Kong and Taiwan alike (崑山 → 昆山, 職工 → 职工).
 */
// Built on first use, not at import: building its tries takes ~5 MB and 5–20 ms, which the bot's
// start need not wait for (the first question pays it once).
let convert: ((text: string) => string) | undefined;

export function toSimplified(text: string): string {
  const converter = (convert ??= OpenCC.Converter({ from: "tw", to: "cn" }));
  return converter(text);
}
