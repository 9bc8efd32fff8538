import { readPdfText, type PageItem } from "./pdf-thread.js";
import { LIMITS, metaDate, metaTitle, skip, type Block, type Extraction } from "./types.js";

/**
 * PDF through Mozilla's pdf.js (text items with position and size). A PDF has no paragraphs,
 * only positioned lines, so the mapping to our bulletin is ours: lines are grouped by baseline,
 * running headers, footers and page numbers are dropped, lines the layout broke are joined back
 * into paragraphs, and lines set larger than the body become headings.
 */

export interface Line {
  page: number;
  /** Left and right edges, and the baseline measured from the top of the page. */
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Items sharing a baseline form a line; a wide gap between two items is a space. */
function linesOfPage(items: PageItem[], page: number, pageHeight: number): Line[] {
  const placed = items
    .filter((item) => item.str.length > 0)
    .map((item) => {
      const [, , c, d, e, f] = item.transform as number[];
      const size = Math.hypot(c!, d!) || 1;
      return { x: e!, right: e! + item.width, y: pageHeight - f!, size, str: item.str };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: (Line & { parts: typeof placed })[] = [];
  for (const item of placed) {
    // Sorted by baseline, a line's items are adjacent: comparing with the last line keeps this linear.
    const last = lines.at(-1);
    const line = last && Math.abs(last.y - item.y) <= 0.4 * Math.max(last.size, item.size) ? last : undefined;
    if (line) {
      line.parts.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ page, x: 0, right: 0, y: item.y, size: item.size, text: "", parts: [item] });
    }
  }
  return lines
    .map((line) => {
      const parts = line.parts.sort((a, b) => a.x - b.x);
      let text = "";
      let end = -Infinity;
      for (const part of parts) {
        const gap = part.x - end;
        // Wide gaps are spaces (a byline's run of spaces); the quarter-em LibreOffice and Word put
        // between Chinese and digits is not.
        if (text && gap > 0.8 * line.size && !/\s$/.test(text) && !/^\s/.test(part.str)) text += " ";
        text += part.str;
        end = Math.max(end, part.right);
      }
      text = text.replace(/(\S) (?=\S)/g, (all, before: string, offset: number) => {
        // A single space between Chinese and a digit or Latin letter is typesetting, not text.
        const after = text[offset + 2]!;
        const cjkThenLatin = CJK.test(before) && /[A-Za-z0-9]/.test(after);
        return cjkThenLatin || (/[A-Za-z0-9%]/.test(before) && CJK.test(after)) ? before : all;
      });
      const x = parts.find((p) => p.str.trim())?.x ?? parts[0]!.x;
      return { page: line.page, x, right: end, y: line.y, size: line.size, text: text.trimEnd() };
    })
    .filter((line) => line.text.trim().length > 0)
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

const PAGE_NUMBER = /^(?:[-—–－_·•\s]*(?:第\s*)?[0-9一二三四五六七八九十百]+\s*(?:页)?(?:\s*[/／]\s*\d+|\s*(?:共|of)\s*\d+\s*页?)?[-—–－_·•\s]*|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/**
 * Running headers and footers: lines at the top or bottom of a page whose text (digits ignored)
 * repeats on at least half the pages, and bare page numbers there.
 */
function dropRunningLines(pages: Line[][], pageHeights: number[]): Line[][] {
  const edge = (lines: Line[], page: number) =>
    lines.filter((line, i) => (i < 2 || i >= lines.length - 2) && (line.y < pageHeights[page]! * 0.12 || line.y > pageHeights[page]! * 0.88));
  const key = (line: Line) => line.text.replace(/\d+/g, "#").replace(/\s+/g, "");
  const counts = new Map<string, number>();
  pages.forEach((lines, page) => {
    for (const k of new Set(edge(lines, page).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const running = (line: Line) => pages.length >= 2 && (counts.get(key(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines, page) => {
    const edges = new Set(edge(lines, page));
    return lines.filter((line) => !(edges.has(line) && (running(line) || PAGE_NUMBER.test(line.text.trim()))));
  });
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

const SENTENCE_END = /[。！？!?；;：:”」）)]$/;
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[章节条部分])/;

/** Joins lines the layout broke back into paragraphs; sizes above the body's become headings. */
function paragraphs(lines: Line[]): Block[] {
  if (lines.length === 0) return [];
  const sizeOf = (line: Line) => Math.round(line.size * 2) / 2;
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(sizeOf(line), (chars.get(sizeOf(line)) ?? 0) + line.text.length);
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const bodyLines = lines.filter((l) => sizeOf(l) === body);
  const left = mode(bodyLines.map((l) => Math.round(l.x)));
  const rights = bodyLines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)]!;
  const pitches = bodyLines.slice(1).map((l, i) => l.y - bodyLines[i]!.y).filter((d, i) => bodyLines[i + 1]!.page === bodyLines[i]!.page && d > 0 && d < 3 * body);
  const pitch = pitches.length ? mode(pitches.map((d) => Math.round(d))) : body * 1.5;
  const larger = [...new Set(lines.map(sizeOf).filter((s) => s > body * 1.15))].sort((a, b) => b - a);

  const blocks: (Block & { last: Line })[] = [];
  for (const line of lines) {
    const previous = blocks.at(-1);
    const p = previous?.last;
    const continues =
      p !== undefined &&
      Math.abs(p.size - line.size) <= 0.1 * Math.max(p.size, line.size) &&
      // The line above ran to the margin, so the layout broke it. Line-breaking rules can push a
      // character or two (标” …) to the next line, so a line that ends mid-sentence may stop short.
      p.right >= right - (SENTENCE_END.test(p.text) ? 1.2 : 3.5) * p.size &&
      Math.abs(line.x - left) <= 0.8 * line.size && // this one is not indented, not centred
      (p.page !== line.page || line.y - p.y <= pitch * 1.3) && // no paragraph spacing between them
      // A numbered item after a finished sentence starts a paragraph; after "；" it is usually one
      // more item of an inline list (1.…；2.…), which the .txt keeps in one paragraph.
      !(/[。！？!?]$/.test(p.text) && ITEM_START.test(line.text.trim()));
    if (continues) {
      previous!.text += /[A-Za-z0-9]$/.test(previous!.text) && /^[A-Za-z0-9]/.test(line.text.trimStart()) ? ` ${line.text.trimStart()}` : line.text.trimStart();
      previous!.last = line;
    } else {
      const level = larger.indexOf(sizeOf(line));
      blocks.push({ text: line.text, last: line, ...(level >= 0 ? { heading: level + 1 } : {}) });
    }
  }
  return blocks.map(({ text, heading }) => (heading ? { text, heading } : { text }));
}

/** Positioned lines of every page (top to bottom) → the bulletin's paragraphs. Pure, for tests. */
export function layoutBlocks(pages: Line[][], pageHeights: number[]): Block[] {
  return paragraphs(dropRunningLines(pages, pageHeights).flat());
}

export async function readPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<Extraction> {
  const read = await readPdfText(bytes, LIMITS.pdfPages, signal);
  if (read === "timeout") return skip("读取超时");
  if (!read.ok) {
    if (read.why === "pages") return skip(`PDF 有 ${read.pages} 页，超过 ${LIMITS.pdfPages} 页的上限`);
    if (read.why === "password") return skip("PDF 已加密（需要密码），无法读取");
    return skip("PDF 已损坏，无法读取");
  }
  const pages = read.pages.map((page, n) => linesOfPage(page.items, n + 1, page.height));
  const textChars = pages.flat().reduce((sum, line) => sum + line.text.replace(/\s/g, "").length, 0);
  if (textChars < 20) return skip("PDF 没有文字层（可能是扫描件），需要先做文字识别");
  return {
    ok: true,
    blocks: layoutBlocks(pages, read.pages.map((page) => page.height)),
    meta: { title: metaTitle(read.title), date: metaDate(read.date) },
    format: "pdf",
  };
}
