import type { Allowed } from "./facets.js";
import { ListBitmaps, longListLength, popcount } from "./list-bitmaps.js";
import { BM25, type Postings } from "./postings.js";

/**
 * BM25 over posting lists, OR-combined, exactly as MiniSearch's `search` scores before its
 * quality factor (same k, b, d, idf, field and term boosts): test/search/scoring.test.ts holds
 * the two side by side.
 */

export interface ScoreTerm {
  term: string;
  boost: number;
}

export interface ScoreOptions {
  /** Weight of a match in each field; fields not named are not searched. */
  fieldBoosts: Readonly<Record<string, number>>;
  /**
   * When given, only these passages are scored (a year/place filter). Scoring is then exact:
   * lists much longer than the filter are intersected with it (a long list through its bitmap,
   * another by galloping over its sorted passages) instead of walked, so nothing needs pruning.
   */
  only?: Allowed | null;
  /**
   * Let long lists (more than a sixteenth of the corpus: 职工, 工会, 工作 in text) add only to
   * passages that some rarer term found, looked up in their bitmaps (list-bitmaps.ts), instead of making
   * every passage they hold a candidate. A passage matching nothing but such lists is then left out; `prunedBound`
   * says the most it could have scored, so the caller can prove it would not have ranked, or
   * score again without pruning.
   */
  prune?: boolean;
  /**
   * With pruning: query terms (indexes) whose lists are walked however long they are. The caller
   * unprunes the strongest pruned term when the bound cannot prove its ranking, instead of
   * scoring every long list in full.
   */
  walk?: ReadonlySet<number>;
}

/** The passages that matched, with their scores: the caller's to keep. */
export interface Scored {
  count: number;
  /** Passage numbers, in the order first found. */
  docs: Int32Array;
  /** BM25 sum of docs[i]. */
  scores: Float64Array;
  /** Which query terms docs[i] matched: bit (t & 31) of masks[i * words + (t >>> 5)] for term t. */
  masks: Uint32Array;
  words: number;
  /** With pruning: the most (BM25 sum) a passage found only in pruned lists could score; else 0. */
  prunedBound: number;
  /** Query terms (indexes) that had a pruned list, the one that can add the most first. */
  prunedTerms: number[];
  /** Per pruned term, the most its pruned lists add to one passage (prunedBound is their sum). */
  prunedReach: ReadonlyMap<number, number>;
  /**
   * With pruning: whether some passage that is not among `docs` is in a pruned list of every
   * one of these terms. The bound assumes a left-out passage has every pruned term; the
   * caller can ask which combinations one really has (农民 and 民工 never come without 农民工).
   */
  leftOutWith: (terms: readonly number[]) => boolean;
}

/** With a filter, a list this many times longer than the passages it allows is intersected, not walked. */
const INTERSECT_RATIO = 4;

interface List {
  term: number;
  field: number;
  pair: number;
  start: number;
  end: number;
  weight: number;
}

export class Bm25Scorer {
  /** Position + 1 of a passage in the current result, 0 when not in it; all zero between calls. */
  private readonly slot: Int32Array;
  /** Bit `doc` set for each passage of the current result, to intersect with long lists' bitmaps; all zero between calls. */
  private readonly found: Uint32Array;

  /** The long lists as bitmaps: where a passage sits in one, without searching it. */
  private readonly bitmaps: ListBitmaps;

  constructor(private readonly postings: Postings) {
    this.slot = new Int32Array(postings.size);
    this.found = new Uint32Array(Math.ceil(postings.size / 32));
    this.bitmaps = new ListBitmaps(postings);
  }

  score(queryTerms: readonly ScoreTerm[], options: ScoreOptions): Scored {
    const { postings, slot, found, bitmaps } = this;
    const { fieldBoosts } = options;
    const only = options.only?.mask;
    const allowed = options.only?.docs;
    const n = postings.size;
    const fc = postings.fieldCount;
    const words = Math.max(1, Math.ceil(queryTerms.length / 32));
    const longest = options.prune && !allowed ? longListLength(n) : Infinity;
    const intersectAbove = allowed ? INTERSECT_RATIO * allowed.length : Infinity;

    const walked: List[] = [];
    const probed: List[] = [];
    const intersected: List[] = [];
    let capacity = 0;
    queryTerms.forEach(({ term, boost }, i) => {
      const t = postings.termNumber(term);
      if (t === undefined) return;
      for (const field in fieldBoosts) {
        const f = postings.fieldIds[field];
        if (f === undefined) continue;
        const pair = t * fc + f;
        const start = postings.offsets[pair]!;
        const end = postings.offsets[pair + 1]!;
        if (end === start) continue;
        const idf = Math.log(1 + (n - (end - start) + 0.5) / (end - start + 0.5));
        const list = { term: i, field: f, pair, start, end, weight: boost * fieldBoosts[field]! * idf };
        if (end - start > intersectAbove) {
          intersected.push(list);
          capacity += allowed!.length;
        } else if (end - start > longest && !options.walk?.has(i)) probed.push(list);
        else {
          walked.push(list);
          capacity += end - start;
        }
      }
    });
    // Candidates come from the question's own words where they can: when no asked word (the
    // strongest boost) is walked in every field — the walked lists are pieces or synonyms (立功
    // for 劳动竞赛, 代表大会 for 职代会) — passages saying an asked word would outscore what they
    // find, the caller's bound would fail, and it would score again walking that word. Walk it now.
    const ownBoost = Math.max(...queryTerms.map((t) => t.boost));
    const own = probed.filter((list) => queryTerms[list.term]!.boost === ownBoost);
    if (walked.length > 0 && own.length > 0 && !walked.some((list) => queryTerms[list.term]!.boost === ownBoost && !own.some((o) => o.term === list.term))) {
      const reach = reachByTerm(own, postings);
      const strongest = [...reach.keys()].reduce((best, term) => (reach.get(term)! > reach.get(best)! ? term : best));
      for (let k = probed.length - 1; k >= 0; k--) {
        if (probed[k]!.term !== strongest) continue;
        const list = probed.splice(k, 1)[0]!;
        walked.push(list);
        capacity += list.end - list.start;
      }
    }
    // Nothing rare enough to start from: walk the lists of the terms that can add the most (within
    // half of the strongest, by weight × the list's largest posting) and prune the weaker ones —
    // the sub-words of a common word, typically — with the same bound as above.
    if (walked.length === 0 && intersected.length === 0) {
      const reach = reachByTerm(probed, postings);
      const strongest = Math.max(...reach.values());
      const weak = probed.filter((list) => reach.get(list.term)! < strongest / 2);
      for (const list of probed) {
        if (weak.includes(list)) continue;
        capacity += list.end - list.start;
        walked.push(list);
      }
      probed.splice(0, probed.length, ...weak);
    }

    capacity = Math.min(n, capacity);
    const docs = new Int32Array(capacity);
    const scores = new Float64Array(capacity);
    const masks = new Uint32Array(capacity * words);
    let count = 0;
    const listDocs = postings.docs;
    const freqs = postings.freqs;
    const { k, d } = BM25;
    // The hot loop at 100k passages (tens of thousands of postings per question): the BM25
    // term-frequency part is written out here over hoisted arrays, the same arithmetic as
    // `postings.raw`, so each posting costs a few array reads and no call.
    for (const { term, field, start, end, weight } of walked) {
      const word = term >>> 5;
      const bit = 1 << (term & 31);
      const norm = postings.normOf(field);
      for (let p = start; p < end; p++) {
        const doc = listDocs[p]!;
        if (only !== undefined && only[doc] === 0) continue;
        let at = slot[doc]! - 1;
        if (at < 0) {
          at = count++;
          slot[doc] = count;
          docs[at] = doc;
          found[doc >>> 5] = found[doc >>> 5]! | (1 << (doc & 31));
        }
        const tf = freqs[p]!;
        scores[at] = scores[at]! + weight * (d + (tf * (k + 1)) / (tf + norm[doc]!));
        masks[at * words + word] = masks[at * words + word]! | bit;
      }
    }
    const { bits, rank } = bitmaps;
    for (const { term, field, start, end, weight, pair } of intersected) {
      const word = term >>> 5;
      const bit = 1 << (term & 31);
      const map = bitmaps.of(pair);
      let p = start;
      for (const doc of allowed!) {
        if (map >= 0) {
          // A long list: its bitmap says whether doc is in it, and its rank where.
          const w = map + (doc >>> 5);
          const here = 1 << (doc & 31);
          if ((bits[w]! & here) === 0) continue;
          p = start + rank[w]! + popcount(bits[w]! & (here - 1));
        } else {
          p = gallop(listDocs, p, end, doc);
          if (p === end) break;
          if (listDocs[p] !== doc) continue;
        }
        let at = slot[doc]! - 1;
        if (at < 0) {
          at = count++;
          slot[doc] = count;
          docs[at] = doc;
          found[doc >>> 5] = found[doc >>> 5]! | (1 << (doc & 31));
        }
        scores[at] = scores[at]! + weight * postings.raw(p, field, doc);
        masks[at * words + word] = masks[at * words + word]! | bit;
      }
    }
    let prunedBound = 0;
    const reachOf = new Map<number, number>();
    /** Per pruned term, where its pruned lists' bitmaps start. */
    const prunedMaps = new Map<number, number[]>();
    for (const { term, field, weight, start, pair } of probed) {
      const word = term >>> 5;
      const bit = 1 << (term & 31);
      // Only long lists are pruned, and each has a bitmap: it and the candidates' bits share a
      // word per 32 passages, and each passage in both is at the list's rank for that word plus
      // the list's bits below it.
      const map = bitmaps.of(pair);
      prunedMaps.set(term, [...(prunedMaps.get(term) ?? []), map]);
      for (let w = 0; w < found.length; w++) {
        const listBits = bits[map + w]!;
        let both = found[w]! & listBits;
        while (both !== 0) {
          const low = both & -both;
          both ^= low;
          const doc = (w << 5) + 31 - Math.clz32(low);
          const p = start + rank[map + w]! + popcount(listBits & (low - 1));
          const at = slot[doc]! - 1;
          scores[at] = scores[at]! + weight * postings.raw(p, field, doc);
          masks[at * words + word] = masks[at * words + word]! | bit;
        }
      }
      // The most one posting of this list adds (its largest term-frequency part, precomputed).
      prunedBound += weight * postings.listMax[pair]!;
      reachOf.set(term, (reachOf.get(term) ?? 0) + weight * postings.listMax[pair]!);
    }
    const prunedTerms = [...reachOf.keys()].sort((a, b) => reachOf.get(b)! - reachOf.get(a)! || a - b);
    const candidates = probed.length > 0 ? found.slice() : null;
    for (let at = 0; at < count; at++) {
      const doc = docs[at]!;
      slot[doc] = 0;
      found[doc >>> 5] = 0;
    }
    return {
      count,
      docs: docs.subarray(0, count),
      scores: scores.subarray(0, count),
      masks: masks.subarray(0, count * words),
      words,
      prunedBound,
      prunedTerms,
      prunedReach: reachOf,
      leftOutWith: (terms) => candidates !== null && leftOutWith(bits, candidates, terms.map((t) => prunedMaps.get(t) ?? [])),
    };
  }
}

/**
 * Whether some passage whose bit `candidates` lacks is, for each group of bitmaps, in one of
 * them: one pass over the words of the bitmaps, stopping at the first such passage.
 */
function leftOutWith(bits: Uint32Array, candidates: Uint32Array, groups: readonly (readonly number[])[]): boolean {
  if (groups.length === 0 || groups.some((maps) => maps.length === 0)) return false;
  for (let w = 0; w < candidates.length; w++) {
    let all = ~candidates[w]!;
    for (const maps of groups) {
      let any = 0;
      for (const map of maps) any |= bits[map + w]!;
      all &= any;
      if (all === 0) break;
    }
    if (all !== 0) return true;
  }
  return false;
}

/** Per query term, the most its lists can add to one passage (weight × each list's largest posting). */
function reachByTerm(lists: readonly List[], postings: Postings): Map<number, number> {
  const reach = new Map<number, number>();
  for (const list of lists) reach.set(list.term, (reach.get(list.term) ?? 0) + list.weight * postings.listMax[list.pair]!);
  return reach;
}

/** The first position in docs[from, end) (ascending) holding a passage ≥ doc: exponential then binary search. */
function gallop(docs: Int32Array, from: number, end: number, doc: number): number {
  if (from >= end || docs[from]! >= doc) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < end && docs[hi]! < doc) {
    lo = hi;
    step *= 2;
    hi = Math.min(end, hi + step);
  }
  // docs[lo] < doc, and docs[hi] >= doc or hi === end.
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}
