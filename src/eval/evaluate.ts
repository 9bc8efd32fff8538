import { z } from "zod";
import type { Answer } from "../answer/schema.js";

/**
 * The evaluation set and its measures. A hit is correct when it comes from the expected file
 * and its text contains the expected snippet; a question about a year or place the corpus
 * lacks is correct when it gets no hits and a notice naming what is missing.
 */

export const EvalQuestion = z.object({
  q: z.string().min(1),
  kind: z.string().min(1),
  expect: z.array(z.object({ source: z.string().min(1), contains: z.string().min(1) })),
  notice: z.array(z.string().min(1)).optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;
export const EvalSet = z.array(EvalQuestion).min(1);

export interface EvalCase {
  question: EvalQuestion;
  answer: Answer;
  /** 1-based rank of the first correct hit, or null. */
  rank: number | null;
  ok: boolean;
}

export interface EvalReport {
  total: number;
  answerable: number;
  hitAt1: number;
  recallAt5: number;
  mrr: number;
  noticeQuestions: number;
  noticesOk: number;
  cases: EvalCase[];
  misses: EvalCase[];
}

export const RECALL_DEPTH = 5;

function firstCorrect(question: EvalQuestion, answer: Answer): number | null {
  const index = answer.hits.findIndex((hit) =>
    question.expect.some((e) => hit.source === e.source && hit.text.includes(e.contains)),
  );
  return index >= 0 ? index + 1 : null;
}

export function evaluate(questions: EvalQuestion[], ask: (q: string) => Answer): EvalReport {
  const cases: EvalCase[] = questions.map((question) => {
    const answer = ask(question.q);
    if (question.expect.length === 0) {
      const ok = answer.hits.length === 0 && answer.notice !== null && (question.notice ?? []).every((n) => answer.notice!.includes(n));
      return { question, answer, rank: null, ok };
    }
    const rank = firstCorrect(question, answer);
    return { question, answer, rank, ok: rank === 1 };
  });
  const answerable = cases.filter((c) => c.question.expect.length > 0);
  const notices = cases.filter((c) => c.question.expect.length === 0);
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    total: cases.length,
    answerable: answerable.length,
    hitAt1: ratio(answerable.filter((c) => c.rank === 1).length, answerable.length),
    recallAt5: ratio(answerable.filter((c) => c.rank !== null && c.rank <= RECALL_DEPTH).length, answerable.length),
    mrr: ratio(answerable.reduce((sum, c) => sum + (c.rank ? 1 / c.rank : 0), 0), answerable.length),
    noticeQuestions: notices.length,
    noticesOk: notices.filter((c) => c.ok).length,
    cases,
    misses: cases.filter((c) => !c.ok),
  };
}
