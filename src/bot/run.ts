import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { createConcurrentSink, createRunner, createSource, type UpdateSupplier } from "@grammyjs/runner";
import { BotError, GrammyError, webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import { serveHealth, type HealthSources } from "../ops/health.js";
import { errorText, nativeSignal, TelegramLink, withUpdateBudget, type LinkStatus } from "../ops/telegram-link.js";
import type { Logger } from "./logger.js";
import { syncProfile } from "./profile.js";

/** The only update types the features use; Telegram then does not send the rest at all. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

export interface RunningBot {
  /** Stops taking updates and lets in-flight ones finish (bounded); safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A fault no retry can fix: the supervisor must see it (the process exits non-zero).
 * conflict: another getUpdates consumer (or a webhook) holds this token; unauthorized: the
 * token was revoked or is wrong.
 */
export type TelegramFault = { kind: "conflict" | "unauthorized"; description: string };

export class TelegramFatalError extends Error {
  override name = "TelegramFatalError";
  constructor(readonly fault: TelegramFault) {
    super(fault.description);
  }
}

/** Start-up was cancelled (SIGTERM while still trying to reach Telegram). */
export class StartCancelled extends Error {
  override name = "StartCancelled";
}

export interface StartOptions {
  /** The link whose state /healthz reports; one is made (logging to `logger`) when not given. */
  link?: TelegramLink;
  /** Aborting it cancels a start still waiting for Telegram (StartCancelled). */
  signal?: AbortSignal;
  /** Longest wait between start-up attempts while the Bot API is unreachable (default 30 s). */
  maxConnectDelayMs?: number;
  /** Administrators (ADMIN_IDS): their private chats get the admin command menu. */
  adminIds?: Iterable<number>;
}

export interface PollingOptions extends StartOptions {
  /** getUpdates long-poll timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Longest wait between failed polls (default 5 s): the first answer after an outage comes soon. */
  maxPollDelayMs?: number;
  /** Called once when polling hits a fault no retry can fix; the bot has stopped polling. */
  onFatal?: (fault: TelegramFault) => void;
}

/** How long shutdown waits for handlers already running, so SIGTERM exits within seconds. */
const DRAIN_MS = 3_000;

/** A link that logs each change between reachable and unreachable, once. */
export function loggingLink(logger: Logger): TelegramLink {
  let wasReachable = false;
  let downSince = 0;
  return new TelegramLink((status: LinkStatus) => {
    if (status.reachable === false && wasReachable) {
      downSince = Date.now();
      logger.warn({ fault: "telegram-unreachable", error: status.lastError }, "Bot API unreachable; retrying");
    } else if (status.reachable === true && downSince > 0) {
      logger.info({ downSeconds: Math.round((Date.now() - downSince) / 1000) }, "Bot API reachable again");
      downSince = 0;
    }
    if (status.reachable !== null) wasReachable = status.reachable;
  });
}

const guarded = new WeakSet<Bot>();

/** Installs the link's timeouts once per bot (after createBot's auto-retry, so retries are bounded too). */
function guard(bot: Bot, link: TelegramLink): void {
  if (guarded.has(bot)) return;
  guarded.add(bot);
  bot.api.config.use(link.transformer);
}

function fatalOf(error: unknown): TelegramFault | null {
  if (!(error instanceof GrammyError)) return null;
  if (error.error_code === 401) return { kind: "unauthorized", description: error.description };
  if (error.error_code === 409) return { kind: "conflict", description: error.description };
  return null;
}

/** A 4xx other than 401/409/429 at start is a configuration problem (e.g. a bad webhook URL): fail. */
function retryable(error: unknown): boolean {
  return !(error instanceof GrammyError) || error.error_code >= 500 || error.error_code === 429;
}

/**
 * Runs the start-up calls until Telegram answers them: an unreachable Bot API is logged (one
 * line per attempt) and retried with a doubling wait capped at maxConnectDelayMs; a rejected
 * token is fatal at once.
 */
async function connect(logger: Logger, options: StartOptions, calls: () => Promise<void>): Promise<void> {
  const cap = options.maxConnectDelayMs ?? 30_000;
  let delay = 1_000;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new StartCancelled("stopped before Telegram was reached");
    try {
      await calls();
      return;
    } catch (error) {
      const fatal = fatalOf(error);
      if (fatal) throw new TelegramFatalError(fatal);
      if (!retryable(error)) throw error;
      const wait = Math.min(delay, cap);
      logger.warn(
        { fault: "telegram-unreachable", attempt, retryInSeconds: wait / 1000, error: errorText(error) },
        "cannot reach the Bot API at start; retrying",
      );
      try {
        await sleep(wait, undefined, options.signal ? { signal: options.signal } : {});
      } catch {
        throw new StartCancelled("stopped before Telegram was reached");
      }
      delay = Math.min(delay * 2, cap);
    }
  }
}

/** Hands a failed update to bot.catch (log line, apology); never throws. */
async function reportFailure(bot: Bot, logger: Logger, error: unknown): Promise<void> {
  try {
    if (error instanceof BotError) await bot.errorHandler(error);
    else logger.error({ error: errorText(error) }, "update failed outside middleware");
  } catch (inner) {
    logger.error({ error: errorText(inner) }, "error handler failed");
  }
}

/** Start-up calls give up sooner than others, so an unreachable Bot API is reported within 10 s. */
const START_CALL_TIMEOUT_MS = 5_000;
type CallSignal = Parameters<Bot["api"]["getMe"]>[0];
const startSignal = () => AbortSignal.timeout(START_CALL_TIMEOUT_MS) as unknown as CallSignal;

/** bot.init() without its own silent retry loop (grammY retries network errors forever there). */
async function identify(bot: Bot): Promise<void> {
  if (!bot.isInited()) bot.botInfo = await bot.api.getMe(startSignal());
}

/**
 * Long polling with @grammyjs/runner's source, sink and runner, but our own fetch loop: its
 * built-in one doubles its wait without a cap (85 s to the first answer after a 2-minute
 * outage) and throws 401/409 as an unhandled rejection. Updates are handled concurrently
 * (per-chat order kept by createBot), each with its Telegram time budget.
 */
export async function startPolling(bot: Bot, logger: Logger, options: PollingOptions = {}): Promise<RunningBot> {
  const link = options.link ?? loggingLink(logger);
  guard(bot, link);
  // A webhook and getUpdates exclude each other (409 Conflict): switching modes must just work.
  // Both calls at once: neither needs the other's answer, and each round trip to Telegram is
  // start-up time.
  await connect(logger, options, async () => {
    await Promise.all([identify(bot), bot.api.deleteWebhook({}, startSignal())]);
  });
  await syncProfile(bot, logger, options.adminIds);

  const pollTimeout = options.pollTimeoutSeconds ?? 30;
  const maxPollDelay = options.maxPollDelayMs ?? 5_000;
  let offset = 0;
  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      let delay = 250;
      for (;;) {
        try {
          const updates = await bot.api.getUpdates(
            { offset, limit: Math.max(1, Math.min(batchSize, 100)), timeout: pollTimeout, allowed_updates: [...ALLOWED_UPDATES] },
            signal,
          );
          const last = updates.at(-1);
          if (last) offset = last.update_id + 1;
          return updates;
        } catch (error) {
          if (signal.aborted || fatalOf(error)) throw error;
          // The link logs the outage once; each retry is only worth a debug line.
          logger.debug({ error: errorText(error), retryInMs: delay }, "getUpdates failed");
          const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
          await sleep(retryAfter ? retryAfter * 1000 : delay, undefined, { signal: nativeSignal(signal) }).catch(() => {});
          if (signal.aborted) throw error;
          delay = Math.min(delay * 2, maxPollDelay);
        }
      }
    },
  };

  // The runner only confirms updates on its next getUpdates; after a stop that never comes, so
  // a restart would re-deliver (and re-answer) the last batch. Track what was handled and
  // confirm it on stop.
  let handledUpTo = 0;
  const sink = createConcurrentSink<Update>(
    {
      // The error handler (the apology) runs inside the update's budget too, or it could
      // reach the user long after the question.
      consume: (update) =>
        withUpdateBudget(async () => {
          try {
            await bot.handleUpdate(update);
          } catch (error) {
            await reportFailure(bot, logger, error);
          } finally {
            handledUpTo = Math.max(handledUpTo, update.update_id);
          }
        }),
    },
    (error) => reportFailure(bot, logger, error),
  );
  const runner = createRunner(createSource(supplier), sink);
  runner.start();
  let fatal = false;
  runner.task()?.catch((error: unknown) => {
    const fault = fatalOf(error);
    fatal = true;
    if (fault) {
      options.onFatal?.(fault);
      return;
    }
    // Not expected (the fetch loop retries everything else), but never an unhandled rejection.
    logger.error({ error: errorText(error) }, "polling stopped");
    options.onFatal?.({ kind: "conflict", description: errorText(error) });
  });
  logger.info({ mode: "polling", username: bot.botInfo.username }, "bot started");

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        if (runner.isRunning()) await runner.stop()?.catch(() => {});
        const deadline = Date.now() + DRAIN_MS;
        while (runner.size() > 0 && Date.now() < deadline) await sleep(25);
        if (handledUpTo > 0 && !fatal) {
          await bot.api
            .getUpdates({ offset: handledUpTo + 1, limit: 1, timeout: 0 })
            .catch((error: unknown) => logger.warn({ error: errorText(error) }, "could not confirm handled updates"));
        }
        logger.info({ mode: "polling" }, "bot stopped");
      })();
      return stopping;
    },
  };
}

export interface WebhookOptions extends StartOptions {
  /** Public URL Telegram posts to; its path is the route served here. */
  url: string;
  secret: string;
  port: number;
  /** Default all interfaces; tests use 127.0.0.1. */
  host?: string;
  /** Skip setWebhook (when it is managed elsewhere). */
  setWebhook?: boolean;
  /** What /healthz reports; without it, only the link to Telegram. */
  health?: Omit<HealthSources, "telegram" | "mode">;
  /** Requests handled at once; more get 503 (Telegram retries them). Default 64. */
  maxConcurrent?: number;
}

export interface RunningWebhook extends RunningBot {
  server: Server;
  port: number;
}

/** Telegram's updates are a few KB; anything near this is not Telegram. */
export const MAX_BODY_BYTES = 1024 * 1024;
const HEADERS_TIMEOUT_MS = 10_000;
const BODY_TIMEOUT_MS = 15_000;

class BodyTooLarge extends Error {}

/** Reads a request body up to `limit` bytes; rejects (BodyTooLarge) as soon as it goes over. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Webhook mode on node:http: POST <path of WEBHOOK_URL> with the secret header, GET /healthz.
 * The server bounds what a caller can make it hold: a body over 1 MB gets 413 (checked on the
 * declared length, then while reading), slow headers or bodies are cut off, and past
 * `maxConcurrent` requests in flight it answers 503 at once.
 */
export async function startWebhook(bot: Bot, logger: Logger, options: WebhookOptions): Promise<RunningWebhook> {
  const link = options.link ?? loggingLink(logger);
  guard(bot, link);
  await connect(logger, options, () => identify(bot));
  const path = new URL(options.url).pathname || "/";
  const maxConcurrent = options.maxConcurrent ?? 64;
  // The body is read (and bounded) here; grammY gets the parsed update and still checks the secret.
  const handleUpdate = webhookCallback(
    bot,
    (update: Update, header: string | undefined, res: ServerResponse) => ({
      update,
      header,
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { "Content-Type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401).end(),
      handlerReturn: undefined,
    }),
    {
      secretToken: options.secret,
      // Telegram redelivers an update whose request fails; a slow answer is better than a duplicate.
      onTimeout: "return",
      timeoutMilliseconds: 9_000,
    },
  );
  const health: HealthSources = { mode: "webhook", telegram: () => link.status(), ...(options.health ?? {}) };
  let inFlight = 0;

  const serveUpdate = async (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers["x-telegram-bot-api-secret-token"];
    if (!sameSecret(header, options.secret)) {
      res.writeHead(401).end();
      req.resume();
      return;
    }
    let update: Update;
    try {
      update = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString("utf8")) as Update;
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        logger.warn({ fault: "webhook-body-too-large" }, "webhook request over 1 MB refused");
        res.writeHead(413, { Connection: "close" }).end();
        req.destroy();
      } else res.writeHead(400).end();
      return;
    }
    await withUpdateBudget(async () => {
      try {
        await handleUpdate(update, header as string, res);
      } catch (error) {
        // Handled here (logged, apologised for): a non-2xx would make Telegram redeliver an
        // update that fails the same way.
        await reportFailure(bot, logger, error);
        if (!res.headersSent) res.writeHead(200).end();
      }
    });
  };

  // Node enforces headersTimeout/requestTimeout on a timer (30 s by default): check often.
  const server = createServer({ connectionsCheckingInterval: 2_000 }, (req: IncomingMessage, res: ServerResponse) => {
    if (serveHealth(req, res, health)) return;
    const route = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || route !== path) {
      res.writeHead(404).end();
      return;
    }
    if (inFlight >= maxConcurrent) {
      res.writeHead(503, { "Retry-After": "1" }).end();
      req.resume();
      return;
    }
    inFlight++;
    serveUpdate(req, res)
      .catch((error: unknown) => {
        logger.warn({ error: errorText(error) }, "webhook request failed");
        if (!res.headersSent) res.writeHead(400).end();
      })
      .finally(() => inFlight--);
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = BODY_TIMEOUT_MS;
  server.maxConnections = maxConcurrent * 4;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  try {
    if (options.setWebhook !== false) {
      await connect(logger, options, () =>
        bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: ALLOWED_UPDATES }).then(() => {}),
      );
    }
    await syncProfile(bot, logger, options.adminIds);
  } catch (error) {
    server.close();
    server.closeAllConnections();
    throw error;
  }
  logger.info({ mode: "webhook", port, path, username: bot.botInfo.username }, "bot started");

  let stopping: Promise<void> | undefined;
  return {
    server,
    port,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const deadline = Date.now() + DRAIN_MS;
        while (inFlight > 0 && Date.now() < deadline) await sleep(25);
        server.closeAllConnections();
        await closed;
        logger.info({ mode: "webhook" }, "bot stopped");
      })();
      return stopping;
    },
  };
}
