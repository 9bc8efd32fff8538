import * as z from "zod";

/**
 * Callback data is the only state a button has. It carries a version, an action and small
 * integers or a passage id — never the question (that travels in the message text) — so any
 * replica can answer any button and a restart breaks none. Telegram caps it at 64 bytes.
 *
 *   1|p|<page>            show results page <page> (1-based) for the message's question
 *   1|x|<page>|<id>       show passage <id> with context; <page> is the results page to go
 *                         back to, 0 when the view did not come from results (deep link)
 *   1|e|<index>           ask example question <index> of engine.examples()
 */

export const CALLBACK_VERSION = "1";
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Passage ids are `[a-z0-9-]`, ≤ 24 chars today; leave a little headroom. */
export const PassageId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

const Page = z.coerce.number().int().min(0).max(999);

export const CallbackData = z.discriminatedUnion("action", [
  z.object({ action: z.literal("p"), page: Page.min(1) }),
  z.object({ action: z.literal("x"), page: Page, id: PassageId }),
  z.object({ action: z.literal("e"), index: z.coerce.number().int().min(0).max(99) }),
]);
export type CallbackData = z.infer<typeof CallbackData>;

export function encodeCallback(data: CallbackData): string {
  const parts: (string | number)[] = [CALLBACK_VERSION, data.action];
  switch (data.action) {
    case "p":
      parts.push(data.page);
      break;
    case "x":
      parts.push(data.page, data.id);
      break;
    case "e":
      parts.push(data.index);
      break;
  }
  const encoded = parts.join("|");
  // A programming error, not user input: fail loudly in tests rather than send a button Telegram rejects.
  if (Buffer.byteLength(encoded, "utf8") > CALLBACK_DATA_MAX_BYTES) {
    throw new Error(`callback data too long: ${encoded}`);
  }
  return encoded;
}

/** Undefined for anything stale, forged or from another version. */
export function decodeCallback(raw: string | undefined): CallbackData | undefined {
  if (raw === undefined || Buffer.byteLength(raw, "utf8") > CALLBACK_DATA_MAX_BYTES) return undefined;
  const [version, action, ...rest] = raw.split("|");
  if (version !== CALLBACK_VERSION) return undefined;
  let candidate: unknown;
  switch (action) {
    case "p":
      candidate = rest.length === 1 ? { action, page: rest[0] } : undefined;
      break;
    case "x":
      candidate = rest.length === 2 ? { action, page: rest[0], id: rest[1] } : undefined;
      break;
    case "e":
      candidate = rest.length === 1 ? { action, index: rest[0] } : undefined;
      break;
  }
  if (candidate === undefined) return undefined;
  // The number always comes first and must be plain digits: z.coerce would accept "", " 1" or "1e2".
  if (!/^\d{1,3}$/.test(rest[0] ?? "")) return undefined;
  const parsed = CallbackData.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
