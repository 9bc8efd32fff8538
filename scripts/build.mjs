// `npm run build`: compiles src/ to dist/ (same depth below the package root, so paths that climb
// to the root work from both) and copies the non-TypeScript assets the code opens at run time.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync(join(root, "dist"), { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
} catch {
  // tsc has printed the errors.
  process.exit(1);
}
// jieba's keyword-file stand-ins (see src/text/segment.ts), looked up beside the compiled module.
cpSync(join(root, "src/text/jieba"), join(root, "dist/text/jieba"), { recursive: true });
console.log("built dist/");
