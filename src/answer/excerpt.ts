import { MARK } from "./schema.js";

/**
 * The excerpt: the best window of one to three sentences (at most about 200 characters) around
 * the matched terms, the terms wrapped in `**`, and `…` wherever the passage was cut.
 */

export const EXCERPT_CHARS = 200;
const MAX_SENTENCES = 3;

interface Span {
  start: number;
  end: number;
}

const SENTENCE = /[^。！？；!?;]*(?:[。！？；!?;][”’」』）)]*|$)/g;

function sentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    if (m[0].length > 0) spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return spans;
}

/** Non-overlapping occurrences of the terms, longer terms first (困难职工 over 职工). */
function findMatches(text: string, terms: string[]): (Span & { term: string })[] {
  const lower = text.toLowerCase();
  const found: (Span & { term: string })[] = [];
  for (const term of [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      const span = { start: at, end: at + term.length, term };
      if (!found.some((f) => span.start < f.end && span.end > f.start)) found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** How good a window is: distinct terms first (weighted by length: rarer, longer words), then density. */
function windowScore(matches: (Span & { term: string })[], window: Span): number {
  const inside = matches.filter((m) => m.start >= window.start && m.end <= window.end);
  const distinct = new Set(inside.map((m) => m.term));
  let score = 0;
  for (const term of distinct) score += Math.min(term.length, 4);
  return score * 1000 + Math.min(inside.length, 3) * 5 - (window.end - window.start) / 10;
}

/** What the question's kind wants the excerpt to show: the direct answer's span, or a sentence of a shape (a figure for 多少). */
export interface ExcerptFocus {
  span?: Span;
  prefer?: RegExp;
}

function bestWindow(text: string, matches: (Span & { term: string })[], focus: ExcerptFocus = {}): Span {
  const spans = sentences(text);
  if (matches.length === 0) {
    // Nothing to centre on: the opening sentences, as a reader would start.
    let end = spans[0]?.end ?? text.length;
    for (const span of spans.slice(1, MAX_SENTENCES)) if (span.end <= EXCERPT_CHARS) end = span.end;
    return { start: 0, end: Math.min(end, Math.max(EXCERPT_CHARS, spans[0]?.end ?? 0)) };
  }
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i; j < Math.min(spans.length, i + MAX_SENTENCES); j++) {
      const window = { start: spans[i]!.start, end: spans[j]!.end };
      if (window.end - window.start > EXCERPT_CHARS && j > i) break;
      let score = windowScore(matches, window);
      if (focus.span && window.start <= focus.span.start && window.end >= focus.span.end) score += 1e6;
      if (focus.prefer && focus.prefer.test(text.slice(window.start, window.end))) score += 2500;
      if (score > bestScore) {
        best = window;
        bestScore = score;
      }
    }
  }
  best ??= { start: 0, end: text.length };
  if (best.end - best.start <= EXCERPT_CHARS) return best;
  if (focus.span && best.start <= focus.span.start && best.end >= focus.span.end && focus.span.end - focus.span.start <= EXCERPT_CHARS) {
    // A long sentence holding the answer: centre on the answer.
    const start = Math.max(best.start, Math.min(focus.span.start - 20, best.end - EXCERPT_CHARS));
    return { start, end: Math.min(best.end, start + EXCERPT_CHARS) };
  }
  // One sentence longer than an excerpt: centre a window on its densest stretch of matches.
  const inside = matches.filter((m) => m.start >= best!.start && m.end <= best!.end);
  let centre = best.start;
  let densest = -1;
  for (const m of inside) {
    const count = inside.filter((o) => o.start >= m.start && o.end <= m.start + EXCERPT_CHARS).length;
    if (count > densest) {
      densest = count;
      centre = m.start;
    }
  }
  const start = Math.max(best.start, Math.min(centre - 20, best.end - EXCERPT_CHARS));
  return { start, end: Math.min(best.end, start + EXCERPT_CHARS) };
}

/** Builds the marked excerpt of a passage for the given query terms. */
export function makeExcerpt(text: string, terms: string[], focus: ExcerptFocus = {}): string {
  const matches = findMatches(text, terms);
  let window = bestWindow(text, matches, focus);
  // Never cut through a matched term.
  for (const m of matches) {
    if (m.start < window.start && m.end > window.start) window = { ...window, start: m.start };
    if (m.start < window.end && m.end > window.end) window = { ...window, end: m.end };
  }
  let out = "";
  let at = window.start;
  // Adjacent matches (职工 + 免费 + 体检) read as one marked run.
  const runs: Span[] = [];
  for (const m of matches) {
    if (m.start < window.start || m.end > window.end) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === m.start) last.end = m.end;
    else runs.push({ start: m.start, end: m.end });
  }
  for (const run of runs) {
    out += text.slice(at, run.start) + MARK + text.slice(run.start, run.end) + MARK;
    at = run.end;
  }
  out += text.slice(at, window.end);
  const body = out.trim();
  return `${window.start > 0 ? "…" : ""}${body}${window.end < text.length ? "…" : ""}`;
}
