/**
 * Fetching a document a user sent: getFile gives a path, the bytes are at
 * `<api root>/file/bot<token>/<file_path>`. Telegram lets bots download files of up to 20 MB;
 * the size is checked on what the message declares before anything is fetched, again on the
 * response's length, and while streaming, so a lying or missing size cannot make us hold more.
 */

/** Telegram's getFile limit for bots on the public Bot API. */
export const TELEGRAM_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/** The whole download, connection to last byte. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

export type Download =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: "too-big" | "failed"; detail: string };

export function fileUrl(apiRoot: string, token: string, filePath: string): string {
  // file_path is Telegram's (`documents/file_12.docx`); encode its parts all the same.
  const path = filePath.split("/").map(encodeURIComponent).join("/");
  return `${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${path}`;
}

export async function downloadFile(
  url: string,
  options: { limitBytes?: number; timeoutMs?: number } = {},
): Promise<Download> {
  const limit = options.limitBytes ?? TELEGRAM_DOWNLOAD_LIMIT_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "error" });
  } catch (error) {
    return { ok: false, problem: "failed", detail: signal.aborted ? "timed out" : describe(error) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, problem: "failed", detail: `HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, problem: "too-big", detail: `${declared} bytes declared` };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (!response.body) return { ok: true, bytes: new Uint8Array() };
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return { ok: false, problem: "too-big", detail: `over ${limit} bytes while streaming` };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, problem: "failed", detail: signal.aborted ? "timed out" : describe(error) };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message} (${cause})` : message;
}
