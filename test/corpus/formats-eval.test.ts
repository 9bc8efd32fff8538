import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine.js";
import { EvalSet, evaluate, RECALL_DEPTH, type EvalQuestion, type EvalReport } from "../../src/eval/evaluate.js";
import { DEFAULT_SEEDS_DIR, EVAL_SET_FILE } from "../../src/paths.js";
import { scratch } from "../support/seeds.js";
import { FIXTURES, FORMATS, SEED_BASES } from "./fixtures.js";

/**
 * The same answers whatever the format: the evaluation set over each format's corpus (the three
 * seed bulletins as .docx, .doc, .pdf, .html or .md, with the questions' expected sources renamed)
 * scores within one point of the .txt corpus.
 */

const questions = EvalSet.parse(JSON.parse(readFileSync(EVAL_SET_FILE, "utf8")));

function renamed(set: EvalQuestion[], extension: string): EvalQuestion[] {
  return set.map((q) => ({ ...q, expect: q.expect.map((e) => ({ ...e, source: e.source.replace(/\.txt$/, `.${extension}`) })) }));
}

async function run(seedsDir: string, set: EvalQuestion[], warnings: string[]): Promise<EvalReport> {
  const engine = await Engine.open({ seedsDir, indexDir: join(seedsDir, "..", "index"), onWarning: (m) => warnings.push(m) });
  return evaluate(set, (q) => engine.ask(q, { limit: RECALL_DEPTH }));
}

let root: string;
let baseline: EvalReport;
beforeAll(async () => {
  root = await scratch("jianbao-formats-");
  baseline = await run(DEFAULT_SEEDS_DIR, questions, []);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(FORMATS)("the evaluation over the .%s corpus", (format) => {
  it("scores within one point of the .txt corpus, with every bulletin read", async () => {
    const seeds = join(root, format, "seeds");
    await mkdir(seeds, { recursive: true });
    for (const base of SEED_BASES) await copyFile(join(FIXTURES, `${base}.${format}`), join(seeds, `${base}.${format}`));
    const warnings: string[] = [];
    const report = await run(seeds, renamed(questions, format), warnings);
    expect(warnings).toEqual([]);
    expect((await readdir(seeds)).length).toBe(3);
    expect(JSON.parse(await readFile(join(root, format, "index", "manifest.json"), "utf8"))).toBeTruthy();
    // Every measure is defined here: the set has answerable questions (null only for an empty set).
    const m = (r: EvalReport) => ({ hitAt1: r.hitAt1 ?? 0, recallAt5: r.recallAt5 ?? 0, mrr: r.mrr ?? 0 });
    const got = m(report);
    const txt = m(baseline);
    const misses = report.misses.map((m) => `${m.question.q} → rank ${m.rank ?? "-"}`).join("\n");
    expect(report.hitAt1).not.toBeNull();
    expect(Math.abs(got.hitAt1 - txt.hitAt1), misses).toBeLessThanOrEqual(0.01);
    expect(Math.abs(got.recallAt5 - txt.recallAt5), misses).toBeLessThanOrEqual(0.01);
    expect(Math.abs(got.mrr - txt.mrr), misses).toBeLessThanOrEqual(0.01);
    expect(report.noticesOk).toBe(baseline.noticesOk);
    process.stdout.write(`${format}: hit@1 ${got.hitAt1.toFixed(3)} recall@5 ${got.recallAt5.toFixed(3)} MRR ${got.mrr.toFixed(3)} (txt ${txt.hitAt1.toFixed(3)} / ${txt.recallAt5.toFixed(3)} / ${txt.mrr.toFixed(3)})\n`);
  });
});

describe("a seeds folder mixing formats and bad files", () => {
  it("indexes the good ones and names every skipped file with its reason", async () => {
    const seeds = join(root, "mixed", "seeds");
    await mkdir(seeds, { recursive: true });
    await copyFile(join(FIXTURES, `${SEED_BASES[0]}.docx`), join(seeds, `${SEED_BASES[0]}.docx`));
    await copyFile(join(FIXTURES, `${SEED_BASES[1]}.pdf`), join(seeds, `${SEED_BASES[1]}.pdf`));
    await copyFile(join(DEFAULT_SEEDS_DIR, `${SEED_BASES[2]}.txt`), join(seeds, `${SEED_BASES[2]}.txt`));
    await copyFile(join(FIXTURES, "bad/encrypted.pdf"), join(seeds, "encrypted.pdf"));
    await copyFile(join(FIXTURES, "bad/scan.pdf"), join(seeds, "scan.pdf"));
    await copyFile(join(FIXTURES, `${SEED_BASES[0]}.html`), join(seeds, "renamed.docx"));
    const warnings: string[] = [];
    const engine = await Engine.open({ seedsDir: seeds, indexDir: join(root, "mixed", "index"), onWarning: (m) => warnings.push(m) });
    expect(engine.sources().map((s) => s.source).sort()).toEqual([`${SEED_BASES[0]}.docx`, `${SEED_BASES[1]}.pdf`, `${SEED_BASES[2]}.txt`]);
    expect(warnings.sort()).toEqual([
      "跳过 encrypted.pdf：PDF 已加密（需要密码），无法读取",
      "跳过 renamed.docx：不是 Word 文档（既不是 .docx 也不是 .doc 格式）",
      "跳过 scan.pdf：PDF 没有文字层（可能是扫描件），需要先做文字识别",
    ]);
    const docx = engine.sources().find((s) => s.source.endsWith(".docx"))!;
    expect(docx).toMatchObject({ year: 2007, title: "2007年基层工会工作计划摘编" });
    expect(engine.ask("常熟市总工会打算为多少名困难职工免费体检？").hits[0]).toMatchObject({ source: `${SEED_BASES[0]}.docx`, org: "常熟市总工会" });
  });
});
