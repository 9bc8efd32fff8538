import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { bulletinTitles } from "./answer/citation.js";
import { ANSI, PLAIN, renderTerminal } from "./answer/terminal.js";
import { printableName } from "./corpus/read.js";
import { Engine } from "./engine.js";
import { EvalSet, evaluate, RECALL_DEPTH } from "./eval/evaluate.js";
import { measuresTable } from "./eval/table.js";
import { boundedLines, boundQuestion } from "./ops/question.js";
import { DEFAULT_INDEX_DIR, DEFAULT_SEEDS_DIR, EVAL_SET_FILE } from "./paths.js";

/**
 * Command line: `index`, `ask`, `eval`. Errors are one line on stderr and exit 1, never a
 * stack trace.
 */

const USAGE = `用法：
  npm run index -- [--seeds DIR] [--out DIR]
  npm run ask -- [--json] [--limit N] [--index DIR] [--seeds DIR] "问题"
  npm run ask -- --jsonl [--limit N] [--index DIR] [--seeds DIR] < 问题.txt
  npm run eval -- [--index DIR] [--seeds DIR] [--questions FILE]`;

class UsageError extends Error {}

function progress(enabled: boolean) {
  if (!enabled) return undefined;
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    process.stderr.write(`\r建立索引 ${done}/${total} 段（${Math.floor((done / total) * 100)}%）${done === total ? "\n" : ""}`);
  };
}

async function openEngine(values: { seeds?: string; index?: string; out?: string }, rebuild = false): Promise<Engine> {
  return Engine.open({
    seedsDir: values.seeds ? resolve(values.seeds) : DEFAULT_SEEDS_DIR,
    indexDir: values.out ? resolve(values.out) : values.index ? resolve(values.index) : DEFAULT_INDEX_DIR,
    onProgress: progress(process.stderr.isTTY === true),
    rebuild,
  });
}

function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new Error(`--limit 必须是 1–50 之间的整数（当前：${text}）`);
  return limit;
}

async function runIndex(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seeds: { type: "string" }, out: { type: "string" } } });
  const started = performance.now();
  const engine = await openEngine(values, true);
  const info = engine.info();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`已建立索引：${info.files} 份简报，${info.passages} 段，用时 ${seconds} 秒。`);
  for (const skip of engine.skipped()) console.log(`  已跳过 ${printableName(skip.name)}：${skip.reason}`);
}

async function runAsk(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      jsonl: { type: "boolean" },
      limit: { type: "string" },
      index: { type: "string" },
      seeds: { type: "string" },
    },
  });
  const limit = parseLimit(values.limit);
  const engine = await openEngine(values);
  if (values.jsonl) {
    // Exactly one Answer per input line, blank lines included (they get the engine's notice),
    // so output line N always answers input line N. The index is loaded once.
    for await (const line of boundedLines(process.stdin)) {
      process.stdout.write(`${JSON.stringify(engine.ask(boundQuestion(line), { limit }))}\n`);
    }
    return;
  }
  const question = boundQuestion(positionals.join(" "));
  if (values.json) {
    console.log(JSON.stringify(engine.ask(question, { limit }), null, 2));
    return;
  }
  const titles = bulletinTitles(engine.sources());
  console.log(renderTerminal(engine.ask(question, { limit: limit ?? 3 }), process.stdout.isTTY ? ANSI : PLAIN, { titles }));
}

async function runEval(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { index: { type: "string" }, seeds: { type: "string" }, questions: { type: "string" } },
  });
  const file = values.questions ? resolve(values.questions) : EVAL_SET_FILE;
  const questions = EvalSet.parse(JSON.parse(await readFile(file, "utf8")));
  const engine = await openEngine(values);
  const report = evaluate(questions, (q) => engine.ask(q, { limit: RECALL_DEPTH }));
  console.log(`评测集：${report.total} 题（${report.answerable} 题有答案段落，${report.directQuestions} 题有直接答案，${report.negatives} 题应给出提示）`);
  console.log(measuresTable(report));
  if (report.misses.length === 0) {
    console.log("没有未答对的题。");
    return;
  }
  console.log(`未答对（${report.misses.length}）：`);
  for (const miss of report.misses) {
    const top = miss.answer.hits[0];
    const got = top ? `${top.org ?? "?"} ${top.source}#${top.paragraph} ${top.text.slice(0, 40)}…` : `无结果；提示：${miss.answer.notice ?? "无"}`;
    const want = miss.question.expect.map((e) => e.contains).join(" / ") || (miss.question.answer ? `答案含 ${miss.question.answer.join("、")}` : `提示含 ${miss.question.notice?.join("、") || "任意提示"}`);
    const direct = miss.question.answer ? `\n      直接答案：${miss.answer.direct ? miss.answer.direct.text.replace(/\n/g, " / ").slice(0, 80) : "无"}（应含 ${miss.question.answer.join("、")}）` : "";
    console.log(`  [${miss.question.kind}] ${miss.question.q}\n      排名：${miss.rank ?? "—"}  期望：${want}\n      第一条：${got}${direct}`);
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { index: runIndex, ask: runAsk, eval: runEval };

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(USAGE);
  await run(args);
}

// `npm run ask … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof UsageError ? "" : "错误："}${message}\n`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
