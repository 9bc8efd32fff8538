import { createHash } from "node:crypto";
import * as z from "zod";
import { CALLBACK_DATA_MAX_BYTES } from "../callback-data.js";

/**
 * Callback data of the administrators' buttons, apart from the question buttons' (their own
 * prefix, so neither codec ever misreads the other's). Stateless like those: a button carries
 * what it acts on, so it still works after a restart or on another replica.
 *
 *   a1|rp|<file_unique_id>   replace: the document is the one the button's message replies to
 *                            (callback_query.message.reply_to_message), checked by its unique id
 *   a1|rs|<name key>         /remove list: ask to confirm removing that file
 *   a1|rm|<name key>         remove that file (confirmed)
 *   a1|x                     cancel
 *
 * A name key is the first 16 hex digits of the file name's SHA-256: file names can be longer
 * than 64 bytes, so the button names the file by key and the seeds folder is looked up again.
 */

export const ADMIN_CALLBACK_PREFIX = "a1|";

const FileUniqueId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const NameKey = z.string().regex(/^[0-9a-f]{16}$/);

export const AdminCallback = z.discriminatedUnion("action", [
  z.object({ action: z.literal("rp"), fileUniqueId: FileUniqueId }),
  z.object({ action: z.literal("rs"), key: NameKey }),
  z.object({ action: z.literal("rm"), key: NameKey }),
  z.object({ action: z.literal("x") }),
]);
export type AdminCallback = z.infer<typeof AdminCallback>;

export function nameKey(name: string): string {
  return createHash("sha256").update(name, "utf8").digest("hex").slice(0, 16);
}

export function encodeAdminCallback(data: AdminCallback): string {
  const encoded =
    data.action === "rp"
      ? `${ADMIN_CALLBACK_PREFIX}rp|${data.fileUniqueId}`
      : data.action === "x"
        ? `${ADMIN_CALLBACK_PREFIX}x`
        : `${ADMIN_CALLBACK_PREFIX}${data.action}|${data.key}`;
  // A programming error (or a Telegram unique id longer than ever seen): never send a button Telegram rejects.
  if (Buffer.byteLength(encoded, "utf8") > CALLBACK_DATA_MAX_BYTES || !AdminCallback.safeParse(data).success) {
    throw new Error(`bad admin callback data: ${encoded}`);
  }
  return encoded;
}

/** Undefined for anything that is not a current admin button's data. */
export function decodeAdminCallback(raw: string | undefined): AdminCallback | undefined {
  if (raw === undefined || !raw.startsWith(ADMIN_CALLBACK_PREFIX) || Buffer.byteLength(raw, "utf8") > CALLBACK_DATA_MAX_BYTES) {
    return undefined;
  }
  const [action, arg, ...rest] = raw.slice(ADMIN_CALLBACK_PREFIX.length).split("|");
  if (rest.length > 0) return undefined;
  const candidate =
    action === "rp" ? { action, fileUniqueId: arg } : action === "x" ? (arg === undefined ? { action } : undefined) : { action, key: arg };
  const parsed = AdminCallback.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
