import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup: the whole run gets one temporary root, and every test's temporary folders
 * go under it, because `os.tmpdir()` follows TMPDIR — set here before the test processes (and the
 * bots and CLIs they spawn) start. Teardown removes the root, so a run leaves nothing in the OS
 * temp folder even when a test fails half-way or forgets its own cleanup.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "jianbao-test-run-"));
  // Traversable by all, as the OS temp folder is: a test runs a child as `nobody` on folders it
  // opened up inside (test/ops/index-faults.test.ts); each folder inside keeps its own mode.
  chmodSync(root, 0o755);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
