import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/corpus/passage.js";
import { buildIndex, FIELDS } from "../../src/search/passage-index.js";

/**
 * The packed index reads MiniSearch's protected fields (through PassageMiniSearch). These
 * tests fail loudly when a MiniSearch release changes what those fields hold, and keep its
 * version pinned exactly.
 */

const ROOT = join(import.meta.dirname, "..", "..");

const passage = (id: string, text: string, title: string | null = null): Passage =>
  ({ id, source: "x.txt", org: "常熟市总工会", place: "常熟", year: 2007, title, section: null, author: null, paragraph: 1, text }) as Passage;

describe("MiniSearch as the index builder", () => {
  it("is pinned to the exact version the repacking was written against", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(ROOT, "node_modules", "minisearch", "package.json"), "utf8")) as { version: string };
    expect(pkg.dependencies.minisearch).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.dependencies.minisearch);
  });

  it("exposes its postings in the shape the repacking reads, agreeing with its public JSON", () => {
    const passages = [passage("a", "困难职工免费体检，困难职工帮扶", "实事"), passage("b", "劳动竞赛"), passage("c", "职工书屋")];
    const mini = buildIndex(passages);
    const view = mini.postings();
    const json = mini.toJSON();

    expect(view.fieldIds).toEqual(Object.fromEntries(FIELDS.map((f, i) => [f, i])));
    expect(view.averageFieldLength).toEqual(json.averageFieldLength);
    expect(view.documentIds).toBeInstanceOf(Map);
    expect(Object.fromEntries(view.documentIds)).toEqual(json.documentIds);
    expect(view.fieldLength).toBeInstanceOf(Map);
    expect(Object.fromEntries(view.fieldLength)).toEqual(json.fieldLength);

    const terms = [...view.terms];
    expect(terms.length).toBe(json.index.length);
    for (const [term, byField] of terms) {
      expect(typeof term).toBe("string");
      expect(byField).toBeInstanceOf(Map);
      const plain = Object.fromEntries([...byField].map(([f, docs]) => [String(f), Object.fromEntries(docs)]));
      expect(plain, term).toEqual(json.index.find(([t]) => t === term)![1]);
    }
    const [, difficult] = terms.find(([t]) => t === "困难职工")!;
    expect(difficult.get(0)!.get(0)).toBe(2);
  });
});
