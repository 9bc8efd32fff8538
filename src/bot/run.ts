import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { run } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import { registerCommands } from "./features/commands.js";
import type { Logger } from "./logger.js";

/** The only update types the features use; Telegram then does not send the rest at all. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

export interface RunningBot {
  /** Stops taking updates and lets in-flight ones finish (bounded); safe to call twice. */
  stop(): Promise<void>;
}

/** How long shutdown waits for handlers already running, so SIGTERM exits within seconds. */
const DRAIN_MS = 3_000;

/** Long polling with @grammyjs/runner: updates are handled concurrently (per-chat order kept by createBot). */
export async function startPolling(bot: Bot, logger: Logger): Promise<RunningBot> {
  await bot.init();
  // A webhook and getUpdates exclude each other (409 Conflict): switching modes must just work.
  await bot.api.deleteWebhook();
  await registerCommands(bot, logger);
  // The runner only confirms updates on its next getUpdates; after a stop that never comes, so
  // a restart would re-deliver (and re-answer) the last batch. Track what was handled and
  // confirm it on stop.
  let handledUpTo = 0;
  const adapter = {
    init: () => bot.init(),
    api: bot.api,
    errorHandler: (error: Parameters<typeof bot.errorHandler>[0]) => bot.errorHandler(error),
    handleUpdate: async (update: Parameters<typeof bot.handleUpdate>[0]) => {
      try {
        await bot.handleUpdate(update);
      } finally {
        handledUpTo = Math.max(handledUpTo, update.update_id);
      }
    },
  };
  const handle = run(adapter, {
    runner: {
      fetch: { timeout: 30, allowed_updates: ALLOWED_UPDATES },
      // The runner would print fetch errors with console.error, URL (and token) included.
      silent: true,
    },
  });
  logger.info({ mode: "polling", username: bot.botInfo.username }, "bot started");

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        if (handle.isRunning()) await handle.stop();
        const deadline = Date.now() + DRAIN_MS;
        while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        if (handledUpTo > 0) {
          await bot.api
            .getUpdates({ offset: handledUpTo + 1, limit: 1, timeout: 0 })
            .catch((error: unknown) => logger.warn({ err: error }, "could not confirm handled updates"));
        }
        logger.info({ mode: "polling" }, "bot stopped");
      })();
      return stopping;
    },
  };
}

export interface WebhookOptions {
  /** Public URL Telegram posts to; its path is the route served here. */
  url: string;
  secret: string;
  port: number;
  /** Default all interfaces; tests use 127.0.0.1. */
  host?: string;
  /** Skip setWebhook (when it is managed elsewhere). */
  setWebhook?: boolean;
}

export interface RunningWebhook extends RunningBot {
  server: Server;
  port: number;
}

/** Webhook mode on node:http: POST <path of WEBHOOK_URL> with the secret header, GET /healthz. */
export async function startWebhook(bot: Bot, logger: Logger, options: WebhookOptions): Promise<RunningWebhook> {
  await bot.init();
  const path = new URL(options.url).pathname || "/";
  // grammY compares X-Telegram-Bot-Api-Secret-Token in constant time and answers 401 itself.
  const handleUpdate = webhookCallback(bot, "http", {
    secretToken: options.secret,
    // Telegram redelivers an update whose request fails; a slow answer is better than a duplicate.
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  let inFlight = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && route === "/healthz") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: true, mode: "webhook" }));
      return;
    }
    if (req.method === "POST" && route === path) {
      inFlight++;
      handleUpdate(req, res)
        .catch((error: unknown) => {
          logger.warn({ err: error }, "webhook request failed");
          if (!res.headersSent) res.writeHead(400).end();
        })
        .finally(() => inFlight--);
      return;
    }
    res.writeHead(404).end();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  if (options.setWebhook !== false) {
    await bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: ALLOWED_UPDATES });
  }
  await registerCommands(bot, logger);
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
        while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        server.closeAllConnections();
        await closed;
        logger.info({ mode: "webhook" }, "bot stopped");
      })();
      return stopping;
    },
  };
}
