import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countPassages, parseGenerated } from "../../src/bench/count.js";
import { isFooter } from "../../src/corpus/passage.js";
import { CITIES, DISTRICTS, ensureCorpus, GENERATOR_VERSION, loadTemplates, synthFile, YEAR_MAX, YEAR_MIN } from "../../src/bench/synth.js";

const SEEDS = join(import.meta.dirname, "..", "..", "seeds");
const templates = loadTemplates(SEEDS);
const byName = (name: string) => templates.find((t) => t.source.startsWith(name))!;

describe("seed templates", () => {
  it("splits each seed into the items its layout convention gives", () => {
    expect(byName("000").year).toBe(2007);
    expect(byName("000").head).toHaveLength(1);
    expect(byName("000").items.map((i) => i.org)).toEqual([
      "张家港市总工会", "常熟市总工会", "昆山市总工会", "吴中区总工会", "相城区总工会",
    ]);
    expect(byName("000").items[2]!.person).toBe("顾粮");

    expect(byName("002").year).toBe(2012);
    expect(byName("002").items.map((i) => i.place)).toEqual([
      "张家港", "常熟", "昆山", "吴江", "相城", "沧浪", null, null, null,
    ]);
    // Attribution after a run of spaces at the end of the item's last paragraph.
    expect(byName("002").items[0]!.trailing).toMatch(/^\s{4,}（张家港市总工会）$/);

    expect(byName("004").year).toBe(2008);
    expect(byName("004").items.map((i) => [i.org, i.person])).toEqual([
      ["常熟市总工会", "徐建国"],
      ["吴中区总工会", "杨伟根"],
    ]);
    for (const t of templates) expect(t.foot[0]!.text.startsWith("本期印发")).toBe(true);
  });
});

describe("synthFile", () => {
  it("is deterministic: the same index gives the same bytes, other indexes differ", () => {
    const a = synthFile(templates, 17);
    const b = synthFile(loadTemplates(SEEDS), 17);
    expect(b).toEqual(a);
    expect(synthFile(templates, 18).text).not.toBe(a.text);
    expect(synthFile(templates, 17, 1).text).not.toBe(a.text);
  });

  it("varies places, people and years, and replaces the seed's own", () => {
    const files = Array.from({ length: 60 }, (_, i) => synthFile(templates, i));
    expect(new Set(files.map((f) => f.meta.name)).size).toBe(60);
    expect(new Set(files.map((f) => f.meta.year)).size).toBeGreaterThan(10);
    for (const f of files) {
      expect(f.meta.year).toBeGreaterThanOrEqual(YEAR_MIN);
      expect(f.meta.year).toBeLessThanOrEqual(YEAR_MAX);
      expect(f.text).toContain(`${f.meta.year}年`);
      for (const item of f.meta.items) {
        if (item.place) expect([...CITIES, ...DISTRICTS] as string[]).toContain(item.place);
      }
      // No seed place survives inside a varied item's text (the head may name 苏州, never these).
      for (const seedPlace of ["张家港", "常熟", "昆山", "吴中", "相城", "吴江", "沧浪"]) {
        expect(f.text).not.toContain(`${seedPlace}市总`);
        expect(f.text).not.toContain(`${seedPlace}区总`);
      }
    }
  });

  it("writes files the real parser reads exactly like the seeds: items, orgs, years, one footer", () => {
    for (let i = 0; i < 150; i++) {
      const file = synthFile(templates, i);
      const parsed = parseGenerated(file.meta.name, file.text);
      expect(parsed.year, file.meta.name).toBe(file.meta.year);
      const places = (list: (string | null)[]) => list.filter((p): p is string => p !== null).sort();
      expect(places(parsed.orgs.map((o) => o.place)), file.meta.name).toEqual(places(file.meta.items.map((m) => m.place)));
      expect(parsed.orgs.length, file.meta.name).toBe(file.meta.items.length);
      for (const item of file.meta.items) {
        if (item.place) expect(parsed.orgs.map((o) => o.name)).toContain(item.org);
        if (item.person) expect(parsed.authors).toContain(item.person);
      }
      expect(parsed.passages.filter(isFooter), file.meta.name).toHaveLength(1);
      for (const passage of parsed.passages) {
        expect(passage.year).toBe(file.meta.year);
        expect(passage.text).not.toMatch(/^[（(][^（）()]+[)）]$/);
        // Every passage belongs to an item with its organisation, except the editor's note and the footer.
        if (passage.title !== "编者按" && !isFooter(passage)) expect(passage.org, passage.text.slice(0, 30)).not.toBeNull();
      }
    }
  });
});

describe("ensureCorpus", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("grows until the parser counts the target, copies the seeds, and reuses what it made", () => {
    const first = ensureCorpus({ seedsDir: SEEDS, outDir: dir, targetPassages: 500, countPassages });
    expect(first.reused).toBe(false);
    expect(first.manifest.generatorVersion).toBe(GENERATOR_VERSION);
    const names = readdirSync(first.seedsDir).sort();
    expect(names).toHaveLength(first.manifest.files.length + 3);
    let counted = 0;
    for (const name of names) counted += countPassages(name, readFileSync(join(first.seedsDir, name), "utf8"));
    expect(counted).toBe(first.manifest.passages);
    expect(counted).toBeGreaterThanOrEqual(500);
    // One file fewer would not have reached the target.
    const lastFile = first.manifest.files.at(-1)!.name;
    expect(counted - countPassages(lastFile, readFileSync(join(first.seedsDir, lastFile), "utf8"))).toBeLessThan(500);

    const again = ensureCorpus({ seedsDir: SEEDS, outDir: dir, targetPassages: 500, countPassages });
    expect(again.reused).toBe(true);
    expect(again.manifest).toEqual(first.manifest);
  });
});
