import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { BenchQuestion } from "./questions.js";
import { summarise, timeEach, type Summary } from "./stats.js";

// Everything that pulls in the engine is imported in main(), timed: module loading is a
// per-process cost, reported apart from build and load (jieba's dictionary loads on first use,
// inside them).
let Engine: typeof import("../engine.js").Engine;
let normaliseQuestion: typeof import("../text/normalise.js").normaliseQuestion;
let segmentQuery: typeof import("../text/segment.js").segmentQuery;
let linearScan: typeof import("./scan.js").linearScan;
let store: typeof import("../search/store.js");
let FIELD_BOOSTS: typeof import("../search/passage-index.js").FIELD_BOOSTS;
let startupMs = 0;

async function importEngine(): Promise<void> {
  const started = performance.now();
  ({ Engine } = await import("../engine.js"));
  ({ FIELD_BOOSTS } = await import("../search/passage-index.js"));
  store = await import("../search/store.js");
  ({ normaliseQuestion } = await import("../text/normalise.js"));
  ({ segmentQuery } = await import("../text/segment.js"));
  ({ linearScan } = await import("./scan.js"));
  startupMs = performance.now() - started;
}

/**
 * One measurement in a fresh process, so a number is never polluted by what ran before it:
 *   build  — Engine.open with rebuild; reports build time and the process's peak RSS.
 *   serve  — Engine.open on the saved index; reports load time, serving RSS, and latencies of
 *            the engine, the cost floor (segmentation alone, MiniSearch search alone) and the
 *            linear-scan baseline over the same questions.
 * The last line on stdout is the JSON result; progress goes to stderr.
 */

const MB = 1024 * 1024;
/** Timed rounds over the evaluation set's questions (after one untimed). */
const WORDED_ROUNDS = 3;
/** Rounds over the questions before latency is sampled: at 100k the JIT is still optimising through the second. */
const WARMUP_ROUNDS = 5;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** Peak resident set size of this process so far, in MB (Linux reports KB). */
function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = performance.now();
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < 200) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const secs = ((now - started) / 1000).toFixed(1);
    process.stderr.write(`\r  indexing [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} passages, ${secs}s`);
    if (done === total) process.stderr.write("\n");
  };
}

async function build(seedsDir: string, indexDir: string): Promise<object> {
  const started = performance.now();
  let firstProgress: number | null = null;
  const bar = progressBar();
  const engine = await Engine.open({
    seedsDir,
    indexDir,
    rebuild: true,
    onWarning: (m) => process.stderr.write(`${m}\n`),
    onProgress: (done, total) => {
      firstProgress ??= performance.now();
      bar?.(done, total);
    },
  });
  const buildMs = performance.now() - started;
  const info = engine.info();
  return {
    buildMs,
    startupMs,
    // Reading + parsing ends roughly where indexing starts (the first progress call comes after one batch).
    firstBatchAtMs: firstProgress === null ? null : firstProgress - started,
    passages: info.passages,
    files: info.files,
    peakRssMb: maxRssMb(),
  };
}

interface ServeOptions {
  seedsDir: string;
  indexDir: string;
  questions: BenchQuestion[];
  rounds: number;
  scanBudgetMs: number;
  /** Also measure the peers (MiniSearch search, FlexSearch, Orama). */
  peers: boolean;
}

async function serve(o: ServeOptions): Promise<object> {
  const started = performance.now();
  const engine = await Engine.open({ seedsDir: o.seedsDir, indexDir: o.indexDir });
  const loadMs = performance.now() - started;
  if (engine.openedFrom.kind !== "loaded") throw new Error(`expected a saved index, engine was ${engine.openedFrom.kind}`);
  const peakAfterLoadMb = maxRssMb();
  gc();
  const rssAfterLoadMb = process.memoryUsage().rss / MB;
  const heapAfterLoadMb = process.memoryUsage().heapUsed / MB;

  const qs = o.questions.map((q) => q.q);
  const byKind = new Map<string, number[]>();
  // The first time each question is asked after loading (the JIT has compiled nothing yet, and
  // lazily built tables are built), apart from the steady state after five rounds in all.
  const firstPass = timeEach(o.questions, (q) => engine.ask(q.q, { limit: 5 }), 1, 0);
  const ask = timeEach(o.questions, (q) => engine.ask(q.q, { limit: 5 }), o.rounds, WARMUP_ROUNDS - 1);
  o.questions.forEach((q, i) => {
    const samples = byKind.get(q.kind) ?? [];
    for (let r = i; r < ask.length; r += o.questions.length) samples.push(ask[r]!);
    byKind.set(q.kind, samples);
  });
  const hitsPerQuestion = o.questions.map((q) => engine.ask(q.q, { limit: 5 }).hits.length);
  // The evaluation set's questions, worded as people word them (long sentences, paraphrases,
  // comparisons): the mix above is short topics, so its tail is not theirs.
  const { EVAL_SET_FILE } = await import("../paths.js");
  const worded = (JSON.parse(readFileSync(EVAL_SET_FILE, "utf8")) as { q: string }[]).map((q) => q.q);
  const wordedAsk = timeEach(worded, (q) => engine.ask(q, { limit: 5 }), WORDED_ROUNDS, 1);
  gc();
  const rssServingMb = process.memoryUsage().rss / MB;
  const peakServingMb = maxRssMb();

  // Cost floor and baseline. These load a second copy of the index and the passages, so they
  // run after every memory figure above is taken.
  const segment = timeEach(qs, (q) => segmentQuery(normaliseQuestion(q)), o.rounds, 2);
  // A second copy of the saved index: our own scoring alone, then MiniSearch's search alone on
  // the same postings (revived into MiniSearch from the packed arrays).
  const read = await store.readManifest(o.indexDir);
  if (read.kind !== "ok") throw new Error("the index just built has no valid manifest");
  const stored = await store.loadStored(o.indexDir, read.manifest);
  if (!stored.ok) throw new Error(stored.reason);
  const terms = qs.map((q) => segmentQuery(normaliseQuestion(q)));
  const scoreTerms = terms.map((t) => t.map((term) => ({ term, boost: 1 })));
  const compact = timeEach(scoreTerms, (t) => stored.index.score(t, { fieldBoosts: FIELD_BOOSTS, prune: true }), o.rounds, 2);
  let peers: unknown[] = [];
  if (o.peers) {
    // Our ranking for overlap@10: BM25 × terms matched (MiniSearch's), every passage scored.
    const reference = scoreTerms.map((t) => {
      const acc = stored.index.score(t, { fieldBoosts: FIELD_BOOSTS });
      const ranked = Array.from(acc.docs, (doc, i) => {
        let matched = 0;
        for (let w = 0; w < acc.words; w++) for (let m = acc.masks[i * acc.words + w]!; m !== 0; m &= m - 1) matched++;
        return { id: stored.corpus.passages[doc]!.id, score: acc.scores[i]! * matched };
      });
      return ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, 10).map((r) => r.id);
    });
    const { decodePostings } = await import("../search/postings-file.js");
    const { measurePeers } = await import("./peers.js");
    const postings = decodePostings(readFileSync(join(o.indexDir, "postings.bin")), stored.corpus.passages.length, read.manifest.buildId)!;
    process.stderr.write("  peers: MiniSearch search, FlexSearch, Orama…\n");
    peers = await measurePeers({ postings, passages: stored.corpus.passages, queries: terms, reference, rounds: o.rounds });
  }
  const corpus = stored.corpus;
  const texts = corpus.passages.map((p) => p.text);
  const scanRounds = Math.max(1, Math.min(o.rounds, 3));
  const scan = timeEach(qs, (q) => linearScan(texts, q, 5), scanRounds, 1, o.scanBudgetMs);
  // The scan over the same questions, kind by kind (for the with/without filter split).
  const scanByKind = new Map<string, number[]>();
  scan.forEach((ms, i) => {
    const kind = o.questions[i % o.questions.length]!.kind;
    scanByKind.set(kind, [...(scanByKind.get(kind) ?? []), ms]);
  });

  const kinds: Record<string, { engine: Summary; scan: Summary }> = {};
  for (const [kind, samples] of byKind) kinds[kind] = { engine: summarise(samples), scan: summarise(scanByKind.get(kind) ?? []) };
  return {
    loadMs,
    startupMs,
    passages: engine.info().passages,
    rssAfterLoadMb,
    heapAfterLoadMb,
    peakAfterLoadMb,
    rssServingMb,
    peakServingMb,
    engine: summarise(ask),
    worded: summarise(wordedAsk),
    wordedQuestions: worded.length,
    wordedRounds: WORDED_ROUNDS,
    firstPass: summarise(firstPass),
    segment: summarise(segment),
    peers,
    compact: summarise(compact),
    scan: summarise(scan),
    kinds,
    withFilters: summarise(o.questions.flatMap((q, i) => (q.kind === "topic" ? [] : ask.filter((_, j) => j % qs.length === i)))),
    withoutFilters: summarise(o.questions.flatMap((q, i) => (q.kind !== "topic" ? [] : ask.filter((_, j) => j % qs.length === i)))),
    meanHits: hitsPerQuestion.reduce((s, x) => s + x, 0) / hitsPerQuestion.length,
    unanswered: o.questions.filter((_, i) => hitsPerQuestion[i] === 0).map((q) => q.q),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seeds: { type: "string" },
      index: { type: "string" },
      questions: { type: "string" },
      rounds: { type: "string" },
      "scan-budget-ms": { type: "string" },
      peers: { type: "boolean", default: false },
    },
  });
  const mode = positionals[0];
  await importEngine();
  const seedsDir = values.seeds!;
  const indexDir = values.index!;
  let result: object;
  if (mode === "build") result = await build(seedsDir, indexDir);
  else if (mode === "serve") {
    result = await serve({
      seedsDir,
      indexDir,
      questions: JSON.parse(readFileSync(values.questions!, "utf8")) as BenchQuestion[],
      rounds: Number(values.rounds ?? 10),
      scanBudgetMs: Number(values["scan-budget-ms"] ?? 20_000),
      peers: values.peers === true,
    });
  } else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
