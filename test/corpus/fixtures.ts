import { resolve } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.js";

/** The seed bulletins in other formats (see test/fixtures/formats/README.md). */
export const FIXTURES = resolve(PROJECT_ROOT, "test/fixtures/formats");
export const SEED_BASES = ["000_d8c112c12d809796", "002_0fe32b2dc6c3665a", "004_f5dc9353ca6598d8"];
export const FORMATS = ["docx", "doc", "pdf", "html", "md"] as const;
