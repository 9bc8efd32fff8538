import { readFile, rm, writeFile, readdir, appendFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../src/answer/schema.js";
import { CatalogueError } from "../src/corpus/catalogue.js";
import { Engine, MAX_QUESTION_CHARS } from "../src/engine.js";
import { copySeeds, openSeedEngine, scratch } from "./support/seeds.js";

async function open(seedsDir: string, indexDir: string, warnings: string[] = []) {
  return Engine.open({ seedsDir, indexDir, onWarning: (m) => warnings.push(m) });
}

describe("answers over the real seeds", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openSeedEngine();
  });

  it("answers the product's two example questions with cited passages", () => {
    const kunshan = Answer.parse(engine.ask("昆山 2007 工作任务"));
    expect(kunshan.filters).toEqual({ places: ["昆山"], years: [2007] });
    expect(kunshan.hits[0]).toMatchObject({ org: "昆山市总工会", place: "昆山", year: 2007, source: "000_d8c112c12d809796.txt" });
    expect(kunshan.hits[0]!.text).toContain("具体工作任务为");
    expect(kunshan.hits.every((h) => h.place === "昆山" && h.year === 2007)).toBe(true);

    const checkup = engine.ask("常熟市总工会打算为多少名困难职工免费体检？");
    expect(checkup.hits[0]!.org).toBe("常熟市总工会");
    expect(checkup.hits[0]!.excerpt).toContain("400名");
    expect(checkup.hits[0]!.excerpt).toContain("**困难职工**");
  });

  it("never returns the same passage text or paragraph twice and respects the limit", () => {
    const answer = engine.ask("困难职工 劳动竞赛", { limit: 10 });
    expect(answer.hits).toHaveLength(10);
    expect(new Set(answer.hits.map((h) => h.text)).size).toBe(10);
    expect(new Set(answer.hits.map((h) => `${h.source}#${h.paragraph}`)).size).toBe(10);
    expect(engine.ask("困难职工 劳动竞赛", { limit: 2 }).hits).toHaveLength(2);
    const scores = answer.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("says which years and places exist when the question names others", () => {
    const year = engine.ask("昆山 2020 工作任务");
    expect(year.hits).toEqual([]);
    expect(year.notice).toContain("2020");
    expect(year.notice).toContain("2007、2008、2012");
    const place = engine.ask("北京工会2012年计划");
    expect(place.hits).toEqual([]);
    expect(place.notice).toContain("北京");
    expect(place.notice).toContain("昆山");
    const together = engine.ask("吴江 2007");
    expect(together.hits).toEqual([]);
    expect(together.notice).toContain("吴江只有2012年");
  });

  it("lists an item's passages in reading order when only filters are given", () => {
    const answer = engine.ask("相城 2007");
    expect(answer.hits.map((h) => h.paragraph)).toEqual([...answer.hits.map((h) => h.paragraph)].sort((a, b) => a - b));
    expect(answer.hits.every((h) => h.place === "相城")).toBe(true);
    expect(answer.notice).not.toBeNull();
  });

  it("answers bad questions politely with a valid Answer", () => {
    const bad = ["", "   ", "？？！！", "😀😀😀", "<b>昆山</b>", "&amp; & <script>alert(1)</script>", "**2007** _昆山_ [链接](http://x)", "工会".repeat(5000)];
    for (const q of bad) {
      const answer = Answer.parse(engine.ask(q));
      expect(answer.hits.length > 0 || answer.notice !== null, q.slice(0, 20)).toBe(true);
    }
    expect(engine.ask("").notice).toContain("请输入");
    expect(engine.ask("😀😀😀").hits).toEqual([]);
    const long = engine.ask("工会".repeat(5000));
    expect([...long.query].length).toBe(MAX_QUESTION_CHARS);
    expect(long.notice).toContain("太长");
    expect(engine.ask("<b>昆山</b> 2007 工作任务").hits[0]!.place).toBe("昆山");
  });

  it("opens a passage with its neighbours for context", () => {
    const hit = engine.ask("昆山 2007 工作任务").hits[0]!;
    const context = engine.context(hit.id)!;
    expect(context.passage.id).toBe(hit.id);
    expect([...context.before, ...context.after].every((p) => p.source === hit.source)).toBe(true);
    expect(context.before.length + context.after.length).toBeGreaterThan(0);
    expect(engine.context("no-such-id")).toBeUndefined();
  });

  it("summarises sources and the index, and offers example questions that find something", () => {
    expect(engine.sources().map((s) => [s.source, s.year])).toEqual([
      ["000_d8c112c12d809796.txt", 2007],
      ["002_0fe32b2dc6c3665a.txt", 2012],
      ["004_f5dc9353ca6598d8.txt", 2008],
    ]);
    expect(engine.sources()[1]!.orgs).toContain("沧浪区总工会");
    expect(engine.info().passages).toBe(engine.sources().reduce((n, s) => n + s.passages, 0));
    expect(engine.examples()).toHaveLength(3);
    for (const example of engine.examples()) expect(engine.ask(example).hits.length).toBeGreaterThan(0);
  });
});

describe("the index on disk", () => {
  it("builds once, then loads; rebuilds when a seed is added, changed or removed", async () => {
    const seeds = await copySeeds();
    const index = join(await scratch(), "index");
    const first = await open(seeds, index);
    expect(first.openedFrom).toEqual({ kind: "built", reason: "索引不存在" });
    const manifest = JSON.parse(await readFile(join(index, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ schemaVersion: expect.any(Number), passages: first.info().passages });
    // The three bulletins and seeds/catalogue.json (a seed too: a change to it rebuilds).
    expect(manifest.files.map((f: { name: string }) => f.name)).toHaveLength(4);

    const second = await open(seeds, index);
    expect(second.openedFrom.kind).toBe("loaded");
    expect(second.ask("昆山 2007 工作任务")).toEqual(first.ask("昆山 2007 工作任务"));

    await writeFile(join(seeds, "010_new.txt"), "无锡市总工会确定2015年工作目标。\n\n无锡市总工会将开展职工读书月活动，建设职工书屋50家。\n\n（无锡市总工会）\n");
    const added = await open(seeds, index);
    expect(added.openedFrom).toEqual({ kind: "built", reason: "新增文件 010_new.txt" });
    expect(added.ask("无锡 2015 职工书屋").hits[0]).toMatchObject({ org: "无锡市总工会", place: "无锡", year: 2015 });

    await appendFile(join(seeds, "010_new.txt"), "无锡市总工会还将举办劳模座谈会。\n");
    expect((await open(seeds, index)).openedFrom).toEqual({ kind: "built", reason: "文件已修改 010_new.txt" });

    await rm(join(seeds, "010_new.txt"));
    const removed = await open(seeds, index);
    expect(removed.openedFrom).toEqual({ kind: "built", reason: "文件已删除 010_new.txt" });
    expect(removed.ask("无锡 2015").hits).toEqual([]);
  });

  it("rebuilds when the thesaurus changes: its words decide how the serving dictionary cuts", async () => {
    const seeds = await copySeeds();
    const index = join(await scratch(), "index");
    await open(seeds, index);
    // An operator's group (seeds/synonyms.txt is no bulletin: only the thesaurus sees it).
    await writeFile(join(seeds, "synonyms.txt"), "厂报, 企业报纸\n");
    const edited = await open(seeds, index);
    expect(edited.openedFrom).toEqual({ kind: "built", reason: "同义词表已更改" });
    expect((await open(seeds, index)).openedFrom.kind).toBe("loaded");
    await rm(join(seeds, "synonyms.txt"));
    expect((await open(seeds, index)).openedFrom).toEqual({ kind: "built", reason: "同义词表已更改" });
  });

  it("rebuilds an index from an older schema or with a half-written data file", async () => {
    const seeds = await copySeeds();
    const index = join(await scratch(), "index");
    await open(seeds, index);
    const manifestPath = join(index, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, schemaVersion: 0 }));
    expect((await open(seeds, index)).openedFrom.kind).toBe("built");

    const corpusPath = join(index, "corpus.jsonl");
    const corpus = await readFile(corpusPath, "utf8");
    await writeFile(corpusPath, corpus.slice(0, corpus.length / 2));
    const rebuilt = await open(seeds, index);
    expect(rebuilt.openedFrom).toEqual({ kind: "built", reason: "corpus.jsonl 校验和不符（文件已损坏或不完整）" });
    expect(rebuilt.ask("昆山 2007 工作任务").hits.length).toBeGreaterThan(0);
    expect((await readdir(index)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("skips bad files with a warning that names them, and reads GB18030 files", async () => {
    const seeds = await copySeeds();
    await writeFile(join(seeds, "empty.txt"), "");
    await writeFile(join(seeds, "picture.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    await writeFile(join(seeds, "broken.txt"), Buffer.from([0xe5, 0x9c, 0x81, 0x20, 0xff, 0xfe, 0x81, 0x20]));
    await writeFile(
      join(seeds, "gbk.txt"),
      iconv.encode("太仓市总工会明确2015年工作重点。\r\n\r\n太仓市总工会将为２００名困难职工发放助学金。\r\n\r\n（太仓市总工会办公室）\r\n", "gbk"),
    );
    const warnings: string[] = [];
    const engine = await open(seeds, join(await scratch(), "index"), warnings);
    for (const name of ["empty.txt", "picture.txt", "broken.txt"]) {
      expect(warnings.some((w) => w.includes(name))).toBe(true);
    }
    expect(engine.skipped().map((s) => s.name).sort()).toEqual(["broken.txt", "empty.txt", "picture.txt"]);
    const hit = engine.ask("太仓 困难职工 助学金").hits[0]!;
    expect(hit).toMatchObject({ source: "gbk.txt", org: "太仓市总工会", year: 2015 });
    expect(hit.text).toContain("200名困难职工");
    expect(engine.ask("昆山 2007 工作任务").hits.length).toBeGreaterThan(0);
  });

  it("takes year and title from a catalogue, and names the file and field of a malformed one", async () => {
    const seeds = await copySeeds();
    await writeFile(join(seeds, "catalogue.json"), JSON.stringify({ "004_f5dc9353ca6598d8.txt": { year: 2009, title: "学习十七大精神专刊" } }));
    const engine = await open(seeds, join(await scratch(), "index"));
    const source = engine.sources().find((s) => s.source === "004_f5dc9353ca6598d8.txt")!;
    expect(source).toMatchObject({ year: 2009, title: "学习十七大精神专刊" });
    expect(engine.ask("2009 常熟 劳模").hits[0]!.year).toBe(2009);

    await writeFile(join(seeds, "catalogue.json"), JSON.stringify({ "004_f5dc9353ca6598d8.txt": { year: "明年" } }));
    const attempt = open(seeds, join(await scratch(), "index"));
    await expect(attempt).rejects.toBeInstanceOf(CatalogueError);
    await expect(attempt).rejects.toThrow(/catalogue\.json.*004_f5dc9353ca6598d8\.txt\.year/);
  });

  it("says clearly when the seeds folder does not exist", async () => {
    await expect(open(join(await scratch(), "nope"), join(await scratch(), "index"))).rejects.toThrow(/找不到简报目录/);
  });
});
