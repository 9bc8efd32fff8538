import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root (the folder holding package.json), so commands work from any working
 * directory and from both src/ (tsx) and dist/ (compiled): the root is found by climbing, not
 * by counting levels from this file.
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return resolve(from, "..");
  }
}

export const PROJECT_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_SEEDS_DIR = resolve(PROJECT_ROOT, "seeds");
export const DEFAULT_INDEX_DIR = resolve(PROJECT_ROOT, "index");
export const EVAL_SET_FILE = resolve(PROJECT_ROOT, "src/eval/questions.json");
/** The domain thesaurus shipped with the project (operators add `synonyms.txt` to the seeds folder). */
// Beside this module's text/ folder, so the compiled dist/ (which has no src/, e.g. in the Docker
// image) finds the copy src/build.mjs puts there.
export const THESAURUS_FILE = fileURLToPath(new URL("./text/thesaurus.txt", import.meta.url));
export const OPERATOR_THESAURUS_NAME = "synonyms.txt";
/** jieba's keyword-file stand-ins (src/text/segment.ts): found like the thesaurus, so a bundle works too. */
export const JIEBA_KEYWORD_DIR = fileURLToPath(new URL("./text/jieba/", import.meta.url));

let version: string | undefined;
/** The package's version (package.json), for /about; "0.0.0" when it cannot be read. */
export function appVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(resolve(PROJECT_ROOT, "package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
    } catch {
      version = "0.0.0";
    }
  }
  return version;
}
