import { normaliseQuestion } from "../text/normalise.js";
import { segmentQuery, subTerms, tagWords } from "../text/segment.js";
import { toSimplified } from "../text/simplify.js";
import { findYears } from "../text/years.js";
import type { FilterTarget, Gazetteer } from "./gazetteer.js";

/**
 * Query understanding: a question becomes filters (years, places/organisations) and the terms
 * left over. Names the corpus has become filters, not words; a year or place it lacks is kept
 * as `missing…` so the answer can say so instead of silently dropping it.
 */
export interface Query {
  /** The question after normalisation and 繁→简. */
  text: string;
  years: number[];
  targets: FilterTarget[];
  /** Place names recognised in the question that no organisation in the corpus has. */
  missingPlaces: string[];
  /** Topic words, names kept whole. */
  terms: string[];
  /** For each term, its finer pieces as the index stores them (困难职工 → 困难, 职工). */
  pieces: Record<string, string[]>;
  /** Runs of the question (three or more characters) that a passage quoting it would contain verbatim. */
  phrases: string[];
}

export interface QueryContext {
  gazetteer: Gazetteer;
  /** Whether a word occurs anywhere in the corpus text (a place the corpus merely mentions is a topic). */
  inCorpus: (word: string) => boolean;
}

/** jieba tags place names `ns`; these are not places even when it thinks so. */
const NOT_PLACES = new Set(["全市", "全区", "全省", "全国", "各地", "基层", "本地", "当地", "市区", "城区", "地方"]);

const PHRASE = /[\u3400-\u4dbf\u4e00-\u9fff0-9a-z%]+/gu;
const EDGE_WORDS = /^(请问|关于|有关|如何|怎样|怎么|什么|哪些|多少|是否|要|将|的)+|(是什么|有哪些|是多少|有多少|多少|哪些|什么|怎么样|如何|吗|呢|的)+$/gu;

function trimStopWords(phrase: string): string {
  return phrase.replace(EDGE_WORDS, "");
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

export function parseQuery(question: string, context: QueryContext): Query {
  const text = toSimplified(normaliseQuestion(question));
  // Markup pasted from elsewhere (<b>…</b>) is not part of the question.
  let rest = text.replace(/<\/?[a-z][a-z0-9]*[^<>]{0,40}>/g, (tag) => " ".repeat(tag.length));

  const years: number[] = [];
  for (const mention of findYears(rest)) {
    if (!years.includes(mention.year)) years.push(mention.year);
    rest = blank(rest, mention.start, mention.end);
  }

  const targets: FilterTarget[] = [];
  for (const { form, target } of context.gazetteer.forms) {
    for (let at = rest.indexOf(form); at >= 0; at = rest.indexOf(form)) {
      if (!targets.some((t) => t.label === target.label)) targets.push(target);
      rest = blank(rest, at, at + form.length);
    }
  }

  const missingPlaces: string[] = [];
  for (const { word, tag } of tagWords(rest)) {
    if (tag !== "ns" || [...word].length < 2 || NOT_PLACES.has(word) || missingPlaces.includes(word)) continue;
    if (context.inCorpus(word)) continue;
    missingPlaces.push(word);
    rest = rest.replace(word, " ".repeat(word.length));
  }

  const terms = [...new Set(segmentQuery(rest))];
  const pieces: Record<string, string[]> = {};
  for (const term of terms) {
    const sub = subTerms(term).filter((piece) => !terms.includes(piece));
    if (sub.length > 0) pieces[term] = sub;
  }
  const phrases = [...new Set(rest.match(PHRASE) ?? [])].map(trimStopWords).filter((p) => [...p].length >= 3);
  return { text, years, targets, missingPlaces, terms, pieces, phrases };
}
