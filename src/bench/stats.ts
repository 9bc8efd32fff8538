/** Latency summaries. Percentiles use the nearest-rank method on the sorted samples. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/**
 * Times `fn` once per item for `rounds` rounds (after `warmup` untimed rounds), in ms. Stops
 * early once `budgetMs` is spent, so a slow baseline cannot stretch the whole run.
 */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, rounds: number, warmup = 1, budgetMs = Infinity): number[] {
  for (let r = 0; r < warmup; r++) for (const item of items) fn(item);
  const samples: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const t0 = performance.now();
      fn(item);
      samples.push(performance.now() - t0);
    }
    if (performance.now() - started > budgetMs) break;
  }
  return samples;
}
