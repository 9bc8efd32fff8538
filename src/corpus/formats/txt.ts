import { decodeBulletin } from "../../text/decode.js";
import { skip, type Extraction } from "./types.js";

/** Plain text: every line is a paragraph, and the text says everything about structure. */
export function readTxt(bytes: Uint8Array): Extraction {
  const decoded = decodeBulletin(bytes);
  if (!decoded.ok) return skip(decoded.reason);
  return { ok: true, blocks: decoded.text.split(/\r\n?|\n/).map((text) => ({ text })), meta: {}, format: "txt", encoding: decoded.encoding };
}
