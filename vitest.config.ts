import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // nodejieba is a native addon holding a global dictionary: one process per test file keeps it simple.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
