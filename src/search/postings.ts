import type { MiniSearchPostings } from "./passage-index.js";

/**
 * Posting lists in flat typed arrays: for each (term, field) pair, the passages (dense numbers
 * 0…size-1) that have the term in that field, ascending, with the term's frequency there.
 * MiniSearch builds the index; its nested Maps are repacked here once, because scoring over
 * them allocates per posting and holds most of a large index's memory.
 */

/** MiniSearch's BM25 parameters (its defaults: the engine's scores are MiniSearch's). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

export interface PostingsData {
  /** Passages in the index. */
  size: number;
  fieldIds: Readonly<Record<string, number>>;
  avgFieldLength: readonly number[];
  /** fieldLengths[field * size + doc], in terms. */
  fieldLengths: Float32Array;
  /** Terms in term-number order. */
  terms: readonly string[];
  /** Postings of pair p = term * fieldCount + field: docs/freqs[offsets[p] .. offsets[p + 1]). */
  offsets: Int32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  /** Per pair, the largest BM25 term-frequency part of any of its postings (computed when absent). */
  listMax?: Float32Array;
}

export class Postings {
  readonly size: number;
  readonly fieldIds: Readonly<Record<string, number>>;
  readonly fieldCount: number;
  readonly avgFieldLength: readonly number[];
  readonly fieldLengths: Float32Array;
  readonly termList: readonly string[];
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly freqs: Uint16Array;
  /**
   * The most one posting of a list adds before idf and boosts: the bound a scorer uses for a
   * passage it skipped in that list (MaxScore). Rounded up, so it never underestimates.
   */
  readonly listMax: Float32Array;
  private readonly terms: Map<string, number>;
  /**
   * BM25's length normalisation of each (field, passage), k · (1 − b + b · length / average), at
   * [field * size + doc]: computed once here rather than per posting scored. Float64, so a score
   * is the same double MiniSearch computes.
   */
  private readonly norm: Float64Array;

  constructor(data: PostingsData) {
    this.size = data.size;
    this.fieldIds = data.fieldIds;
    this.fieldCount = Object.keys(data.fieldIds).length;
    this.avgFieldLength = data.avgFieldLength;
    this.fieldLengths = data.fieldLengths;
    this.termList = data.terms;
    this.offsets = data.offsets;
    this.docs = data.docs;
    this.freqs = data.freqs;
    this.terms = new Map(data.terms.map((term, t) => [term, t]));
    this.norm = new Float64Array(this.fieldLengths.length);
    for (let f = 0; f < this.fieldCount; f++) {
      for (let doc = 0; doc < this.size; doc++) {
        const len = this.fieldLengths[f * this.size + doc]!;
        this.norm[f * this.size + doc] = BM25.k * (1 - BM25.b + (BM25.b * len) / this.avgFieldLength[f]!);
      }
    }
    this.listMax = data.listMax ?? this.computeListMax();
  }

  /** Number of (term, field) lists. */
  get pairs(): number {
    return this.offsets.length - 1;
  }

  termNumber(term: string): number | undefined {
    return this.terms.get(term);
  }

  /** Whether any passage has the term, in one field or any. */
  has(term: string, field?: string): boolean {
    const t = this.terms.get(term);
    if (t === undefined) return false;
    const fields = field === undefined ? [...Array(this.fieldCount).keys()] : [this.fieldIds[field]!];
    return fields.some((f) => this.offsets[t * this.fieldCount + f + 1]! > this.offsets[t * this.fieldCount + f]!);
  }

  /** Number of postings of a term over all fields: how common it is (ranking weighs terms by it). */
  count(term: string): number {
    const t = this.terms.get(term);
    if (t === undefined) return 0;
    return this.offsets[(t + 1) * this.fieldCount]! - this.offsets[t * this.fieldCount]!;
  }

  /** BM25's length normalisation of field f for every passage (indexed by passage): for loops that score many postings of one list. */
  normOf(f: number): Float64Array {
    return this.norm.subarray(f * this.size, (f + 1) * this.size);
  }

  /** BM25 term-frequency part of posting p (field f, passage doc): MiniSearch's formula without idf and boosts. */
  raw(p: number, f: number, doc: number): number {
    const tf = this.freqs[p]!;
    return BM25.d + (tf * (BM25.k + 1)) / (tf + this.norm[f * this.size + doc]!);
  }

  private computeListMax(): Float32Array {
    const out = new Float32Array(this.pairs);
    for (let pair = 0; pair < this.pairs; pair++) {
      const f = pair % this.fieldCount;
      let max = 0;
      for (let p = this.offsets[pair]!; p < this.offsets[pair + 1]!; p++) {
        const raw = this.raw(p, f, this.docs[p]!);
        if (raw > max) max = raw;
      }
      out[pair] = roundUp(max);
    }
    return out;
  }

  /**
   * Repacks a freshly built MiniSearch (without its plain-object form, which at 100k passages
   * costs hundreds of MB at the build's peak). `passages` fixes the dense numbering.
   */
  static fromMiniSearch(mini: MiniSearchPostings, passageIds: readonly string[]): Postings {
    const size = passageIds.length;
    const docOf = new Map(passageIds.map((id, i) => [id, i]));
    const dense = new Map<number, number>();
    for (const [short, id] of mini.documentIds) {
      const doc = docOf.get(id);
      if (doc === undefined) throw new Error(`index names passage ${id}, which the corpus lacks`);
      dense.set(short, doc);
    }
    if (dense.size !== size) throw new Error(`index has ${dense.size} passages, the corpus ${size}`);
    const fieldCount = Object.keys(mini.fieldIds).length;
    const fieldLengths = new Float32Array(fieldCount * size);
    for (const [short, lengths] of mini.fieldLength) {
      const doc = dense.get(short)!;
      for (let f = 0; f < fieldCount; f++) fieldLengths[f * size + doc] = lengths[f] ?? 0;
    }
    let total = 0;
    const terms: string[] = [];
    for (const [term, byField] of mini.terms) {
      terms.push(term);
      for (const postings of byField.values()) total += postings.size;
    }
    const offsets = new Int32Array(terms.length * fieldCount + 1);
    const docs = new Int32Array(total);
    const freqs = new Uint16Array(total);
    let at = 0;
    let t = 0;
    for (const [, byField] of mini.terms) {
      for (let f = 0; f < fieldCount; f++) {
        offsets[t * fieldCount + f] = at;
        const postings = byField.get(f);
        if (!postings) continue;
        const start = at;
        for (const [short, freq] of postings) {
          docs[at] = dense.get(short)!;
          freqs[at] = Math.min(freq, 65535);
          at++;
        }
        sortPostings(docs, freqs, start, at);
      }
      t++;
    }
    offsets[terms.length * fieldCount] = at;
    return new Postings({
      size,
      fieldIds: { ...mini.fieldIds },
      avgFieldLength: [...mini.averageFieldLength],
      fieldLengths,
      terms,
      offsets,
      docs,
      freqs,
    });
  }
}

/** The smallest float32 not below x (a bound must not shrink when stored). */
function roundUp(x: number): number {
  const f = Math.fround(x);
  if (f >= x) return f;
  const bits = new Float32Array([f]);
  const word = new Uint32Array(bits.buffer);
  word[0] = word[0]! + 1;
  return bits[0]!;
}

/** Sorts a run of postings by passage (MiniSearch keeps insertion order, which a removal can break). */
function sortPostings(docs: Int32Array, freqs: Uint16Array, start: number, end: number): void {
  let sorted = true;
  for (let i = start + 1; i < end; i++) if (docs[i - 1]! > docs[i]!) { sorted = false; break; }
  if (sorted) return;
  const order = Array.from({ length: end - start }, (_, i) => start + i).sort((a, b) => docs[a]! - docs[b]!);
  const d = order.map((i) => docs[i]!);
  const q = order.map((i) => freqs[i]!);
  docs.set(d, start);
  freqs.set(q, start);
}
