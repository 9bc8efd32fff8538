import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** The real entry point (src/main.ts, what `npm start` runs) as a child process. */
export interface MainProcess {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  /** stdout as pino's JSON lines. */
  lines: () => { msg?: string; level?: number; [key: string]: unknown }[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts src/main.ts with every variable it reads set explicitly (so a developer's .env or shell
 * cannot change the outcome): the real seeds, `indexDir`, polling, no token, no live-reload
 * timer; `env` overrides any of them.
 */
export function startMain(indexDir: string, env: Record<string, string> = {}): MainProcess {
  const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      BOT_TOKEN: "",
      BOT_API_ROOT: "",
      BOT_MODE: "polling",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      PORT: "",
      HEALTH_PORT: "",
      ALLOWED_CHATS: "",
      ADMIN_IDS: "",
      LOG_LEVEL: "info",
      SEEDS_DIR: DEFAULT_SEEDS_DIR,
      INDEX_DIR: indexDir,
      RELOAD_INTERVAL_SECONDS: "0",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines = () =>
    out
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg?: string; level?: number });
  return { proc, out: () => out, err: () => err, lines, exit };
}
