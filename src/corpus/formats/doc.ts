import WordExtractor from "word-extractor";
import { skip, type Extraction } from "./types.js";

/**
 * Word 97–2003 (.doc, also what WPS saves by default) through word-extractor. The binary format
 * keeps styles in tables word-extractor does not expose, so a .doc gives text only; the parser
 * then reads structure from the text, as for .txt.
 */

/** An encrypted Office file is an OLE container holding an `EncryptedPackage` stream (UTF-16 name). */
function isEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from("EncryptedPackage", "utf16le"));
}

export async function readDoc(bytes: Uint8Array): Promise<Extraction> {
  if (isEncrypted(bytes)) return skip("文档已加密（需要密码），无法读取");
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // By default word-extractor turns “quotes” into ASCII ones; the bulletin's own characters stay.
    const text = (document.getBody as (options: { filterUnicode: boolean }) => string)({ filterUnicode: false });
    return { ok: true, blocks: text.split(/\r\n?|\n/).map((line) => ({ text: line })), meta: {}, format: "doc" };
  } catch {
    return skip("Word 97–2003 文档已损坏或已加密，无法读取正文");
  }
}
