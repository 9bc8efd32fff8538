import { unzipSync, zipSync, type Unzipped } from "fflate";
import { LIMITS } from "./types.js";

/**
 * Opens an Office Open XML package safely. The declared size of every part we inflate is added
 * up before anything is inflated, so a zip bomb is refused without expanding it; fflate inflates
 * each part into a buffer of its declared size, so a part that lies about its size cannot grow
 * past it either. Pictures and other media are never inflated: the text does not need them.
 */
export type OpenedPackage = { ok: true; parts: Unzipped } | { ok: false; reason: string };

const NEEDED = /^(\[Content_Types\]\.xml|_rels\/|docProps\/|word\/(?!media\/|embeddings\/))/;

class TooLarge extends Error {}

export function openPackage(bytes: Uint8Array, limit: number = LIMITS.expandedBytes): OpenedPackage {
  let total = 0;
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!NEEDED.test(file.name)) return false;
        total += file.originalSize;
        if (total > limit) throw new TooLarge();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: `解压后超过 ${Math.round(limit / 1024 / 1024)} MB，疑似压缩炸弹` };
    return { ok: false, reason: "文件已损坏或不是 zip 格式的 Word 文档" };
  }
  if (!parts["[Content_Types].xml"] || !parts["word/document.xml"]) {
    return { ok: false, reason: "压缩包里没有 Word 正文（word/document.xml），不是 .docx 文档" };
  }
  return { ok: true, parts };
}

/** The package again as a zip whose parts are stored, not deflated: reading it inflates nothing. */
export function storedZip(parts: Unzipped): Uint8Array {
  return zipSync(parts, { level: 0 });
}
