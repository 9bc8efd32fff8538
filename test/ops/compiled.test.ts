/**
 * The production way to run: `npm run build`, then `node dist/…` from any working directory —
 * the CLI, the terminal chat and the bot all find the seeds, the index folder and jieba's files
 * from the package root, not from the compiled file's folder.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../../src/answer/schema.js";
import { startBotApiStub, textMessage } from "../../src/testing/bot-api-stub.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT_NAME = `.dist-test-${process.pid}`;
const OUT = join(ROOT, OUT_NAME);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "jb-compiled-"));
  const build = spawnSync(process.execPath, ["src/build.mjs", "--out", OUT_NAME], { cwd: ROOT, encoding: "utf8" });
  expect(build.status, build.stdout + build.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? "", HOME: scratch, INDEX_DIR: join(scratch, "index"), ...extra });

describe("the compiled build", () => {
  it("carries the assets the code opens at run time (a Docker image has dist/ and no src/)", () => {
    expect(existsSync(join(OUT, "text/thesaurus.txt"))).toBe(true);
    expect(existsSync(join(OUT, "text/jieba"))).toBe(true);
  });

  it("CLI: builds the index and answers, run from another folder", () => {
    const index = spawnSync(process.execPath, [join(OUT, "cli.js"), "index", "--out", join(scratch, "index")], { cwd: scratch, encoding: "utf8" });
    expect(index.stderr).toBe("");
    expect(index.stdout).toContain("已建立索引：3 份简报");
    const ask = spawnSync(process.execPath, [join(OUT, "cli.js"), "ask", "--json", "--index", join(scratch, "index"), "昆山 2007 工作任务"], {
      cwd: scratch,
      encoding: "utf8",
    });
    expect(ask.status).toBe(0);
    const answer = Answer.parse(JSON.parse(ask.stdout));
    expect(answer.hits[0]!.text).toContain("具体工作任务为");
  });

  it("terminal chat without BOT_TOKEN", () => {
    const chat = spawnSync(process.execPath, [join(OUT, "main.js")], { cwd: scratch, encoding: "utf8", input: "常熟 2008 重点工作\n", env: env({ BOT_TOKEN: "" }) });
    expect(chat.status).toBe(0);
    expect(chat.stdout).toContain("常熟");
    expect(chat.stderr).not.toMatch(/\n\s+at /);
  });

  it("the bot, against the stand-in Bot API", async () => {
    const stub = await startBotApiStub();
    const child = spawn(process.execPath, [join(OUT, "main.js")], {
      cwd: scratch,
      env: env({ BOT_TOKEN: stub.token, BOT_API_ROOT: stub.apiRoot }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    try {
      const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 9100, 60_000);
      stub.pushUpdate(textMessage({ from: 9100, text: "昆山 2007 工作任务" }));
      expect(String((await reply).params.text)).toContain("昆山");
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((r) => child.on("exit", r));
      expect(code).toBe(0);
      expect(err).toBe("");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await stub.close();
    }
  });
});
