import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bulletinFacts, CatalogueError, parseCatalogue } from "../../src/corpus/catalogue.js";
import { Engine } from "../../src/engine.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { copySeeds, scratch } from "../support/seeds.js";

describe("catalogue", () => {
  it("ships human titles and years for the three seeds", () => {
    const catalogue = parseCatalogue(readFileSync(join(DEFAULT_SEEDS_DIR, "catalogue.json"), "utf8"));
    expect(catalogue).toEqual({
      "000_d8c112c12d809796.txt": { year: 2007, title: "2007年基层工会工作计划摘编" },
      "002_0fe32b2dc6c3665a.txt": { year: 2012, title: "2012年新年思路" },
      "004_f5dc9353ca6598d8.txt": { year: 2008, title: "学习贯彻十七大精神 2008年工作思路" },
    });
  });

  it("puts an issue or date label after the title, with the catalogue first as before", () => {
    expect(bulletinFacts({ title: "工会简报", issue: "第3期" }, 2007)).toEqual({ year: 2007, title: "工会简报（第3期）" });
    expect(bulletinFacts({ issue: "2007年1月" }, 2007, { title: "文档标题" })).toEqual({ year: 2007, title: "文档标题（2007年1月）" });
    expect(bulletinFacts({ issue: "第3期" }, null)).toEqual({ year: null, title: "第3期" });
    expect(bulletinFacts({ title: "2012年第1期新年思路", issue: "第1期" }, 2012).title).toBe("2012年第1期新年思路");
    expect(bulletinFacts({ year: 2009 }, 2007, { title: "文档标题", date: "2006-12-01" })).toEqual({ year: 2009, title: "文档标题" });
  });

  it("names the field of a bad issue label", () => {
    expect(() => parseCatalogue(JSON.stringify({ "a.txt": { issue: "x".repeat(41) } }))).toThrow(CatalogueError);
    expect(() => parseCatalogue(JSON.stringify({ "a.txt": { issue: "" } }))).toThrow(/a\.txt\.issue/);
  });

  it("reaches the engine's sources with the label", async () => {
    const seeds = await copySeeds();
    const index = join(await scratch(), "index");
    try {
      await writeFile(join(seeds, "catalogue.json"), JSON.stringify({ "002_0fe32b2dc6c3665a.txt": { year: 2012, title: "2012年新年思路", issue: "第1期" } }));
      const engine = await Engine.open({ seedsDir: seeds, indexDir: index, onWarning: () => {} });
      const titles = Object.fromEntries(engine.sources().map((s) => [s.source, s.title]));
      expect(titles["002_0fe32b2dc6c3665a.txt"]).toBe("2012年新年思路（第1期）");
      // No catalogue entry and no document title: no title (front ends fall back to the item's heading).
      expect(titles["000_d8c112c12d809796.txt"]).toBeNull();
    } finally {
      await rm(join(seeds, ".."), { recursive: true, force: true });
      await rm(join(index, ".."), { recursive: true, force: true });
    }
  });
});
