import { beforeAll, describe, expect, it } from "vitest";
import type { Passage } from "../../src/corpus/passage.js";
import { readCorpus } from "../../src/corpus/read.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { ALLOWED, charSignature, Facets, MENTIONED } from "../../src/search/facets.js";

let passages: Passage[];
let facets: Facets;
const wuzhong = [{ label: "吴中", by: "place" as const }];

beforeAll(async () => {
  const corpus = await readCorpus(DEFAULT_SEEDS_DIR, () => {});
  passages = corpus.bulletins.flatMap((b) => b.passages);
  facets = new Facets(passages);
});

describe("year filter with years named in the text", () => {
  it("allows a later plan's passage that recalls the asked year, marked as mentioned", () => {
    const plain = facets.filter([2007], wuzhong)!;
    const wide = facets.filter([2007], wuzhong, [], { mentionedYears: true })!;
    const recalled = wide.docs.filter((doc) => wide.mask[doc] === MENTIONED).map((doc) => passages[doc]!);
    expect(recalled.length).toBeGreaterThan(0);
    for (const p of recalled) {
      expect(p.year).not.toBe(2007);
      expect(p.place).toBe("吴中");
      expect(p.text).toContain("2007年");
    }
    // Every plain match stays a full match, and the plain filter never admits a recalled one.
    for (const doc of plain.docs) expect(wide.mask[doc]).toBe(ALLOWED);
    expect(plain.docs.every((doc) => passages[doc]!.year === 2007)).toBe(true);
    expect(wide.docs).toEqual([...wide.docs].sort((a, b) => a - b));
  });

  it("keeps the place: another place's passage naming the year is not allowed", () => {
    const wide = facets.filter([2007], wuzhong, [], { mentionedYears: true })!;
    expect(wide.docs.every((doc) => passages[doc]!.place === "吴中")).toBe(true);
  });
});

describe("character signatures (phrase checks)", () => {
  it("never rules out a passage that has the phrase, whichever bits its characters set", () => {
    // 伟 (U+4F1F) sets bit 31 of a signature word: a signed comparison once lost it.
    const doc = passages.findIndex((p) => p.text.includes("杨伟根"));
    expect(doc).toBeGreaterThanOrEqual(0);
    expect(facets.mayContain(doc, charSignature("杨伟根"))).toBe(true);
    for (const [d, p] of passages.entries()) {
      const phrase = p.text.slice(0, 6);
      expect(facets.mayContain(d, charSignature(phrase)), p.id).toBe(true);
    }
  });
});

