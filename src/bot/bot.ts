import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotDeps, EngineLike } from "./deps.js";
import { adminFeature, type AdminSettings } from "./features/admin.js";
import { callbacksFeature } from "./features/callbacks.js";
import { chatFeature } from "./features/chat.js";
import { commandsFeature } from "./features/commands.js";
import { deepLinkFeature } from "./features/deeplink.js";
import { groupsFeature } from "./features/groups.js";
import { inlineFeature } from "./features/inline.js";
import { createLogger, type Logger } from "./logger.js";
import { APOLOGY, APOLOGY_TOAST, NOT_ALLOWED, NOT_ALLOWED_TOAST } from "./messages.js";
import { appVersion } from "../paths.js";
import { SlidingWindowLimiter } from "./rate-limit.js";

export interface BotSettings {
  botToken: string;
  /** Bot API server; default Telegram's. Tests and benchmarks point it at a local stand-in. */
  apiRoot?: string;
  /** Only these chat ids are served; undefined serves everyone. */
  allowedChats?: ReadonlySet<number> | undefined;
  /** Who may add and remove bulletins, and where (ADMIN_IDS). Undefined: nobody; documents get a polite line. */
  admin?: AdminSettings | undefined;
}

export interface CreateBotOptions {
  logger?: Logger;
  /** Skips getMe at start-up when known (benchmarks). */
  botInfo?: UserFromGetMe;
  /** Questions per user per minute (default 20). */
  questionsPerMinute?: number;
  buttonsPerMinute?: number;
  inlinePerMinute?: number;
}


/**
 * Builds the bot: middleware and features, no network. Start it with `startPolling` or
 * `startWebhook` (src/bot/run.ts), or drive it with `bot.handleUpdate` — the benchmark does.
 */
export function createBot(engine: EngineLike, settings: BotSettings, options: CreateBotOptions = {}): Bot {
  const logger = options.logger ?? createLogger({ level: "info", token: settings.botToken });
  const bot = new Bot(settings.botToken, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { apiRoot: settings.apiRoot ?? "https://api.telegram.org" },
  });

  // 429s (after the delay Telegram asks for) and 5xx are retried a few times. Network errors are
  // not: auto-retry would retry those forever and stall the chat's queue; the runner already
  // retries its own polling, and a lost reply is logged.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));

  const deps: BotDeps = {
    engine,
    logger,
    version: appVersion(),
    limits: {
      questions: new SlidingWindowLimiter(options.questionsPerMinute ?? 20, 60_000),
      buttons: new SlidingWindowLimiter(options.buttonsPerMinute ?? 60, 60_000),
      inline: new SlidingWindowLimiter(options.inlinePerMinute ?? 120, 60_000),
    },
  };

  // The runner handles updates concurrently; within one chat, order matters (a question and
  // the button pressed on its answer), across chats it does not. Inline queries run free.
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));

  bot.use(async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.debug(
        { update_id: ctx.update.update_id, kind: updateKind(ctx), chat: ctx.chat?.id, ms: Math.round(performance.now() - started) },
        "update handled",
      );
    }
  });

  if (settings.allowedChats) bot.use(allowList(settings.allowedChats, logger));

  // Admin uploads and /remove: before the features that would take a document or a callback as theirs.
  bot.use(adminFeature(deps, settings.admin, { apiRoot: settings.apiRoot ?? "https://api.telegram.org", token: settings.botToken }));

  bot.use(deepLinkFeature(deps));
  bot.use(commandsFeature(deps));
  bot.use(callbacksFeature(deps));
  bot.use(inlineFeature(deps));
  bot.use(groupsFeature(deps));
  bot.use(chatFeature(deps));

  // One bad update must not stop the bot: log it, tell the user politely where we can, go on.
  bot.catch(async (err) => {
    const ctx = err.ctx;
    logger.error({ err: err.error, update_id: ctx.update.update_id, kind: updateKind(ctx) }, "update failed");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: APOLOGY_TOAST });
      else if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(APOLOGY);
    } catch {
      // Telegram itself is unreachable; the error is logged above.
    }
  });

  return bot;
}

function updateKind(ctx: Context): string {
  return Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
}

function allowList(allowed: ReadonlySet<number>, logger: Logger) {
  return async (ctx: Context, next: () => Promise<void>) => {
    // Inline queries have no chat: the user's id is their private chat id.
    const id = ctx.chat?.id ?? ctx.from?.id;
    if (id !== undefined && allowed.has(id)) return next();
    logger.info({ chat: id }, "update from a chat outside ALLOWED_CHATS");
    if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 300, is_personal: true });
    else if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: NOT_ALLOWED_TOAST });
    else if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(NOT_ALLOWED);
  };
}
