import type { Passage } from "../corpus/passage.js";
import type { FilterTarget } from "./gazetteer.js";

/**
 * What ranking needs about passages besides their terms, precomputed once per index: which
 * passages a year/place/author filter allows, which passages repeat one text (templated
 * bulletins file the same paragraph twice), and each passage's place in id order (ranking's
 * tie-break).
 */

/**
 * A passage allowed by a filter: a mask over passage numbers and the same passages ascending.
 * The mask is ALLOWED for a full match and MENTIONED for a passage allowed only because its
 * text names an asked year (a 2008 plan's 在2007年检查验收100家…): ranking counts it less.
 */
export interface Allowed {
  mask: Uint8Array;
  docs: number[];
}

export const ALLOWED = 1;
export const MENTIONED = 2;

/** A four-digit year as bulletins write it in running text (2007年). */
const YEAR_IN_TEXT = /(?<![0-9])((?:19|20)[0-9]{2})年/gu;

export interface FilterOptions {
  /** Also allow, as MENTIONED, passages of the place whose text names one of the years. */
  mentionedYears?: boolean;
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
  /**
   * Passages whose text names a year other than their own (plans look back: 在2007年…的基础上),
   * found on first use: reading every text costs a load that most questions never need.
   */
  private byMentionedYear: Map<number, number[]> | null = null;
  private readonly passages: readonly Passage[];
  private readonly byPlace = new Map<string, number[]>();
  private readonly byOrg = new Map<string, number[]>();
  private readonly byAuthor = new Map<string, number[]>();
  /** Passages with the same text share a group number. */
  readonly textGroup: Int32Array;
  readonly groups: number;
  /** Position of each passage's id in `localeCompare` order, so ranking never collates per comparison. */
  readonly idRank: Int32Array;

  constructor(passages: readonly Passage[]) {
    this.passages = passages;
    this.size = passages.length;
    this.textGroup = new Int32Array(this.size);
    const groupOf = new Map<string, number>();
    passages.forEach((p, doc) => {
      let g = groupOf.get(p.text);
      if (g === undefined) groupOf.set(p.text, (g = groupOf.size));
      this.textGroup[doc] = g;
      add(this.byYear, p.year, doc);
      add(this.byPlace, p.place, doc);
      add(this.byOrg, p.org, doc);
      add(this.byAuthor, p.author, doc);
    });
    this.groups = groupOf.size;
    this.idRank = new Int32Array(this.size);
    const collator = new Intl.Collator();
    const byId = Array.from({ length: this.size }, (_, doc) => doc).sort((a, b) => collator.compare(passages[a]!.id, passages[b]!.id));
    byId.forEach((doc, rank) => (this.idRank[doc] = rank));
  }

  /**
   * The passages a filter allows: one of the years (when any), one of the places or
   * organisations (when any) and one of the authors (when any); null when the filter allows
   * everything. The result is the caller's.
   */
  filter(years: readonly number[], targets: readonly FilterTarget[], authors: readonly string[] = [], options: FilterOptions = {}): Allowed | null {
    const union = (lists: (number[] | undefined)[]): number[] => {
      const out: number[] = [];
      for (const list of lists) if (list) for (const doc of list) out.push(doc);
      return lists.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
    };
    // Each criterion given allows a union of passages; the filter allows their intersection.
    const criteria: number[][] = [];
    if (years.length > 0) criteria.push(union(years.map((y) => this.byYear.get(y))));
    if (targets.length > 0) criteria.push(union(targets.map((t) => (t.by === "place" ? this.byPlace : this.byOrg).get(t.label))));
    if (authors.length > 0) criteria.push(union(authors.map((a) => this.byAuthor.get(a))));
    if (criteria.length === 0) return null;
    const mask = new Uint8Array(this.size);
    let docs = [...criteria[0]!];
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
      const mentioned = this.mentionedYears();
      for (const doc of union(years.map((y) => mentioned.get(y)))) {
        if (mask[doc] === 0 && met[doc] === others.length) {
          mask[doc] = MENTIONED;
          docs.push(doc);
        }
      }
      docs.sort((a, b) => a - b);
    }
    return { mask, docs };
  }

  private mentionedYears(): Map<number, number[]> {
    if (this.byMentionedYear) return this.byMentionedYear;
    const byYear = new Map<number, number[]>();
    this.passages.forEach((p, doc) => {
      for (const year of new Set(Array.from(p.text.matchAll(YEAR_IN_TEXT), (m) => Number(m[1])))) {
        if (year !== p.year) add(byYear, year, doc);
      }
    });
    return (this.byMentionedYear = byYear);
  }
}
