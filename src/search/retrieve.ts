import type MiniSearch from "minisearch";
import type { Passage } from "../corpus/passage.js";
import { FIELD_BOOSTS } from "./passage-index.js";
import type { Query } from "./query.js";

/**
 * Ranking: filters first, then BM25 (MiniSearch), then a reward for covering more of the
 * question's distinct terms, so a passage that answers the whole question beats one that
 * repeats a single word. Identical passages (the same text filed twice) are shown once.
 */

export interface Ranked {
  passage: Passage;
  score: number;
  /** Query terms (and pieces) found in the passage, for the excerpt. */
  matched: string[];
}

/** Credit for a term found only through its pieces (困难 + 职工 for 困难职工). */
const PIECE_CREDIT = 0.6;
const PIECE_BOOST = 0.4;
/** Reward for quoting a run of the question verbatim (文化繁荣, 企业工会建设年). */
const PHRASE_BONUS = 0.5;

export interface RetrieveContext {
  index: MiniSearch<Passage>;
  byId: Map<string, Passage>;
  passages: Passage[];
}

function coverage(query: Query, matched: Set<string>): number {
  if (query.terms.length === 0) return 1;
  let credit = 0;
  for (const term of query.terms) {
    if (matched.has(term)) {
      credit += 1;
      continue;
    }
    const pieces = query.pieces[term] ?? [];
    const found = pieces.filter((p) => matched.has(p)).length;
    if (pieces.length > 0) credit += (PIECE_CREDIT * found) / pieces.length;
  }
  return credit / query.terms.length;
}

export function retrieve(query: Query, context: RetrieveContext, allowed: (p: Passage) => boolean, limit: number): Ranked[] {
  if (query.terms.length === 0) {
    // Only filters: the item's passages in reading order.
    return context.passages.filter(allowed).slice(0, limit).map((passage) => ({ passage, score: 0, matched: [] }));
  }
  const pieces = new Set(Object.values(query.pieces).flat());
  const all = [...new Set([...query.terms, ...pieces])];
  const results = context.index.search(
    { combineWith: "OR", queries: all },
    {
      boost: FIELD_BOOSTS,
      boostTerm: (term) => (pieces.has(term) && !query.terms.includes(term) ? PIECE_BOOST : 1),
      filter: (result) => {
        const passage = context.byId.get(result.id as string);
        return passage !== undefined && allowed(passage);
      },
    },
  );
  const ranked: Ranked[] = [];
  for (const result of results) {
    const matched = new Set(result.terms);
    const cover = coverage(query, matched);
    const passage = context.byId.get(result.id as string)!;
    const phrase = query.phrases.some((p) => passage.text.includes(p)) ? 1 + PHRASE_BONUS : 1;
    ranked.push({
      passage,
      score: result.score * cover * cover * phrase,
      matched: [...matched],
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
  const seen = new Set<string>();
  const out: Ranked[] = [];
  for (const hit of ranked) {
    if (seen.has(hit.passage.text)) continue;
    seen.add(hit.passage.text);
    out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}
