/**
 * The real entry point (src/main.ts) as a child process under faults an operator meets: another
 * instance polling (409), a revoked token (401), an unreachable Bot API at start, SIGTERM in
 * the middle of building an index, and /healthz on HEALTH_PORT. Each fault must be one JSON log
 * line on stdout with a defined exit, and nothing on stderr.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPassages } from "../../src/bench/count.js";
import { ensureCorpus } from "../../src/bench/synth.js";
import { Engine } from "../../src/engine.js";
import { startMain, type MainProcess } from "../support/main-process.js";
import { startBotApiStub, textMessage, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { SEEDS_DIR } from "../bot/harness.js";
import { until, within } from "../support/wait.js";

let scratch: string;
let indexDir: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "jb-process-faults-"));
  indexDir = join(scratch, "index");
  // Built once here, so each child only loads it.
  await Engine.open({ seedsDir: SEEDS_DIR, indexDir, onWarning: () => {} });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function noStackOnStderr(child: MainProcess): void {
  expect(child.err()).toBe("");
  expect(child.out()).not.toMatch(/\n\s+at /);
}

describe("Telegram faults at the process level", () => {
  let stub: BotApiStub;
  beforeAll(async () => {
    stub = await startBotApiStub();
  });
  afterAll(async () => stub.close());

  it("409 Conflict: one log line naming the other instance, exit 75", async () => {
    stub.failAlways("getUpdates", {
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    try {
      const child = startMain(indexDir, { BOT_TOKEN: stub.token, BOT_API_ROOT: stub.apiRoot });
      const { code } = await within(child.exit, 30_000, "exit after 409");
      expect(code).toBe(75);
      const fatal = child.lines().filter((l) => l.level === 60);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]!.msg).toContain("another instance is polling with this token");
      const conflictAt = stub.callsTo("getUpdates").find((c) => c.response?.error_code === 409)!.at;
      expect(stub.now() - conflictAt).toBeLessThan(10_000);
      noStackOnStderr(child);
    } finally {
      stub.failAlways("getUpdates", null);
    }
  });

  it("401 at start: 'token rejected', exit 78", async () => {
    const child = startMain(indexDir, { BOT_TOKEN: "123456:wrong-token-for-this-stub", BOT_API_ROOT: stub.apiRoot });
    const { code } = await within(child.exit, 30_000, "exit after 401");
    expect(code).toBe(78);
    const fatal = child.lines().filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.msg).toContain("token rejected");
    noStackOnStderr(child);
    expect(child.out()).not.toContain("wrong-token-for-this-stub");
  });

  it("401 while polling (token revoked): 'token rejected', exit 78", async () => {
    const own = await startBotApiStub();
    try {
      const child = startMain(indexDir, { BOT_TOKEN: own.token, BOT_API_ROOT: own.apiRoot });
      await until(() => own.pendingPolls() > 0, 30_000, "the bot to poll");
      own.revokeToken();
      const { code } = await within(child.exit, 15_000, "exit after revocation");
      expect(code).toBe(78);
      expect(child.lines().filter((l) => l.level === 60).map((l) => l.msg)).toEqual([expect.stringContaining("token rejected")]);
      noStackOnStderr(child);
    } finally {
      await own.close();
    }
  });

  it("unreachable Bot API at start: a log line within 10 s, retries, and SIGTERM still exits 0", async () => {
    const started = Date.now();
    const child = startMain(indexDir, { BOT_TOKEN: stub.token, BOT_API_ROOT: "http://127.0.0.1:9" });
    await until(() => child.out().includes("cannot reach the Bot API at start"), 20_000, "the unreachable line");
    // The index loads first (a second or two); the line comes right after the first attempt.
    expect(Date.now() - started).toBeLessThan(10_000 + 5_000);
    const line = child.lines().find((l) => l.msg === "cannot reach the Bot API at start; retrying")!;
    expect(line.retryInSeconds).toBeLessThanOrEqual(30);
    expect(String(line.error)).toContain("ECONNREFUSED");
    child.proc.kill("SIGTERM");
    const { code } = await within(child.exit, 5_000, "exit after SIGTERM");
    expect(code).toBe(0);
    noStackOnStderr(child);
  });

  it("a Bot API that comes up later: the bot connects and answers", async () => {
    const own = await startBotApiStub();
    own.outage(true);
    const health = await freePort();
    const child = startMain(indexDir, { BOT_TOKEN: own.token, BOT_API_ROOT: own.apiRoot, HEALTH_PORT: String(health) });
    try {
      await until(() => child.out().includes("cannot reach the Bot API at start"), 20_000, "the unreachable line");
      const down = await fetch(`http://127.0.0.1:${health}/healthz`);
      expect(down.status).toBe(503);
      own.outage(false);
      const back = own.now();
      await until(() => own.pendingPolls() > 0, 40_000, "the bot to poll");
      // The wait between attempts doubles from 1 s; it had reached at most a few seconds here.
      expect(own.now() - back).toBeLessThan(10_000);
      const reply = own.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 8101);
      own.pushUpdate(textMessage({ from: 8101, text: "常熟 2008 重点工作" }));
      expect(String((await reply).params.text)).toContain("常熟");
      const up = await fetch(`http://127.0.0.1:${health}/healthz`);
      expect(up.status).toBe(200);
      const body = (await up.json()) as { ok: boolean; index: { passages: number; builtAt: string } };
      expect(body.ok).toBe(true);
      expect(body.index.passages).toBeGreaterThan(0);
      expect(Date.parse(body.index.builtAt)).not.toBeNaN();
      child.proc.kill("SIGTERM");
      expect((await within(child.exit, 5_000, "exit after SIGTERM")).code).toBe(0);
      noStackOnStderr(child);
    } finally {
      if (child.proc.exitCode === null) child.proc.kill("SIGKILL");
      await own.close();
    }
  });
});

describe("SIGTERM during a long index build", () => {
  it("exits within 5 s, before the build is done", async () => {
    const corpus = ensureCorpus({ seedsDir: SEEDS_DIR, outDir: join(scratch, "synth"), targetPassages: 20_000, countPassages });
    const stub = await startBotApiStub();
    const fresh = join(scratch, "fresh-index");
    const health = await freePort();
    const child = startMain(indexDir, {
      BOT_TOKEN: stub.token,
      BOT_API_ROOT: stub.apiRoot,
      SEEDS_DIR: corpus.seedsDir,
      INDEX_DIR: fresh,
      HEALTH_PORT: String(health),
    });
    try {
      // The health server is up before the build; it reports that there is no index yet.
      let status = 0;
      const deadline = Date.now() + 20_000;
      while (status !== 503 && Date.now() < deadline) {
        status = await fetch(`http://127.0.0.1:${health}/healthz`).then((r) => r.status, () => 0);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(503);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(child.out()).not.toContain("index ready");
      const sent = Date.now();
      child.proc.kill("SIGTERM");
      const { code } = await within(child.exit, 5_000, "exit after SIGTERM during the build");
      expect(code).toBe(0);
      expect(Date.now() - sent).toBeLessThan(5_000);
      expect(child.out()).not.toContain("index ready");
      noStackOnStderr(child);
    } finally {
      if (child.proc.exitCode === null) child.proc.kill("SIGKILL");
      await stub.close();
    }
  });
});

