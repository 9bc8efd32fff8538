import { mkdtemp, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "../../src/engine.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

/** A scratch directory under the OS temp folder (inside the run's root, removed after the run: test/support/temp-root.ts). */
export function scratch(prefix = "jianbao-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A copy of the real seeds a test may change freely. */
export async function copySeeds(): Promise<string> {
  const dir = join(await scratch(), "seeds");
  await cp(DEFAULT_SEEDS_DIR, dir, { recursive: true });
  return dir;
}

/** The engine over the real seeds, with its index in a fresh temp folder. */
export async function openSeedEngine(warnings: string[] = []): Promise<Engine> {
  return Engine.open({
    seedsDir: DEFAULT_SEEDS_DIR,
    indexDir: join(await scratch(), "index"),
    onWarning: (m) => warnings.push(m),
  });
}
