import { normaliseQuestion } from "../text/normalise.js";
import { segmentQuery } from "../text/segment.js";

/**
 * The no-index baseline: segment the question like the engine does, then look at every passage
 * and count which terms it contains as substrings; keep the best few. What an index is for is
 * exactly not doing this, so its cost against the corpus size is the yardstick.
 */
export interface ScanHit {
  index: number;
  score: number;
}

export function linearScan(texts: readonly string[], question: string, limit = 5): ScanHit[] {
  const terms = [...new Set(segmentQuery(normaliseQuestion(question)))];
  if (terms.length === 0) return [];
  const best: ScanHit[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    let score = 0;
    for (const term of terms) if (text.includes(term)) score++;
    if (score === 0) continue;
    if (best.length < limit || score > best[best.length - 1]!.score) {
      best.push({ index: i, score });
      best.sort((a, b) => b.score - a.score || a.index - b.index);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}
