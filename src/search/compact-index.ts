import type MiniSearch from "minisearch";
import type { AsPlainObject } from "minisearch";
import type { Passage } from "../corpus/passage.js";

/**
 * The index the engine serves from: MiniSearch's saved postings, repacked into flat typed
 * arrays. MiniSearch stays the builder and the file format; it is not the query engine,
 * because its search allocates an object per matching passage per term and scores every
 * posting before filtering — at 100,000 passages a common word such as 工会 costs a second and
 * the nested Maps hold most of the serving memory. Scoring here is MiniSearch's BM25, term for
 * term (same k, b, d, field boosts, and the same ×(terms matched) quality factor), so ranking
 * does not change; only its cost does.
 */

export interface ScoreTerm {
  term: string;
  boost: number;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** Below this many postings a list is always walked: pruning only pays on large corpora. */
const MIN_PRUNE_POSTINGS = 4000;
/** Dense position arrays kept for long lists (each 4 bytes × passages). */
const DENSE_KEPT = 48;

/** Per-query scratch: accumulated scores, which query terms each passage matched, which were touched. */
export interface Accumulated {
  /** Passages (dense numbers) that matched at least one term, in first-touch order. */
  touched: Int32Array;
  count: number;
  /** Indexed by passage number. Only entries listed in `touched` are meaningful. */
  scores: Float64Array;
  /** Indexed by passage number × words; bit i of the mask = term i matched. */
  masks: Uint32Array;
  words: number;
  /** With pruning: the most a passage matching only pruned lists could score (BM25 sum), else 0. */
  prunedBound: number;
  /** Query terms (indexes) that had a pruned list. */
  prunedTerms: number[];
}

export class CompactIndex {
  readonly size: number;
  /** Passage (dense number → passage), in the order MiniSearch numbered them. */
  readonly passages: Passage[];
  private readonly fieldCount: number;
  private readonly fieldIds: Record<string, number>;
  private readonly avgFieldLength: number[];
  /** fieldLengths[field * size + doc] */
  private readonly fieldLengths: Float32Array;
  /** term → term number */
  private readonly terms: Map<string, number>;
  /** Postings of (term t, field f): docs/freqs[offsets[t * fieldCount + f] .. offsets[t * fieldCount + f + 1]), docs ascending. */
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly freqs: Uint16Array;
  // Scratch buffers reused by every query (the engine answers one question at a time).
  private scores: Float64Array;
  private masks: Uint32Array;
  private seen: Uint8Array;
  private touched: Int32Array;
  /** Passages by year, by place and by organisation (ascending), for filters. */
  private readonly byYear = new Map<number, number[]>();
  private readonly byPlace = new Map<string, number[]>();
  private readonly byOrg = new Map<string, number[]>();
  private mask: Uint8Array;
  private readonly dense = new Map<number, Int32Array>();
  /** Passages with the same text share a group number (templated bulletins repeat paragraphs). */
  readonly textGroup: Int32Array;
  readonly groups: number;
  /** Position of each passage's id in `localeCompare` order: ranking's tie-break, without collating per comparison. */
  readonly idRank: Int32Array;

  private constructor(init: {
    passages: Passage[];
    fieldIds: Record<string, number>;
    avgFieldLength: number[];
    fieldLengths: Float32Array;
    terms: Map<string, number>;
    offsets: Int32Array;
    docs: Int32Array;
    freqs: Uint16Array;
  }) {
    this.passages = init.passages;
    this.size = init.passages.length;
    this.fieldIds = init.fieldIds;
    this.fieldCount = Object.keys(init.fieldIds).length;
    this.avgFieldLength = init.avgFieldLength;
    this.fieldLengths = init.fieldLengths;
    this.terms = init.terms;
    this.offsets = init.offsets;
    this.docs = init.docs;
    this.freqs = init.freqs;
    this.scores = new Float64Array(this.size);
    this.masks = new Uint32Array(this.size);
    this.seen = new Uint8Array(this.size);
    this.touched = new Int32Array(this.size);
    this.mask = new Uint8Array(this.size);
    const add = <K>(map: Map<K, number[]>, key: K | null, doc: number) => {
      if (key === null) return;
      const list = map.get(key);
      if (list) list.push(doc);
      else map.set(key, [doc]);
    };
    this.textGroup = new Int32Array(this.size);
    const groupOf = new Map<string, number>();
    this.passages.forEach((p, doc) => {
      let g = groupOf.get(p.text);
      if (g === undefined) groupOf.set(p.text, (g = groupOf.size));
      this.textGroup[doc] = g;
      add(this.byYear, p.year, doc);
      add(this.byPlace, p.place, doc);
      add(this.byOrg, p.org, doc);
    });
    this.groups = groupOf.size;
    this.idRank = new Int32Array(this.size);
    const collator = new Intl.Collator();
    const byId = Array.from({ length: this.size }, (_, doc) => doc).sort((a, b) =>
      collator.compare(this.passages[a]!.id, this.passages[b]!.id),
    );
    byId.forEach((doc, rank) => (this.idRank[doc] = rank));
  }

  /**
   * The passages a year/place filter allows, as a mask over passage numbers (valid until the
   * next call) and the ascending list; null when the filter allows everything.
   */
  filter(years: readonly number[], targets: readonly { label: string; by: "place" | "org" }[]): { mask: Uint8Array; docs: number[] } | null {
    if (years.length === 0 && targets.length === 0) return null;
    const mask = this.mask;
    mask.fill(0);
    const union = (lists: (number[] | undefined)[]): number[] => {
      const out: number[] = [];
      for (const list of lists) if (list) for (const doc of list) out.push(doc);
      return lists.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
    };
    const byYear = years.length > 0 ? union(years.map((y) => this.byYear.get(y))) : null;
    const byTarget =
      targets.length > 0 ? union(targets.map((t) => (t.by === "place" ? this.byPlace : this.byOrg).get(t.label))) : null;
    let docs: number[];
    if (byYear && byTarget) {
      for (const doc of byYear) mask[doc] = 1;
      docs = byTarget.filter((doc) => mask[doc] === 1);
      mask.fill(0);
    } else docs = (byYear ?? byTarget)!;
    for (const doc of docs) mask[doc] = 1;
    return { mask, docs };
  }

  /**
   * Repacks MiniSearch's plain-object form (what `toJSON` returns; the format indexes were saved in before postings.bin).
   * `byId` resolves MiniSearch's document ids to passages.
   */
  static fromJSON(json: AsPlainObject, byId: Map<string, Passage>): CompactIndex {
    const shortIds = Object.keys(json.documentIds);
    const size = shortIds.length;
    // MiniSearch numbers documents 0, 1, 2… as they are added; only a removal leaves gaps.
    const identity = shortIds.every((short, i) => Number(short) === i);
    const dense = identity ? null : new Map(shortIds.map((short, i) => [Number(short), i]));
    const denseOf = (short: string): number | undefined => (dense ? dense.get(Number(short)) : Number(short));
    const passages: Passage[] = new Array(size);
    shortIds.forEach((short, i) => {
      const passage = byId.get(json.documentIds[short] as string);
      if (!passage) throw new Error(`index names passage ${String(json.documentIds[short])}, which the corpus lacks`);
      passages[i] = passage;
    });
    const fieldCount = Object.keys(json.fieldIds).length;
    const fieldLengths = new Float32Array(fieldCount * size);
    for (const short in json.fieldLength) {
      const doc = denseOf(short);
      if (doc === undefined) continue;
      const lengths = json.fieldLength[short]!;
      for (let f = 0; f < fieldCount; f++) fieldLengths[f * size + doc] = lengths[f] ?? 0;
    }

    let total = 0;
    for (const [, byField] of json.index) {
      for (const f in byField) for (const _ in byField[f]) total++;
    }
    const terms = new Map<string, number>();
    const offsets = new Int32Array(json.index.length * fieldCount + 1);
    const docs = new Int32Array(total);
    const freqs = new Uint16Array(total);
    let at = 0;
    for (let t = 0; t < json.index.length; t++) {
      const [term, byField] = json.index[t]!;
      terms.set(term, t);
      for (let f = 0; f < fieldCount; f++) {
        offsets[t * fieldCount + f] = at;
        const postings = byField[String(f)];
        if (!postings) continue;
        const start = at;
        for (const short in postings) {
          const doc = denseOf(short);
          if (doc === undefined) continue;
          docs[at] = doc;
          freqs[at] = Math.min(postings[short]!, 65535);
          at++;
        }
        sortPostings(docs, freqs, start, at);
      }
    }
    offsets[json.index.length * fieldCount] = at;
    return new CompactIndex({
      passages,
      fieldIds: json.fieldIds,
      avgFieldLength: json.averageFieldLength,
      fieldLengths,
      terms,
      offsets,
      docs: at === total ? docs : docs.slice(0, at),
      freqs: at === total ? freqs : freqs.slice(0, at),
    });
  }

  /**
   * Repacks a freshly built MiniSearch without going through its plain-object form (which, at
   * 100k passages, costs hundreds of MB at the build's peak). Reads MiniSearch's internal maps:
   * a MiniSearch upgrade that renames them fails loudly here and in the tests.
   */
  static fromMiniSearch(mini: MiniSearch<Passage>, passages: Passage[]): CompactIndex {
    const internals = mini as unknown as MiniSearchInternals;
    if (!(internals._index && internals._documentIds instanceof Map && internals._fieldLength instanceof Map)) {
      throw new Error("MiniSearch internals changed: cannot repack the index");
    }
    const size = passages.length;
    const docOf = new Map(passages.map((p, i) => [p.id, i]));
    const dense = new Map<number, number>();
    for (const [short, id] of internals._documentIds) {
      const doc = docOf.get(id);
      if (doc === undefined) throw new Error(`index names passage ${id}, which the corpus lacks`);
      dense.set(short, doc);
    }
    if (dense.size !== size) throw new Error(`index has ${dense.size} passages, the corpus ${size}`);
    const fieldCount = Object.keys(internals._fieldIds).length;
    const fieldLengths = new Float32Array(fieldCount * size);
    for (const [short, lengths] of internals._fieldLength) {
      const doc = dense.get(short)!;
      for (let f = 0; f < fieldCount; f++) fieldLengths[f * size + doc] = lengths[f] ?? 0;
    }
    let total = 0;
    let termCount = 0;
    for (const [, byField] of internals._index) {
      termCount++;
      for (const postings of byField.values()) total += postings.size;
    }
    const terms = new Map<string, number>();
    const offsets = new Int32Array(termCount * fieldCount + 1);
    const docs = new Int32Array(total);
    const freqs = new Uint16Array(total);
    let at = 0;
    let t = 0;
    for (const [term, byField] of internals._index) {
      terms.set(term, t);
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
    offsets[termCount * fieldCount] = at;
    return new CompactIndex({
      passages,
      fieldIds: { ...internals._fieldIds },
      avgFieldLength: [...internals._avgFieldLength],
      fieldLengths,
      terms,
      offsets,
      docs,
      freqs,
    });
  }

  /**
   * The index as one file: a JSON header (terms, fields, array positions), then the arrays.
   * Loading it is a read and a few views, not a JSON parse of every posting.
   */
  toBinary(buildId: string): Buffer {
    const arrays = { fieldLengths: this.fieldLengths, offsets: this.offsets, docs: this.docs, freqs: this.freqs };
    const header = {
      format: BINARY_FORMAT,
      buildId,
      size: this.size,
      fieldIds: this.fieldIds,
      avgFieldLength: this.avgFieldLength,
      terms: [...this.terms.keys()],
      arrays: {} as Record<string, [number, number]>,
    };
    // Positions are relative to the start of the array section, which follows the header.
    let at = 0;
    for (const [name, array] of Object.entries(arrays)) {
      header.arrays[name] = [at, array.length];
      at += align(array.byteLength);
    }
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const start = align(8 + json.length);
    const out = Buffer.alloc(start + at);
    out.write(BINARY_MAGIC, 0, "latin1");
    out.writeUInt32LE(json.length, 4);
    json.copy(out, 8);
    for (const [name, array] of Object.entries(arrays)) {
      const [offset] = header.arrays[name]!;
      Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, start + offset);
    }
    return out;
  }

  /** Reads `toBinary`'s output; `passages` are the corpus's, in the same order. Null when it does not fit. */
  static fromBinary(data: Buffer, passages: Passage[], buildId: string): CompactIndex | null {
    if (data.length < 8 || data.toString("latin1", 0, 4) !== BINARY_MAGIC) return null;
    const length = data.readUInt32LE(4);
    const header = JSON.parse(data.toString("utf8", 8, 8 + length)) as {
      format: number;
      buildId: string;
      size: number;
      fieldIds: Record<string, number>;
      avgFieldLength: number[];
      terms: string[];
      arrays: Record<string, [number, number]>;
    };
    if (header.format !== BINARY_FORMAT || header.buildId !== buildId || header.size !== passages.length) return null;
    const start = align(8 + length);
    // Views need aligned offsets; a Buffer from readFile normally is, else copy once.
    const bytes = (data.byteOffset + start) % 4 === 0 ? data : Buffer.from(data);
    const view = <T>(name: string, Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T }): T => {
      const [offset, count] = header.arrays[name]!;
      return new Type(bytes.buffer, bytes.byteOffset + start + offset, count);
    };
    const terms = new Map<string, number>();
    header.terms.forEach((term, t) => terms.set(term, t));
    return new CompactIndex({
      passages,
      fieldIds: header.fieldIds,
      avgFieldLength: header.avgFieldLength,
      fieldLengths: view("fieldLengths", Float32Array),
      terms,
      offsets: view("offsets", Int32Array),
      docs: view("docs", Int32Array),
      freqs: view("freqs", Uint16Array),
    });
  }

  /**
   * MiniSearch's plain-object form of this index, for tools that compare against MiniSearch
   * itself (the benchmark's cost floor); the engine never needs it.
   */
  toPlainObject(): AsPlainObject {
    const fieldLength: Record<string, number[]> = {};
    const documentIds: Record<string, string> = {};
    for (let doc = 0; doc < this.size; doc++) {
      documentIds[doc] = this.passages[doc]!.id;
      fieldLength[doc] = Array.from({ length: this.fieldCount }, (_, f) => this.fieldLengths[f * this.size + doc]!);
    }
    const index: AsPlainObject["index"] = [];
    for (const [term, t] of this.terms) {
      const byField: Record<string, Record<string, number>> = {};
      for (let f = 0; f < this.fieldCount; f++) {
        const start = this.offsets[t * this.fieldCount + f]!;
        const end = this.offsets[t * this.fieldCount + f + 1]!;
        if (end === start) continue;
        const postings: Record<string, number> = {};
        for (let p = start; p < end; p++) postings[this.docs[p]!] = this.freqs[p]!;
        byField[f] = postings;
      }
      index.push([term, byField]);
    }
    return {
      documentCount: this.size,
      nextId: this.size,
      documentIds,
      fieldIds: this.fieldIds,
      fieldLength,
      averageFieldLength: this.avgFieldLength,
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    };
  }

  /** Whether any passage has the term, in one field or any. */
  has(term: string, field?: string): boolean {
    const t = this.terms.get(term);
    if (t === undefined) return false;
    const fields = field === undefined ? [...Array(this.fieldCount).keys()] : [this.fieldIds[field]!];
    return fields.some((f) => this.offsets[t * this.fieldCount + f + 1]! > this.offsets[t * this.fieldCount + f]!);
  }

  /** Number of postings of a term over all fields (its cost to score). */
  postings(term: string): number {
    const t = this.terms.get(term);
    if (t === undefined) return 0;
    return this.offsets[(t + 1) * this.fieldCount]! - this.offsets[t * this.fieldCount]!;
  }

  /** BM25 term-frequency part of one posting (MiniSearch's formula without the idf). */
  private raw(p: number, f: number, doc: number): number {
    const tf = this.freqs[p]!;
    const len = this.fieldLengths[f * this.size + doc]!;
    return BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * len) / this.avgFieldLength[f]!));
  }

  /** Where each passage's posting of a long (term, field) list sits, built on first use, a few kept. */
  private denseOf(pair: number): Int32Array {
    let dense = this.dense.get(pair);
    if (dense) {
      // Most recently used last, so the eviction below drops the least recently used.
      this.dense.delete(pair);
      this.dense.set(pair, dense);
    } else {
      if (this.dense.size >= DENSE_KEPT) this.dense.delete(this.dense.keys().next().value!);
      // position+1 of the doc's posting, 0 when absent: O(1) probing for candidates.
      dense = new Int32Array(this.size);
      for (let p = this.offsets[pair]!; p < this.offsets[pair + 1]!; p++) dense[this.docs[p]!] = p + 1;
      this.dense.set(pair, dense);
    }
    return dense;
  }

  /**
   * BM25 over the given terms, OR-combined, exactly as MiniSearch's `search` scores them before
   * its quality factor. `only`, when given, restricts scoring to those passages (a filter).
   *
   * With `prune`, (term, field) postings longer than a sixteenth of the corpus (职工, 工会,
   * 工作 in text) do not make candidates: they only add to passages some rarer term already
   * found, looked up in O(1). A passage matching nothing but such words is left out; its best
   * possible share is reported as `prunedBound` so the caller can prove it would not have
   * ranked, or ask again without pruning.
   */
  accumulate(queryTerms: readonly ScoreTerm[], fieldBoosts: Record<string, number>, only?: Uint8Array, prune = false): Accumulated {
    const words = Math.max(1, Math.ceil(queryTerms.length / 32));
    if (this.masks.length < this.size * words) this.masks = new Uint32Array(this.size * words);
    const { scores, masks, seen, touched, docs } = this;
    let count = 0;
    const n = this.size;
    const longest = prune ? Math.max(MIN_PRUNE_POSTINGS, n / 16) : Infinity;

    interface Pair {
      i: number;
      f: number;
      pair: number;
      start: number;
      end: number;
      weight: number;
    }
    const walked: Pair[] = [];
    const probed: Pair[] = [];
    queryTerms.forEach(({ term, boost }, i) => {
      const t = this.terms.get(term);
      if (t === undefined) return;
      for (const field in fieldBoosts) {
        const f = this.fieldIds[field];
        if (f === undefined) continue;
        const start = this.offsets[t * this.fieldCount + f]!;
        const end = this.offsets[t * this.fieldCount + f + 1]!;
        if (end === start) continue;
        const idf = Math.log(1 + (n - (end - start) + 0.5) / (end - start + 0.5));
        const pair = { i, f, pair: t * this.fieldCount + f, start, end, weight: boost * fieldBoosts[field]! * idf };
        (end - start > longest ? probed : walked).push(pair);
      }
    });
    // Nothing rare enough to start from: score everything.
    if (walked.length === 0) {
      walked.push(...probed);
      probed.length = 0;
    }

    for (const { i, f, start, end, weight } of walked) {
      const word = i >>> 5;
      const bit = 1 << (i & 31);
      for (let p = start; p < end; p++) {
        const doc = docs[p]!;
        if (only !== undefined && only[doc] === 0) continue;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          touched[count++] = doc;
          scores[doc] = 0;
          for (let w = 0; w < words; w++) masks[doc * words + w] = 0;
        }
        scores[doc] = scores[doc]! + weight * this.raw(p, f, doc);
        masks[doc * words + word] = masks[doc * words + word]! | bit;
      }
    }
    let prunedBound = 0;
    const prunedTerms = new Set<number>();
    for (const { i, f, weight, pair } of probed) {
      const dense = this.denseOf(pair);
      const word = i >>> 5;
      const bit = 1 << (i & 31);
      for (let c = 0; c < count; c++) {
        const doc = touched[c]!;
        const p = dense[doc]!;
        if (p === 0) continue;
        scores[doc] = scores[doc]! + weight * this.raw(p - 1, f, doc);
        masks[doc * words + word] = masks[doc * words + word]! | bit;
      }
      // The most one posting can add: tf → ∞, length → 0.
      prunedBound += weight * (BM25.d + BM25.k + 1);
      prunedTerms.add(i);
    }
    // Reset `seen` now: the caller reads scores and masks, which the next query overwrites on touch.
    for (let c = 0; c < count; c++) seen[touched[c]!] = 0;
    return { touched, count, scores, masks, words, prunedBound, prunedTerms: [...prunedTerms] };
  }
}

const BINARY_MAGIC = "JBX1";
const BINARY_FORMAT = 1;

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

/** The parts of a MiniSearch instance the repacking reads (minisearch 7.x). */
interface MiniSearchInternals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
}

/** Insertion sort for short runs, else sort pairs by doc (MiniSearch's JSON keeps insertion order). */
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
