import type { Passage } from "../corpus/passage.js";
import { Bm25Scorer, type ScoreOptions, type ScoreTerm, type Scored } from "./bm25.js";
import { charSignature, Facets, type Allowed, type FilterOptions } from "./facets.js";
import type { FilterTarget } from "./gazetteer.js";
import type { PassageMiniSearch } from "./passage-index.js";
import { decodePostings, encodePostings } from "./postings-file.js";
import { Postings } from "./postings.js";

export type { Allowed, ScoreOptions, ScoreTerm, Scored };

/**
 * The index the engine serves from: the passages, their posting lists (postings.ts, saved by
 * postings-file.ts), a BM25 scorer over them (bm25.ts) and the facets ranking needs
 * (facets.ts). MiniSearch builds it and stays the reference for its scores; it is not the query
 * engine, because its search allocates per matching passage per term and scores every posting
 * before filtering — at 100,000 passages a common word costs a second.
 */
/** How many phrases saysVerbatim remembers before it starts afresh (questions bring new ones). */
const VERBATIM_MEMO = 4096;

export class CompactIndex {
  readonly size: number;
  /** Passage number → passage, in the corpus's order. */
  readonly passages: readonly Passage[];
  private readonly postings: Postings;
  private readonly facets: Facets;
  private readonly scorer: Bm25Scorer;
  private sortedTerms: string[] | null = null;
  /** saysVerbatim's answers, by phrase and word (see there). */
  private readonly verbatim = new Map<string, boolean>();

  private constructor(passages: readonly Passage[], postings: Postings) {
    this.passages = passages;
    this.size = passages.length;
    this.postings = postings;
    this.facets = new Facets(passages);
    this.scorer = new Bm25Scorer(postings);
  }

  /** Repacks a freshly built MiniSearch; `passages` are the corpus's, in its order. */
  static fromMiniSearch(mini: PassageMiniSearch, passages: readonly Passage[]): CompactIndex {
    return new CompactIndex(passages, Postings.fromMiniSearch(mini.postings(), passages.map((p) => p.id)));
  }

  /** The postings as one file (postings.bin). */
  toBinary(buildId: string): Buffer {
    return encodePostings(this.postings, buildId);
  }

  /** Reads `toBinary`'s output for these passages; null when it is from another build or does not fit. */
  static fromBinary(data: Buffer, passages: readonly Passage[], buildId: string): CompactIndex | null {
    const postings = decodePostings(data, passages.length, buildId);
    return postings ? new CompactIndex(passages, postings) : null;
  }

  /** Whether any passage has the term, in one field or any. */
  has(term: string, field?: string): boolean {
    return this.postings.has(term, field);
  }

  /**
   * Text words that begin with `prefix` and run at most `extra` characters longer (木渎 → 木渎镇),
   * at most `limit` of them, shortest first. Sorted once, on first use.
   */
  longerWords(prefix: string, extra = 2, limit = 3): string[] {
    this.sortedTerms ??= [...this.postings.termList].sort();
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    const most = prefix.length + extra;
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const word = sorted[i]!;
      if (word.length > prefix.length && word.length <= most && this.postings.has(word, "text")) out.push(word);
    }
    return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /** Number of postings of a term over all fields (its document frequency, near enough, for idf weights). */
  postingCount(term: string): number {
    return this.postings.count(term);
  }

  /** BM25 of the terms (OR) over the passages, as MiniSearch scores them; see ScoreOptions. */
  score(terms: readonly ScoreTerm[], options: ScoreOptions): Scored {
    return this.scorer.score(terms, options);
  }

  /** The passages a year/place/author filter allows; null when it allows everything. */
  filter(years: readonly number[], targets: readonly FilterTarget[], authors: readonly string[] = [], options: FilterOptions = {}): Allowed | null {
    return this.facets.filter(years, targets, authors, options);
  }

  /**
   * A test for which passages' texts contain a phrase: a signature check rules most passages
   * out before any string search.
   */
  phraseTest(phrase: string): (doc: number) => boolean {
    const signature = charSignature(phrase);
    return (doc) => this.facets.mayContain(doc, signature) && this.passages[doc]!.text.includes(phrase);
  }

  /**
   * Whether some passage's text says `phrase` word for word, looked for among the passages whose
   * text has `word` (one of the phrase's own words, the rarer the cheaper): false when none does,
   * or when more than `most` passages have the word — too common a word says too little.
   */
  saysVerbatim(phrase: string, word: string, most: number): boolean {
    const t = this.postings.termNumber(word);
    const field = this.postings.fieldIds["text"];
    if (t === undefined || field === undefined) return false;
    const pair = t * this.postings.fieldCount + field;
    const from = this.postings.offsets[pair]!;
    const to = this.postings.offsets[pair + 1]!;
    if (to - from > most) return false;
    // The index never changes: a phrase looked for once (a thesaurus synonym, asked again and
    // again) is remembered, so at 100k passages the scan is paid once, not per question.
    const key = `${phrase}\u0000${word}`;
    const known = this.verbatim.get(key);
    if (known !== undefined) return known;
    const test = this.phraseTest(phrase);
    let found = false;
    for (let p = from; p < to && !found; p++) found = test(this.postings.docs[p]!);
    if (this.verbatim.size >= VERBATIM_MEMO) this.verbatim.clear();
    this.verbatim.set(key, found);
    return found;
  }

  /** Of docs[0..count), the best copy of each text, as positions into docs (Facets.bestCopies). */
  bestCopies(docs: Int32Array, count: number, scores: Float64Array): Int32Array {
    return this.facets.bestCopies(docs, count, scores);
  }

  /** Passages with the same text share a group number (templated bulletins repeat paragraphs). */
  get textGroup(): Int32Array {
    return this.facets.textGroup;
  }

  get groups(): number {
    return this.facets.groups;
  }

  /** Each passage's position in id order: ranking's tie-break. */
  get idRank(): Int32Array {
    return this.facets.idRank;
  }
}
