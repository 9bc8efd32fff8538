// `npm run build [-- --out DIR]`: type-checks src/, then bundles the two entry points (main, cli)
// into DIR (default dist/) with esbuild and copies the non-TypeScript assets the code opens at run
// time. DIR must sit directly in the package root: the code finds the package root by climbing
// from its own folder. Plain JavaScript, not TypeScript: it runs before anything is compiled.
//
// Why a bundle rather than tsc's file-per-module output: start-up time and resident memory are
// mostly module loading. One bundle resolves, reads and links a few files instead of ~300, and
// esbuild drops what is imported but never used. Code that only some paths need (the terminal
// chat, the index build, each bulletin reader) stays behind dynamic imports, as split chunks.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = resolve(root, values.out ?? "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
try {
  // esbuild only strips types: the build fails on a type error as the tsc build did.
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--noEmit"], { stdio: "inherit" });
} catch {
  // tsc has printed the errors.
  process.exit(1);
}

/**
 * node-fetch 2 (grammY's HTTP client on Node) requires whatwg-url at load, only to fall back on
 * it where Node has no URL class (`Url.URL || whatwgUrl.URL`); loading it parses tr46's 260 KB
 * Unicode mapping table, ~5 MB and ~20 ms of every start for nothing on Node ≥ 10.
 */
const skipWhatwgUrl = {
  name: "skip-whatwg-url",
  setup(b) {
    b.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: "whatwg-url", namespace: "unused" }));
    b.onLoad({ filter: /.*/, namespace: "unused" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};

rmSync(out, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: ["src/main.ts", "src/cli.ts"],
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Every chunk lands in DIR itself (esbuild's default chunk names have no folder), so
    // `import.meta.url` in any of them names DIR, as it named dist/ for src/paths.ts's compiled
    // copy: paths relative to it (text/thesaurus.txt, text/jieba/) still hold.
    // nodejieba is a native addon; pdfjs-dist loads its own worker and font files from its
    // package folder: both stay in node_modules.
    external: ["nodejieba", "pdfjs-dist"],
    // Bundled CommonJS packages (grammy, pino …) call require() for Node's built-ins.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    plugins: [skipWhatwgUrl],
    logLevel: "warning",
    legalComments: "none",
    minifyWhitespace: true,
    minifySyntax: true,
  });
} catch {
  // esbuild has printed the errors.
  process.exit(1);
}
// jieba's keyword-file stand-ins (see src/text/segment.ts), found through src/paths.ts.
cpSync(join(root, "src/text/jieba"), join(out, "text/jieba"), { recursive: true });
// pdf.js's worker thread (see src/corpus/formats/pdf.ts), beside the chunk that starts it.
cpSync(join(root, "src/corpus/formats/pdf-worker.mjs"), join(out, "pdf-worker.mjs"));
// The shipped thesaurus (src/paths.ts looks for it beside the compiled text/ modules).
cpSync(join(root, "src/text/thesaurus.txt"), join(out, "text/thesaurus.txt"));
console.log(`built ${out}`);
