import { GrammyError, HttpError } from "grammy";
import { createBot } from "./bot/bot.js";
import { createLogger, scrubSecrets, type Logger } from "./bot/logger.js";
import { startPolling, startWebhook, type RunningBot } from "./bot/run.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { runConsoleChat } from "./console.js";
import { Engine } from "./engine.js";

/**
 * `npm start`: with BOT_TOKEN the Telegram bot (polling or webhook), without it the terminal
 * chat. Failures a user can fix are one line on stderr and exit 1 — never a stack trace.
 */

/** Shutdown must finish within a few seconds even if Telegram or a handler hangs. */
const FORCE_EXIT_MS = 5_000;

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
    const engine = await Engine.open({ seedsDir: config.seedsDir, indexDir: config.indexDir });
    await runConsoleChat(engine);
    return;
  }

  const token = config.botToken;
  const logger = createLogger({ level: config.logLevel, token, secrets: [config.webhookSecret] });
  let running: RunningBot | undefined;
  let stopRequested = false;

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.warn("shutdown took too long; exiting anyway");
      process.exit(0);
    }, FORCE_EXIT_MS).unref();
    (running?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        process.exit(0);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  const engine = await Engine.open({
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    onWarning: (message) => logger.warn({ source: "engine" }, message),
  });
  if (stopRequested) return;

  const bot = createBot(engine, { botToken: token, apiRoot: config.apiRoot, allowedChats: config.allowedChats }, { logger });
  try {
    running =
      config.mode === "webhook"
        ? await startWebhook(bot, logger, { url: config.webhookUrl!, secret: config.webhookSecret!, port: config.port })
        : await startPolling(bot, logger);
  } catch (error) {
    failToStart(error, logger, [token]);
  }
  // A signal that arrived while starting found nothing to stop yet.
  if (stopRequested) await running.stop();
}

function failToStart(error: unknown, logger: Logger, secrets: string[]): never {
  logger.debug({ err: error }, "start-up failed");
  if (error instanceof GrammyError && error.error_code === 401) {
    fail("启动失败：BOT_TOKEN 无效（Telegram 返回 401 Unauthorized），请向 @BotFather 核对令牌。");
  }
  if (error instanceof HttpError) fail(`启动失败：无法连接 Bot API 服务器（${scrubSecrets(error.message, secrets)}），请检查网络或 BOT_API_ROOT。`);
  if (error instanceof GrammyError) fail(`启动失败：Telegram 拒绝了请求（${error.error_code}: ${scrubSecrets(error.description, secrets)}）。`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE" || code === "EACCES") fail(`启动失败：PORT 无法监听（${code}）。`);
  fail(`启动失败：${scrubSecrets(error instanceof Error ? error.message : String(error), secrets)}`);
}

main().catch((error: unknown) => {
  // Last resort; still one line (engine errors such as a missing seeds folder land here).
  fail(`启动失败：${error instanceof Error ? error.message : String(error)}`);
});
