import { createHash, randomUUID } from "node:crypto";
import { writeAtomic } from "../atomic-write.js";
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import type { Passage } from "../corpus/passage.js";
import type { SeedFile } from "../corpus/read.js";
import { CompactIndex } from "./compact-index.js";
import type { OrgRecord } from "./gazetteer.js";

/**
 * The index on disk: `manifest.json` (written last), `corpus.jsonl` (bulletin summaries, then
 * one passage per line) and `postings.bin` (CompactIndex.toBinary). Every file is written to a temporary name and renamed, and
 * the data files carry the manifest's build id, so a crash mid-write can never leave an index
 * that loads: a half-written one is simply stale and gets rebuilt. The manifest also holds a
 * SHA-256 of each data file, checked before either is parsed: a flipped byte or a truncated
 * file is reported as damage and rebuilt, never served as wrong scores.
 */

/** Bump when parsing, segmentation or the file layout changes: old indexes then rebuild. */
export const SCHEMA_VERSION = 13;

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
  /**
   * SHA-256 of the thesaurus words the serving dictionary was cut with (`thesaurusFingerprint`):
   * an edited thesaurus (the shipped one or `seeds/synonyms.txt`) must re-cut it, or a new
   * word would be cut as the old dictionary cut it.
   */
  thesaurus: string;
  /** SHA-256 of each data file, by file name. */
  checksums: Record<string, string>;
}

/** What a manifest must look like before anything in it is trusted. */
const ManifestSchema = z.object({
  schemaVersion: z.number().int(),
  buildId: z.string().min(1),
  builtAt: z.string().refine((v) => !Number.isNaN(Date.parse(v))),
  passages: z.number().int().nonnegative(),
  files: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() })),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  thesaurus: z.string().regex(/^[0-9a-f]{64}$/),
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

/** The corpus file's outline (its first line, then each passage); the content is vouched for by the checksum. */
const CorpusHeadSchema = z.object({
  buildId: z.string(),
  bulletins: z.array(z.object({ source: z.string(), orgs: z.array(z.unknown()), authors: z.array(z.string()) }).passthrough()),
});
const PassageOutline = z.object({ id: z.string(), source: z.string(), text: z.string() }).passthrough();

export interface StoredCorpus {
  buildId: string;
  bulletins: BulletinSummary[];
  passages: Passage[];
}

const MANIFEST = "manifest.json";
/**
 * JSON Lines, not one JSON document: parsed line by line, a passage's strings are made shared
 * (shareRepeatedStrings) before the next is read, and no whole-file string is ever held — at
 * 100k passages one JSON.parse of the file peaked at ~500 MB and left ~100 MB of heap behind.
 */
const CORPUS = "corpus.jsonl";
/** The postings, packed (see CompactIndex.toBinary). */
const INDEX = "postings.bin";

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * `<file>.<pid>.<random>.tmp`: what writeAtomic (src/atomic-write.ts) leaves behind when the
 * process is killed mid-write — of the index files or of the serving dictionary's.
 */
const TEMP_FILE = /^(?:manifest\.json|corpus\.jsonl?|postings\.bin|jieba\.dict\.utf8|jieba\.user\.utf8|jieba\.json)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** A temporary file this old is no build's work in progress (writing one takes seconds). */
const STALE_TEMP_MS = 10 * 60_000;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary files left by killed builds: those of a process that is gone, or old ones
 * (pids are reused, e.g. pid 1 in every container). Another live build's fresh files stay.
 * Returns the names removed.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info) continue;
    const old = Date.now() - info.mtimeMs > STALE_TEMP_MS;
    if (!old && processAlive(Number(m[1]))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function newBuildId(): string {
  return randomUUID();
}

/** Saves a build; `manifest.checksums` is filled in here from the bytes written. */
export async function saveIndex(
  dir: string,
  manifest: Omit<Manifest, "checksums">,
  corpus: StoredCorpus,
  index: CompactIndex,
): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir);
  const corpusText = [JSON.stringify({ buildId: corpus.buildId, bulletins: corpus.bulletins }), ...corpus.passages.map((p) => JSON.stringify(p))].join("\n") + "\n";
  const postings = index.toBinary(manifest.buildId);
  const saved: Manifest = { ...manifest, checksums: { [CORPUS]: sha256(corpusText), [INDEX]: sha256(postings) } };
  await writeAtomic(join(dir, CORPUS), corpusText);
  await writeAtomic(join(dir, INDEX), postings);
  await writeAtomic(join(dir, MANIFEST), JSON.stringify(saved, null, 2));
  // Indexes before schema 6 kept MiniSearch's JSON here, before schema 10 the corpus as one
  // JSON document; neither is read again.
  await rm(join(dir, "minisearch.json"), { force: true });
  await rm(join(dir, "corpus.json"), { force: true });
  return saved;
}

/** The saved manifest: missing (no index yet), damaged (with why), or valid. */
export type ManifestRead = { kind: "missing" } | { kind: "damaged"; reason: string } | { kind: "ok"; manifest: Manifest };

export async function readManifest(dir: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { kind: "missing" } : { kind: "damaged", reason: `manifest.json 无法读取（${code}）` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "damaged", reason: "manifest.json 不是有效的 JSON" };
  }
  // An index of an older schema is not damaged, just outdated: staleReason says so.
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version !== SCHEMA_VERSION) {
    return { kind: "ok", manifest: { ...(json as Manifest), schemaVersion: version, files: [], skipped: [], checksums: {} } };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: "damaged", reason: `manifest.json 内容不完整（${issue.path.join(".") || "根"}：${issue.message}）` };
  }
  return { kind: "ok", manifest: parsed.data };
}

/** Why the saved index cannot be used for these seeds, or null when it can. */
/** The thesaurus as the serving dictionary sees it: its words, in a fingerprint. */
export function thesaurusFingerprint(words: readonly string[]): string {
  return sha256([...words].sort().join("\n"));
}

export function staleReason(manifest: Manifest | null, files: SeedFile[], thesaurus: string): string | null {
  if (!manifest) return "索引不存在";
  if (manifest.schemaVersion !== SCHEMA_VERSION) return `索引格式已更新（${manifest.schemaVersion} → ${SCHEMA_VERSION}）`;
  if (manifest.thesaurus !== thesaurus) return "同义词表已更改";
  const saved = new Map(manifest.files.map((f) => [f.name, f.sha256]));
  const current = new Map(files.map((f) => [f.name, f.sha256]));
  for (const [name, hash] of current) {
    if (!saved.has(name)) return `新增文件 ${name}`;
    if (saved.get(name) !== hash) return `文件已修改 ${name}`;
  }
  for (const name of saved.keys()) if (!current.has(name)) return `文件已删除 ${name}`;
  return null;
}

/** Passage fields that repeat from passage to passage: per bulletin, per item, per section. */
const REPEATED_FIELDS = ["source", "org", "place", "title", "section", "author", "authorRole", "text"] as const;

/**
 * JSON.parse gives every passage its own copy of each string, so a bulletin's file name,
 * organisation and title would be held once per passage, and so would a paragraph templated
 * bulletins repeat word for word. Equal values are made one string again (`seen` carries them
 * from passage to passage), as the parser had them when the index was built.
 */
function shareRepeatedStrings(passage: Passage, seen: Map<string, string>): void {
  for (const field of REPEATED_FIELDS) {
    const value = passage[field];
    if (typeof value !== "string") continue;
    const shared = seen.get(value);
    if (shared === undefined) seen.set(value, value);
    else passage[field] = shared;
  }
}

/** corpus.jsonl's bytes as a corpus, its strings shared; null when a line is not what it should be. */
function parseCorpus(bytes: Buffer): StoredCorpus | null {
  let end = bytes.indexOf(0x0a);
  if (end < 0) return null;
  const head = CorpusHeadSchema.safeParse(JSON.parse(bytes.toString("utf8", 0, end)));
  if (!head.success) return null;
  const passages: Passage[] = [];
  const shared = new Map<string, string>();
  for (let start = end + 1; start < bytes.length; start = end + 1) {
    end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = PassageOutline.safeParse(JSON.parse(bytes.toString("utf8", start, end)));
    if (!line.success) return null;
    const passage = line.data as unknown as Passage;
    shareRepeatedStrings(passage, shared);
    passages.push(passage);
  }
  return { ...(head.data as unknown as Omit<StoredCorpus, "passages">), passages };
}

export type StoredRead = { ok: true; corpus: StoredCorpus; index: CompactIndex } | { ok: false; reason: string };

/**
 * Loads the data files, each checked against the manifest's checksum before it is parsed.
 * Never throws: a missing, damaged or foreign file comes back as the reason to rebuild.
 */
export async function loadStored(dir: string, manifest: Manifest): Promise<StoredRead> {
  const bytes: Record<string, Buffer> = {};
  for (const name of [CORPUS, INDEX]) {
    try {
      bytes[name] = await readFile(join(dir, name));
    } catch (error) {
      return { ok: false, reason: `${name} 无法读取（${(error as NodeJS.ErrnoException).code ?? "?"}）` };
    }
    if (manifest.checksums[name] !== sha256(bytes[name]!)) return { ok: false, reason: `${name} 校验和不符（文件已损坏或不完整）` };
  }
  try {
    const corpus = parseCorpus(bytes[CORPUS]!);
    if (!corpus) return { ok: false, reason: `${CORPUS} 内容不完整` };
    if (corpus.buildId !== manifest.buildId) return { ok: false, reason: `${CORPUS} 属于另一次构建` };
    const index = CompactIndex.fromBinary(bytes[INDEX]!, corpus.passages, manifest.buildId);
    return index ? { ok: true, corpus, index } : { ok: false, reason: `${INDEX} 与语料不符` };
  } catch (error) {
    return { ok: false, reason: `索引文件无法解析（${error instanceof Error ? error.message : String(error)}）` };
  }
}
