import { stat } from "node:fs/promises";
import { join } from "node:path";
import { seedsFingerprint } from "../corpus/read.js";
import { Engine, type AskOptions, type IndexInfo } from "../engine.js";
import { boundQuestion } from "./question.js";

/**
 * The engine a long-running process serves: the bot asks it exactly what it asks an Engine,
 * and it answers from the current index while a new one is built in the background.
 *
 * It notices on its own when the seeds folder changes (a file added, changed, removed) or when
 * another process (`npm run index`) writes a new index, by checking every `intervalMs`; a
 * feature that saves a file itself (an admin upload) calls `reload()` and awaits the outcome.
 * A rebuild that fails keeps the old index and reports why; the swap is a single assignment,
 * so no question ever sees half of one index and half of another.
 */

export interface LiveEngineOptions {
  seedsDir: string;
  indexDir: string;
  /** How often to look for changes; 0 turns the check off (reload() still works). Default 60 s. */
  intervalMs?: number;
  /** One line per event worth an operator's attention (skipped files, damage, swaps, failures). */
  onEvent?: (event: LiveEngineEvent) => void;
}

export type LiveEngineEvent =
  | { kind: "warning"; message: string }
  | { kind: "reloading"; reason: string }
  | { kind: "swapped"; info: IndexInfo; builtFresh: boolean; ms: number }
  | { kind: "reload-failed"; error: string };

/** What one reload() did. */
export type ReloadOutcome =
  | { kind: "unchanged"; info: IndexInfo }
  | { kind: "swapped"; info: IndexInfo }
  | { kind: "failed"; error: string; info: IndexInfo };

export interface LiveEngineStatus {
  info: IndexInfo;
  /** A rebuild is running in the background. */
  reloading: boolean;
  /** Why the last reload failed, until one succeeds. */
  lastError: string | null;
}

const DEFAULT_INTERVAL_MS = 60_000;

export class LiveEngine {
  private engine: Engine;
  private fingerprint: string;
  private running: Promise<ReloadOutcome> | null = null;
  /** A reload asked for while one runs: it runs once more afterwards, so no change is missed. */
  private again = false;
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly options: LiveEngineOptions,
    engine: Engine,
    fingerprint: string,
  ) {
    this.engine = engine;
    this.fingerprint = fingerprint;
  }

  /** Opens the index (building it when missing, stale or damaged) and starts watching for changes. */
  static async open(options: LiveEngineOptions): Promise<LiveEngine> {
    const fingerprint = await fingerprintOf(options);
    const engine = await Engine.open({ seedsDir: options.seedsDir, indexDir: options.indexDir, onWarning: warnTo(options) });
    const live = new LiveEngine(options, engine, fingerprint);
    live.watch();
    return live;
  }

  // The methods the bot calls (EngineLike), answered by the engine current at the call.
  ask(question: string, options?: AskOptions): ReturnType<Engine["ask"]> {
    return this.engine.ask(boundQuestion(question), options);
  }
  passage(id: string): ReturnType<Engine["passage"]> {
    return this.engine.passage(id);
  }
  context(id: string, radius?: number): ReturnType<Engine["context"]> {
    return this.engine.context(id, radius);
  }
  sources(): ReturnType<Engine["sources"]> {
    return this.engine.sources();
  }
  info(): IndexInfo {
    return this.engine.info();
  }
  examples(): string[] {
    return this.engine.examples();
  }
  skipped(): ReturnType<Engine["skipped"]> {
    return this.engine.skipped();
  }

  /** The engine serving right now (for callers that need more than the bot's methods). */
  get current(): Engine {
    return this.engine;
  }

  status(): LiveEngineStatus {
    return { info: this.engine.info(), reloading: this.running !== null, lastError: this.lastError };
  }

  /**
   * Brings the served index up to date with the seeds folder and the index folder: loads an
   * index another process built, or rebuilds in the background, then swaps. Concurrent calls
   * share one run (plus one more if a call came in during it). Never rejects.
   */
  reload(reason = "要求重新载入"): Promise<ReloadOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runReload(reason).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.reload("载入期间又有变化");
      }
    });
    return this.running;
  }

  /** Stops watching; an in-flight rebuild is simply abandoned with the process. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async runReload(reason: string): Promise<ReloadOutcome> {
    const started = performance.now();
    this.options.onEvent?.({ kind: "reloading", reason });
    // The seeds as they were before reading, so a change made during the rebuild is seen by
    // the next check; the index as this reload left it, so its own write is not a change.
    const seeds = await seedsFingerprint(this.options.seedsDir);
    try {
      const next = await Engine.open({ seedsDir: this.options.seedsDir, indexDir: this.options.indexDir, onWarning: warnTo(this.options) });
      this.fingerprint = `${await manifestFingerprint(this.options.indexDir)}\n${seeds}`;
      this.lastError = null;
      if (next.buildId() === this.engine.buildId()) return { kind: "unchanged", info: this.engine.info() };
      this.engine = next;
      const info = next.info();
      this.options.onEvent?.({
        kind: "swapped",
        info,
        builtFresh: next.openedFrom.kind === "built",
        ms: Math.round(performance.now() - started),
      });
      return { kind: "swapped", info };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Tried on this state of the folders: the next try (and log line) waits for a change.
      this.fingerprint = `${await manifestFingerprint(this.options.indexDir)}\n${seeds}`;
      this.lastError = message;
      this.options.onEvent?.({ kind: "reload-failed", error: message });
      return { kind: "failed", error: message, info: this.engine.info() };
    }
  }

  private watch(): void {
    const interval = this.options.intervalMs ?? DEFAULT_INTERVAL_MS;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.check(), interval);
    // Watching must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  /** One look for changes: a cheap fingerprint first; reload only when it moved. */
  private async check(): Promise<void> {
    if (this.running) return;
    const now = await fingerprintOf(this.options).catch(() => this.fingerprint);
    if (now !== this.fingerprint) await this.reload("简报目录或索引有变化");
  }
}

function warnTo(options: LiveEngineOptions): (message: string) => void {
  return (message) => options.onEvent?.({ kind: "warning", message });
}

/** The seeds folder's fingerprint plus the saved manifest's, so an index written by `npm run index` is noticed too. */
async function fingerprintOf(options: Pick<LiveEngineOptions, "seedsDir" | "indexDir">): Promise<string> {
  return `${await manifestFingerprint(options.indexDir)}\n${await seedsFingerprint(options.seedsDir)}`;
}

async function manifestFingerprint(indexDir: string): Promise<string> {
  const manifest = await stat(join(indexDir, "manifest.json")).catch(() => null);
  return manifest ? `${manifest.size}:${manifest.mtimeMs}:${manifest.ino}` : "-";
}
