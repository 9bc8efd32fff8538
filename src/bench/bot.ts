import { spawn, type ChildProcess } from "node:child_process";
import { startBotApiStub, textMessage, type BotApiStub } from "../testing/bot-api-stub.js";
import { summarise, type Summary } from "./stats.js";

/**
 * Bot side, measured on the real `npm start` process against the local Bot API stand-in:
 *  - cold start: from spawning `npm start` (index already built) to its first getUpdates;
 *  - update-to-reply: from an update being handed to the bot's long poll to its sendMessage
 *    arriving at the stand-in, one question at a time, each from a different user (so the
 *    per-user rate limit never answers instead of the engine).
 */

export interface BotBenchResult {
  coldStartMs: number[];
  /** Same, started as `node --import tsx src/main.ts` (no npm wrapper). */
  coldStartNodeMs: number[];
  updateToReply: Summary;
  questions: number;
}

export interface BotBenchOptions {
  cwd: string;
  seedsDir: string;
  indexDir: string;
  questions: string[];
  count: number;
  coldRuns: number;
}

async function until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

function startBot(stub: BotApiStub, o: BotBenchOptions, viaNpm: boolean): ChildProcess {
  const env = {
    ...process.env,
    BOT_TOKEN: stub.token,
    BOT_API_ROOT: stub.apiRoot,
    SEEDS_DIR: o.seedsDir,
    INDEX_DIR: o.indexDir,
    LOG_LEVEL: "warn",
    BOT_MODE: "polling",
  };
  const [cmd, args] = viaNpm
    ? ["npm", ["start", "--silent"]]
    : [process.execPath, ["--import", "tsx", "src/main.ts"]];
  // Own process group, so stopping it stops npm, tsx and node together.
  return spawn(cmd, args as string[], { cwd: o.cwd, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 8000);
  await exited;
  clearTimeout(timer);
}

async function coldStart(o: BotBenchOptions, viaNpm: boolean): Promise<{ ms: number; stub: BotApiStub; child: ChildProcess }> {
  const stub = await startBotApiStub();
  let stderr = "";
  const started = performance.now();
  const child = startBot(stub, o, viaNpm);
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await until(
      () => {
        if (child.exitCode !== null) throw new Error(`bot exited (${child.exitCode}): ${stderr.slice(-500)}`);
        return stub.calls.some((c) => c.method === "getUpdates") ? true : undefined;
      },
      30_000,
      "the first getUpdates",
    );
  } catch (error) {
    await stop(child);
    await stub.close();
    throw error;
  }
  return { ms: performance.now() - started, stub, child };
}

export async function benchBot(o: BotBenchOptions): Promise<BotBenchResult> {
  const coldStartMs: number[] = [];
  const coldStartNodeMs: number[] = [];
  for (let i = 0; i < o.coldRuns; i++) {
    const run = await coldStart(o, false);
    coldStartNodeMs.push(run.ms);
    await stop(run.child);
    await run.stub.close();
  }
  for (let i = 0; i < o.coldRuns - 1; i++) {
    const run = await coldStart(o, true);
    coldStartMs.push(run.ms);
    await stop(run.child);
    await run.stub.close();
  }
  // The last npm start stays up for the question run.
  const { ms, stub, child } = await coldStart(o, true);
  coldStartMs.push(ms);
  const samples: number[] = [];
  try {
    const warmup = 10;
    for (let i = 0; i < o.count + warmup; i++) {
      const userId = 100_000 + i;
      const text = o.questions[i % o.questions.length]!;
      const t0 = performance.now();
      stub.pushUpdate(textMessage({ from: userId, text }));
      const call = await stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === userId, 15_000);
      const t1 = performance.now();
      if (!call.response?.ok) throw new Error(`the stand-in rejected a reply: ${call.response?.description}`);
      if (i >= warmup) samples.push(t1 - t0);
    }
  } finally {
    await stop(child);
    await stub.close();
  }
  return { coldStartMs, coldStartNodeMs, updateToReply: summarise(samples), questions: samples.length };
}
