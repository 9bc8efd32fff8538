import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { startBotApiStub, textMessage, type BotApiStub } from "../testing/bot-api-stub.js";
import { summarise, type Summary } from "./stats.js";

/**
 * Bot side, measured on real processes against the local Bot API stand-in, index already built:
 *  - first answer: from spawning the compiled process to its answer to a question queued before
 *    it started (what the first user waits for);
 *  - cold start: from spawning the process to its first getUpdates (the bot is ready), for the
 *    compiled production start (`node dist/main.js`, built first by the caller), the same through
 *    npm (`npm run start:prod`: the wrapper's own cost), and the development start (tsx);
 *  - serving memory: the compiled process's RSS once ready and after the question run
 *    (/proc/PID/status: VmRSS, and VmHWM for the peak). "Ready" memory is read a second after
 *    the first getUpdates: the bot loads jieba's dictionary just after it starts polling
 *    (src/text/segment.ts), and ready memory must include it;
 *  - update-to-reply: from an update being handed to the bot's long poll to its sendMessage
 *    arriving at the stand-in, one question at a time, each from a different user (so the
 *    per-user rate limit never answers instead of the engine).
 */

export type StartMode = "compiled" | "npm" | "tsx";

/** How production runs node (Dockerfile, `npm run start:prod`): a 1 MB young generation. */
export const PRODUCTION_FLAGS = ["--max-semi-space-size=1"];
/** …and its environment: one malloc arena (see the README's Performance section). */
export const PRODUCTION_ENV: Record<string, string> = { MALLOC_ARENA_MAX: "1" };

export const START_COMMANDS: Record<StartMode, string> = {
  compiled: `${Object.entries(PRODUCTION_ENV).map(([k, v]) => `${k}=${v}`).join(" ")} node ${PRODUCTION_FLAGS.join(" ")} dist/main.js`,
  npm: "npm run start:prod",
  tsx: "node --import tsx src/main.ts",
};

export interface BotBenchResult {
  coldStartMs: Record<StartMode, number[]>;
  /**
   * Compiled: from spawning the process to its answer to a question already waiting at the
   * stand-in — everything a first user waits for (jieba's dictionary, loaded after the first
   * getUpdates, included).
   */
  firstAnswerMs: number[];
  /** RSS of the compiled bot (MB): once ready, after the question run, and its peak. */
  rssReadyMb: number;
  rssServingMb: number;
  rssPeakMb: number;
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

function startBot(stub: BotApiStub, o: BotBenchOptions, mode: StartMode): ChildProcess {
  const env = {
    ...process.env,
    // npm run start:prod sets it itself; the development start runs without it, as `npm start` does.
    ...(mode === "compiled" ? PRODUCTION_ENV : {}),
    BOT_TOKEN: stub.token,
    BOT_API_ROOT: stub.apiRoot,
    SEEDS_DIR: o.seedsDir,
    INDEX_DIR: o.indexDir,
    LOG_LEVEL: "warn",
    BOT_MODE: "polling",
  };
  const [cmd, args]: [string, string[]] =
    mode === "compiled"
      ? [process.execPath, [...PRODUCTION_FLAGS, "dist/main.js"]]
      : mode === "npm"
        ? ["npm", ["run", "start:prod", "--silent"]]
        : [process.execPath, ["--import", "tsx", "src/main.ts"]];
  // Own process group, so stopping it stops npm, tsx and node together.
  return spawn(cmd, args, { cwd: o.cwd, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
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

/** A process's resident memory from /proc (MB): current and peak. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function coldStart(o: BotBenchOptions, mode: StartMode): Promise<{ ms: number; stub: BotApiStub; child: ChildProcess }> {
  const stub = await startBotApiStub();
  let stderr = "";
  const started = performance.now();
  const child = startBot(stub, o, mode);
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

/** Compiled start with a question already queued: spawn → its sendMessage at the stand-in. */
async function firstAnswer(o: BotBenchOptions, question: string): Promise<number> {
  const stub = await startBotApiStub();
  const userId = 99_999;
  stub.pushUpdate(textMessage({ from: userId, text: question }));
  const started = performance.now();
  const child = startBot(stub, o, "compiled");
  try {
    const call = await stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === userId, 30_000);
    if (!call.response?.ok) throw new Error(`the stand-in rejected the first answer: ${call.response?.description}`);
    return performance.now() - started;
  } finally {
    await stop(child);
    await stub.close();
  }
}

export async function benchBot(o: BotBenchOptions): Promise<BotBenchResult> {
  const coldStartMs: Record<StartMode, number[]> = { compiled: [], npm: [], tsx: [] };
  const firstAnswerMs: number[] = [];
  // Interleaved, so a burst of load on the machine does not fall on one mode only.
  for (let i = 0; i < o.coldRuns; i++) {
    for (const mode of ["compiled", "npm", "tsx"] as const) {
      if (mode === "compiled" && i === o.coldRuns - 1) continue;
      const run = await coldStart(o, mode);
      coldStartMs[mode].push(run.ms);
      await stop(run.child);
      await run.stub.close();
    }
    firstAnswerMs.push(await firstAnswer(o, o.questions[i % o.questions.length]!));
  }
  // The last compiled start stays up for the question run.
  const { ms, stub, child } = await coldStart(o, "compiled");
  coldStartMs.compiled.push(ms);
  const samples: number[] = [];
  let ready = { rss: NaN, peak: NaN };
  let serving = { rss: NaN, peak: NaN };
  try {
    await new Promise((r) => setTimeout(r, 1000));
    ready = memoryOf(child.pid!);
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
    serving = memoryOf(child.pid!);
  } finally {
    await stop(child);
    await stub.close();
  }
  return {
    coldStartMs,
    firstAnswerMs,
    rssReadyMb: ready.rss,
    rssServingMb: serving.rss,
    rssPeakMb: serving.peak,
    updateToReply: summarise(samples),
    questions: samples.length,
  };
}
