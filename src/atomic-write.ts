import { randomUUID } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";

/**
 * Writes a file whole or not at all: to a temporary name beside it, then renamed over it (a
 * rename within one folder is atomic), so a reader never sees half a file. A process killed
 * mid-write leaves `<file>.<pid>.<random>.tmp`, which the index store removes at the next build
 * (TEMP_FILE in src/search/store.ts matches this name).
 */
export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
