import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../src/answer/schema.js";
import { runConsoleChat } from "../src/console.js";
import { PROJECT_ROOT } from "../src/paths.js";
import { copySeeds, openSeedEngine, scratch } from "./support/seeds.js";

/** Runs the real command line, as `npm run …` does. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src/cli.ts"), ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, DEBUG: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("command line", () => {
  let seeds: string;
  let index: string;
  beforeAll(async () => {
    seeds = await copySeeds();
    index = join(await scratch(), "index");
    const built = cli(["index", "--seeds", seeds, "--out", index]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/已建立索引：3 份简报，\d+ 段/);
  });

  it("index writes the manifest and data files", () => {
    for (const file of ["manifest.json", "corpus.jsonl", "postings.bin"]) expect(existsSync(join(index, file))).toBe(true);
  });

  it("ask prints a cited answer for a person", () => {
    const { code, stdout } = cli(["ask", "--index", index, "--seeds", seeds, "常熟市总工会打算为多少名困难职工免费体检？"]);
    expect(code).toBe(0);
    // The answer first, then its source, then the supporting passages.
    expect(stdout).toMatch(/💡 为400名困难职工、特困女职工免费体检/);
    expect(stdout.indexOf("💡")).toBeLessThan(stdout.indexOf("1. "));
    expect(stdout).toContain("常熟市总工会 · 2007年");
    expect(stdout).toContain("第7段");
    // Bulletins are cited by their catalogue title, not by file name.
    expect(stdout).toContain("《2007年基层工会工作计划摘编》");
    expect(stdout).not.toContain("000_d8c112c12d809796.txt");
    expect(stdout.match(/^\d\. /gm)!.length).toBeGreaterThanOrEqual(2);
  });

  it("ask --json prints one Answer; --limit bounds it", () => {
    const { code, stdout } = cli(["ask", "--json", "--limit", "2", "--index", index, "--seeds", seeds, "常熟 困难职工 体检"]);
    expect(code).toBe(0);
    const answer = Answer.parse(JSON.parse(stdout));
    expect(answer.hits).toHaveLength(2);
    expect(answer.filters.places).toEqual(["常熟"]);
  });

  it("ask --jsonl writes exactly one Answer per input line, blank lines included", () => {
    const { code, stdout } = cli(["ask", "--jsonl", "--index", index, "--seeds", seeds], "昆山 2007 工作任务\n\n北京 2012\n😀\n");
    expect(code).toBe(0);
    const answers = stdout.trim().split("\n").map((line) => Answer.parse(JSON.parse(line)));
    expect(answers.map((a) => a.query)).toEqual(["昆山 2007 工作任务", "", "北京 2012", "😀"]);
    // One hit per paragraph: 昆山's 2007 item is one long paragraph cut into parts (expand shows them).
    expect(answers[0]!.hits.length).toBeGreaterThanOrEqual(1);
    expect(answers[0]!.hits.every((h) => h.place === "昆山" && h.year === 2007)).toBe(true);
    expect(answers[1]!.hits).toEqual([]);
    expect(answers[1]!.notice).toBeTruthy();
    expect(answers[2]!.notice).toContain("北京");
  });

  it("ask --jsonl cuts a huge line before any per-character work", () => {
    const huge = `昆山 2007 工作任务 ${"职工".repeat(2_000_000)}`;
    const started = Date.now();
    const { code, stdout } = cli(["ask", "--jsonl", "--index", index, "--seeds", seeds], `${huge}\n昆山\n`);
    expect(code).toBe(0);
    const answers = stdout.trim().split("\n").map((line) => Answer.parse(JSON.parse(line)));
    expect(answers).toHaveLength(2);
    expect([...answers[0]!.query].length).toBeLessThanOrEqual(200);
    expect(answers[0]!.notice).toContain("200");
    // Generous: the point is "not minutes and not a gigabyte", measured in the README.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("bad input is one clear line, never a stack trace", () => {
    const limit = cli(["ask", "--limit", "abc", "--index", index, "--seeds", seeds, "昆山"]);
    expect(limit.code).toBe(1);
    expect(limit.stderr.trim()).toBe("错误：--limit 必须是 1–50 之间的整数（当前：abc）");
    const missing = cli(["ask", "--index", index, "--seeds", join(seeds, "nope"), "昆山"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：找不到简报目录/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const empty = cli(["ask", "--index", index, "--seeds", seeds, ""]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain("请输入");
  });
});

describe("console chat", () => {
  it("answers each line of input over the same pipeline and says goodbye", async () => {
    const engine = await openSeedEngine();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => (printed += chunk));
    const done = runConsoleChat(engine, { input, output });
    input.end("昆山 2007 工作任务\n2020 昆山\n/quit\n常熟\n");
    await done;
    expect(printed).toContain("昆山市总工会 · 2007年");
    expect(printed).toContain("简报里没有2020年的内容");
    expect(printed).not.toContain("问：常熟");
    expect(printed.trim().endsWith("再见。")).toBe(true);
  });
});
