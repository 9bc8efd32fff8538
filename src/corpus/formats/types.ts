/**
 * What a format reader gives the parser: the bulletin's paragraphs in reading order, what the
 * format says about their structure, and the document's own metadata. Each reader maps its
 * library's output to this; the parser never knows which format a bulletin came in.
 */

export interface Block {
  text: string;
  /**
   * Heading level the format gave the paragraph (1 = top): a Word heading style or a bold
   * centred line, an HTML <h1>–<h6>, a PDF line set in a larger font. Absent for body text.
   */
  heading?: number;
}

export interface DocumentMeta {
  /** The document's own title (docx core properties, PDF info, HTML <title>/meta). */
  title?: string;
  /** The document's own date, `YYYY-MM-DD` or `YYYY`, when it has one. */
  date?: string;
}

export type Extraction =
  | { ok: true; blocks: Block[]; meta: DocumentMeta; format: string; encoding?: string }
  | { ok: false; reason: string };

/** Why a file is skipped. The reason is shown to an operator, in Chinese. */
export function skip(reason: string): Extraction {
  return { ok: false, reason };
}

/** Bounds that keep one hostile file from exhausting the build. */
export const LIMITS = {
  /** Largest bulletin file read at all. */
  fileBytes: 50 * 1024 * 1024,
  /** Most a .docx may expand to (the parts we read), checked before inflating anything. */
  expandedBytes: 64 * 1024 * 1024,
  /** Most PDF pages read. */
  pdfPages: 500,
  /** Longest one file may take to read. */
  millis: 20_000,
} as const;

/** A date written in metadata (2007-12-20T…, D:20071220…, 2007年12月20日) as YYYY-MM-DD. */
export function metaDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const m = /(19[4-9]\d|20\d\d)(?:[-/.年]?\s*(\d{1,2})(?:[-/.月]?\s*(\d{1,2}))?)?/.exec(raw);
  if (!m) return undefined;
  const pad = (s: string) => s.padStart(2, "0");
  return m[2] && m[3] ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : m[1];
}

/** A title from metadata, or undefined when it is blank or a placeholder. */
export function metaTitle(raw: string | undefined | null): string | undefined {
  const title = raw?.replace(/\s+/g, " ").trim();
  if (!title || /^(untitled|无标题|文档\d*|document\d*|microsoft word - .*)$/i.test(title)) return undefined;
  return [...title].length > 200 ? [...title].slice(0, 200).join("") : title;
}
