/**
 * Bulletins and the index on a disk an operator manages: unreadable files, symlinks, Big5 and
 * BOM-less UTF-16, control characters in names, a damaged index of any shape, temporary files
 * left by a killed build. Real seeds throughout; every fault is named and the rest is served.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cp, readFile, readdir, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js/cn2t";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const ROOT = resolve(import.meta.dirname, "../..");
const KUNSHAN = "000_d8c112c12d809796.txt";
const QUESTION = "昆山 2007 工作任务";
let scratch: string;
let n = 0;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "jb-index-faults-"));
  chmodSync(scratch, 0o755);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function freshSeeds(): Promise<string> {
  const dir = join(scratch, `seeds-${n++}`);
  await cp(DEFAULT_SEEDS_DIR, dir, { recursive: true });
  return dir;
}

function freshIndex(): string {
  return join(scratch, `index-${n++}`);
}

async function open(seedsDir: string, indexDir: string, warnings: string[] = []): Promise<Engine> {
  return Engine.open({ seedsDir, indexDir, onWarning: (m) => warnings.push(m) });
}

describe("reading the seeds folder", () => {
  it("names and skips a file it may not read, and serves the rest (as a non-root user)", async () => {
    const seeds = await freshSeeds();
    const index = freshIndex();
    mkdirSync(index);
    await writeFile(join(seeds, "secret.txt"), "无锡市总工会2015年工作要点。");
    chmodSync(join(seeds, "secret.txt"), 0o000);
    for (const dir of [seeds, index]) chmodSync(dir, 0o777);
    // Root reads any file: the check runs as `nobody` when the tests run as root.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "index", "--seeds", seeds, "--out", index], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: scratch },
      ...asNobody,
    });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("已建立索引：3 份简报");
    expect(result.stdout).toContain("已跳过 secret.txt：无法读取（没有读取权限）");
    expect(result.stderr).toContain("跳过 secret.txt：无法读取（没有读取权限）");
  });

  it("follows symlinks to files; names and skips loops, dangling links and links to folders", async () => {
    const seeds = join(scratch, `links-${n++}`);
    mkdirSync(seeds);
    for (const name of await readdir(DEFAULT_SEEDS_DIR)) await symlink(join(DEFAULT_SEEDS_DIR, name), join(seeds, name));
    await symlink(join(seeds, "loop-b.txt"), join(seeds, "loop-a.txt"));
    await symlink(join(seeds, "loop-a.txt"), join(seeds, "loop-b.txt"));
    await symlink(join(seeds, "gone.md"), join(seeds, "dangling.txt"));
    await symlink(scratch, join(seeds, "folder.txt"));
    const warnings: string[] = [];
    const engine = await open(seeds, freshIndex(), warnings);
    expect(engine.info().files).toBe(3);
    expect(engine.ask(QUESTION).hits[0]!.source).toBe(KUNSHAN);
    expect(engine.skipped()).toEqual(
      expect.arrayContaining([
        { name: "loop-a.txt", reason: "无法读取（符号链接循环）" },
        { name: "loop-b.txt", reason: "无法读取（符号链接循环）" },
        { name: "dangling.txt", reason: "无法读取（符号链接指向的文件不存在）" },
        { name: "folder.txt", reason: "符号链接指向的不是普通文件" },
      ]),
    );
    expect(warnings.filter((w) => w.startsWith("跳过"))).toHaveLength(4);
  });

  it("reads Big5 and BOM-less UTF-16 bulletins as the same text, and skips what it cannot tell", async () => {
    const seeds = await freshSeeds();
    const text = readFileSync(join(DEFAULT_SEEDS_DIR, KUNSHAN), "utf8");
    const traditional = OpenCC.Converter({ from: "cn", to: "tw" })(text);
    await writeFile(join(seeds, KUNSHAN), iconv.encode(traditional, "big5"));
    await writeFile(join(seeds, "002_0fe32b2dc6c3665a.txt"), iconv.encode(readFileSync(join(DEFAULT_SEEDS_DIR, "002_0fe32b2dc6c3665a.txt"), "utf8"), "utf16le"));
    // Shift_JIS Japanese: neither GB18030 nor Big5 reads it as Chinese.
    await writeFile(join(seeds, "japanese.txt"), iconv.encode("労働組合の年次計画について、職員の皆様にお知らせします。".repeat(5), "shift_jis"));
    const warnings: string[] = [];
    const engine = await open(seeds, freshIndex(), warnings);
    const hit = engine.ask(QUESTION).hits[0]!;
    expect(hit.source).toBe(KUNSHAN);
    expect(hit.text).toContain("具体工作任务为");
    // The UTF-16 file answers exactly as its UTF-8 original does.
    const reference = await open(DEFAULT_SEEDS_DIR, freshIndex());
    const fromUtf16 = (e: Engine) => e.sources().find((s) => s.source === "002_0fe32b2dc6c3665a.txt");
    expect(fromUtf16(engine)).toEqual(fromUtf16(reference));
    expect(fromUtf16(engine)!.passages).toBeGreaterThan(0);
    expect(engine.info().files).toBe(3);
    expect(engine.skipped().map((s) => s.name)).toEqual(["japanese.txt"]);
    expect(warnings.join("\n")).toContain("japanese.txt");
  });

  it("shows file names with control characters escaped, never a forged line", async () => {
    const seeds = await freshSeeds();
    const evil = "x\u001b[2K\r已建立索引：99 份简报\n.txt";
    await writeFile(join(seeds, evil), "");
    const index = freshIndex();
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "index", "--seeds", seeds, "--out", index], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).not.toContain("\u001b");
    expect(output).not.toMatch(/^已建立索引：99/m);
    expect(output).toContain("x\\u{1b}[2K\\u{d}已建立索引：99 份简报\\u{a}.txt");
  });
});

describe("a damaged index", () => {
  let seeds: string;
  let index: string;
  beforeAll(async () => {
    seeds = await freshSeeds();
    index = freshIndex();
    await open(seeds, index);
  });

  async function damageThenOpen(damage: () => Promise<void>): Promise<{ engine: Engine; warnings: string[] }> {
    await open(seeds, index); // a healthy index first
    await damage();
    const warnings: string[] = [];
    const engine = await open(seeds, index, warnings);
    return { engine, warnings };
  }

  const manifestPath = () => join(index, "manifest.json");

  it.each([
    ["a manifest without files", async () => {
      const m = JSON.parse(await readFile(manifestPath(), "utf8"));
      delete m.files;
      await writeFile(manifestPath(), JSON.stringify(m));
    }],
    ["a manifest that is an array", () => writeFile(manifestPath(), "[]")],
    ["a manifest that is null", () => writeFile(manifestPath(), "null")],
    ["a truncated manifest", async () => writeFile(manifestPath(), (await readFile(manifestPath(), "utf8")).slice(0, 40))],
    ["a manifest with checksums removed", async () => {
      const m = JSON.parse(await readFile(manifestPath(), "utf8"));
      delete m.checksums;
      await writeFile(manifestPath(), JSON.stringify(m));
    }],
    ["one byte flipped in postings.bin", async () => {
      const bytes = await readFile(join(index, "postings.bin"));
      bytes[bytes.length - 100]! ^= 0x01;
      await writeFile(join(index, "postings.bin"), bytes);
    }],
    ["a passage's text changed in corpus.jsonl (still valid JSON Lines)", async () => {
      const lines = (await readFile(join(index, "corpus.jsonl"), "utf8")).split("\n");
      lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), text: "篡改过的文字" });
      await writeFile(join(index, "corpus.jsonl"), lines.join("\n"));
    }],
    ["postings.bin missing", () => writeFile(join(index, "postings.bin"), "")],
  ])("%s: logged once, rebuilt, answers right", async (_label, damage) => {
    const { engine, warnings } = await damageThenOpen(damage);
    expect(engine.openedFrom.kind).toBe("built");
    expect(warnings.filter((w) => w.startsWith("索引已损坏"))).toHaveLength(1);
    const hit = engine.ask(QUESTION).hits[0]!;
    expect(hit.source).toBe(KUNSHAN);
    expect(hit.text).toContain("具体工作任务为");
    // And the rebuilt index loads cleanly next time.
    const again: string[] = [];
    expect((await open(seeds, index, again)).openedFrom.kind).toBe("loaded");
    expect(again).toEqual([]);
  });

  it("removes temporary files left by a killed build, keeps a live build's fresh ones", async () => {
    const dead = join(index, "corpus.jsonl.2147480000.deadbeef.tmp");
    const old = join(index, "postings.bin.1.0badf00d.tmp");
    const live = join(index, `manifest.json.${process.ppid}.c0ffee00.tmp`);
    for (const file of [dead, old, live]) await writeFile(file, "x".repeat(1000));
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(old, hourAgo, hourAgo);
    await Engine.open({ seedsDir: seeds, indexDir: index, rebuild: true, onWarning: () => {} });
    expect((await readdir(index)).filter((f) => f.endsWith(".tmp"))).toEqual([`manifest.json.${process.ppid}.c0ffee00.tmp`]);
  });
});
