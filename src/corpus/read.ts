import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
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

export interface Bulletin extends ParsedBulletin {
  title: string | null;
  encoding: string;
}

export interface Corpus {
  bulletins: Bulletin[];
  skipped: { name: string; reason: string }[];
  files: SeedFile[];
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Lists the seed files (every bulletin format, plus the catalogue) with their hashes, in name order. */
export async function listSeeds(seedsDir: string): Promise<{ file: SeedFile; bytes: Buffer }[]> {
  const names = (await readdir(seedsDir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && (isBulletinFile(entry.name) || entry.name === CATALOGUE_FILE))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(seedsDir, name));
      return { file: { name, sha256: sha256(bytes), bytes: bytes.length }, bytes };
    }),
  );
}

/**
 * Reads and parses every bulletin in the seeds folder. A file that cannot be read as text is
 * skipped with a warning naming it; one bad file never stops the build.
 */
export async function readCorpus(
  seedsDir: string,
  warn: (message: string) => void,
  listed?: { file: SeedFile; bytes: Buffer }[],
): Promise<Corpus> {
  const seeds = listed ?? (await listSeeds(seedsDir));
  const catalogueSeed = seeds.find((s) => s.file.name === CATALOGUE_FILE);
  const catalogue: Catalogue = catalogueSeed ? parseCatalogue(catalogueSeed.bytes.toString("utf8"), join(seedsDir, CATALOGUE_FILE)) : {};
  const bulletins: Bulletin[] = [];
  const skipped: Corpus["skipped"] = [];
  for (const { file, bytes } of seeds) {
    if (file.name === CATALOGUE_FILE) continue;
    const decoded = await extractBulletin(file.name, bytes);
    if (!decoded.ok) {
      skipped.push({ name: file.name, reason: decoded.reason });
      warn(`跳过 ${file.name}：${decoded.reason}`);
      continue;
    }
    const { text } = decoded;
    const entry = catalogue[file.name];
    const facts = bulletinFacts(entry, inferPlanYear(text), decoded.meta);
    const parsed = parseBulletin(file.name, text, { year: facts.year, headings: decoded.headings });
    if (parsed.passages.length === 0) {
      skipped.push({ name: file.name, reason: "没有可检索的段落" });
      warn(`跳过 ${file.name}：没有可检索的段落`);
      continue;
    }
    bulletins.push({ ...parsed, title: facts.title, encoding: decoded.encoding });
  }
  for (const name of Object.keys(catalogue)) {
    if (!seeds.some((s) => s.file.name === name)) warn(`${CATALOGUE_FILE}：条目 ${name} 没有对应的文件`);
  }
  return { bulletins, skipped, files: seeds.map((s) => s.file) };
}
