import type { EvalReport, Measures } from "./evaluate.js";

/** The per-kind table `npm run eval` prints (markdown, so it can go into the README as is). */
export function measuresTable(report: EvalReport): string {
  const f = (x: number | null) => (x === null ? "—" : x.toFixed(3));
  const row = (name: string, m: Measures) =>
    `| ${name} | ${m.questions} | ${f(m.hitAt1)} | ${f(m.recallAt5)} | ${f(m.mrr)} | ${f(m.excerptShowsAnswer)} | ${f(m.directAccuracy)} | ${f(m.directPrecision)} | ${m.negatives === 0 ? "—" : `${m.negativesOk}/${m.negatives}`} |`;
  return [
    "| kind | n | hit@1 | recall@5 | MRR | excerpt shows answer | direct accuracy | direct precision | not-in-corpus |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...Object.entries(report.byKind).map(([kind, m]) => row(kind, m)),
    row("**all**", report),
  ].join("\n");
}
