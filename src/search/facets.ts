import type { Passage } from "../corpus/passage.js";
import type { FilterTarget } from "./gazetteer.js";

/**
 * What ranking needs about passages besides their terms, precomputed once per index: which
 * passages a year/place/author filter allows, which passages repeat one text (templated
 * bulletins file the same paragraph twice), and each passage's place in id order (ranking's
 * tie-break).
 */

/**
 * The passages a filter allows: a mask over passage numbers and the same passages ascending.
 * `docs` may be the index's own list (one year, one place): read it, never change it. The mask
 * is ALLOWED for a full match and MENTIONED for a passage allowed only because its text names
 * an asked year (a 2008 plan's 在2007年检查验收100家…): ranking counts it less.
 */
export interface Allowed {
  mask: Uint8Array;
  docs: readonly number[];
}

/** 32-bit words in a character signature (256 bits). */
const SIGNATURE_WORDS = 8;

/**
 * Which characters a text has, hashed to 256 bits: a text cannot contain a phrase whose
 * signature has a bit its own lacks. A passage of a hundred-odd characters sets about a third of
 * the bits, so most passages are ruled out for a phrase of five characters or more by eight
 * integer tests instead of a string search.
 */
export function charSignature(text: string, into: Uint32Array = new Uint32Array(SIGNATURE_WORDS), at = 0): Uint32Array {
  for (let i = 0; i < text.length; i++) {
    const bit = text.charCodeAt(i) & 255;
    into[at + (bit >>> 5)] = into[at + (bit >>> 5)]! | (1 << (bit & 31));
  }
  return into;
}

export const ALLOWED = 1;
export const MENTIONED = 2;

/** A four-digit year as bulletins write it in running text (2007年). */
const YEAR_IN_TEXT = /(?<![0-9])((?:19|20)[0-9]{2})年/gu;

export interface FilterOptions {
  /** Also allow, as MENTIONED, passages of the place whose text names one of the years. */
  mentionedYears?: boolean;
}

/**
 * The passages of two ascending lists, ascending, each once: one pass. (The facet lists are
 * made in passage order; a Set and a sort over a comparison's two places cost milliseconds at
 * 100k passages.) Returns one of them when the other is empty.
 */
function mergeAscending(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    out.push(x <= y ? x : y);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function add<K>(map: Map<K, number[]>, key: K | null, doc: number): void {
  if (key === null) return;
  const list = map.get(key);
  if (list) list.push(doc);
  else map.set(key, [doc]);
}

export class Facets {
  private readonly size: number;
  private readonly byYear = new Map<number, number[]>();
  /** Passages whose text names a year other than their own (plans look back: 在2007年…的基础上). */
  private readonly byMentionedYear = new Map<number, number[]>();
  private readonly byPlace = new Map<string, number[]>();
  private readonly byOrg = new Map<string, number[]>();
  private readonly byAuthor = new Map<string, number[]>();
  /** Passages with the same text share a group number. */
  readonly textGroup: Int32Array;
  readonly groups: number;
  /** Position of each passage's id in `localeCompare` order, so ranking never collates per comparison. */
  readonly idRank: Int32Array;
  /** Each passage's text's character signature (charSignature), SIGNATURE_WORDS words a passage. */
  private readonly signatures: Uint32Array;
  /** Per text group, position + 1 of its best copy in the current `bestCopies` call; all zero between calls. */
  private readonly copySlot: Int32Array;

  constructor(passages: readonly Passage[]) {
    this.size = passages.length;
    this.textGroup = new Int32Array(this.size);
    this.signatures = new Uint32Array(this.size * SIGNATURE_WORDS);
    const groupOf = new Map<string, number>();
    passages.forEach((p, doc) => {
      charSignature(p.text, this.signatures, doc * SIGNATURE_WORDS);
      let g = groupOf.get(p.text);
      if (g === undefined) groupOf.set(p.text, (g = groupOf.size));
      this.textGroup[doc] = g;
      add(this.byYear, p.year, doc);
      add(this.byPlace, p.place, doc);
      add(this.byOrg, p.org, doc);
      add(this.byAuthor, p.author, doc);
      // Read while loading: found on first use, it stalled that question (0.2 s at 100k passages).
      for (const year of new Set(Array.from(p.text.matchAll(YEAR_IN_TEXT), (m) => Number(m[1])))) {
        if (year !== p.year) add(this.byMentionedYear, year, doc);
      }
    });
    this.groups = groupOf.size;
    this.copySlot = new Int32Array(this.groups);
    this.idRank = new Int32Array(this.size);
    const collator = new Intl.Collator();
    const byId = Array.from({ length: this.size }, (_, doc) => doc).sort((a, b) => collator.compare(passages[a]!.id, passages[b]!.id));
    byId.forEach((doc, rank) => (this.idRank[doc] = rank));
  }

  /**
   * Of the passages docs[0..count), the best copy of each text by score (scores[i] for docs[i];
   * ties to the first in id order, as ranking breaks them), as positions into docs in the order
   * their texts were first met. One pass, with no table the size of the corpus to allocate and
   * clear per question.
   */
  bestCopies(docs: Int32Array, count: number, scores: Float64Array): Int32Array {
    const { copySlot, textGroup, idRank } = this;
    const firsts = new Int32Array(count);
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const g = textGroup[docs[i]!]!;
      const known = copySlot[g]! - 1;
      if (known < 0) {
        copySlot[g] = i + 1;
        firsts[distinct++] = g;
      } else if (scores[i]! > scores[known]! || (scores[i] === scores[known] && idRank[docs[i]!]! < idRank[docs[known]!]!)) {
        copySlot[g] = i + 1;
      }
    }
    for (let k = 0; k < distinct; k++) {
      const g = firsts[k]!;
      firsts[k] = copySlot[g]! - 1;
      copySlot[g] = 0;
    }
    return firsts.subarray(0, distinct);
  }

  /** Whether the passage's text may contain a text of this signature (when false, it surely does not). */
  mayContain(doc: number, signature: Uint32Array): boolean {
    const { signatures } = this;
    const at = doc * SIGNATURE_WORDS;
    for (let w = 0; w < SIGNATURE_WORDS; w++) {
      const need = signature[w]!;
      // `&` gives a signed 32-bit result; the signature words are unsigned (bit 31 set: 伟).
      if ((signatures[at + w]! & need) >>> 0 !== need) return false;
    }
    return true;
  }

  /**
   * The passages a filter allows: one of the years (when any), one of the places or
   * organisations (when any) and one of the authors (when any); null when the filter allows
   * everything. The mask is the caller's; a single year's or place's passages are not copied
   * (asked at every question, a copy of thousands of numbers is most of what a question allocates).
   */
  filter(years: readonly number[], targets: readonly FilterTarget[], authors: readonly string[] = [], options: FilterOptions = {}): Allowed | null {
    const union = (lists: (number[] | undefined)[]): readonly number[] =>
      lists.reduce<readonly number[]>((all, list) => (list ? mergeAscending(all, list) : all), []);
    // Each criterion given allows a union of passages; the filter allows their intersection.
    const criteria: (readonly number[])[] = [];
    if (years.length > 0) criteria.push(union(years.map((y) => this.byYear.get(y))));
    if (targets.length > 0) criteria.push(union(targets.map((t) => (t.by === "place" ? this.byPlace : this.byOrg).get(t.label))));
    if (authors.length > 0) criteria.push(union(authors.map((a) => this.byAuthor.get(a))));
    if (criteria.length === 0) return null;
    const mask = new Uint8Array(this.size);
    let docs = criteria[0]!;
    for (const next of criteria.slice(1)) {
      for (const doc of docs) mask[doc] = 1;
      docs = next.filter((doc) => mask[doc] === 1);
      mask.fill(0);
    }
    for (const doc of docs) mask[doc] = ALLOWED;
    if (options.mentionedYears && years.length > 0) {
      // The same filter with the text's years standing in for the passages' own.
      const others = criteria.slice(1);
      const met = new Uint8Array(this.size);
      for (const list of others) for (const doc of list) met[doc]!++;
      const mentioned = this.byMentionedYear;
      const added: number[] = [];
      for (const doc of union(years.map((y) => mentioned.get(y)))) {
        if (mask[doc] === 0 && met[doc] === others.length) {
          mask[doc] = MENTIONED;
          added.push(doc);
        }
      }
      // A copy: `docs` may be the index's own list.
      if (added.length > 0) docs = mergeAscending(docs, added);
    }
    return { mask, docs };
  }
}
