import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { OPERATOR_THESAURUS_NAME } from "../paths.js";
import { inferPlanYear } from "../text/years.js";
import { bulletinFacts, CATALOGUE_FILE, parseCatalogue, type Catalogue } from "./catalogue.js";
import { extractBulletin, isBulletinFile } from "./formats/index.js";
import { parseBulletin, type ParsedBulletin } from "./parse.js";

/** What the seeds folder holds, as the staleness check and the manifest record it. */
export interface SeedFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** A seed file left out, with the reason shown to the operator. */
export interface SkippedFile {
  name: string;
  reason: string;
}

export interface Bulletin extends ParsedBulletin {
  title: string | null;
  encoding: string;
}

export interface Corpus {
  bulletins: Bulletin[];
  skipped: SkippedFile[];
  files: SeedFile[];
}

/** The seeds a build reads: the files with their bytes, and the entries that could not be read. */
export interface SeedListing {
  seeds: { file: SeedFile; bytes: Buffer }[];
  skipped: SkippedFile[];
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Which names in the seeds folder are bulletins (or the catalogue). */
export function isSeedName(name: string): boolean {
  // The operator's synonyms.txt sits beside the bulletins but is not one (src/text/thesaurus.ts).
  return (isBulletinFile(name) && name !== OPERATOR_THESAURUS_NAME) || name === CATALOGUE_FILE;
}

/**
 * A file name safe to print on a terminal or in a log: control characters (an ANSI escape, a
 * newline that would fake a line of output) and bidirectional overrides are shown as \u{…}.
 */
export function printableName(name: string): string {
  return name.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`,
  );
}

const READ_ERRORS: Record<string, string> = {
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  ELOOP: "符号链接循环",
  ENOENT: "符号链接指向的文件不存在",
  EISDIR: "是目录，不是文件",
  EIO: "磁盘读取错误",
};

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  return `无法读取（${READ_ERRORS[code] ?? (code || (error instanceof Error ? error.message : String(error)))}）`;
}

/** The seed entries of a folder, in name order; a symlink counts as what it points to. */
async function seedEntries(seedsDir: string): Promise<{ name: string; problem: string | null }[]> {
  const entries = (await readdir(seedsDir, { withFileTypes: true })).filter((e) => isSeedName(e.name));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.isFile()) return { name: entry.name, problem: null };
      if (!entry.isSymbolicLink()) return { name: entry.name, problem: "不是普通文件" };
      try {
        const target = await stat(join(seedsDir, entry.name));
        return { name: entry.name, problem: target.isFile() ? null : "符号链接指向的不是普通文件" };
      } catch (error) {
        return { name: entry.name, problem: readFailure(error) };
      }
    }),
  );
}

/**
 * Lists the seed files (every .txt, plus the catalogue) with their hashes, in name order.
 * Symlinks are followed. An entry that cannot be read — permissions, a broken or looping link,
 * a directory — is returned as skipped with the reason; it never stops the listing.
 */
export async function listSeeds(seedsDir: string): Promise<SeedListing> {
  const listing: SeedListing = { seeds: [], skipped: [] };
  for (const { name, problem } of await seedEntries(seedsDir)) {
    if (problem) {
      listing.skipped.push({ name, reason: problem });
      continue;
    }
    try {
      const bytes = await readFile(join(seedsDir, name));
      listing.seeds.push({ file: { name, sha256: sha256(bytes), bytes: bytes.length }, bytes });
    } catch (error) {
      listing.skipped.push({ name, reason: readFailure(error) });
    }
  }
  return listing;
}

/**
 * A cheap fingerprint of the seeds folder (names, sizes, modification times, link targets
 * followed), for noticing changes without reading every file.
 */
export async function seedsFingerprint(seedsDir: string): Promise<string> {
  const parts: string[] = [];
  for (const { name } of await seedEntries(seedsDir).catch(() => [])) {
    const info = await stat(join(seedsDir, name)).catch(() => null);
    parts.push(info ? `${name}\u0000${info.size}\u0000${info.mtimeMs}\u0000${info.ino}` : `${name}\u0000?`);
  }
  return parts.join("\n");
}


/**
 * Reads and parses every bulletin in the seeds folder. A file that cannot be read as text is
 * skipped with a warning naming it; one bad file never stops the build. Yields to the event
 * loop between files, so a signal or a question is not kept waiting by a long build.
 */
export async function readCorpus(seedsDir: string, warn: (message: string) => void, listed?: SeedListing): Promise<Corpus> {
  const { seeds, skipped: unreadable } = listed ?? (await listSeeds(seedsDir));
  const skipped: SkippedFile[] = [];
  const skip = (name: string, reason: string) => {
    skipped.push({ name, reason });
    warn(`跳过 ${printableName(name)}：${reason}`);
  };
  for (const { name, reason } of unreadable) skip(name, reason);
  const catalogueSeed = seeds.find((s) => s.file.name === CATALOGUE_FILE);
  const catalogue: Catalogue = catalogueSeed ? parseCatalogue(catalogueSeed.bytes.toString("utf8"), join(seedsDir, CATALOGUE_FILE)) : {};
  const bulletins: Bulletin[] = [];
  for (const { file, bytes } of seeds) {
    if (file.name === CATALOGUE_FILE) continue;
    await yieldToLoop();
    const decoded = await extractBulletin(file.name, bytes);
    if (!decoded.ok) {
      skip(file.name, decoded.reason);
      continue;
    }
    const { text } = decoded;
    const entry = catalogue[file.name];
    const facts = bulletinFacts(entry, inferPlanYear(text), decoded.meta);
    // The file name is the citation's source everywhere it is shown: printable from here on.
    const parsed = parseBulletin(printableName(file.name), text, { year: facts.year, headings: decoded.headings });
    if (parsed.passages.length === 0) {
      skip(file.name, "没有可检索的段落");
      continue;
    }
    bulletins.push({ ...parsed, title: facts.title, encoding: decoded.encoding });
  }
  for (const name of Object.keys(catalogue)) {
    if (!seeds.some((s) => s.file.name === name)) warn(`${CATALOGUE_FILE}：条目 ${printableName(name)} 没有对应的文件`);
  }
  return { bulletins, skipped, files: seeds.map((s) => s.file) };
}
