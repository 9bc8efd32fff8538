// `npm run build [-- --out DIR]`: compiles src/ to dist/ (same depth below the package root, so
// paths that climb to the root work from both) and copies the non-TypeScript assets the code
// opens at run time. DIR must sit directly in the package root for that to hold. Plain JavaScript,
// not TypeScript: it runs before anything is compiled (and tsc leaves it out of dist/).
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = resolve(root, values.out ?? "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync(out, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", out], { stdio: "inherit" });
} catch {
  // tsc has printed the errors.
  process.exit(1);
}
// jieba's keyword-file stand-ins (see src/text/segment.ts), looked up beside the compiled module.
cpSync(join(root, "src/text/jieba"), join(out, "text/jieba"), { recursive: true });
// The shipped thesaurus (src/paths.ts looks for it beside the compiled text/ modules).
cpSync(join(root, "src/text/thesaurus.txt"), join(out, "text/thesaurus.txt"));
console.log(`built ${out}`);
