import { extname } from "node:path";
import { normaliseText } from "../../text/normalise.js";
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

// Each reader is imported when a file of its format is first read: their libraries (pdfjs-dist,
// mammoth, word-extractor, marked, htmlparser2) are a third of a serving process's memory and
// start-up, and a bot whose index is fresh never reads a bulletin.
async function read(extension: string, bytes: Uint8Array, signal: AbortSignal): Promise<Extraction> {
  switch (extension) {
    case ".docx":
    case ".doc":
      // WPS and mail gateways rename freely: trust the bytes, not the name.
      if (startsWith(bytes, ZIP)) return (await import("./docx.js")).readDocx(bytes);
      if (startsWith(bytes, OLE)) return (await import("./doc.js")).readDoc(bytes);
      return { ok: false, reason: "不是 Word 文档（既不是 .docx 也不是 .doc 格式）" };
    case ".pdf":
      if (!new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-")) return { ok: false, reason: "不是 PDF 文件" };
      return (await import("./pdf.js")).readPdf(bytes, signal);
    case ".html":
    case ".htm":
      return (await import("./html.js")).readHtml(bytes);
    case ".md":
      return (await import("./md.js")).readMarkdown(bytes);
    default:
      return (await import("./txt.js")).readTxt(bytes);
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
    const extraction = await Promise.race([read(extname(name).toLowerCase(), bytes, controller.signal), timeout]);
    return extraction.ok ? layOut(extraction) : extraction;
  } catch {
    // A library failing in a way we did not foresee is still one bad file, not a failed build.
    return { ok: false, reason: "无法读取文件内容" };
  } finally {
    clearTimeout(timer);
  }
}
