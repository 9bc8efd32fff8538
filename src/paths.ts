import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, so commands work from any working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_SEEDS_DIR = resolve(PROJECT_ROOT, "seeds");
export const DEFAULT_INDEX_DIR = resolve(PROJECT_ROOT, "index");
export const EVAL_SET_FILE = resolve(PROJECT_ROOT, "test/eval/questions.json");
/** The domain thesaurus shipped with the project (operators add `synonyms.txt` to the seeds folder). */
export const THESAURUS_FILE = resolve(PROJECT_ROOT, "src/text/thesaurus.txt");
export const OPERATOR_THESAURUS_NAME = "synonyms.txt";
