import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGenerated } from "../../src/bench/count.js";
import { loadTemplates, synthFile } from "../../src/bench/synth.js";
import type { Passage } from "../../src/corpus/passage.js";
import { CompactIndex } from "../../src/search/compact-index.js";
import { buildIndex, FIELD_BOOSTS } from "../../src/search/passage-index.js";

/**
 * The engine serves from CompactIndex instead of MiniSearch's search: its scores must be
 * MiniSearch's, term for term, with and without pruning of long posting lists.
 */
const templates = loadTemplates(join(import.meta.dirname, "..", "..", "seeds"));
const passages: Passage[] = Array.from({ length: 260 }, (_, i) => synthFile(templates, i)).flatMap(
  (f) => parseGenerated(f.meta.name, f.text).passages,
);
const mini = buildIndex(passages);
const compact = CompactIndex.fromMiniSearch(mini, passages);

const QUERIES: { term: string; boost: number }[][] = [
  [{ term: "劳动竞赛", boost: 1 }],
  [{ term: "困难职工", boost: 1 }, { term: "困难", boost: 0.4 }, { term: "职工", boost: 0.4 }, { term: "体检", boost: 1 }],
  [{ term: "工会", boost: 1 }, { term: "工作", boost: 1 }, { term: "重点", boost: 1 }],
  [{ term: "外资企业", boost: 1 }, { term: "组建", boost: 1 }, { term: "没有这个词", boost: 1 }],
];

function miniScores(terms: { term: string; boost: number }[]): Map<string, { score: number; terms: string[] }> {
  const boosts = new Map(terms.map((t) => [t.term, t.boost]));
  const results = mini.search({ combineWith: "OR", queries: terms.map((t) => t.term) }, { boost: FIELD_BOOSTS, boostTerm: (t) => boosts.get(t) ?? 1 });
  return new Map(results.map((r) => [r.id as string, { score: r.score, terms: [...r.terms].sort() }]));
}

describe("CompactIndex", () => {
  it("holds every passage, in MiniSearch's order", () => {
    expect(passages.length).toBeGreaterThan(5000);
    expect(compact.size).toBe(passages.length);
    expect(compact.passages.map((p) => p.id)).toEqual(passages.map((p) => p.id));
    expect(compact.has("劳动竞赛", "text")).toBe(true);
    expect(compact.has("没有这个词")).toBe(false);
  });

  for (const prune of [false, true]) {
    it(`scores like MiniSearch (BM25 × terms matched)${prune ? " on the passages it keeps when pruning" : ""}`, () => {
      for (const terms of QUERIES) {
        const expected = miniScores(terms);
        const acc = compact.accumulate(terms, FIELD_BOOSTS, undefined, prune);
        if (!prune) expect(acc.count).toBe(expected.size);
        if (prune && terms[0]!.term === "工会") expect(acc.prunedBound).toBeGreaterThan(0);
        for (let i = 0; i < acc.count; i++) {
          const doc = acc.touched[i]!;
          const id = compact.passages[doc]!.id;
          const matched = terms.filter((_, t) => (acc.masks[doc]! & (1 << t)) !== 0).map((t) => t.term).sort();
          const want = expected.get(id);
          expect(want, id).toBeDefined();
          expect(matched).toEqual(want!.terms);
          expect(acc.scores[doc]! * matched.length).toBeCloseTo(want!.score, 9);
        }
      }
    });
  }

  it("reads back what it writes, and the plain-object route gives the same index", () => {
    const terms = QUERIES[1]!;
    const scoresOf = (index: CompactIndex) => {
      const acc = index.accumulate(terms, FIELD_BOOSTS);
      return Array.from(acc.touched.subarray(0, acc.count), (doc) => [doc, acc.scores[doc]!, acc.masks[doc]!]);
    };
    const want = scoresOf(compact);
    const binary = compact.toBinary("build-1");
    expect(CompactIndex.fromBinary(binary, passages, "build-2")).toBeNull();
    expect(CompactIndex.fromBinary(binary, passages.slice(1), "build-1")).toBeNull();
    expect(scoresOf(CompactIndex.fromBinary(binary, passages, "build-1")!)).toEqual(want);
    // An unaligned copy still loads.
    const shifted = Buffer.alloc(binary.length + 1);
    binary.copy(shifted, 1);
    expect(scoresOf(CompactIndex.fromBinary(shifted.subarray(1), passages, "build-1")!)).toEqual(want);
    const byId = new Map(passages.map((p) => [p.id, p]));
    expect(scoresOf(CompactIndex.fromJSON(mini.toJSON(), byId))).toEqual(want);
    expect(scoresOf(CompactIndex.fromJSON(compact.toPlainObject(), byId))).toEqual(want);
  });

  it("restricts scoring to a filter's passages", () => {
    const year = passages[1000]!.year!;
    const only = compact.filter([year], []);
    expect(only).not.toBeNull();
    expect(only!.docs.every((d) => compact.passages[d]!.year === year)).toBe(true);
    expect(only!.docs.length).toBe(passages.filter((p) => p.year === year).length);
    const acc = compact.accumulate([{ term: "职工", boost: 1 }], FIELD_BOOSTS, only!.mask);
    for (let i = 0; i < acc.count; i++) expect(compact.passages[acc.touched[i]!]!.year).toBe(year);
    expect(acc.count).toBe([...miniScores([{ term: "职工", boost: 1 }]).keys()].filter((id) => passages.find((p) => p.id === id)!.year === year).length);
  });
});
