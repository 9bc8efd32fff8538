import type { Logger } from "./bot/logger.js";
import type { RunningBot, TelegramFault } from "./bot/run.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { HealthSources } from "./ops/health.js";
import type { LiveEngine, LiveEngineEvent } from "./ops/live-engine.js";

/**
 * `npm start` / `node dist/main.js`: with BOT_TOKEN the Telegram bot (polling or webhook),
 * without it the terminal chat. The bot logs JSON lines on stdout — one per fault, never a
 * stack trace — and exits non-zero on what no retry can fix, so a supervisor sees it:
 *
 *   1   start-up failed (a bad variable, no seeds folder, a port in use, a 4xx from Telegram)
 *   75  another instance is polling with this token (409): restart later
 *   78  the token was rejected (401): do not restart until it is fixed
 *
 * Each front end's modules are imported only on its own path (the terminal chat never loads
 * grammy, pino or the Bot API runner; the bot never loads the terminal renderer), and the
 * engine's build-only code (MiniSearch, the bulletin format readers) loads only when the index
 * must be built: start-up time and resident memory are mostly module loading.
 */

/** Shutdown must finish within a few seconds even if Telegram or a handler hangs. */
const FORCE_EXIT_MS = 4_000;
const EXIT_START_FAILED = 1;
const EXIT_CONFLICT = 75;
const EXIT_TOKEN_REJECTED = 78;

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  if (!config.botToken) {
    process.stderr.write(
      "未设置 BOT_TOKEN，进入终端问答。要连接 Telegram：向 @BotFather 申请机器人令牌，写入 .env 的 BOT_TOKEN 后重新运行 npm start（详见 README 的 Telegram bot 一节）。\n",
    );
    const [{ Engine }, { runConsoleChat }] = await Promise.all([import("./engine.js"), import("./console.js")]);
    const engine = await Engine.open({ seedsDir: config.seedsDir, indexDir: config.indexDir });
    await runConsoleChat(engine);
    return;
  }
  await runBot(config, config.botToken);
}

async function runBot(config: Config, token: string): Promise<void> {
  const [
    { createBot },
    { createLogger },
    { loggingLink, startPolling, startWebhook, StartCancelled, TelegramFatalError },
    { startHealthServer },
    { LiveEngine },
    { deferDictionaryLoad, loadDeferredDictionary },
  ] = await Promise.all([
    import("./bot/bot.js"),
    import("./bot/logger.js"),
    import("./bot/run.js"),
    import("./ops/health.js"),
    import("./ops/live-engine.js"),
    import("./text/segment.js"),
  ]);
  const logger = createLogger({ level: config.logLevel, token, secrets: [config.webhookSecret] });
  const stopStart = new AbortController();
  let running: RunningBot | undefined;
  let live: LiveEngine | undefined;
  let closeHealth: (() => Promise<void>) | undefined;
  let stopRequested = false;

  const exit = (code: number) => {
    setTimeout(() => process.exit(code), FORCE_EXIT_MS).unref();
    live?.stop();
    Promise.allSettled([running?.stop(), closeHealth?.()]).then(() => process.exit(code));
  };
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = true;
    logger.info({ signal }, "shutting down");
    stopStart.abort();
    exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  const fatal = (fault: TelegramFault) => {
    if (stopRequested) return;
    stopRequested = true;
    if (fault.kind === "conflict") {
      logger.fatal(
        { fault: "conflict", description: fault.description },
        "another instance is polling with this token (or a webhook is set); stopping",
      );
      exit(EXIT_CONFLICT);
    } else {
      logger.fatal({ fault: "token-rejected", description: fault.description }, "token rejected by Telegram (401); check BOT_TOKEN");
      exit(EXIT_TOKEN_REJECTED);
    }
  };

  const link = loggingLink(logger);
  const health: HealthSources = {
    mode: config.mode,
    engine: () => live?.status() ?? null,
    telegram: () => link.status(),
  };
  try {
    // Up before the index, so a first start that builds it reports 503 "no index yet", not silence.
    if (config.mode === "polling" && config.healthPort !== undefined) {
      closeHealth = (await startHealthServer(config.healthPort, undefined, health)).close;
    }
    // jieba's dictionary loads once the bot is taking updates (below), not before: see segment.ts.
    // A build at this start (no index yet) cuts text, which loads it there as before.
    deferDictionaryLoad();
    live = await LiveEngine.open({
      seedsDir: config.seedsDir,
      indexDir: config.indexDir,
      intervalMs: config.reloadIntervalSeconds * 1000,
      onEvent: (event) => logEngineEvent(logger, event),
    });
  } catch (error) {
    return startFailed(logger, error);
  }
  if (stopRequested) return;
  const info = live.info();
  logger.info({ files: info.files, passages: info.passages, builtAt: info.builtAt, from: live.current.openedFrom.kind }, "index ready");

  const bot = createBot(
    live,
    {
      botToken: token,
      apiRoot: config.apiRoot,
      allowedChats: config.allowedChats,
      admin: { ids: config.adminIds, seedsDir: config.seedsDir, engine: live },
    },
    { logger },
  );
  try {
    running =
      config.mode === "webhook"
        ? await startWebhook(bot, logger, {
            url: config.webhookUrl!,
            secret: config.webhookSecret!,
            port: config.port,
            link,
            signal: stopStart.signal,
            health: { engine: health.engine! },
            adminIds: config.adminIds,
          })
        : await startPolling(bot, logger, { link, signal: stopStart.signal, onFatal: fatal, adminIds: config.adminIds });
  } catch (error) {
    if (error instanceof StartCancelled) return;
    if (error instanceof TelegramFatalError) {
      fatal(error.fault);
      return;
    }
    return startFailed(logger, error);
  }
  // A signal that arrived while starting found nothing to stop yet.
  if (stopRequested) {
    await running.stop();
    return;
  }
  // The first getUpdates (or setWebhook) is out; load the dictionary while it waits, after this
  // turn of the event loop so the request is written first. A question that comes sooner loads
  // it itself (every cut does).
  setImmediate(loadDeferredDictionary);
}

function logEngineEvent(logger: Logger, event: LiveEngineEvent): void {
  switch (event.kind) {
    case "warning":
      logger.warn({ source: "index" }, event.message);
      break;
    case "reloading":
      logger.info({ reason: event.reason }, "reloading the index in the background");
      break;
    case "swapped":
      logger.info(
        { files: event.info.files, passages: event.info.passages, builtAt: event.info.builtAt, rebuilt: event.builtFresh, ms: event.ms },
        "new index in service",
      );
      break;
    case "reload-failed":
      logger.error({ fault: "reload-failed", error: event.error }, "index reload failed; still serving the previous index");
      break;
  }
}

async function startFailed(logger: Logger, error: unknown): Promise<never> {
  const [{ GrammyError }, { errorText }] = await Promise.all([import("grammy"), import("./ops/telegram-link.js")]);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail =
    code === "EADDRINUSE" || code === "EACCES"
      ? "port cannot be listened on"
      : error instanceof GrammyError
        ? `Telegram refused the request (${error.error_code}: ${error.description})`
        : errorText(error);
  logger.fatal({ fault: "start-failed", error: errorText(error), code }, `start-up failed: ${detail}`);
  // pino writes synchronously to stdout; nothing is lost by exiting now.
  process.exit(EXIT_START_FAILED);
}

main().catch((error: unknown) => {
  // Last resort; still one line (engine errors such as a missing seeds folder land here).
  fail(`启动失败：${error instanceof Error ? error.message : String(error)}`);
});
