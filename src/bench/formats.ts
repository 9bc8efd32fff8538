import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readCorpus } from "../corpus/read.js";
import { Engine } from "../engine.js";

/**
 * `npm run bench:formats` — how long the three seed bulletins take to read and to index in each
 * format (the fixtures in test/fixtures/formats, the .txt seeds for comparison). Reading is the
 * median of 5 runs of `readCorpus` (extract + parse); the build is `Engine.open` with a rebuild,
 * measured after one warm-up build so that loading jieba's dictionary is not counted.
 */

const ROOT = resolve(import.meta.dirname, "..", "..");
const BASES = ["000_d8c112c12d809796", "002_0fe32b2dc6c3665a", "004_f5dc9353ca6598d8"];
const FORMATS = ["txt", "docx", "doc", "pdf", "html", "md"];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "jianbao-bench-formats-"));
  try {
    const rows: string[] = [];
    let warmed = false;
    for (const format of FORMATS) {
      const seeds = join(work, format, "seeds");
      await mkdir(seeds, { recursive: true });
      for (const base of BASES) {
        const from = format === "txt" ? join(ROOT, "seeds", `${base}.txt`) : join(ROOT, "test/fixtures/formats", `${base}.${format}`);
        await copyFile(from, join(seeds, `${base}.${format}`));
      }
      const open = () => Engine.open({ seedsDir: seeds, indexDir: join(work, format, "index"), rebuild: true, onWarning: () => {} });
      if (!warmed) {
        await open();
        warmed = true;
      }
      const reads: number[] = [];
      let passages = 0;
      for (let round = 0; round < 5; round++) {
        const started = performance.now();
        const corpus = await readCorpus(seeds, () => {});
        reads.push(performance.now() - started);
        passages = corpus.bulletins.reduce((sum, b) => sum + b.passages.length, 0);
      }
      const started = performance.now();
      await open();
      const build = performance.now() - started;
      rows.push(`| .${format} | ${passages} | ${median(reads).toFixed(0)} ms | ${build.toFixed(0)} ms |`);
    }
    process.stdout.write(`| format | passages | read + parse (median of 5) | index build |\n| --- | ---: | ---: | ---: |\n${rows.join("\n")}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
