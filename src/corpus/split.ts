/**
 * Splits a long paragraph into passages short enough to show an answer. Some bulletin
 * paragraphs run past 1,000 characters; we cut at numbered items (1. / 一是 / （一）) first and
 * sentence ends second, then pack the pieces back up to a target length so a passage keeps
 * enough context to be read on its own.
 */

export const TARGET_CHARS = 200;
export const MAX_CHARS = 260;
const MIN_TAIL_CHARS = 40;

export interface Span {
  start: number;
  end: number;
}

// A cut point after sentence-final punctuation (and any closing quotes or brackets after it).
const SENTENCE_END = /[。！？；!?;][”’」』）)]*/g;
// A cut point before a numbered item, when the item follows punctuation.
const ITEM_START =
  /(?<=[。；;：:，,、\s])(?=[0-9]{1,2}[.．、](?![0-9])|[一二三四五六七八九十][是要](?![的])|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/g;
const CLAUSE_END = /[，,、：:][”’」』）)]*/g;

function cutPoints(text: string, pattern: RegExp): number[] {
  const points = new Set<number>();
  for (const m of text.matchAll(pattern)) {
    const at = m.index! + m[0].length;
    if (at > 0 && at < text.length) points.add(at);
  }
  return [...points].sort((a, b) => a - b);
}

function spansFrom(points: number[], start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (const p of points) {
    if (p > from && p < end) {
      spans.push({ start: from, end: p });
      from = p;
    }
  }
  spans.push({ start: from, end });
  return spans;
}

/**
 * Greedy packing of consecutive units up to the target length. A numbered item (四是…) starts a
 * new passage once the current one has some substance, so items stay whole where they can.
 */
function pack(units: Span[], itemStarts: ReadonlySet<number> = new Set()): Span[] {
  const packed: Span[] = [];
  for (const unit of units) {
    const last = packed[packed.length - 1];
    const startsItem = itemStarts.has(unit.start) && last !== undefined && last.end - last.start >= TARGET_CHARS / 3;
    if (last && !startsItem && unit.end - last.start <= TARGET_CHARS) last.end = unit.end;
    else packed.push({ ...unit });
  }
  const tail = packed[packed.length - 1];
  const beforeTail = packed[packed.length - 2];
  if (tail && beforeTail && tail.end - tail.start < MIN_TAIL_CHARS && tail.end - beforeTail.start <= MAX_CHARS + MIN_TAIL_CHARS) {
    beforeTail.end = tail.end;
    packed.pop();
  }
  return packed;
}

export function splitParagraph(text: string): Span[] {
  if (text.length <= MAX_CHARS) return [{ start: 0, end: text.length }];
  const itemStarts = new Set(cutPoints(text, ITEM_START));
  const points = [...new Set([...cutPoints(text, SENTENCE_END), ...itemStarts])].sort((a, b) => a - b);
  const units: Span[] = [];
  for (const unit of spansFrom(points, 0, text.length)) {
    if (unit.end - unit.start <= MAX_CHARS) {
      units.push(unit);
      continue;
    }
    // A sentence longer than a passage: cut at clauses, then hard.
    const clausePoints = cutPoints(text.slice(unit.start, unit.end), CLAUSE_END).map((p) => p + unit.start);
    for (const clause of pack(spansFrom(clausePoints, unit.start, unit.end))) {
      for (let from = clause.start; from < clause.end; from += TARGET_CHARS) {
        units.push({ start: from, end: Math.min(clause.end, from + TARGET_CHARS) });
      }
    }
  }
  return pack(units, itemStarts);
}
