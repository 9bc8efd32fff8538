import { setImmediate as yieldToLoop } from "node:timers/promises";
import MiniSearch, { type Options } from "minisearch";
import type { Passage } from "../corpus/passage.js";
import { segmentForIndex } from "../text/segment.js";

/**
 * The MiniSearch configuration, shared by build and load (MiniSearch needs the same options to
 * revive a saved index). Terms are produced by our own segmenter; MiniSearch only stores them.
 * Passages themselves live beside the index (corpus.jsonl), so the index stores no fields.
 */

export const FIELDS = ["text", "title", "org", "author"] as const;
type Field = (typeof FIELDS)[number];

/** Title and author matches speak for the whole item; organisation names are mostly filters. */
export const FIELD_BOOSTS: Record<Field, number> = { text: 1, title: 1.5, org: 1, author: 3 };

function extractField(passage: Passage, field: string): string {
  switch (field as Field | "id") {
    case "text":
      return passage.text;
    case "title":
      return [passage.title, passage.section].filter(Boolean).join(" ");
    case "org":
      return [passage.org, passage.place].filter(Boolean).join(" ");
    case "author":
      return passage.author ?? "";
    default:
      return passage.id;
  }
}

/** Everything of a passage that is segmented for the index (what the serving dictionary must cover). */
export function indexedTexts(passage: Passage): string[] {
  return FIELDS.map((field) => extractField(passage, field));
}

export const INDEX_OPTIONS: Options<Passage> = {
  idField: "id",
  fields: [...FIELDS],
  storeFields: [],
  extractField: (doc, field) => extractField(doc, field),
  tokenize: (text) => segmentForIndex(text),
  processTerm: (term) => term,
  searchOptions: {
    // Query terms arrive already segmented, one per query string.
    tokenize: (text) => [text],
    processTerm: (term) => term,
  },
};

/** What the packed postings are read from: MiniSearch's index, by term, field and document. */
export interface MiniSearchPostings {
  /** term → field id → MiniSearch's short document id → term frequency. */
  terms: Iterable<[string, Map<number, Map<number, number>>]>;
  /** short document id → passage id. */
  documentIds: ReadonlyMap<number, string>;
  /** short document id → length of each field, in terms. */
  fieldLength: ReadonlyMap<number, readonly number[]>;
  fieldIds: Readonly<Record<string, number>>;
  averageFieldLength: readonly number[];
}

/**
 * MiniSearch, with its index readable. Its fields are `protected`, so reading them from a
 * subclass is what its types allow and the compiler checks their names and types; minisearch's
 * version is pinned exactly (package.json) and test/search/minisearch-shape.test.ts fails loudly
 * should a release change what these hold.
 */
export class PassageMiniSearch extends MiniSearch<Passage> {
  postings(): MiniSearchPostings {
    return {
      terms: this._index,
      documentIds: this._documentIds as Map<number, string>,
      fieldLength: this._fieldLength,
      fieldIds: this._fieldIds,
      averageFieldLength: this._avgFieldLength,
    };
  }
}

export function buildIndex(passages: Passage[], onProgress?: (done: number, total: number) => void): PassageMiniSearch {
  const index = new PassageMiniSearch(INDEX_OPTIONS);
  const step = 2000;
  for (let i = 0; i < passages.length; i += step) {
    index.addAll(passages.slice(i, i + step));
    onProgress?.(Math.min(i + step, passages.length), passages.length);
  }
  return index;
}

/** Longest stretch a build holds the event loop, so signals and questions get through. */
const SLICE_MS = 50;

/** buildIndex for a running process: the same index, built in slices that yield to the event loop. */
export async function buildIndexYielding(
  passages: Passage[],
  onProgress?: (done: number, total: number) => void,
): Promise<PassageMiniSearch> {
  const index = new PassageMiniSearch(INDEX_OPTIONS);
  let sliceStart = performance.now();
  for (let i = 0; i < passages.length; i += 50) {
    index.addAll(passages.slice(i, i + 50));
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(Math.min(i + 50, passages.length), passages.length);
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  onProgress?.(passages.length, passages.length);
  return index;
}
