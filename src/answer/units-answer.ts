import type { Passage } from "../corpus/passage.js";
import type { DirectSpan } from "./span.js";

/**
 * Which places or unions do something (2012年哪些单位提到了“两个普遍”, 有哪些工会请律师给职工
 * 提供法律服务): the answer is organisations, read from the passages that answer the question —
 * each organisation once, in the order its best passage ranked, with its years when the
 * question named none and they differ. Pure: passages in, an answer or null out.
 */

/** More organisations than this and the question names nothing particular: no answer. */
export const MAX_UNITS = 8;

/**
 * `answering`: the ranked passages that pass the relevance floor (say enough of the question
 * to be an answer), best first. With the answer, each organisation's best passage (`sources`,
 * in the answer's order): the evidence to show under it. Null when no organisation answers,
 * or more than MAX_UNITS do: then 'which' has no short answer.
 */
export function unitsAnswer(answering: readonly Passage[], yearNamed: boolean): { found: DirectSpan; sources: Passage[] } | null {
  const units = new Map<string, { years: number[]; first: Passage }>();
  for (const passage of answering) {
    if (passage.org === null) continue;
    const unit = units.get(passage.org) ?? { years: [], first: passage };
    if (passage.year !== null && !unit.years.includes(passage.year)) unit.years.push(passage.year);
    units.set(passage.org, unit);
  }
  if (units.size === 0 || units.size > MAX_UNITS) return null;
  const years = new Set([...units.values()].flatMap((u) => u.years));
  const named = [...units].map(([org, { years: own }]) => (yearNamed || years.size < 2 ? org : `${org}（${[...own].sort((a, b) => a - b).join("、")}年）`));
  const sources = [...units.values()].map((u) => u.first);
  return { found: { direct: { kind: "list", text: named.join("、"), hitId: sources[0]!.id }, span: null }, sources };
}
