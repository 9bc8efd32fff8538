import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.js";
import { EvalSet, evaluate, RECALL_DEPTH, type EvalReport } from "../../src/eval/evaluate.js";
import { EVAL_SET_FILE } from "../../src/paths.js";
import { openSeedEngine } from "../support/seeds.js";

const questions = EvalSet.parse(JSON.parse(readFileSync(EVAL_SET_FILE, "utf8")));

describe("the evaluation set", () => {
  let engine: Engine;
  let report: EvalReport;
  beforeAll(async () => {
    engine = await openSeedEngine();
    report = evaluate(questions, (q) => engine.ask(q, { limit: RECALL_DEPTH }));
  });

  it("covers what a union cadre types on a phone", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(questions.map((q) => q.kind));
    for (const kind of ["place-year-topic", "figure", "sentence", "short-form", "traditional", "year-form", "author", "no-place-in-paragraph", "missing-year", "missing-place"]) {
      expect(kinds).toContain(kind);
    }
  });

  it("reaches hit@1 ≥ 0.90 and recall@5 ≥ 0.98", () => {
    const misses = report.misses.map((m) => `${m.question.q} → rank ${m.rank ?? "-"}`);
    expect(report.hitAt1, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(report.recallAt5, misses.join("\n")).toBeGreaterThanOrEqual(0.98);
  });

  it("answers every question about a year or place the corpus lacks with a notice and no hits", () => {
    expect(report.noticeQuestions).toBeGreaterThanOrEqual(6);
    expect(report.noticesOk).toBe(report.noticeQuestions);
  });
});
