/**
 * The real entry point (`src/main.ts`, what `npm start` runs) as a child process: configuration
 * errors, the console fallback line, and polling against the stand-in Bot API until SIGTERM.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMain, type MainProcess } from "../support/main-process.js";
import { startBotApiStub, textMessage, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { assertTelegramHtml } from "./harness.js";
import { until, within } from "../support/wait.js";

let indexDir: string;

beforeAll(() => {
  indexDir = mkdtempSync(join(tmpdir(), "jb-main-index-"));
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe("npm start (src/main.ts)", () => {
  it("reports a bad variable in one line naming it, exit 1, no stack trace", async () => {
    for (const [env, variable] of [
      [{ PORT: "abc" }, "PORT"],
      [{ BOT_MODE: "carrier-pigeon" }, "BOT_MODE"],
      [{ BOT_TOKEN: "not-a-token" }, "BOT_TOKEN"],
    ] as const) {
      const child = startMain(indexDir, env);
      const { code } = await within(child.exit, 20_000, "config error exit");
      expect(code).toBe(1);
      const lines = child.err().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(variable);
      expect(child.err()).not.toMatch(/\n\s+at /);
      expect(child.err()).not.toContain("not-a-token");
    }
  });

  it("without BOT_TOKEN says how to connect to Telegram", async () => {
    const child = startMain(indexDir, {});
    await until(() => child.err().includes("\n"), 20_000, "the first stderr line");
    const first = child.err().split("\n")[0]!;
    expect(first).toContain("BOT_TOKEN");
    expect(first).toContain("@BotFather");
    child.proc.stdin!.end();
    child.proc.kill("SIGKILL");
    await child.exit;
  });

  describe("with BOT_TOKEN against the stand-in Bot API", () => {
    let stub: BotApiStub;
    let child: MainProcess;

    beforeAll(async () => {
      stub = await startBotApiStub();
      child = startMain(indexDir, { BOT_TOKEN: stub.token, BOT_API_ROOT: stub.apiRoot });
      await until(() => stub.pendingPolls() > 0 || child.proc.exitCode !== null, 60_000, "the bot to poll getUpdates");
    });

    afterAll(async () => {
      if (child.proc.exitCode === null) child.proc.kill("SIGKILL");
      await stub.close();
    });

    it("polls, answers a question, and logs structured lines without the token", async () => {
      expect(child.proc.exitCode).toBeNull();
      expect(stub.callsTo("deleteWebhook").length).toBeGreaterThan(0);
      const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 9001, 30_000);
      stub.pushUpdate(textMessage({ from: 9001, text: "常熟 2008 重点工作" }));
      expect(assertTelegramHtml((await reply).params.text).text).toContain("常熟");
      const lines = child.out().trim().split("\n");
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      expect(lines.some((l) => (JSON.parse(l) as { msg?: string }).msg === "bot started")).toBe(true);
      expect(child.out() + child.err()).not.toContain(stub.token.split(":")[1]!);
    });

    it("stops on SIGTERM with exit code 0 within a few seconds", async () => {
      child.proc.kill("SIGTERM");
      const { code, signal } = await within(child.exit, 5_000, "shutdown after SIGTERM");
      expect(signal).toBeNull();
      expect(code).toBe(0);
      expect(child.out()).toContain("bot stopped");
      expect(child.out() + child.err()).not.toContain(stub.token.split(":")[1]!);
    });
  });
});
