import { toSimplified } from "./simplify.js";

/**
 * Turns the bytes of a bulletin file into text, or says why it cannot — never mojibake.
 *
 * Chinese office files come as UTF-8 (with or without BOM), UTF-16 (Word's "Unicode text", with
 * or without BOM), GB18030/GBK (mainland) or Big5 (Taiwan, Hong Kong). UTF-8 is tried strictly
 * first (legacy double-byte text is almost never valid UTF-8). UTF-16 without a BOM is accepted
 * only when nearly every character it yields is one Chinese documents use. Between GB18030 and
 * Big5 — both decode most byte soups without error — the candidate whose characters are common
 * Chinese characters wins (see `commonShare`); a file neither reads as is skipped with a reason.
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, newline, carriage return and form feed betray a binary file. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) {
      control++;
    }
  }
  return control > 0 && control / text.length > 0.001;
}

/** Blocks a Chinese document's characters come from; bytes misread as UTF-16 land mostly elsewhere (Yi, Hangul, private use). */
const TEXT_BLOCKS: [number, number][] = [
  [0x09, 0x0d], [0x20, 0x7e], [0xa0, 0x24f], [0x2000, 0x206f], [0x2150, 0x218f], [0x2460, 0x24ff],
  [0x2500, 0x26ff], [0x3000, 0x303f], [0x3200, 0x32ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xfe30, 0xfe4f], [0xff00, 0xffef],
];

function textLikeShare(text: string): number {
  let total = 0;
  let like = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    total++;
    if (TEXT_BLOCKS.some(([lo, hi]) => code >= lo && code <= hi)) like++;
  }
  return total === 0 ? 0 : like / total;
}

/**
 * UTF-16 without a BOM: accepted only when the zero bytes sit on one side of each pair (every
 * text has line ends and digits, which are 00 xx in UTF-16) and the text is plainly Chinese.
 * Legacy double-byte text has no zero bytes and never gets here.
 */
function guessUtf16(bytes: Uint8Array): { text: string; encoding: "utf-16le" | "utf-16be" } | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  if (evenZeros === oddZeros) return null;
  const encoding = oddZeros > evenZeros ? "utf-16le" : "utf-16be";
  const text = strictDecode(bytes, encoding);
  if (text === null || textLikeShare(text) < 0.97) return null;
  const common = commonShare(text);
  return common === null || common >= COMMON_FLOOR ? { text, encoding } : null;
}

/**
 * The 3,755 level-1 characters of GB2312 — the most common simplified characters, from the
 * GB2312 table itself (rows 0xB0–0xD7) — as a yardstick of "ordinary Chinese": a right decoding
 * (traditional text first simplified) is made almost entirely of them, a wrong one is not.
 */
let level1: Set<string> | null = null;
function commonCharacters(): Set<string> {
  if (level1) return level1;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) if (!(lead === 0xd7 && trail > 0xf9)) bytes.push(lead, trail);
  }
  level1 = new Set(new TextDecoder("gb18030").decode(new Uint8Array(bytes)));
  return level1;
}

const HAN = /\p{Script=Han}/u;

/** Share of the text's Han characters (after 繁→简) that are common; null when there are too few to judge. */
function commonShare(text: string): number | null {
  const common = commonCharacters();
  let han = 0;
  let hits = 0;
  for (const ch of toSimplified(text)) {
    if (!HAN.test(ch)) continue;
    han++;
    if (common.has(ch)) hits++;
  }
  return han < 20 ? null : hits / han;
}

/** Below this, a decoding is taken for mojibake. Right decodings of the seeds score above 0.9. */
const COMMON_FLOOR = 0.6;

function decodeLegacy(bytes: Uint8Array): Decoded {
  const gb = strictDecode(bytes, "gb18030");
  const big5 = strictDecode(bytes, "big5");
  const gbScore = gb === null ? null : commonShare(gb);
  const big5Score = big5 === null ? null : commonShare(big5);
  if (big5 !== null && big5Score !== null && big5Score >= COMMON_FLOOR && big5Score > (gbScore ?? 0)) {
    // The corpus is simplified Chinese: a traditional bulletin is indexed and quoted as such.
    return { ok: true, text: toSimplified(big5), encoding: "big5" };
  }
  if (gb !== null && (gbScore === null || gbScore >= COMMON_FLOOR)) return { ok: true, text: gb, encoding: "gb18030" };
  return { ok: false, reason: "无法可靠识别的文本编码（不是 UTF-8、UTF-16、GB18030 或 Big5 的中文文本），请另存为 UTF-8" };
}

export function decodeBulletin(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "文件为空" };
  let decoded: Decoded;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = strictDecode(bytes, encoding);
    decoded = text === null ? { ok: false, reason: "UTF-16 文件已损坏" } : { ok: true, text, encoding };
  } else if (startsWith(bytes, UTF8_BOM)) {
    const text = strictDecode(bytes.subarray(3), "utf-8");
    decoded = text === null ? { ok: false, reason: "文件标明是 UTF-8，但内容不是有效的 UTF-8" } : { ok: true, text, encoding: "utf-8" };
  } else {
    const utf8 = bytes.includes(0) ? null : strictDecode(bytes, "utf-8");
    const utf16 = utf8 === null ? guessUtf16(bytes) : null;
    if (utf8 !== null) decoded = { ok: true, text: utf8, encoding: "utf-8" };
    else if (utf16) decoded = { ok: true, ...utf16 };
    else if (bytes.includes(0)) return { ok: false, reason: "不是文本文件（含二进制内容）" };
    else decoded = decodeLegacy(bytes);
  }
  if (!decoded.ok) return decoded;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) return { ok: false, reason: "不是文本文件（含控制字符）" };
  if (text.trim().length === 0) return { ok: false, reason: "文件没有文字内容" };
  return { ok: true, text, encoding: decoded.encoding };
}
