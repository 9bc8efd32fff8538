import { writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine.js";
import type { Gazetteer } from "../../src/search/gazetteer.js";
import { parseQuery } from "../../src/search/query.js";
import { readFileSync } from "node:fs";
import { OPERATOR_THESAURUS_NAME, THESAURUS_FILE } from "../../src/paths.js";
import { loadThesaurus, parseThesaurus, makeThesaurus, ThesaurusError } from "../../src/text/thesaurus.js";
import { copySeeds, scratch } from "../support/seeds.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/synonyms-small.txt", import.meta.url));

describe("thesaurus loader (Solr synonym format)", () => {
  it("reads equivalence groups, explicit mappings, full-width commas and comments", () => {
    const warnings: string[] = [];
    const t = loadThesaurus(FIXTURE, null, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(t.groups).toBe(4);
    expect(t.synonymsOf("职代会")).toEqual(["职工代表大会"]);
    expect(t.synonymsOf("职工代表大会")).toEqual(["职代会"]);
    expect([...t.synonymsOf("帮扶")].sort()).toEqual(["帮困", "扶贫帮困"].sort());
    // => is one-way: the right side does not expand back.
    expect(t.synonymsOf("劳资矛盾")).toEqual(["劳动争议", "劳资纠纷"]);
    expect(t.synonymsOf("劳动争议")).toEqual([]);
    expect(t.synonymsOf("慰问")).toEqual(["送温暖"]);
    expect(t.words[0]!.length).toBeGreaterThanOrEqual(t.words.at(-1)!.length);
  });

  it("names the line of a malformed group", () => {
    expect(() => parseThesaurus("职代会, 职工代表大会\n孤词\n", "synonyms.txt")).toThrow(ThesaurusError);
    expect(() => parseThesaurus("职代会, 职工代表大会\n孤词\n", "synonyms.txt")).toThrow("synonyms.txt 第2行");
    expect(() => parseThesaurus("a => b => c")).toThrow("第1行");
  });

  it("ships at least 150 groups of union vocabulary", () => {
    const t = loadThesaurus(THESAURUS_FILE, null, () => {});
    expect(t.groups).toBeGreaterThanOrEqual(150);
    expect(t.synonymsOf("职代会")).toContain("职工代表大会");
    expect(t.synonymsOf("技术比武")).toContain("技能竞赛");
  });

  it("merges the operator's file; a broken one is reported and skipped whole", () => {
    const merged = makeThesaurus(parseThesaurus("职代会, 职工代表大会"), parseThesaurus("职代会, 职工大会"));
    expect([...merged.synonymsOf("职代会")].sort()).toEqual(["职工代表大会", "职工大会"].sort());
    const warnings: string[] = [];
    const t = loadThesaurus(FIXTURE, THESAURUS_FILE + ".absent", (m) => warnings.push(m));
    expect(t.groups).toBe(4);
    expect(warnings).toEqual([]);
  });
});

describe("query expansion over the real seeds", () => {
  let seeds: string;
  let indexDir: string;
  let engine: Engine;
  beforeAll(async () => {
    seeds = await copySeeds();
    indexDir = await scratch();
    // An operator's group: 书香工会 is how some cadres say 职工书屋 (not in the shipped file).
    writeFileSync(join(seeds, OPERATOR_THESAURUS_NAME), "# 运维补充\n书香工会, 职工书屋\n");
    engine = await Engine.open({ seedsDir: seeds, indexDir, onWarning: () => {} });
  });
  afterAll(async () => {
    await rm(join(seeds, ".."), { recursive: true, force: true });
    await rm(indexDir, { recursive: true, force: true });
  });

  it("finds a passage that says the thing in other words", () => {
    const answer = engine.ask("吴江2012年搞不搞技术比武");
    expect(answer.hits[0]?.text).toContain("职业技能竞赛");
  });

  it("uses the operator's synonyms.txt from the seeds folder", () => {
    const hits = engine.ask("书香工会").hits;
    expect(hits.length).toBeGreaterThan(0);
    // synonyms.txt sits beside the bulletins but is never read as one.
    expect(hits.some((h) => h.source === OPERATOR_THESAURUS_NAME)).toBe(false);
    expect(hits[0]!.text).toContain("职工书屋");
  });

  it("never lets a synonym outrank the word the question used", () => {
    // 劳动争议 is said literally in some passages and as 劳资矛盾 in others.
    const answer = engine.ask("劳动争议");
    const literal = answer.hits.findIndex((h) => h.text.includes("劳动争议"));
    const synonym = answer.hits.findIndex((h) => !h.text.includes("劳动争议"));
    expect(literal).toBe(0);
    if (synonym >= 0) expect(synonym).toBeGreaterThan(literal);
  });
});

describe("colloquial wording (shipped one-way rules)", () => {
  const shipped = loadThesaurus(THESAURUS_FILE, null, () => {});

  it("takes an everyday word to the bulletins' wording, never back", () => {
    expect(shipped.synonymsOf("打官司")).toContain("劳动争议");
    expect(shipped.synonymsOf("劳动争议")).not.toContain("打官司");
    expect(shipped.synonymsOf("不出事")).toContain("安全生产");
    expect(shipped.synonymsOf("安全生产")).not.toContain("不出事");
  });

  it("does not cut a longer word the corpus has to reach a short entry inside it", () => {
    // 上门 is a colloquial entry (上门 => 走访慰问); 上门服务 is one word in jieba and in the seeds.
    const corpusText = readFileSync(new URL("../../seeds/004_f5dc9353ca6598d8.txt", import.meta.url), "utf8");
    const noNames: Gazetteer = { forms: [], places: [], placelessOrgs: [], dictionary: [] };
    const parse = (q: string) => parseQuery(q, { gazetteer: noNames, inCorpus: (w) => corpusText.includes(w), thesaurus: shipped });
    const query = parse("区总怎么上门服务");
    expect(query.terms).toContain("上门服务");
    expect(query.terms).not.toContain("上门");
    // A synonym counts only when said whole: 用工荒 cut to 用工 (+ 荒, no term) would say far less.
    const shortage = parse("常熟工会帮企业解决招工难吗");
    expect(shortage.synonyms["招工难"]).toContainEqual(["民工荒"]);
    expect(shortage.synonyms["招工难"]).not.toContainEqual(["用工"]);
    // Standing alone, the entry is found and expanded.
    const alone = parse("工会会上门看望吗");
    expect(Object.keys(alone.synonyms)).toContain("上门看望");
  });
});
