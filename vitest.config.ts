import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One temporary root per run, removed at the end (test/support/temp-root.ts).
    globalSetup: ["test/support/temp-root.ts"],
    // nodejieba is a native addon (child processes, not worker threads, host it). Its dictionary is
    // process-wide and set in one place, src/text/segment.ts (useDictionary), so tests do not rely on
    // a fresh process per file.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
