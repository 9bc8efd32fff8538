import { extname } from "node:path";
import { normaliseText } from "../../text/normalise.js";
import { readDoc } from "./doc.js";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readMarkdown } from "./md.js";
import { readPdf } from "./pdf.js";
import { readTxt } from "./txt.js";
import { LIMITS, type DocumentMeta, type Extraction } from "./types.js";

/**
 * One entry for every bulletin format: file name and bytes in, the bulletin's text (normalised,
 * one paragraph a line, as the parser reads .txt) with the format's heading hints and the
 * document's metadata out — or the reason the file is skipped. Never throws, never runs past
 * its time limit.
 */

export { LIMITS } from "./types.js";
export type { DocumentMeta } from "./types.js";

/** Extensions read as bulletins (lower case, with the dot). */
export const BULLETIN_EXTENSIONS = [".txt", ".docx", ".doc", ".pdf", ".html", ".htm", ".md"] as const;

export function isBulletinFile(name: string): boolean {
  return (BULLETIN_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

export type ReadBulletin =
  | {
      ok: true;
      /** Normalised text; paragraphs are its non-empty lines. */
      text: string;
      /** Heading level the format gave a paragraph, by 1-based paragraph number. */
      headings: Map<number, number>;
      meta: DocumentMeta;
      /** `txt` files: the text encoding; other formats: the format (docx, pdf, …). */
      encoding: string;
    }
  | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function read(extension: string, bytes: Uint8Array, signal: AbortSignal): Promise<Extraction> | Extraction {
  switch (extension) {
    case ".docx":
    case ".doc":
      // WPS and mail gateways rename freely: trust the bytes, not the name.
      if (startsWith(bytes, ZIP)) return readDocx(bytes);
      if (startsWith(bytes, OLE)) return readDoc(bytes);
      return { ok: false, reason: "不是 Word 文档（既不是 .docx 也不是 .doc 格式）" };
    case ".pdf":
      if (!new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-")) return { ok: false, reason: "不是 PDF 文件" };
      return readPdf(bytes, signal);
    case ".html":
    case ".htm":
      return readHtml(bytes);
    case ".md":
      return readMarkdown(bytes);
    default:
      return readTxt(bytes);
  }
}

/** Lays the blocks out as the parser's text: one paragraph a line, hints keyed by paragraph number. */
function layOut(extraction: Extract<Extraction, { ok: true }>): ReadBulletin {
  const lines: string[] = [];
  const headings = new Map<number, number>();
  let paragraph = 0;
  for (const block of extraction.blocks) {
    for (const line of normaliseText(block.text).split("\n")) {
      lines.push(line);
      if (line.trim().length === 0) continue;
      paragraph++;
      if (block.heading !== undefined) headings.set(paragraph, block.heading);
    }
  }
  const text = lines.join("\n");
  if (paragraph === 0 || text.trim().length === 0) return { ok: false, reason: "文件没有文字内容" };
  return { ok: true, text, headings, meta: extraction.meta, encoding: extraction.encoding ?? extraction.format };
}

export async function extractBulletin(name: string, bytes: Uint8Array, limits: { fileBytes: number; millis: number } = LIMITS): Promise<ReadBulletin> {
  if (bytes.length === 0) return { ok: false, reason: "文件为空" };
  if (bytes.length > limits.fileBytes) return { ok: false, reason: `文件超过 ${Math.round(limits.fileBytes / 1024 / 1024)} MB 的上限` };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Extraction>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, reason: `读取超过 ${Math.round(limits.millis / 1000)} 秒，已放弃` });
    }, limits.millis);
  });
  try {
    const extraction = await Promise.race([Promise.resolve().then(() => read(extname(name).toLowerCase(), bytes, controller.signal)), timeout]);
    return extraction.ok ? layOut(extraction) : extraction;
  } catch {
    // A library failing in a way we did not foresee is still one bad file, not a failed build.
    return { ok: false, reason: "无法读取文件内容" };
  } finally {
    clearTimeout(timer);
  }
}
