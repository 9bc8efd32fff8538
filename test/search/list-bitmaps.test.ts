import { describe, expect, it } from "vitest";
import { ListBitmaps, longListLength, popcount } from "../../src/search/list-bitmaps.js";
import { Postings } from "../../src/search/postings.js";

/**
 * The scorer trusts a long list's bitmap for whether a passage is in the list and at which
 * posting: both must be exactly what searching the list's sorted passages gives.
 */
function randomList(size: number, share: number, seed: number): number[] {
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const docs: number[] = [];
  for (let doc = 0; doc < size; doc++) if (next() < share) docs.push(doc);
  return docs;
}

describe("ListBitmaps", () => {
  it("counts the bits of any word, bit 31 included", () => {
    for (const word of [0, 1, 0x80000000, 0xffffffff, 0x7fffffff, 0x12345678, 0xdeadbeef]) {
      expect(popcount(word)).toBe(word.toString(2).split("").filter((c) => c === "1").length);
    }
  });

  it("gives each long list, and only those, a bitmap whose bits and ranks find every posting", () => {
    const size = 70_001;
    // Two fields; the shares straddle a sixteenth of the corpus.
    const lists = [randomList(size, 0.97, 1), randomList(size, 0.001, 2), randomList(size, 0.08, 3), randomList(size, 0.05, 4)];
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
    const postings = new Postings({
      size,
      fieldIds: { text: 0, title: 1 },
      avgFieldLength: [10, 2],
      fieldLengths: new Float32Array(2 * size).fill(5),
      terms: ["工会", "书屋"],
      offsets,
      docs: Int32Array.from(lists.flat()),
      freqs: new Uint16Array(offsets[lists.length]!).fill(1),
    });
    const bitmaps = new ListBitmaps(postings);
    const longest = longListLength(size);
    lists.forEach((list, pair) => {
      const map = bitmaps.of(pair);
      expect(map >= 0, `pair ${pair}`).toBe(list.length > longest);
      if (map < 0) return;
      const position = new Map(list.map((doc, k) => [doc, offsets[pair]! + k]));
      for (let doc = 0; doc < size; doc++) {
        const w = map + (doc >>> 5);
        const here = 1 << (doc & 31);
        const has = (bitmaps.bits[w]! & here) !== 0;
        expect(has).toBe(position.has(doc));
        if (has) expect(offsets[pair]! + bitmaps.rank[w]! + popcount(bitmaps.bits[w]! & (here - 1))).toBe(position.get(doc));
      }
    });
    expect(lists.filter((l) => l.length > longest).length).toBe(2);
  });
});
