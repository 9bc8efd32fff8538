import { describe, expect, it } from "vitest";
import { Bm25Scorer } from "../../src/search/bm25.js";
import { Postings } from "../../src/search/postings.js";

/**
 * The pruning proof asks which combinations of pruned terms a left-out passage really has:
 * lists built so that two long terms meet only where a rare, walked term is.
 */
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("Bm25Scorer", () => {
  it("knows a combination of pruned terms no left-out passage has", () => {
    const size = 70_000;
    // 书屋 (rare, walked): 0–999. 职工 (long): 0–9,999. 工会 (long): 0–999 and 20,000–29,999.
    // Outside 书屋's passages, 职工 and 工会 never meet.
    const lists = [range(0, 1000), range(0, 10_000), [...range(0, 1000), ...range(20_000, 30_000)]];
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
    const scorer = new Bm25Scorer(
      new Postings({
        size,
        fieldIds: { text: 0 },
        avgFieldLength: [10],
        fieldLengths: new Float32Array(size).fill(10),
        terms: ["书屋", "职工", "工会"],
        offsets,
        docs: Int32Array.from(lists.flat()),
        freqs: new Uint16Array(offsets[lists.length]!).fill(1),
      }),
    );
    const terms = [{ term: "书屋", boost: 1 }, { term: "职工", boost: 0.4 }, { term: "工会", boost: 0.4 }];
    const scored = scorer.score(terms, { fieldBoosts: { text: 1 }, prune: true });
    expect(scored.count).toBe(1000);
    expect([...scored.prunedTerms].sort()).toEqual([1, 2]);
    expect(scored.leftOutWith([1])).toBe(true);
    expect(scored.leftOutWith([2])).toBe(true);
    expect(scored.leftOutWith([1, 2])).toBe(false);
    // Without pruning there is nothing left out.
    expect(scorer.score(terms, { fieldBoosts: { text: 1 } }).leftOutWith([1])).toBe(false);
  });
});
