import type { Postings } from "./postings.js";

/**
 * The long posting lists (工会, 工作, 职工 …: a sixteenth of the passages or more) as bitmaps
 * with a rank per 32 passages, so the scorer finds whether a passage is in such a list, and at
 * which posting, in constant time instead of galloping through the list. At 100k passages a
 * question's few thousand candidates are looked up in three or four of these lists, and the
 * galloping was most of its scoring time.
 *
 * Written here because the one library for this (roaring bitmaps) is native or WebAssembly and
 * answers membership, not a posting's position; this needs both, over lists already in memory.
 */

/** Below this many postings a list is never long: pruning only pays on large corpora. */
const MIN_LONG_POSTINGS = 4000;

/**
 * A list longer than this is long: more than a sixteenth of the corpus (职工, 工会, 工作 in
 * text). The scorer may prune long lists, and each has a bitmap.
 */
export function longListLength(size: number): number {
  return Math.max(MIN_LONG_POSTINGS, size / 16);
}

export class ListBitmaps {
  /** Words per bitmap: one bit per passage. */
  readonly words: number;
  /** Per (term, field) pair, the first word of its bitmap in `bits`, or -1 when it has none. */
  private readonly at: Int32Array;
  /** The bitmaps, one after another: bit (doc & 31) of word (doc >>> 5) is set when the list has doc. */
  readonly bits: Uint32Array;
  /** rank[at + w]: how many postings of the list come before word w (its passages below 32·w). */
  readonly rank: Int32Array;

  constructor(postings: Postings) {
    const { size, offsets, docs } = postings;
    this.words = Math.ceil(size / 32);
    const longest = longListLength(size);
    this.at = new Int32Array(postings.pairs).fill(-1);
    let lists = 0;
    for (let pair = 0; pair < postings.pairs; pair++) {
      if (offsets[pair + 1]! - offsets[pair]! > longest) this.at[pair] = lists++ * this.words;
    }
    this.bits = new Uint32Array(lists * this.words);
    this.rank = new Int32Array(lists * this.words);
    for (let pair = 0; pair < postings.pairs; pair++) {
      const base = this.at[pair]!;
      if (base < 0) continue;
      const start = offsets[pair]!;
      const end = offsets[pair + 1]!;
      for (let p = start; p < end; p++) {
        const doc = docs[p]!;
        const w = base + (doc >>> 5);
        this.bits[w] = this.bits[w]! | (1 << (doc & 31));
      }
      let before = 0;
      for (let w = 0; w < this.words; w++) {
        this.rank[base + w] = before;
        before += popcount(this.bits[base + w]!);
      }
    }
  }

  /** Where the bitmap of a (term, field) pair starts in `bits` and `rank`, or -1 when it has none. */
  of(pair: number): number {
    return this.at[pair]!;
  }
}

/** Set bits of a 32-bit word (SWAR: JavaScript has no popcount). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
