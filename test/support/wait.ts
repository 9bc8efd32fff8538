/** Waiting in tests: for a condition to hold, or for a promise within a bound; both fail naming what. */

/** Polls `condition` every `pollMs` until it holds; throws "timed out waiting for …" after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number, what: string, pollMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** `promise`, or a rejection "… took longer than N ms" after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)),
  ]);
}
