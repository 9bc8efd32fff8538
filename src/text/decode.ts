/**
 * Turns the bytes of a bulletin file into text, or says why it cannot.
 * Chinese office documents come as UTF-8 (with or without BOM) or GB18030/GBK; we try UTF-8
 * strictly first (GBK bytes are almost never valid UTF-8) and fall back to GB18030, so a file
 * is never decoded into mojibake.
 */
export type Decoded =
  | { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" }
  | { ok: false; reason: string };

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

export function decodeBulletin(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "文件为空" };
  let text: string | null = null;
  let encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" = "utf-8";
  if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = "utf-16le";
    text = strictDecode(bytes, "utf-16le");
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = "utf-16be";
    text = strictDecode(bytes, "utf-16be");
  } else if (bytes.includes(0)) {
    return { ok: false, reason: "不是文本文件（含二进制内容）" };
  } else {
    text = strictDecode(startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes, "utf-8");
    if (text === null) {
      encoding = "gb18030";
      text = strictDecode(bytes, "gb18030");
    }
  }
  if (text === null) return { ok: false, reason: "无法识别的文本编码（既不是 UTF-8 也不是 GB18030）" };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) return { ok: false, reason: "不是文本文件（含控制字符）" };
  if (text.trim().length === 0) return { ok: false, reason: "文件没有文字内容" };
  return { ok: true, text, encoding };
}
