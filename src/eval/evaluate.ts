import * as z from "zod";
import type { Answer } from "../answer/schema.js";
import { MARK } from "../answer/schema.js";

/**
 * The evaluation set and its measures (format: eval/README.md). A hit is correct when it
 * comes from the expected file and its text contains the expected snippet. A question with no
 * expected passage is either a catalogue question (it has an `answer`, judged on the direct
 * answer alone) or a negative: it must get no hits and a notice naming what is missing.
 */

const AnswerKindName = z.enum(["figure", "list", "who", "when", "what", "catalogue"]);

export const EvalQuestion = z.object({
  q: z.string().min(1),
  kind: z.string().min(1),
  expect: z.array(z.object({ source: z.string().min(1), contains: z.string().min(1) })),
  notice: z.array(z.string().min(1)).optional(),
  /** The short answer: `direct.text` must contain every string; the first must show in the excerpt. */
  answer: z.array(z.string().min(1)).min(1).optional(),
  answerKind: AnswerKindName.optional(),
  /** Comparisons: every expected passage must be in the top 5. */
  expectAll: z.boolean().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;
export const EvalSet = z.array(EvalQuestion).min(1);

export interface EvalCase {
  question: EvalQuestion;
  answer: Answer;
  /** 1-based rank of the first correct hit, or null. */
  rank: number | null;
  /** Recall@5 for this question (every expected passage for `expectAll`). */
  recalled: boolean;
  /** With an `answer`: the excerpt of the first correct hit shows its first string. */
  excerptShows: boolean | null;
  /** With an `answer`: whether `direct` is non-null and contains every string. */
  directRight: boolean | null;
  ok: boolean;
}

/** Measures over a group of questions; a measure with nothing to measure is null. */
export interface Measures {
  questions: number;
  answerable: number;
  hitAt1: number | null;
  recallAt5: number | null;
  mrr: number | null;
  /** Questions with an `answer` and a correct hit in the top 5. */
  excerptQuestions: number;
  excerptShowsAnswer: number | null;
  /** Questions with an `answer`. */
  directQuestions: number;
  directAccuracy: number | null;
  /** Non-null direct answers given (on questions with an answer, or on negatives: always wrong there). */
  directGiven: number;
  directPrecision: number | null;
  negatives: number;
  negativesOk: number;
}

export interface EvalReport extends Measures {
  total: number;
  /** Kept for callers of the first report format. */
  noticeQuestions: number;
  noticesOk: number;
  byKind: Record<string, Measures>;
  cases: EvalCase[];
  misses: EvalCase[];
}

export const RECALL_DEPTH = 5;

const unmark = (excerpt: string) => excerpt.split(MARK).join("");

/**
 * A hit is the expected passage when it comes from the expected file and its text — or a
 * heading line it carries and shows with it (an item's title, the section it sits under) —
 * contains the snippet.
 */
function correct(question: EvalQuestion, hit: Answer["hits"][number], e: EvalQuestion["expect"][number]): boolean {
  return hit.source === e.source && [hit.text, hit.title ?? "", hit.section ?? ""].some((shown) => shown.includes(e.contains));
}

function judge(question: EvalQuestion, answer: Answer): EvalCase {
  const hits = answer.hits;
  const directRight = question.answer ? answer.direct !== null && question.answer.every((a) => answer.direct!.text.includes(a)) : null;
  if (question.expect.length === 0) {
    if (question.answer) {
      // A catalogue question: the direct answer is the answer.
      return { question, answer, rank: null, recalled: false, excerptShows: null, directRight, ok: directRight === true };
    }
    const ok = hits.length === 0 && answer.notice !== null && (question.notice ?? []).every((n) => answer.notice!.includes(n));
    return { question, answer, rank: null, recalled: false, excerptShows: null, directRight: null, ok };
  }
  const index = hits.findIndex((hit) => question.expect.some((e) => correct(question, hit, e)));
  const rank = index >= 0 ? index + 1 : null;
  const top = hits.slice(0, RECALL_DEPTH);
  const recalled = question.expectAll
    ? question.expect.every((e) => top.some((hit) => correct(question, hit, e)))
    : rank !== null && rank <= RECALL_DEPTH;
  const excerptShows = question.answer && rank !== null && rank <= RECALL_DEPTH ? unmark(hits[rank - 1]!.excerpt).includes(question.answer[0]!) : null;
  const ok = rank === 1 && recalled && directRight !== false;
  return { question, answer, rank, recalled, excerptShows, directRight, ok };
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function measure(cases: readonly EvalCase[]): Measures {
  const answerable = cases.filter((c) => c.question.expect.length > 0);
  const negatives = cases.filter((c) => c.question.expect.length === 0 && !c.question.answer);
  const excerpt = cases.filter((c) => c.excerptShows !== null);
  const direct = cases.filter((c) => c.directRight !== null);
  const given = [...direct.filter((c) => c.answer.direct !== null), ...negatives.filter((c) => c.answer.direct !== null)];
  return {
    questions: cases.length,
    answerable: answerable.length,
    hitAt1: ratio(answerable.filter((c) => c.rank === 1).length, answerable.length),
    recallAt5: ratio(answerable.filter((c) => c.recalled).length, answerable.length),
    mrr: ratio(answerable.reduce((sum, c) => sum + (c.rank ? 1 / c.rank : 0), 0), answerable.length),
    excerptQuestions: excerpt.length,
    excerptShowsAnswer: ratio(excerpt.filter((c) => c.excerptShows).length, excerpt.length),
    directQuestions: direct.length,
    directAccuracy: ratio(direct.filter((c) => c.directRight).length, direct.length),
    directGiven: given.length,
    directPrecision: ratio(given.filter((c) => c.directRight === true).length, given.length),
    negatives: negatives.length,
    negativesOk: negatives.filter((c) => c.ok).length,
  };
}

export function evaluate(questions: EvalQuestion[], ask: (q: string) => Answer): EvalReport {
  const cases = questions.map((question) => judge(question, ask(question.q)));
  const kinds = [...new Set(questions.map((q) => q.kind))];
  const byKind: Record<string, Measures> = {};
  for (const kind of kinds) byKind[kind] = measure(cases.filter((c) => c.question.kind === kind));
  const all = measure(cases);
  return {
    ...all,
    total: cases.length,
    noticeQuestions: all.negatives,
    noticesOk: all.negativesOk,
    byKind,
    cases,
    misses: cases.filter((c) => !c.ok),
  };
}
