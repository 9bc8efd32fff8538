import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Passage } from "../corpus/passage.js";
import type { SeedFile } from "../corpus/read.js";
import { CompactIndex } from "./compact-index.js";
import type { OrgRecord } from "./gazetteer.js";

/**
 * The index on disk: `manifest.json` (written last), `corpus.json` (passages and bulletin
 * summaries) and `postings.bin` (CompactIndex.toBinary). Every file is written to a temporary name and renamed, and
 * the data files carry the manifest's build id, so a crash mid-write can never leave an index
 * that loads: a half-written one is simply stale and gets rebuilt.
 */

/** Bump when parsing, segmentation or the file layout changes: old indexes then rebuild. */
export const SCHEMA_VERSION = 6;

export interface BulletinSummary {
  source: string;
  year: number | null;
  title: string | null;
  encoding: string;
  orgs: OrgRecord[];
  authors: string[];
  passages: number;
}

export interface Manifest {
  schemaVersion: number;
  buildId: string;
  builtAt: string;
  passages: number;
  files: SeedFile[];
  skipped: { name: string; reason: string }[];
}

export interface StoredCorpus {
  buildId: string;
  bulletins: BulletinSummary[];
  passages: Passage[];
}

const MANIFEST = "manifest.json";
const CORPUS = "corpus.json";
/** The postings, packed (see CompactIndex.toBinary). */
const INDEX = "postings.bin";

async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export function newBuildId(): string {
  return randomUUID();
}

export async function saveIndex(dir: string, manifest: Manifest, corpus: StoredCorpus, index: CompactIndex): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeAtomic(join(dir, CORPUS), JSON.stringify(corpus));
  await writeAtomic(join(dir, INDEX), index.toBinary(manifest.buildId));
  await writeAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  // Indexes before schema 6 kept MiniSearch's JSON here; it is never read again.
  await rm(join(dir, "minisearch.json"), { force: true });
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return null;
  }
}

/** Why the saved index cannot be used for these seeds, or null when it can. */
export function staleReason(manifest: Manifest | null, files: SeedFile[]): string | null {
  if (!manifest) return "索引不存在";
  if (manifest.schemaVersion !== SCHEMA_VERSION) return `索引格式已更新（${manifest.schemaVersion} → ${SCHEMA_VERSION}）`;
  const saved = new Map(manifest.files.map((f) => [f.name, f.sha256]));
  const current = new Map(files.map((f) => [f.name, f.sha256]));
  for (const [name, hash] of current) {
    if (!saved.has(name)) return `新增文件 ${name}`;
    if (saved.get(name) !== hash) return `文件已修改 ${name}`;
  }
  for (const name of saved.keys()) if (!current.has(name)) return `文件已删除 ${name}`;
  return null;
}

/** Loads the data files; null when they are missing, unreadable or from another build. */
export async function loadStored(dir: string, manifest: Manifest): Promise<{ corpus: StoredCorpus; index: CompactIndex } | null> {
  try {
    const [corpusText, indexBytes] = await Promise.all([readFile(join(dir, CORPUS), "utf8"), readFile(join(dir, INDEX))]);
    const corpus = JSON.parse(corpusText) as StoredCorpus;
    if (corpus.buildId !== manifest.buildId) return null;
    const index = CompactIndex.fromBinary(indexBytes, corpus.passages, manifest.buildId);
    return index ? { corpus, index } : null;
  } catch {
    return null;
  }
}
