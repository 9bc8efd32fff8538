import type { Query } from "./query.js";
import { retrieve, type Ranked, type RetrieveContext, type RetrieveFilter } from "./retrieve.js";

/**
 * A name the bulletins coin, typed whole, may be made of ubiquitous words (企业工会建设年: 企业,
 * 工会, 建设 are everywhere and 年 is no word), so the relevance floor would turn it away. The
 * passages quoting it word for word are what was asked for — looked for a little deeper than the
 * hits asked for — and the rest is noise.
 */

/** A run of the question this long, said word for word by a passage, is a name the bulletins coin. */
export const COINED_NAME = 5;
/** How many ranked passages are looked through for one quoting such a name. */
const NAME_LOOK = 20;

/** Whether the question holds a run long enough to be a coined name. */
export function mayNameOne(query: Query): boolean {
  return query.phrases.some((p) => [...p].length >= COINED_NAME);
}

/**
 * The passages quoting a coined name the question types whole, best first, at most `limit`; empty
 * when it types none. Only a run some passage says word for word is worth the deeper look (found
 * among the passages of its rarest word the index holds): most questions below the floor are not
 * names.
 */
export function quotingCoinedName(query: Query, context: RetrieveContext, filter: RetrieveFilter, limit: number): Ranked[] {
  const index = context.index;
  const words = [...query.terms, ...Object.values(query.pieces).flat()];
  const said = (phrase: string) => {
    const inside = words.filter((w) => phrase.includes(w) && index.has(w, "text"));
    if (inside.length === 0) return false;
    const rarest = inside.reduce((a, b) => (index.postingCount(b) < index.postingCount(a) ? b : a));
    return index.saysVerbatim(phrase, rarest, index.size);
  };
  const names = query.phrases.filter((p) => [...p].length >= COINED_NAME && said(p));
  if (names.length === 0) return [];
  return retrieve(query, context, filter, Math.max(limit, NAME_LOOK))
    .filter((r) => names.some((p) => r.passage.text.includes(p)))
    .slice(0, limit);
}
