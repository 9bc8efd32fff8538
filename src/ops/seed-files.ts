import { randomBytes } from "node:crypto";
import { link, open, readdir, rename, stat, unlink } from "node:fs/promises";
import { extname, join } from "node:path";
import { CATALOGUE_FILE } from "../corpus/catalogue.js";
import { BULLETIN_EXTENSIONS, isBulletinFile } from "../corpus/formats/index.js";
import { OPERATOR_THESAURUS_NAME } from "../paths.js";

/**
 * Writing and removing bulletin files in the seeds folder on someone else's behalf (an
 * administrator's upload). A name that arrives from outside is made safe first; a file is
 * written whole under a hidden temporary name and renamed into place, so the index build (or
 * the live engine's change check) never reads half a bulletin; a new file never silently
 * replaces an existing one.
 */

/** Longest file name kept, in UTF-8 bytes (filesystems allow 255; leave room). */
const MAX_NAME_BYTES = 200;

/** Names in the seeds folder that are not bulletins and must never be written from outside. */
const RESERVED = new Set([OPERATOR_THESAURUS_NAME, CATALOGUE_FILE].map((n) => n.toLowerCase()));

export type SafeName =
  | { ok: true; name: string; /** The name had to be changed to be safe. */ changed: boolean }
  | { ok: false; problem: "missing" | "extension" | "reserved" | "empty" };

// Control characters (C0, DEL, C1), bidirectional overrides and line/paragraph separators:
// invisible or misleading in a chat, a log line or a terminal.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The file name an upload is saved under, or why it cannot be one. Path separators keep only
 * the last part (`../../etc/x.txt` → `x.txt`); control and direction characters are dropped;
 * leading dots go (no hidden files, no `..`); characters other systems reject become `_`; an
 * over-long name is shortened before its extension. The extension must be a bulletin's, and the
 * operator's own files (`synonyms.txt`, `catalogue.json`) are never taken from outside.
 */
export function safeSeedName(raw: string | undefined): SafeName {
  if (raw === undefined || raw.trim() === "") return { ok: false, problem: "missing" };
  let name = raw.normalize("NFC");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(UNSAFE_CHARS, "");
  name = name.replace(/[<>:"|?*]/g, "_");
  name = name.trim();
  // Nothing but dots and spaces, perhaps before an extension (`..`, `.txt`): no name is left.
  if (/^[.\s]*(\.[^.\s]+)?$/.test(name)) return { ok: false, problem: "empty" };
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (RESERVED.has(name.toLowerCase())) return { ok: false, problem: "reserved" };
  if (!isBulletinFile(name)) return { ok: false, problem: "extension" };
  const ext = extname(name);
  let stem = name.slice(0, -ext.length).trimEnd();
  if (stem === "" || /^[.\s]*$/.test(stem)) return { ok: false, problem: "empty" };
  while (Buffer.byteLength(stem + ext, "utf8") > MAX_NAME_BYTES) stem = [...stem].slice(0, -1).join("");
  const safe = stem + ext;
  return { ok: true, name: safe, changed: safe !== raw };
}

/** The extensions accepted, for messages. */
export const ACCEPTED_EXTENSIONS: readonly string[] = BULLETIN_EXTENSIONS;

/** A bulletin file an administrator may replace or remove (never the thesaurus or the catalogue). */
export function isManagedBulletin(name: string): boolean {
  return isBulletinFile(name) && !RESERVED.has(name.toLowerCase()) && !name.startsWith(".");
}

export interface SeedFileInfo {
  name: string;
  bytes: number;
  modified: Date;
}

/** The bulletin files in the folder (regular files and links to them), in name order. */
export async function listBulletinFiles(seedsDir: string): Promise<SeedFileInfo[]> {
  const out: SeedFileInfo[] = [];
  for (const name of (await readdir(seedsDir)).filter(isManagedBulletin).sort()) {
    const info = await stat(join(seedsDir, name)).catch(() => null);
    if (info?.isFile()) out.push({ name, bytes: info.size, modified: info.mtime });
  }
  return out;
}

/** The file's size and time, or null when there is no such regular file. */
export async function seedFileInfo(seedsDir: string, name: string): Promise<SeedFileInfo | null> {
  const info = await stat(join(seedsDir, name)).catch(() => null);
  return info?.isFile() ? { name, bytes: info.size, modified: info.mtime } : null;
}

export type SaveOutcome = { kind: "saved"; replaced: boolean } | { kind: "exists" };

/**
 * Writes `bytes` as `seedsDir/name`: to a hidden temporary file first (flushed to disk), then
 * into place in one step. Without `replace`, an existing file is left alone (`exists`) —
 * checked atomically with a hard link where the filesystem has them. Throws on disk errors
 * (read-only folder, disk full); the temporary file is removed either way.
 */
export async function saveSeedFile(seedsDir: string, name: string, bytes: Uint8Array, options: { replace: boolean }): Promise<SaveOutcome> {
  if (!isManagedBulletin(name) || name.includes("/") || name.includes("\\")) throw new Error(`not a bulletin file name: ${name}`);
  const target = join(seedsDir, name);
  await removeStaleTemporaries(seedsDir);
  // Hidden and without a bulletin extension: the index build and the change check never see it.
  const temp = join(seedsDir, `.upload-${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", 0o644);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace) {
      const existed = (await seedFileInfo(seedsDir, name)) !== null;
      await rename(temp, target);
      return { kind: "saved", replaced: existed };
    }
    try {
      // link() fails with EEXIST instead of overwriting: no window between "is it there?" and "write".
      await link(temp, target);
      return { kind: "saved", replaced: false };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return { kind: "exists" };
      // Filesystems without hard links: check, then rename (a tiny race, only against another admin).
      if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "EXDEV") {
        if (await stat(target).then(() => true, () => false)) return { kind: "exists" };
        await rename(temp, target);
        return { kind: "saved", replaced: false };
      }
      throw error;
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/** Temporary files older than this were left by a process that died mid-upload. */
const STALE_TEMP_MS = 60 * 60 * 1000;
const TEMP_NAME = /^\.upload-[0-9a-f]{12}\.tmp$/;

/** Best effort: an upload killed between write and rename leaves its temporary file; the next upload clears it. */
async function removeStaleTemporaries(seedsDir: string): Promise<void> {
  const names = await readdir(seedsDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => TEMP_NAME.test(n))) {
    const info = await stat(join(seedsDir, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(join(seedsDir, name)).catch(() => {});
  }
}

/** Removes a bulletin file; false when it was not there. Throws on other disk errors. */
export async function removeSeedFile(seedsDir: string, name: string): Promise<boolean> {
  if (!isManagedBulletin(name) || name.includes("/") || name.includes("\\")) throw new Error(`not a bulletin file name: ${name}`);
  try {
    await unlink(join(seedsDir, name));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
