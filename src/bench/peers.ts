import { create, insertMultiple, search as oramaSearch } from "@orama/orama";
import { Index as FlexIndex } from "flexsearch";
import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Passage } from "../corpus/passage.js";
import { FIELD_BOOSTS, FIELDS, INDEX_OPTIONS } from "../search/passage-index.js";
import type { Postings } from "../search/postings.js";
import { summarise, type Summary } from "./stats.js";

/**
 * What a user would pick instead of our index, measured in the same process on the same jieba
 * tokens and questions: MiniSearch's own `search` (revived from our postings), FlexSearch and
 * Orama (fed each passage's tokens, space-separated, with a tokenizer that splits on spaces).
 * overlap@10 is how many of our top ten (BM25 × terms matched, no filter, no coverage) the
 * peer's top ten share, averaged over the questions that have hits. Peers are dev dependencies.
 */

export interface PeerFigures {
  name: string;
  buildMs: number;
  latency: Summary;
  /** Mean share of our top 10 in the peer's top 10. */
  overlap: number;
}

export interface PeerInput {
  postings: Postings;
  passages: readonly Passage[];
  /** Each question's terms (segmentQuery). */
  queries: string[][];
  /** Our top ten passage ids per question. */
  reference: string[][];
  rounds: number;
}

/** Each passage's tokens per field, space-separated, rebuilt from the postings (term × frequency). */
function fieldTexts(postings: Postings): string[][] {
  const parts = FIELDS.map(() => Array.from({ length: postings.size }, () => [] as string[]));
  postings.termList.forEach((term, t) => {
    for (let f = 0; f < postings.fieldCount; f++) {
      const pair = t * postings.fieldCount + f;
      for (let p = postings.offsets[pair]!; p < postings.offsets[pair + 1]!; p++) {
        const tokens = parts[f]![postings.docs[p]!]!;
        for (let k = 0; k < postings.freqs[p]!; k++) tokens.push(term);
      }
    }
  });
  return parts.map((byDoc) => byDoc.map((tokens) => tokens.join(" ")));
}

/** MiniSearch's plain-object form of our postings, so its `search` runs on exactly our index. */
function miniSearchOf(postings: Postings, passages: readonly Passage[]): MiniSearch<Passage> {
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  for (let doc = 0; doc < postings.size; doc++) {
    documentIds[doc] = passages[doc]!.id;
    fieldLength[doc] = Array.from({ length: postings.fieldCount }, (_, f) => postings.fieldLengths[f * postings.size + doc]!);
  }
  const index: AsPlainObject["index"] = postings.termList.map((term, t) => {
    const byField: Record<string, Record<string, number>> = {};
    for (let f = 0; f < postings.fieldCount; f++) {
      const pair = t * postings.fieldCount + f;
      if (postings.offsets[pair + 1] === postings.offsets[pair]) continue;
      const list: Record<string, number> = {};
      for (let p = postings.offsets[pair]!; p < postings.offsets[pair + 1]!; p++) list[postings.docs[p]!] = postings.freqs[p]!;
      byField[f] = list;
    }
    return [term, byField];
  });
  const json: AsPlainObject = {
    documentCount: postings.size,
    nextId: postings.size,
    documentIds,
    fieldIds: { ...postings.fieldIds },
    fieldLength,
    averageFieldLength: [...postings.avgFieldLength],
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
  return MiniSearch.loadJS<Passage>(json, INDEX_OPTIONS);
}

function overlapAt10(ours: string[][], theirs: string[][]): number {
  let sum = 0;
  let n = 0;
  ours.forEach((top, i) => {
    if (top.length === 0) return;
    const peer = new Set(theirs[i]!.slice(0, 10));
    sum += top.filter((id) => peer.has(id)).length / top.length;
    n++;
  });
  return n > 0 ? sum / n : Number.NaN;
}

async function measure(
  name: string,
  input: PeerInput,
  build: () => Promise<(terms: string[]) => Promise<string[]> | string[]>,
): Promise<PeerFigures> {
  const started = performance.now();
  const run = await build();
  const buildMs = performance.now() - started;
  const tops: string[][] = [];
  for (const terms of input.queries) tops.push(await run(terms));
  const samples: number[] = [];
  for (let r = 0; r < input.rounds; r++) {
    for (const terms of input.queries) {
      const t0 = performance.now();
      await run(terms);
      samples.push(performance.now() - t0);
    }
  }
  return { name, buildMs, latency: summarise(samples), overlap: overlapAt10(input.reference, tops) };
}

export async function measurePeers(input: PeerInput): Promise<PeerFigures[]> {
  const { postings, passages } = input;
  const out: PeerFigures[] = [];
  out.push(
    await measure("MiniSearch search", input, async () => {
      const mini = miniSearchOf(postings, passages);
      // MiniSearch returns every match; ties (templated passages score alike) are broken by id, as ours are.
      return (terms) =>
        mini
          .search({ combineWith: "OR", queries: terms }, { boost: FIELD_BOOSTS })
          .sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)))
          .slice(0, 10)
          .map((r) => r.id as string);
    }),
  );
  const texts = fieldTexts(postings);
  out.push(
    await measure("FlexSearch", input, async () => {
      // One index over all four fields' tokens (FlexSearch has no per-field BM25 to match ours).
      const flex = new FlexIndex({ tokenize: "strict", encode: (text: string) => text.split(" ").filter(Boolean) });
      for (let doc = 0; doc < postings.size; doc++) flex.add(doc, texts.map((field) => field[doc]!).join(" "));
      return (terms) => (flex.search(terms.join(" "), { limit: 10, suggest: true }) as number[]).map((doc) => passages[doc]!.id);
    }),
  );
  out.push(
    await measure("Orama", input, async () => {
      const db = create({
        schema: { text: "string", title: "string", org: "string", author: "string" } as const,
        components: {
          tokenizer: { language: "english", normalizationCache: new Map(), tokenize: (raw: string) => raw.split(" ").filter(Boolean) },
        },
      });
      const docs = Array.from({ length: postings.size }, (_, doc) => ({
        id: passages[doc]!.id,
        text: texts[0]![doc]!,
        title: texts[1]![doc]!,
        org: texts[2]![doc]!,
        author: texts[3]![doc]!,
      }));
      await insertMultiple(db, docs, 5000);
      return async (terms) => {
        // threshold 1: every passage matching any term (OR), as ours.
        const result = await oramaSearch(db, { term: terms.join(" "), boost: FIELD_BOOSTS, threshold: 1, limit: 10 });
        return result.hits.map((h) => h.id);
      };
    }),
  );
  return out;
}
