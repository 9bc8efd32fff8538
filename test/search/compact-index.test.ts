import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGenerated } from "../../src/bench/count.js";
import { loadTemplates, synthFile } from "../../src/bench/synth.js";
import type { Passage } from "../../src/corpus/passage.js";
import { CompactIndex, type Scored } from "../../src/search/compact-index.js";
import { buildIndex, FIELD_BOOSTS } from "../../src/search/passage-index.js";

/**
 * The engine serves from CompactIndex instead of MiniSearch's search: its scores must be
 * MiniSearch's, term for term, with and without pruning of long posting lists, and a pruned
 * passage must never score more than the bound the index reports for it.
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
  [{ term: "农民工", boost: 1 }, { term: "工会", boost: 1 }, { term: "职工", boost: 1 }, { term: "维护", boost: 1 }],
];

function miniScores(terms: { term: string; boost: number }[]): Map<string, { score: number; terms: string[] }> {
  const boosts = new Map(terms.map((t) => [t.term, t.boost]));
  const results = mini.search({ combineWith: "OR", queries: terms.map((t) => t.term) }, { boost: FIELD_BOOSTS, boostTerm: (t) => boosts.get(t) ?? 1 });
  return new Map(results.map((r) => [r.id as string, { score: r.score, terms: [...r.terms].sort() }]));
}

/** MiniSearch's ranking: score × terms matched, ties by id. */
function top(entries: [string, number][], k: number): string[] {
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, k).map(([id]) => id);
}

function ours(acc: Scored, terms: { term: string }[]): [string, number][] {
  return Array.from(acc.docs, (doc, i) => {
    const matched = terms.filter((_, t) => (acc.masks[i]! & (1 << t)) !== 0).length;
    return [compact.passages[doc]!.id, acc.scores[i]! * matched];
  });
}

describe("CompactIndex", () => {
  it("holds every passage, in the corpus's order", () => {
    expect(passages.length).toBeGreaterThan(5000);
    expect(compact.size).toBe(passages.length);
    expect(compact.passages.map((p) => p.id)).toEqual(passages.map((p) => p.id));
    expect(compact.has("劳动竞赛", "text")).toBe(true);
    expect(compact.has("没有这个词")).toBe(false);
  });

  it("tells whether a phrase is said word for word among one word's passages, and not past a cap", () => {
    const says = (phrase: string) => passages.some((p) => p.text.includes(phrase));
    for (const [phrase, word] of [["免费送电影", "电影"], ["特困职工特困证", "特困"], ["免费看电影", "电影"], ["厂工会", "工会"]] as const) {
      expect(compact.saysVerbatim(phrase, word, compact.size), phrase).toBe(says(phrase));
    }
    expect(says("免费送电影")).toBe(true);
    // A word in more passages than the cap is too common to stand for any phrase.
    expect(compact.saysVerbatim("免费送电影", "电影", compact.postingCount("电影") - 1)).toBe(false);
  });

  for (const prune of [false, true]) {
    it(`scores like MiniSearch (BM25 × terms matched)${prune ? " on the passages it keeps when pruning" : ""}`, () => {
      for (const terms of QUERIES) {
        const expected = miniScores(terms);
        const acc = compact.score(terms, { fieldBoosts: FIELD_BOOSTS, prune });
        if (!prune) {
          expect(acc.count).toBe(expected.size);
          expect(top(ours(acc, terms), 10)).toEqual(top([...expected].map(([id, r]) => [id, r.score]), 10));
        }
        for (let i = 0; i < acc.count; i++) {
          const id = compact.passages[acc.docs[i]!]!.id;
          const matched = terms.filter((_, t) => (acc.masks[i]! & (1 << t)) !== 0).map((t) => t.term).sort();
          const want = expected.get(id);
          expect(want, id).toBeDefined();
          expect(matched).toEqual(want!.terms);
          expect(acc.scores[i]! * matched.length).toBeCloseTo(want!.score, 9);
        }
      }
    });
  }

  it("bounds what a pruned passage could score by the per-list maxima, and the bound is tight", () => {
    let pruned = 0;
    for (const terms of QUERIES) {
      const acc = compact.score(terms, { fieldBoosts: FIELD_BOOSTS, prune: true });
      const kept = new Set(Array.from(acc.docs, (doc) => compact.passages[doc]!.id));
      let highest = 0;
      for (const [id, want] of miniScores(terms)) {
        if (kept.has(id)) continue;
        pruned++;
        // MiniSearch's score is the BM25 sum × terms matched.
        const bm25 = want.score / want.terms.length;
        expect(bm25, id).toBeLessThanOrEqual(acc.prunedBound * (1 + 1e-12));
        highest = Math.max(highest, bm25);
      }
      // The old bound (every posting at its theoretical maximum, 2.7 × weight) was far looser.
      if (highest > 0) expect(acc.prunedBound).toBeLessThan(highest * 2.5);
    }
    expect(pruned).toBeGreaterThan(0);
  });

  it("tells which combinations of pruned terms some left-out passage has", () => {
    const seen = { yes: 0, no: 0 };
    for (const terms of QUERIES) {
      const acc = compact.score(terms, { fieldBoosts: FIELD_BOOSTS, prune: true });
      const kept = new Set(Array.from(acc.docs, (doc) => compact.passages[doc]!.id));
      const leftOut = [...miniScores(terms)].filter(([id]) => !kept.has(id)).map(([, r]) => new Set(r.terms));
      const pruned = acc.prunedTerms;
      for (let mask = 1; mask < 1 << pruned.length; mask++) {
        const set = pruned.filter((_, k) => (mask & (1 << k)) !== 0);
        const want = leftOut.some((has) => set.every((t) => has.has(terms[t]!.term)));
        expect(acc.leftOutWith(set), set.map((t) => terms[t]!.term).join("+")).toBe(want);
        seen[want ? "yes" : "no"]++;
      }
    }
    // (Common words co-occur: here every combination is had. bm25.test.ts has one that is not.)
    expect(seen.yes).toBeGreaterThan(3);
  });

  it("walks a pruned word the question asked when only its pieces and synonyms were walked", () => {
    const scored = (terms: { term: string; boost: number }[]) => compact.score(terms, { fieldBoosts: FIELD_BOOSTS, prune: true });
    const pruned = (terms: { term: string; boost: number }[]) => scored(terms).prunedTerms.map((t) => terms[t]!.term);
    // 职工 alone is long enough to be pruned beside 书屋.
    expect(pruned([{ term: "职工", boost: 0.4 }, { term: "书屋", boost: 0.4 }])).toEqual(["职工"]);
    // Asked for (the strongest boost) beside a weaker word only: it makes candidates itself, so
    // every passage saying it is scored, exactly as MiniSearch scores it.
    const asked = [{ term: "职工", boost: 1 }, { term: "书屋", boost: 0.5 }];
    const acc = scored(asked);
    expect(acc.prunedTerms).toEqual([]);
    expect(acc.prunedBound).toBe(0);
    expect(acc.count).toBe(miniScores(asked).size);
    // Beside an asked word that was walked, it stays pruned.
    expect(pruned([{ term: "职工", boost: 1 }, { term: "书屋", boost: 1 }])).toEqual(["职工"]);
  });

  it("reads back what it writes, for that build and corpus only", () => {
    const terms = QUERIES[1]!;
    const scoresOf = (index: CompactIndex) => {
      const { leftOutWith: _, ...acc } = index.score(terms, { fieldBoosts: FIELD_BOOSTS, prune: true });
      return { ...acc, docs: [...acc.docs], scores: [...acc.scores], masks: [...acc.masks] };
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
  });

  it("gives each caller its own results", () => {
    const first = compact.score(QUERIES[0]!, { fieldBoosts: FIELD_BOOSTS });
    const copy = [...first.scores];
    compact.score(QUERIES[2]!, { fieldBoosts: FIELD_BOOSTS });
    expect([...first.scores]).toEqual(copy);
    const year = passages[1000]!.year!;
    const a = compact.filter([year], [])!;
    const b = compact.filter([year + 1], [])!;
    expect(a.docs.every((d) => a.mask[d] === 1 && b.mask[d] === 0)).toBe(true);
  });

  it("restricts scoring to a filter's passages", () => {
    const year = passages[1000]!.year!;
    const only = compact.filter([year], []);
    expect(only).not.toBeNull();
    expect(only!.docs.every((d) => compact.passages[d]!.year === year)).toBe(true);
    expect(only!.docs.length).toBe(passages.filter((p) => p.year === year).length);
    const acc = compact.score([{ term: "职工", boost: 1 }], { fieldBoosts: FIELD_BOOSTS, only });
    for (let i = 0; i < acc.count; i++) expect(compact.passages[acc.docs[i]!]!.year).toBe(year);
    expect(acc.count).toBe([...miniScores([{ term: "职工", boost: 1 }]).keys()].filter((id) => passages.find((p) => p.id === id)!.year === year).length);
    // Long lists are intersected with the filter rather than walked: the scores stay MiniSearch's, with no pruning.
    expect(only!.docs.length * 4).toBeLessThan(passages.filter((p) => p.text.includes("职工")).length);
    for (const terms of QUERIES) {
      const expected = miniScores(terms);
      const filtered = compact.score(terms, { fieldBoosts: FIELD_BOOSTS, only, prune: true });
      expect(filtered.prunedBound).toBe(0);
      const want = [...expected].filter(([id]) => passages.find((p) => p.id === id)!.year === year);
      expect(filtered.count).toBe(want.length);
      expect(top(ours(filtered, terms), 10)).toEqual(top(want.map(([id, r]) => [id, r.score]), 10));
    }
  });
});
