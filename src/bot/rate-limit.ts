/**
 * Sliding-window limiter per key (a user id), in memory. Per replica on purpose: a shared store
 * would make the bot stateful for a protection that only needs to be roughly right.
 */
export interface RateDecision {
  allowed: boolean;
  /** Only for the first refusal in a window, so the user is told once instead of spammed. */
  notify: boolean;
  /** Seconds until the oldest request leaves the window. */
  retryAfterSeconds: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string | number, { times: number[]; notified: boolean }>();
  private calls = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string | number): RateDecision {
    const now = this.now();
    if (++this.calls % 1000 === 0) this.sweep(now);
    let entry = this.hits.get(key);
    if (!entry) {
      entry = { times: [], notified: false };
      this.hits.set(key, entry);
    }
    const since = now - this.windowMs;
    while (entry.times.length > 0 && entry.times[0]! <= since) entry.times.shift();
    if (entry.times.length < this.limit) {
      entry.times.push(now);
      entry.notified = false;
      return { allowed: true, notify: false, retryAfterSeconds: 0 };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((entry.times[0]! + this.windowMs - now) / 1000));
    const notify = !entry.notified;
    entry.notified = true;
    return { allowed: false, notify, retryAfterSeconds };
  }

  /** Drops idle keys so memory follows active users, not all users ever seen. */
  private sweep(now: number): void {
    for (const [key, entry] of this.hits) {
      const last = entry.times.at(-1);
      if (last === undefined || last <= now - this.windowMs) this.hits.delete(key);
    }
  }

  get size(): number {
    return this.hits.size;
  }
}
