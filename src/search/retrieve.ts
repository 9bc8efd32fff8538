import type { Passage } from "../corpus/passage.js";
import type { CompactIndex, Scored } from "./compact-index.js";
import { MENTIONED } from "./facets.js";
import type { FilterTarget } from "./gazetteer.js";
import { FIELD_BOOSTS } from "./passage-index.js";
import type { Query } from "./query.js";

/**
 * Ranking: filters first, then BM25 (MiniSearch's, computed by CompactIndex), then a reward for covering more of the
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
/**
 * A thesaurus synonym scores and covers less than the word the question used, so a passage
 * saying exactly what was asked always beats one saying it in other words.
 */
const SYNONYM_BOOST = 0.5;
const SYNONYM_CREDIT = 0.75;
/** A synonym the index holds only in pieces: no more than the question's own word in pieces. */
const SPLIT_SYNONYM_CREDIT = 0.6;
/**
 * A question word that names no topic (jieba: a numeral, pronoun or function word — 一个, 自己,
 * 那些, 每个) scores and covers this much of its idf when the question has topic words: it may
 * help place a passage, but a rare 那套 must not outweigh the topic.
 */
const ASIDE_WEIGHT = 0.25;
/** The least weight a term has in coverage: even 工会 says something. */
const MIN_WEIGHT = 0.1;

export interface RetrieveContext {
  index: CompactIndex;
  passages: readonly Passage[];
}

/** The question's years and places: a passage must match one of each given kind. */
export interface RetrieveFilter {
  years: readonly number[];
  targets: readonly FilterTarget[];
  /** Byline names: only their articles. */
  authors?: readonly string[];
  /**
   * Also rank, lower, passages of the place whose text names an asked year though their
   * bulletin is another year's (a 2008 plan recalling 在2007年检查验收…).
   */
  mentionedYears?: boolean;
}

/** Up to this many pruned terms, each combination of them is bounded apart (2⁶ − 1 at most). */
const MAX_COMBINED_TERMS = 6;

/** A passage found only by a year its text names counts this much of its score. */
const MENTIONED_WEIGHT = 0.7;

/** How informative a word is in this corpus: BM25's idf over its postings (all fields). */
export function termWeight(index: Pick<CompactIndex, "postingCount" | "size">, term: string): number {
  const n = index.size;
  return Math.max(MIN_WEIGHT, idf(n, Math.min(n, index.postingCount(term))));
}

/** BM25's idf of a word found in `df` of `n` passages. */
function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The weight of a word no passage says (termWeight with no postings): the most one term can weigh. */
export function unsaidWeight(index: Pick<CompactIndex, "size">): number {
  return idf(index.size, 0);
}

/** Weight of each question term; a term the index lacks weighs as much as its rarest piece. */
export function termWeights(query: Query, index: Pick<CompactIndex, "postingCount" | "size">): Record<string, number> {
  const weights: Record<string, number> = {};
  const aside = query.topical.length > 0 ? ASIDE_WEIGHT : 1;
  for (const term of query.terms) {
    const pieces = query.pieces[term] ?? [];
    weights[term] = (index.postingCount(term) > 0 || pieces.length === 0
      ? termWeight(index, term)
      : Math.max(...pieces.map((p) => termWeight(index, p)))) * (query.topical.includes(term) ? 1 : aside);
  }
  return weights;
}

/** How a passage's matched words cover one question term: 1 exact, less via a synonym or pieces. */
export function termCredit(query: Query, term: string, matched: ReadonlySet<string>): number {
  if (matched.has(term)) return 1;
  let credit = 0;
  for (const words of query.synonyms[term] ?? []) {
    if (!words.every((w) => matched.has(w))) continue;
    // A synonym the index holds only in pieces (工作计划 → 工作, 计划) may be pieces far apart:
    // weaker evidence than the question's own word in pieces.
    credit = Math.max(credit, words.length === 1 ? SYNONYM_CREDIT : SPLIT_SYNONYM_CREDIT);
  }
  if (credit === SYNONYM_CREDIT) return credit;
  const pieces = query.pieces[term] ?? [];
  const found = pieces.filter((p) => matched.has(p)).length;
  // A word the index only holds in pieces (职工书屋 → 职工, 书屋) is said when all its pieces are.
  if (found === pieces.length && found > 0 && query.split.includes(term)) return 1;
  return Math.max(credit, pieces.length > 0 ? (PIECE_CREDIT * found) / pieces.length : 0);
}

/**
 * The share of the question a passage covers, each term weighted by how informative it is
 * (idf), so matching 工会, 工作 and 开展 does not beat matching the one rare word asked about.
 */
function coverage(query: Query, weights: Record<string, number>, matched: ReadonlySet<string>): number {
  if (query.terms.length === 0) return 1;
  let credit = 0;
  let total = 0;
  for (const term of query.terms) {
    const w = weights[term] ?? 1;
    total += w;
    credit += w * termCredit(query, term, matched);
  }
  return total > 0 ? credit / total : 1;
}

export interface RetrieveOptions {
  /** Score every passage that matches (no pruning): the reference the pruned ranking must equal. */
  exhaustive?: boolean;
}

/**
 * The filter is applied by the index before any scoring (a mask over passages), so every
 * candidate below is already allowed.
 */
export function retrieve(query: Query, context: RetrieveContext, filter: RetrieveFilter, limit: number, options: RetrieveOptions = {}): Ranked[] {
  const index = context.index;
  // An author named in the question narrows to their articles, as a place does.
  const only = index.filter(filter.years, filter.targets, filter.authors ?? [], {
    mentionedYears: filter.mentionedYears === true && query.terms.length > 0,
  });
  if (query.terms.length === 0) {
    // Only filters: the item's passages in reading order.
    const pool = only ? only.docs.slice(0, limit).map((doc) => index.passages[doc]!) : context.passages.slice(0, limit);
    return pool.map((passage) => ({ passage, score: 0, matched: [] }));
  }
  const weights = termWeights(query, index);
  const pieces = new Set(Object.values(query.pieces).flat());
  const synonymWords = new Set(Object.values(query.synonyms).flat(2));
  const all = [...new Set([...query.terms, ...pieces, ...synonymWords])];
  const asideBoost = query.topical.length > 0 ? ASIDE_WEIGHT : 1;
  const boostOf = (term: string) =>
    query.terms.includes(term) ? (query.topical.includes(term) ? 1 : asideBoost) : pieces.has(term) ? PIECE_BOOST : SYNONYM_BOOST;
  const scoreTerms = all.map((term) => ({ term, boost: boostOf(term) }));
  const lift = query.phrases.length > 0 ? 1 + PHRASE_BONUS : 1;
  const phraseTests = query.phrases.map((p) => index.phraseTest(p));
  const quotes = (doc: number) => phraseTests.some((test) => test(doc));
  // Long lists (工作, 职工 …) are pruned: only passages some rarer term found are scored. A
  // passage left out matched only pruned lists: bound what it could have scored. When the bound
  // cannot prove the ranking, the pruned term that can add the most is walked in full and the
  // rest stay pruned — usually enough, as the weak ones (a common piece of a word) bound low —
  // and so on until the proof holds or nothing is pruned (then the ranking is exact as is).
  // (In practice the proof fails when the rarer terms found fewer passages than asked for, so
  // there is no hit in hand to bound against: a MaxScore floor would not prune there.)
  if (options.exhaustive) return select(index.score(scoreTerms, { fieldBoosts: FIELD_BOOSTS, only }), true);
  const walk = new Set<number>();
  for (;;) {
    const pruned = index.score(scoreTerms, { fieldBoosts: FIELD_BOOSTS, only, prune: true, walk });
    const best = select(pruned);
    if (pruned.prunedBound === 0) return best;
    if (best.length < limit) {
      walk.add(pruned.prunedTerms[0]!);
      continue;
    }
    // A left-out passage matched only pruned terms; what it could score depends on which. The
    // combinations that could beat the last hit, most promising first: the proof holds when no
    // left-out passage has one.
    const failing = leftOutAbove(pruned, best[best.length - 1]!.score);
    if (failing === null) return best;
    walk.add(failing.reduce((a, b) => (pruned.prunedReach.get(b)! > pruned.prunedReach.get(a)! ? b : a)));
  }

  /**
   * The pruned terms of the strongest combination some left-out passage has and whose bound
   * (BM25 reach × terms matched × coverage² × phrase bonus) reaches `floor`; null when none does.
   * Too many pruned terms to try each combination: all of them, as if one passage had them all.
   */
  function leftOutAbove(pruned: Scored, floor: number): number[] | null {
    const terms = pruned.prunedTerms;
    const boundOf = (set: readonly number[]) => {
      const cover = coverage(query, weights, new Set(set.map((i) => all[i]!)));
      return set.reduce((sum, t) => sum + pruned.prunedReach.get(t)!, 0) * set.length * cover * cover * lift;
    };
    if (terms.length > MAX_COMBINED_TERMS) return boundOf(terms) >= floor ? terms : null;
    const combos: { mask: number; set: number[]; bound: number }[] = [];
    for (let mask = 1; mask < 1 << terms.length; mask++) {
      const set = terms.filter((_, k) => (mask & (1 << k)) !== 0);
      const bound = boundOf(set);
      if (bound >= floor) combos.push({ mask, set, bound });
    }
    combos.sort((a, b) => b.bound - a.bound);
    // No left-out passage has a combination that contains one none has.
    const absent: number[] = [];
    for (const { mask, set } of combos) {
      if (absent.some((a) => (mask & a) === a)) continue;
      if (pruned.leftOutWith(set)) return set;
      absent.push(mask);
    }
    return null;
  }

  /** The best `limit` distinct hits; `reference`: by a full sort of every candidate, no shortcut. */
  function select(acc: Scored, reference = false): Ranked[] {
    // Base score of every matching passage: BM25 × terms matched (MiniSearch's quality) × coverage².
    // Coverage depends only on which terms matched, so it is computed once per distinct mask.
    const base = new Float64Array(acc.count);
    const byMask = new Map<number | string, { cover: number; matched: string[] }>();
    const matchedOf = (i: number) => {
      let key: number | string;
      if (acc.words === 1) key = acc.masks[i]!;
      else {
        key = "";
        for (let w = 0; w < acc.words; w++) key += `${acc.masks[i * acc.words + w]!},`;
      }
      let known = byMask.get(key);
      if (!known) {
        const matched = all.filter((_, t) => (acc.masks[i * acc.words + (t >>> 5)]! & (1 << (t & 31))) !== 0);
        known = { cover: coverage(query, weights, new Set(matched)), matched };
        byMask.set(key, known);
      }
      return known;
    };
    // matched terms × coverage², by mask: a flat table when the question has few terms (the
    // usual case), so the loop over every matching passage does no Map lookups.
    const table = acc.words === 1 && all.length <= 16 ? new Float64Array(1 << all.length).fill(-1) : null;
    for (let i = 0; i < acc.count; i++) {
      let factor: number;
      if (table) {
        const mask = acc.masks[i]!;
        factor = table[mask]!;
        if (factor < 0) {
          const { cover, matched } = matchedOf(i);
          factor = table[mask] = matched.length * cover * cover;
        }
      } else {
        const { cover, matched } = matchedOf(i);
        factor = matched.length * cover * cover;
      }
      base[i] = acc.scores[i]! * factor * (only !== null && only.mask[acc.docs[i]!] === MENTIONED ? MENTIONED_WEIGHT : 1);
    }
    const { idRank } = index;
    const docs = acc.docs;
    if (reference) return rankAll(acc.count, base, docs, (i) => matchedOf(i).matched);

    // Copies of one text share the phrase bonus, so the best copy by base score is the one a
    // full sort would show; every candidate is allowed, so only that copy goes on.
    // (Base score first, then the id's collation rank: the order a full sort gives.)
    const firsts = index.bestCopies(docs, acc.count, base);
    // Only those that could reach a score the hits are sure to have enter the heap: at 100k a
    // common word matches tens of thousands of texts, of which a few hundred can rank.
    const sure = sureScore(firsts, base, docs, limit, index);
    let pooled = 0;
    for (let k = 0; k < firsts.length; k++) if (base[firsts[k]!]! * lift >= sure) firsts[pooled++] = firsts[k]!;
    const candidates = firsts.subarray(0, pooled);

    // Visit passages best base score first; the phrase bonus can lift a passage by at most
    // `lift`, so once the next base score times that cannot reach the current `limit`-th
    // best, nothing further can enter. Same order and ties as a full sort.
    const order = (i: number, j: number) => base[i]! - base[j]! || idRank[docs[j]!]! - idRank[docs[i]!]!;
    const heap = new MaxHeap(candidates, order);
    // Kept hits, best first: candidate index, final score. `better` sorts as the Ranked list is
    // shown (score, then id in collation order).
    const kept: { i: number; score: number; passage: Passage }[] = [];
    const better = (a: { i: number; score: number }, b: { i: number; score: number }) =>
      b.score - a.score || idRank[docs[a.i]!]! - idRank[docs[b.i]!]!;
    while (heap.size > 0) {
      const i = heap.peek();
      if (kept.length >= limit) {
        const last = kept[kept.length - 1]!;
        const most = { i, score: base[i]! * lift };
        if (most.score < last.score) break;
        heap.pop();
        // Even with the phrase bonus it would sort after the last kept hit (a tie lost on id):
        // no need to look for the phrase. Templated bulletins tie by the hundred.
        if (better(most, last) > 0) continue;
      } else heap.pop();
      const passage = index.passages[docs[i]!]!;
      const phrase = lift > 1 && quotes(docs[i]!) ? lift : 1;
      const hit = { i, score: base[i]! * phrase, passage };
      // With the list full, a hit that sorts after its last entry changes nothing: pushed, it
      // would be popped again, and were it a twin of an entry it would lose to it. Most visits
      // of near-tied candidates end here, before any comparison of texts.
      if (kept.length >= limit && better(hit, kept[kept.length - 1]!) > 0) continue;
      // Identical passages (the same text filed twice) are shown once, and so is a paragraph
      // cut into parts: its best part stands for it (expand shows the rest). The better one stays.
      const twin = kept.findIndex(
        (b) => b.passage.text === passage.text || (b.passage.source === passage.source && b.passage.paragraph === passage.paragraph),
      );
      if (twin >= 0) {
        if (better(hit, kept[twin]!) >= 0) continue;
        kept.splice(twin, 1);
      }
      kept.push(hit);
      kept.sort(better);
      if (kept.length > limit) kept.pop();
    }
    return kept.map(({ i, score, passage }) => ({ passage, score, matched: matchedOf(i).matched }));
  }

  /** `select` the plain way: the best copy of each text, every final score, one sort, twins dropped in order. */
  function rankAll(count: number, base: Float64Array, docs: Int32Array, matched: (i: number) => string[]): Ranked[] {
    const { idRank, textGroup } = index;
    const before = (i: number, j: number) => base[j]! - base[i]! || idRank[docs[i]!]! - idRank[docs[j]!]!;
    const bestCopy = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const g = textGroup[docs[i]!]!;
      const known = bestCopy.get(g);
      if (known === undefined || before(i, known) < 0) bestCopy.set(g, i);
    }
    const hits = [...bestCopy.values()].map((i) => {
      const passage = index.passages[docs[i]!]!;
      const phrase = query.phrases.some((p) => passage.text.includes(p)) ? lift : 1;
      return { i, passage, score: base[i]! * phrase };
    });
    hits.sort((a, b) => b.score - a.score || idRank[docs[a.i]!]! - idRank[docs[b.i]!]!);
    const shown: Ranked[] = [];
    for (const { i, passage, score } of hits) {
      if (shown.length === limit) break;
      if (shown.some((r) => r.passage.text === passage.text || (r.passage.source === passage.source && r.passage.paragraph === passage.paragraph))) continue;
      shown.push({ passage, score, matched: matched(i) });
    }
    return shown;
  }
}

/** How many of the best candidates by base score `sureScore` looks at, per hit asked for. */
const SURE_SAMPLE = 4;

/**
 * A score the `limit`-th hit is sure to reach, 0 when it cannot tell: the `limit`-th best base
 * score among the best few candidates (each the best copy of its text) that are pairwise not
 * parts of one paragraph. Each of them, or a better part of its paragraph, is shown, and the
 * phrase bonus only adds, so at least `limit` hits score that much.
 */
function sureScore(candidates: Int32Array, base: Float64Array, docs: Int32Array, limit: number, index: CompactIndex): number {
  const size = Math.min(candidates.length, SURE_SAMPLE * limit);
  if (size < limit) return 0;
  // The `size` best by base score, in a min-heap (the worst at the root).
  const top = new Int32Array(size);
  let filled = 0;
  for (const i of candidates) {
    let at: number;
    if (filled < size) {
      // Up from a new leaf.
      for (at = filled++; at > 0; ) {
        const up = (at - 1) >>> 1;
        if (base[i]! >= base[top[up]!]!) break;
        top[at] = top[up]!;
        at = up;
      }
    } else if (base[i]! > base[top[0]!]!) {
      // Down from the root, which i replaces.
      for (at = 0; ; ) {
        const l = 2 * at + 1;
        if (l >= size) break;
        const child = l + 1 < size && base[top[l + 1]!]! < base[top[l]!]! ? l + 1 : l;
        if (base[top[child]!]! >= base[i]!) break;
        top[at] = top[child]!;
        at = child;
      }
    } else continue;
    top[at] = i;
  }
  const sample = Array.from(top).sort((i, j) => base[j]! - base[i]!);
  const chosen: Passage[] = [];
  for (const i of sample) {
    const passage = index.passages[docs[i]!]!;
    if (chosen.some((c) => c.source === passage.source && c.paragraph === passage.paragraph)) continue;
    chosen.push(passage);
    if (chosen.length === limit) return base[i]!;
  }
  return 0;
}

/** A binary max-heap of the given numbers (taken over, not copied) under `compare` (positive: first is larger). */
class MaxHeap {
  private readonly items: Int32Array;
  size: number;

  constructor(
    items: Int32Array,
    private readonly compare: (a: number, b: number) => number,
  ) {
    this.items = items;
    this.size = items.length;
    for (let i = (this.size >>> 1) - 1; i >= 0; i--) this.down(i);
  }

  peek(): number {
    return this.items[0]!;
  }

  pop(): number {
    const top = this.items[0]!;
    this.size--;
    if (this.size > 0) {
      this.items[0] = this.items[this.size]!;
      this.down(0);
    }
    return top;
  }

  private down(i: number): void {
    const { items, compare } = this;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < this.size && compare(items[l]!, items[largest]!) > 0) largest = l;
      if (r < this.size && compare(items[r]!, items[largest]!) > 0) largest = r;
      if (largest === i) return;
      const t = items[i]!;
      items[i] = items[largest]!;
      items[largest] = t;
      i = largest;
    }
  }
}
