import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Engine } from "../../src/engine.js";
import { readFileSync } from "node:fs";
import jieba from "nodejieba";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../src/corpus/read.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { buildGazetteer } from "../../src/search/gazetteer.js";
import { indexedTexts } from "../../src/search/passage-index.js";
import {
  readFullDictionary, readServingDictionary, saveServingDictionary, servingDictionaryPath, trimDictionary,
  type ServingDictionary,
} from "../../src/text/dictionary.js";
import {
  cjkRuns, deferDictionaryLoad, loadDeferredDictionary, segmentForIndex, segmentQuery, tagWords, useDictionary,
  type DictionaryWord, type JiebaDictionary,
} from "../../src/text/segment.js";
import { scratch } from "../support/seeds.js";

/**
 * The serving dictionary must cut the corpus exactly as jieba's full dictionary does: every
 * passage of the seeds, cut for the index (cutForSearch), for questions (cut) and tagged
 * (tag), compared run by run with the corpus's names taught to both.
 */

let dir: string;
let runs: string[];
let names: DictionaryWord[];
let trimmed: ServingDictionary;
let served: JiebaDictionary;

beforeAll(async () => {
  const corpus = await readCorpus(DEFAULT_SEEDS_DIR, () => {});
  const passages = corpus.bulletins.flatMap((b) => b.passages);
  const texts = passages.flatMap(indexedTexts);
  runs = [...new Set(texts.flatMap((t) => [...cjkRuns(t)]))];
  names = buildGazetteer(corpus.bulletins.flatMap((b) => b.orgs), corpus.bulletins.flatMap((b) => b.authors)).dictionary;
  trimmed = trimDictionary(readFullDictionary(), texts);
  dir = await scratch();
  await saveServingDictionary(dir, "build-1", trimmed);
  served = (await readServingDictionary(dir, "build-1"))!;
});

afterAll(async () => {
  useDictionary({ kind: "full" });
  await rm(dir, { recursive: true, force: true });
});

function cutAll(dictionary: JiebaDictionary): string[] {
  useDictionary(dictionary, names);
  return runs.map((run) =>
    [jieba.cutForSearch(run, true).join("/"), jieba.cut(run, true).join("/"), jieba.tag(run).map((t) => `${t.word}:${t.tag}`).join("/")].join(" | "),
  );
}

describe("the serving dictionary", () => {
  it("is a fraction of jieba's, with the same frequency total, minimum and median", () => {
    const full = readFullDictionary().dict.trim().split("\n");
    const freqs = full.map((line) => Number(line.split(" ")[1])).sort((a, b) => a - b);
    expect(trimmed.stats.total).toBe(freqs.reduce((s, f) => s + f, 0));
    expect(trimmed.stats.min).toBe(freqs[0]);
    expect(trimmed.stats.median).toBe(freqs[Math.floor(freqs.length / 2)]);
    expect(trimmed.stats.entries).toBe(trimmed.dict.trim().split("\n").length);
    expect(trimmed.stats.entries).toBeLessThan(full.length / 4);
  });

  it("cuts and tags every passage of the seeds exactly as the full dictionary does", () => {
    expect(runs.length).toBeGreaterThan(500);
    const full = cutAll({ kind: "full" });
    const small = cutAll(served);
    const differ = runs.filter((_, i) => full[i] !== small[i]).map((run, i) => `${run}\n  ${full[i]}\n  ${small[i]}`);
    expect(differ.slice(0, 5)).toEqual([]);
    expect(small).toEqual(full);
  });

  it("cuts the same when its load is deferred (the bot's start) as when loaded at once", () => {
    const viaSegment = () =>
      runs.map((run) => [segmentForIndex(run).join("/"), segmentQuery(run).join("/"), tagWords(run).map((t) => `${t.word}:${t.tag}`).join("/")].join(" | "));
    useDictionary(served, names);
    const eager = viaSegment();
    useDictionary({ kind: "full" });
    deferDictionaryLoad();
    // A choice replaced before anything cut, then the names in two parts (they accumulate).
    useDictionary({ kind: "full" }, names.slice(0, 3));
    const half = Math.floor(names.length / 2);
    useDictionary(served, names.slice(0, half));
    useDictionary(served, names.slice(half));
    expect(viaSegment()).toEqual(eager);
    // Ending the deferral loads the choice made since; later choices load at once again.
    deferDictionaryLoad();
    useDictionary({ kind: "full" });
    loadDeferredDictionary();
    useDictionary(served, names);
    expect(viaSegment()).toEqual(eager);
  });

  it("keeps places the corpus lacks, and stop words, for questions", () => {
    const words = new Set(trimmed.dict.split("\n").map((line) => line.split(" ")[0]));
    for (const word of ["北京", "吴江", "多少", "哪些"]) expect(words, word).toContain(word);
    expect(runs.some((run) => run.includes("北京"))).toBe(false);
    // Counts asked for and measure words: without 几回, 开几回会 is cut as one unknown word.
    for (const word of ["几回", "几趟", "多少次", "趟"]) expect(words, word).toContain(word);
    expect(runs.some((run) => run.includes("几回"))).toBe(false);
  });

  it("is served only for the build it was saved with", async () => {
    expect(served).toEqual({ kind: "trimmed", ...(({ dict, userDict }) => ({ dict, userDict }))(servingDictionaryPath(dir)) });
    expect(await readServingDictionary(dir, "build-2")).toBeNull();
    const stamp = JSON.parse(readFileSync(servingDictionaryPath(dir).stamp, "utf8")) as { buildId: string };
    expect(stamp.buildId).toBe("build-1");
  });
});

describe("an index and its serving dictionary", () => {
  it("is served with the trimmed dictionary, and rebuilt when that dictionary is missing or from another build", async () => {
    const root = await scratch();
    try {
      const indexDir = join(root, "index");
      const open = () => Engine.open({ seedsDir: DEFAULT_SEEDS_DIR, indexDir, onWarning: () => {} });
      const built = await open();
      expect(built.openedFrom.kind).toBe("built");
      const answer = built.ask("昆山 2007 工作任务").hits.map((h) => h.id);
      const loaded = await open();
      expect(loaded.openedFrom).toEqual({ kind: "loaded" });
      expect(loaded.ask("昆山 2007 工作任务").hits.map((h) => h.id)).toEqual(answer);
      await rm(servingDictionaryPath(indexDir).stamp);
      expect((await open()).openedFrom).toEqual({ kind: "built", reason: "分词词典缺失或不属于这次建立的索引" });
      await saveServingDictionary(indexDir, "another-build", trimmed);
      expect((await open()).openedFrom).toEqual({ kind: "built", reason: "分词词典缺失或不属于这次建立的索引" });
      expect((await open()).openedFrom).toEqual({ kind: "loaded" });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("trimming", () => {
  const full = {
    dict: ["工会 900 n", "职工 800 n", "困难 700 a", "体检 5 vn", "罕见 2 a", "生僻 3 a", "冷门 3 a", "稀有 4 a", "苏州 60 ns"].join("\n"),
    userDict: "",
  };
  it("keeps the words a text contains, drops the rest, and balances the statistics", () => {
    const small = trimDictionary(full, ["困难职工体检"], { commonWords: 1 });
    const words = small.dict.trim().split("\n").map((line) => line.split(" ")[0]!);
    expect(words.filter((w) => !w.startsWith("\ue000"))).toEqual(["工会", "职工", "困难", "体检", "苏州"]);
    expect(small.stats).toMatchObject({ total: 2477, min: 2, median: 5 });
  });
});
