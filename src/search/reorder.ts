import { isFooter, type Passage } from "../corpus/passage.js";
import type { RelevanceFloor } from "./floor.js";
import type { Ranked } from "./retrieve.js";

/**
 * What happens to a ranking around the floor and the direct answer: footers go unless the
 * bulletin itself is asked about, weak hits go, a count question's figure leads, a which-units
 * question keeps the passages that answer it, and the answer's passage leads. Pure: a ranking
 * (or the function that ranks) in, a new ranking out.
 */

/**
 * Weak hits (only ubiquitous words) after a specific one are noise, not results. `keep`: the
 * passage a direct answer was read from stays whatever it says.
 */
export function withoutWeak(ranked: readonly Ranked[], floor: RelevanceFloor, keep: string | null = null): Ranked[] {
  if (floor.specific.length === 0 || ranked.length === 0 || !floor.saysSpecific(ranked[0]!)) return [...ranked];
  return ranked.filter((r) => floor.saysSpecific(r) || r.passage.id === keep);
}

/** Words of a question about the bulletin itself: its issue, print run or distribution. */
const ABOUT_BULLETIN = /简报|本期|这期|那期|印|抄送|分送|发给|发到|送给|寄给|几份|多少份/u;

/**
 * A bulletin's distribution footer (本期印发：市委、市政府…，共印100份) answers questions about the
 * bulletin — how many were printed, whom it went to — and nothing else: a question about winning
 * 市委、市政府's support is not answered by the list of recipients that names them.
 */
export function withoutFooters(rank: (limit: number) => Ranked[], question: string, limit: number): Ranked[] {
  if (ABOUT_BULLETIN.test(question)) return rank(limit);
  // Ranked again, deeper by the footers dropped, so `limit` passages still come back: footers
  // are one per bulletin, and this runs again only when a question's words are in one.
  let extra = 0;
  for (let round = 0; ; round++) {
    const ranked = rank(limit + extra);
    const kept = ranked.filter((r) => !isFooter(r.passage));
    const dropped = ranked.length - kept.length;
    if (dropped <= extra || ranked.length < limit + extra || round === MAX_FOOTER_ROUNDS) return kept.slice(0, limit);
    extra = dropped;
  }
}

/** Rankings tried at most, each deeper by the footers the last one held. */
const MAX_FOOTER_ROUNDS = 4;

/**
 * The answer's passage leads: another part of a ranked paragraph takes that paragraph's place,
 * and a span answer from a lower hit moves up — the answer and its source go together. A
 * passage the answer was read from without ranking (a keyed slogan's list elsewhere in the top
 * passage's item) leads too, at the top hit's score, and the last hit makes room.
 */
export function answerFirst(ranked: readonly Ranked[], source: Passage, limit: number): Ranked[] {
  let out = [...ranked];
  if (!out.some((r) => r.passage.id === source.id)) {
    const sibling = out.findIndex((r) => r.passage.source === source.source && r.passage.paragraph === source.paragraph);
    if (sibling >= 0) out[sibling] = { ...out[sibling]!, passage: source };
  }
  const at = out.findIndex((r) => r.passage.id === source.id);
  if (at > 0) out = [out[at]!, ...out.filter((_, i) => i !== at)];
  if (at < 0 && out.length > 0) out = [{ passage: source, score: out[0]!.score, matched: [] }, ...out].slice(0, limit);
  return out;
}

/** How deep a count question looks for a passage stating a figure of its measure. */
const COUNT_LOOK = 5;
/** How much of the top hit's score that passage must have to lead: a passage matching almost nothing is no answer, whatever figure it states. */
const COUNT_SHARE = 0.1;

/**
 * A question asking a count by its measure word (一共印了几份, 标准有多少条) is answered by a passage
 * stating a figure of that measure: when the top hit states none, the first of the next few that
 * does leads (the print run's footer before the editor's note describing the bulletin; 共15项20个指标
 * before the passage about why the targets were set). `states`: whether a text states such a figure.
 */
export function countFirst(ranked: readonly Ranked[], states: (text: string) => boolean): Ranked[] {
  const top = ranked[0];
  if (!top || states(top.passage.text)) return [...ranked];
  const at = ranked.slice(0, COUNT_LOOK).findIndex((r) => states(r.passage.text));
  if (at <= 0 || ranked[at]!.score < COUNT_SHARE * top.score) return [...ranked];
  return [ranked[at]!, ...ranked.filter((_, i) => i !== at)];
}

/**
 * The ranked passages that answer a which-units question: those saying a phrase the user quoted
 * (“两个普遍”) word for word, whatever else they say; else those above the relevance floor that
 * say its most specific word any of them says (职代会 of 完善职代会制度 — not only 完善 and 制度,
 * which other plans say of other things).
 */
export function answeringUnits(ranked: readonly Ranked[], question: string, floor: RelevanceFloor, weights: Readonly<Record<string, number>>): Ranked[] {
  const quoted = [...question.matchAll(/[“"]([^”"]{2,20})[”"]/gu)].map((m) => m[1]!).filter((q) => ranked.some((r) => r.passage.text.includes(q)));
  if (quoted.length > 0) return ranked.filter((r) => quoted.every((q) => r.passage.text.includes(q)));
  const answering = ranked.filter((r) => !floor.below(r));
  const key = [...floor.specific].sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0)).find((t) => answering.some((r) => floor.says(r, t)));
  return key === undefined ? answering : answering.filter((r) => floor.says(r, key));
}

/** The first (best) ranked passage of each organisation, in ranking order; passages of none are left out. */
export function bestOfEachOrg(ranked: readonly Ranked[]): Ranked[] {
  const seen = new Set<string>();
  return ranked.filter((r) => {
    if (r.passage.org === null || seen.has(r.passage.org)) return false;
    seen.add(r.passage.org);
    return true;
  });
}

/** `leading` first, then the rest of `ranked` without them, cut to `limit`. */
export function leadWith(ranked: readonly Ranked[], leading: readonly Ranked[], limit: number): Ranked[] {
  return [...leading, ...ranked.filter((r) => !leading.some((l) => l.passage.id === r.passage.id))].slice(0, limit);
}
