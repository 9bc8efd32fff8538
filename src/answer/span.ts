import type { Passage } from "../corpus/passage.js";
import type { Direct } from "./schema.js";

/**
 * What every direct answer reads a passage with: the question as terms with weights, the
 * paragraph around a passage, sentences and clauses, and how much of the question a stretch of
 * text says (textCover). Pure string work.
 */

export interface DirectQuery {
  question: string;
  /** Topic words of the question, with how informative each is (idf). */
  terms: readonly string[];
  weights: Readonly<Record<string, number>>;
  /** Finer pieces and thesaurus synonyms of each term (a clause may say it either way). */
  pieces: Readonly<Record<string, string[]>>;
  synonyms: Readonly<Record<string, string[][]>>;
  /** Terms only found in pieces (a thesaurus word jieba splits): all pieces together say the word. */
  split?: readonly string[];
}

export interface DirectContext {
  /** All parts of a passage's paragraph, joined, and where the passage starts in it. */
  paragraph(passage: Passage): { text: string; offset: number };
  /** Every part of the passage's paragraph, in order (the passage itself when it was not cut). */
  parts(passage: Passage): Passage[];
  /** The paragraphs (first parts) of the passage's item — same file, organisation and title — in reading order. */
  itemParagraphs(passage: Passage): Passage[];
}

export interface Span {
  start: number;
  end: number;
}

/** A sentence, and a clause inside one. */
export const SENTENCE = /[^。！？；!?;]+[。！？；!?;]?/gu;
export const CLAUSE = /[^。！？；!?;，,：:]+/gu;
/** A numbered item's marker at the start of a clause (10. / 一是 / （三）). */
export const LEADING_MARK = /^\s*(?:[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}(?:是|要|、)|[（(][一二三四五六七八九十0-9]{1,3}[)）]、?)\s*/u;

export function spans(text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) if (m[0].trim().length > 0) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** The sentence of `text` a span lies in (offsets in `text`); undefined when the span crosses a sentence end. */
export function sentenceAround(text: string, span: Span): Span | undefined {
  return spans(text, SENTENCE).find((s) => s.start <= span.start && span.end <= s.end);
}

/**
 * The clauses of the sentence a span lies in (offsets in `text`), and the first and last of them
 * the span touches; null when the span crosses a sentence end.
 */
export function clausesAround(text: string, span: Span): { clauses: Span[]; first: number; last: number } | null {
  const sentence = sentenceAround(text, span);
  if (!sentence) return null;
  const clauses = spans(text.slice(sentence.start, sentence.end), CLAUSE).map((c) => ({ start: sentence.start + c.start, end: sentence.start + c.end }));
  const first = clauses.findIndex((c) => c.end > span.start);
  const last = clauses.findIndex((c) => c.end >= span.end);
  return first < 0 || last < 0 ? null : { clauses, first, last };
}

/** The idf-weighted share of the question a stretch of text covers (1 = every term, said exactly). */
export function textCover(q: DirectQuery, text: string): number {
  let credit = 0;
  let total = 0;
  for (const term of q.terms) {
    const w = q.weights[term] ?? 1;
    total += w;
    credit += w * termShare(q, term, text);
  }
  return total > 0 ? credit / total : 0;
}

/** Whether a text says at least one question term: whole, by all its pieces, or by a synonym — not by a piece alone. */
export function saysATerm(q: DirectQuery, text: string): boolean {
  return q.terms.some((term) => termShare(q, term, text) >= WHOLE_TERM_SHARE);
}

/**
 * The least share of termShare that says a term rather than a piece of it: all its pieces, or a
 * synonym, give 0.6; some of its pieces give 0.6 × the share found (0.4 for two of three).
 */
const WHOLE_TERM_SHARE = 0.55;

/** How fully a text says one question term: 1 exactly (or all pieces of a split word), less by a synonym or some pieces. */
function termShare(q: DirectQuery, term: string, text: string): number {
  if (text.includes(term)) return 1;
  const pieces = q.pieces[term] ?? [];
  const found = pieces.filter((p) => text.includes(p)).length;
  if (found > 0 && found === pieces.length && q.split?.includes(term)) return 1;
  let share = pieces.length > 0 ? (0.6 * found) / pieces.length : 0;
  for (const words of q.synonyms[term] ?? []) {
    if (words.every((x) => text.includes(x))) share = Math.max(share, words.length === 1 ? 0.75 : 0.6);
  }
  return share;
}

export function trimClause(text: string, span: Span): Span {
  let { start, end } = balancedQuotes(text, span);
  const lead = LEADING_MARK.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  while (start < end && /[\s“”"'（(]/u.test(text[start]!) && !/[“（(]/u.test(text[start]!)) start++;
  while (end > start && /[\s。；;，,：:！？!?]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** How far (characters) a span reaches past its end for the close of a quotation it opens, or back for the open of one it closes. */
const QUOTE_REACH = 60;

/**
 * A span never ends inside a quotation it opens (为“建设宜居新苏州、打造创业新天堂 → …新天堂”) nor
 * starts inside one it closes: clauses are cut at commas, and slogans hold commas. It reaches
 * to the quotation's other mark within its sentence, or else stops short of the lone one.
 */
function balancedQuotes(text: string, span: Span): Span {
  let { start, end } = span;
  const piece = text.slice(start, end);
  const open = piece.lastIndexOf("“");
  if (open >= 0 && piece.indexOf("”", open) < 0) {
    const close = text.slice(end, end + QUOTE_REACH).search(/[”。！？；]/u);
    if (close >= 0 && text[end + close] === "”") end += close + 1;
    else end = start + open;
  }
  const shut = text.slice(start, end).indexOf("”");
  if (shut >= 0 && text.slice(start, start + shut).indexOf("“") < 0) {
    const before = text.slice(Math.max(0, start - QUOTE_REACH), start);
    const at = Math.max(before.lastIndexOf("“"), before.search(/[。！？；][^。！？；]*$/u));
    if (at >= 0 && before[at] === "“") start -= before.length - at;
    else start += shut + 1;
  }
  return { start, end };
}

export interface DirectSpan {
  direct: Direct;
  /** Where the answer sits in the hit's passage text (for the excerpt), when it is one span. */
  span: Span | null;
}

/** The longest numbered item (after its marker) an answer widens to. */
const ITEM_MAX = 40;

/** The numbered item (1. / 10、) a span lies in, after its marker, when it is short; else null. */
export function numberedItem(text: string, span: Span): Span | null {
  const sentence = sentenceAround(text, span);
  if (!sentence) return null;
  const marker = /^\s*[0-9]{1,2}[.．、](?![0-9])\s*/u.exec(text.slice(sentence.start, sentence.end));
  if (!marker) return null;
  const body = trimClause(text, { start: sentence.start + marker[0].length, end: sentence.end });
  return body.end - body.start <= ITEM_MAX && body.start <= span.start ? body : null;
}
