import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchBot, START_COMMANDS, type BotBenchResult } from "./bot.js";
import type { PeerFigures } from "./peers.js";
import { countPassages } from "./count.js";
import { questionMix, type BenchQuestion } from "./questions.js";
import type { Summary } from "./stats.js";
import { ensureCorpus, GENERATOR_VERSION, loadTemplates, type CorpusManifest } from "./synth.js";

/**
 * `npm run bench [-- --sizes seeds,1k,10k,100k] [--peers 10k] [--rounds N] [--no-bot] [--out FILE]`
 *
 * For each size: generate (or reuse) the synthetic corpus, build its index in a fresh process,
 * then load and query it in another fresh process (at the `--peers` sizes, also MiniSearch's
 * search, FlexSearch and Orama on the same tokens); on the seeds, run the bot against the local
 * Bot API stand-in. Prints the table and writes BENCHMARKS.md.
 */

const ROOT = resolve(import.meta.dirname, "..", "..");
const DATA = join(ROOT, "bench-data");

const SIZES: Record<string, number> = { seeds: 0, "1k": 1_000, "10k": 10_000, "100k": 100_000 };

interface BuildResult {
  buildMs: number;
  startupMs: number;
  firstBatchAtMs: number | null;
  passages: number;
  files: number;
  peakRssMb: number;
}

interface ServeResult {
  loadMs: number;
  startupMs: number;
  passages: number;
  rssAfterLoadMb: number;
  heapAfterLoadMb: number;
  peakAfterLoadMb: number;
  rssServingMb: number;
  peakServingMb: number;
  engine: Summary;
  /** The evaluation set's questions (as people word them), `wordedRounds` times after one untimed round. */
  worded: Summary;
  wordedQuestions: number;
  wordedRounds: number;
  /** Each question asked once, first thing after loading. */
  firstPass: Summary;
  segment: Summary;
  compact: Summary;
  peers: PeerFigures[];
  scan: Summary;
  kinds: Record<string, { engine: Summary; scan: Summary }>;
  withFilters: Summary;
  withoutFilters: Summary;
  meanHits: number;
  unanswered: string[];
}

interface SizeResult {
  size: string;
  build: BuildResult;
  indexBytes: number;
  corpusBytes: number;
  serve: ServeResult;
  cli?: { ms: number; answers: number; questions: number };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function runChild(args: string[], input?: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    if (input !== undefined) child.stdin!.end(input);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

async function measureChild<T>(mode: string, args: string[]): Promise<T> {
  const out = await runChild(["--expose-gc", "--import", "tsx", join(ROOT, "src/bench/child.ts"), mode, ...args]);
  const last = out.trim().split("\n").at(-1)!;
  return JSON.parse(last) as T;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** `npm run ask -- --jsonl` over the question mix: the CLI must handle the large corpus too. */
async function checkAskCli(seedsDir: string, indexDir: string, questions: BenchQuestion[]): Promise<SizeResult["cli"]> {
  const started = performance.now();
  const out = await runChild(
    ["--import", "tsx", join(ROOT, "src/cli.ts"), "ask", "--jsonl", "--index", indexDir, "--seeds", seedsDir],
    questions.map((q) => q.q).join("\n") + "\n",
  );
  const answers = out.trim().split("\n").filter((l) => l.startsWith("{")).length;
  return { ms: performance.now() - started, answers, questions: questions.length };
}

async function benchSize(size: string, rounds: number, cli: boolean, peers: boolean): Promise<{ result: SizeResult; manifest: CorpusManifest | null; seedsDir: string; indexDir: string; questions: BenchQuestion[] }> {
  const base = join(DATA, `v${GENERATOR_VERSION}`, size);
  let seedsDir = join(ROOT, "seeds");
  let manifest: CorpusManifest | null = null;
  if (size !== "seeds") {
    const t0 = performance.now();
    const corpus = ensureCorpus({
      seedsDir: join(ROOT, "seeds"),
      outDir: join(base, "corpus"),
      targetPassages: SIZES[size]!,
      countPassages,
      onProgress: process.stderr.isTTY ? (p, f) => process.stderr.write(`\r  generating ${f} files, ${p} passages`) : undefined,
    });
    if (!corpus.reused && process.stderr.isTTY) process.stderr.write("\n");
    log(`  corpus: ${corpus.manifest.files.length + corpus.manifest.seedFiles.length} files, ${corpus.manifest.passages} passages (${corpus.reused ? "reused" : `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`})`);
    seedsDir = corpus.seedsDir;
    manifest = corpus.manifest;
  }
  const indexDir = join(base, "index");
  mkdirSync(indexDir, { recursive: true });
  // On the seeds alone, places and years come from the seeds themselves.
  const seedFiles = () =>
    loadTemplates(seedsDir).map((t) => ({ name: t.source, layout: t.source, year: t.year, items: t.items }));
  const questions = questionMix(manifest ?? { files: seedFiles() });
  const questionsFile = join(base, "questions.json");
  writeFileSync(questionsFile, JSON.stringify(questions));

  log(`  building the index (fresh process)…`);
  const build = await measureChild<BuildResult>("build", ["--seeds", seedsDir, "--index", indexDir]);
  log(`  built ${build.passages} passages in ${(build.buildMs / 1000).toFixed(2)} s, peak RSS ${build.peakRssMb.toFixed(0)} MB`);
  log(`  loading and querying (fresh process)…`);
  const serve = await measureChild<ServeResult>("serve", [
    "--seeds", seedsDir, "--index", indexDir, "--questions", questionsFile, "--rounds", String(rounds),
    ...(peers ? ["--peers"] : []),
  ]);
  log(`  load ${serve.loadMs.toFixed(0)} ms, serving RSS ${serve.rssServingMb.toFixed(0)} MB, ask p50 ${serve.engine.p50.toFixed(2)} / p99 ${serve.engine.p99.toFixed(2)} ms, scan p50 ${serve.scan.p50.toFixed(2)} ms`);
  const result: SizeResult = { size, build, indexBytes: dirBytes(indexDir), corpusBytes: dirBytes(seedsDir), serve };
  if (cli) {
    result.cli = await checkAskCli(seedsDir, indexDir, questions);
    log(`  npm run ask -- --jsonl: ${result.cli!.answers}/${result.cli!.questions} answers in ${(result.cli!.ms / 1000).toFixed(2)} s`);
  }
  return { result, manifest, seedsDir, indexDir, questions };
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const secs = (x: number) => (x / 1000).toFixed(2);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : "—");

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map((h, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

interface Bound {
  what: string;
  limit: string;
  measured: string;
  ok: boolean | null;
}

function bounds(results: SizeResult[], bot: BotBenchResult | null, bot100k: BotBenchResult | null): Bound[] {
  const out: Bound[] = [];
  const big = results.find((r) => r.size === "100k");
  if (big) {
    const b = big.build;
    const s = big.serve;
    out.push({ what: "100k: build time", limit: "≤ 120 s", measured: `${secs(b.buildMs)} s`, ok: b.buildMs <= 120_000 });
    out.push({ what: "100k: peak memory while building", limit: "≤ 1.5 GB", measured: `${b.peakRssMb.toFixed(0)} MB`, ok: b.peakRssMb <= 1536 });
    out.push({ what: "100k: load ≤ build / 5", limit: `≤ ${secs(b.buildMs / 5)} s`, measured: `${secs(s.loadMs)} s (${(s.loadMs / b.buildMs).toFixed(3)} of build)`, ok: s.loadMs <= b.buildMs / 5 });
    if (bot100k) {
      out.push({
        what: "100k: serving RSS, compiled bot after the question run",
        limit: "≤ 300 MB",
        measured: `${bot100k.rssServingMb.toFixed(0)} MB (ready: ${bot100k.rssReadyMb.toFixed(0)} MB, peak ${bot100k.rssPeakMb.toFixed(0)} MB)`,
        ok: bot100k.rssServingMb <= 300,
      });
    }
    out.push({
      what: "100k: serving RSS of the bench's own process (tsx, from source, forced GC; not the bot)",
      limit: "—",
      measured: `${s.rssServingMb.toFixed(0)} MB (peak while loading: ${s.peakAfterLoadMb.toFixed(0)} MB)`,
      ok: null,
    });
    out.push({ what: "100k: p99 per question (full `ask`)", limit: "≤ 2 ms", measured: `${ms(s.engine.p99)} ms (p50 ${ms(s.engine.p50)} ms)`, ok: s.engine.p99 <= 2 });
    out.push({ what: "100k: index vs linear scan at p50", limit: "≥ 20×", measured: `${ratio(s.scan.p50, s.engine.p50)}×`, ok: s.scan.p50 / s.engine.p50 >= 20 });
  }
  if (bot) {
    out.push({ what: "seeds: update-to-reply p99", limit: "≤ 50 ms", measured: `${ms(bot.updateToReply.p99)} ms`, ok: bot.updateToReply.p99 <= 50 });
    const compiled = bot.coldStartMs.compiled;
    out.push({
      what: `seeds: start to ready, compiled (\`${START_COMMANDS.compiled}\`)`,
      limit: "≤ 0.5 s",
      measured: `${compiled.map(secs).join(" / ")} s`,
      ok: Math.max(...compiled) <= 500,
    });
    out.push({
      what: "seeds: serving RSS, compiled bot after the question run",
      limit: "≤ 120 MB",
      measured: `${bot.rssServingMb.toFixed(0)} MB (ready: ${bot.rssReadyMb.toFixed(0)} MB, peak ${bot.rssPeakMb.toFixed(0)} MB)`,
      ok: bot.rssServingMb <= 120,
    });
  }
  return out;
}

/** The rows both bot tables share: update → reply, and the compiled bot's RSS. */
function replyRow(b: BotBenchResult): string[] {
  const r = b.updateToReply;
  return [`update → reply sent, ${b.questions} questions`, `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms`];
}

function rssRow(b: BotBenchResult): string[] {
  return ["RSS of the compiled bot: ready / after the questions / peak", `${b.rssReadyMb.toFixed(0)} / ${b.rssServingMb.toFixed(0)} / ${b.rssPeakMb.toFixed(0)} MB`];
}

function report(results: SizeResult[], bot: BotBenchResult | null, bot100k: BotBenchResult | null, rounds: number, totalMs: number): string {
  const cpu = cpus();
  const lines: string[] = [];
  lines.push("# Benchmarks");
  lines.push("");
  lines.push("Generated by `npm run bench` — do not edit by hand; rerun to refresh.");
  lines.push("");
  lines.push(
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Linux ${release()}, Node ${process.version}. ` +
      `Run on ${new Date().toISOString().slice(0, 10)}, ${secs(totalMs)} s in all.`,
  );
  lines.push("");
  lines.push(
    `Corpora: the three seeds plus synthetic bulletins generated from them (generator v${GENERATOR_VERSION}, fixed seed; ` +
      "places, organisations, people and years varied, items and paragraphs shuffled and thinned). " +
      "Build and serve are each measured in a fresh process. Latencies are per question, inside one process after five warm-up rounds " +
      `(the first of them reported apart as the first pass), over a fixed mix of ${results[0]?.serve ? "48" : "—"} questions (10 topic only, 10 with a year, 10 with a place, 10 with both, 8 typed sentences) × ${rounds} rounds.`,
  );
  lines.push("");
  lines.push("## Index");
  lines.push("");
  lines.push(
    table(
      ["size", "files", "passages", "corpus MB", "build s", "passages/s", "peak build RSS MB", "index MB", "load s", "load ÷ build", "RSS serving MB", "module loading s"],
      results.map((r) => [
        r.size,
        String(r.build.files),
        String(r.build.passages),
        mb(r.corpusBytes),
        secs(r.build.buildMs),
        (r.build.passages / (r.build.buildMs / 1000)).toFixed(0),
        r.build.peakRssMb.toFixed(0),
        mb(r.indexBytes),
        secs(r.serve.loadMs),
        (r.serve.loadMs / r.build.buildMs).toFixed(3),
        `${r.serve.rssServingMb.toFixed(0)} (load peak ${r.serve.peakAfterLoadMb.toFixed(0)})`,
        secs(r.serve.startupMs),
      ]),
    ),
  );
  lines.push("");
  lines.push(
    "Build and load are timed around `Engine.open` (rebuild / saved index) in a fresh process; the build includes reading, " +
      "parsing, indexing and writing the index. Peak build RSS is the build process's maxRSS. RSS serving is measured after a " +
      "forced GC once the question runs are done; the load peak is the process's maxRSS right after loading (JSON parsing is " +
      "transient). Load includes jieba loading the index's trimmed dictionary (the full one only when building); process start-up " +
      "(loading the modules) is apart. These processes run from source under tsx with the benchmark's peers loaded, so their RSS " +
      "is not the bot's: the bot's own (compiled) is in the Bot section.",
  );
  lines.push("");
  lines.push("## Per-question latency (ms)");
  lines.push("");
  lines.push(
    table(
      ["size", "engine p50", "p95", "p99", "first pass p50 / p99 / max", "linear scan p50", "p95", "p99", "scan ÷ engine (p50)", "segment only p50 / p99", "index scoring only p50 / p99"],
      results.map((r) => {
        const s = r.serve;
        return [
          r.size,
          ms(s.engine.p50), ms(s.engine.p95), ms(s.engine.p99),
          `${ms(s.firstPass.p50)} / ${ms(s.firstPass.p99)} / ${ms(s.firstPass.max)}`,
          ms(s.scan.p50), ms(s.scan.p95), ms(s.scan.p99),
          `${ratio(s.scan.p50, s.engine.p50)}×`,
          `${ms(s.segment.p50)} / ${ms(s.segment.p99)}`,
          `${ms(s.compact.p50)} / ${ms(s.compact.p99)}`,
        ];
      }),
    ),
  );
  lines.push("");
  lines.push("With and without filters (engine p50 / p99, linear scan p50, ms):");
  lines.push("");
  const kinds = ["topic", "year", "place", "place+year", "sentence"];
  lines.push(
    table(
      ["size", ...kinds.map((k) => (k === "topic" ? "no filter" : k === "sentence" ? "typed sentence" : k))],
      results.map((r) => [
        r.size,
        ...kinds.map((k) => {
          const x = r.serve.kinds[k];
          return x ? `${ms(x.engine.p50)} / ${ms(x.engine.p99)} (scan ${ms(x.scan.p50)})` : "—";
        }),
      ]),
    ),
  );
  lines.push("");
  const wordedRounds = results[0]?.serve.wordedRounds ?? 0;
  lines.push(
    `The evaluation set's questions as people word them (full \`ask\`, ms; each asked once untimed, then ${wordedRounds} times). ` +
      "The mix above is mostly short topics; these are long sentences, paraphrases and comparisons, run on each corpus as they are.",
  );
  lines.push("");
  lines.push(
    table(
      ["size", "questions", "p50", "p95", "p99", "max"],
      results.map((r) => [r.size, String(r.serve.wordedQuestions), ms(r.serve.worded.p50), ms(r.serve.worded.p95), ms(r.serve.worded.p99), ms(r.serve.worded.max)]),
    ),
  );
  lines.push("");
  lines.push(
    "`segment only` is `segmentQuery` on the normalised question. `index scoring only` is the engine's own index " +
      "(CompactIndex, BM25 over packed posting arrays, pruned) scoring those terms, OR, no filter. The difference between `engine` and the floor is query understanding (years, places, 繁→简, sub-terms), " +
      "ranking (coverage, phrases, de-duplication), filters, excerpts and the answer object.",
  );
  const withPeers = results.filter((r) => r.serve.peers.length > 0);
  if (withPeers.length > 0) {
    lines.push("");
    lines.push("## Peers (same process, same jieba tokens and questions)");
    lines.push("");
    lines.push(
      table(
        ["size", "search", "p50 ms", "p99 ms", "÷ our index scoring (p50)", "overlap@10 with ours", "build s"],
        withPeers.flatMap((r) => [
          [r.size, "our index scoring", ms(r.serve.compact.p50), ms(r.serve.compact.p99), "1×", "1.00", "—"],
          ...r.serve.peers.map((p) => [
            r.size, p.name, ms(p.latency.p50), ms(p.latency.p99), `${ratio(p.latency.p50, r.serve.compact.p50)}×`, p.overlap.toFixed(2), secs(p.buildMs),
          ]),
        ]),
      ),
    );
    lines.push("");
    lines.push(
      "Every peer gets each passage's jieba tokens (from our postings), space-separated, and a tokenizer that splits on spaces; " +
        "questions are the same `segmentQuery` terms, OR-combined, top 10, no filter. `MiniSearch search` runs on exactly our " +
        "postings (revived into MiniSearch) with our field boosts, so its overlap checks our scoring; FlexSearch indexes the four " +
        "fields as one text (it has no per-field BM25) with `suggest` for OR; Orama gets the fields and boosts, `threshold: 1` for OR. " +
        "Our ranking for overlap is BM25 × terms matched over every passage; the engine adds coverage, phrases and filters on top. " +
        "`build` is the peer's own indexing time.",
    );
  }
  const unanswered = results.filter((r) => r.serve.unanswered.length > 0);
  if (unanswered.length > 0) {
    lines.push("");
    lines.push(`Questions without hits: ${unanswered.map((r) => `${r.size}: ${r.serve.unanswered.join("、")}`).join("; ")}.`);
  }
  const cli = results.filter((r) => r.cli);
  if (cli.length > 0) {
    lines.push("");
    lines.push(
      `CLI: ${cli.map((r) => `\`npm run ask -- --jsonl\` on ${r.size}: ${r.cli!.answers}/${r.cli!.questions} answers in ${secs(r.cli!.ms)} s (process start, index load and all questions)`).join("; ")}.`,
    );
  }
  if (bot) {
    lines.push("");
    lines.push("## Bot (seeds, local Bot API stand-in)");
    lines.push("");
    lines.push(
      table(
        ["measure", "value"],
        [
          replyRow(bot),
          ...(["compiled", "npm", "tsx"] as const).map((mode) => [
            `cold start \`${START_COMMANDS[mode]}\` → first getUpdates`,
            bot.coldStartMs[mode].map((x) => `${secs(x)} s`).join(", "),
          ]),
          [
            `cold start \`${START_COMMANDS.compiled}\` → answer to a question waiting at the stand-in`,
            bot.firstAnswerMs.map((x) => `${secs(x)} s`).join(", "),
          ],
          rssRow(bot),
        ],
      ),
    );
    lines.push("");
    lines.push(
      "Update → reply: the update is queued at the stand-in, the bot (a real compiled process, started as in production) receives it by long polling, " +
        "answers, and the time stops when its sendMessage arrives at the stand-in. One question at a time, each from a new user. " +
        "Cold start: from spawning the process (index already built and fresh) to its first getUpdates. RSS is the bot process's " +
        "own (/proc VmRSS; the npm wrapper, when used, is a second process of its own).",
    );
  }
  if (bot100k) {
    lines.push("");
    lines.push("## Bot at 100k (the 100k index, local Bot API stand-in)");
    lines.push("");
    lines.push(
      table(
        ["measure", "value"],
        [
          replyRow(bot100k),
          [`cold start \`${START_COMMANDS.compiled}\` → first getUpdates`, bot100k.coldStartMs.compiled.map((x) => `${secs(x)} s`).join(", ")],
          rssRow(bot100k),
        ],
      ),
    );
    lines.push("");
    lines.push(
      "The same compiled bot, started as in production on the 100k corpus's saved index, answering the 48 bench questions in turn " +
        "(no forced GC: what an operator's container would show).",
    );
  }
  const b = bounds(results, bot, bot100k);
  if (b.length > 0) {
    lines.push("");
    lines.push("## Bounds");
    lines.push("");
    lines.push(table(["bound", "limit", "measured", "met"], b.map((x) => [x.what, x.limit, x.measured, x.ok === null ? "—" : x.ok ? "yes" : "**no**"])));
  }
  lines.push("");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "seeds,1k,10k,100k" },
      rounds: { type: "string", default: "10" },
      "no-bot": { type: "boolean", default: false },
      peers: { type: "string", default: "seeds,1k,10k" },
      out: { type: "string", default: join(ROOT, "BENCHMARKS.md") },
    },
  });
  const sizes = values.sizes.split(",").map((s) => s.trim()).filter(Boolean);
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s} (use ${Object.keys(SIZES).join(", ")})`);
  const rounds = Number(values.rounds);
  const started = performance.now();
  const results: SizeResult[] = [];
  let bot: BotBenchResult | null = null;
  let bot100k: BotBenchResult | null = null;
  // The bot runs compiled (npm run build), built once for both sizes it is measured at.
  let compiling: Promise<unknown> | null = null;
  const compile = () => (compiling ??= runChild([join(ROOT, "src/build.mjs")]));
  const largest = sizes[sizes.length - 1];
  for (const size of sizes) {
    log(`\n[${size}]`);
    const peers = values.peers.split(",").map((s) => s.trim()).includes(size);
    const { result, seedsDir, indexDir, questions } = await benchSize(size, rounds, size === largest && size !== "seeds", peers);
    results.push(result);
    if (size === "seeds" && !values["no-bot"]) {
      log("  bot: compiling (npm run build), then cold starts and 200 questions against the Bot API stand-in…");
      await compile();
      bot = await benchBot({ cwd: ROOT, seedsDir, indexDir, questions: questions.map((q) => q.q), count: 200, coldRuns: 3 });
      log(`  update→reply p50 ${ms(bot.updateToReply.p50)} / p99 ${ms(bot.updateToReply.p99)} ms; compiled start ${bot.coldStartMs.compiled.map(secs).join(", ")} s, RSS ${bot.rssServingMb.toFixed(0)} MB`);
    }
    if (size === "100k" && !values["no-bot"]) {
      log("  bot at 100k: a compiled start on the 100k index and 200 questions against the Bot API stand-in…");
      await compile();
      bot100k = await benchBot({ cwd: ROOT, seedsDir, indexDir, questions: questions.map((q) => q.q), count: 200, coldRuns: 0 });
      log(`  update→reply p50 ${ms(bot100k.updateToReply.p50)} / p99 ${ms(bot100k.updateToReply.p99)} ms; RSS ${bot100k.rssServingMb.toFixed(0)} MB`);
    }
  }
  const text = report(results, bot, bot100k, rounds, performance.now() - started);
  process.stdout.write(`\n${text}`);
  writeFileSync(values.out, text);
  writeFileSync(join(DATA, "last-run.json"), JSON.stringify({ results, bot, bot100k }, null, 2));
  log(`\nwrote ${values.out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
