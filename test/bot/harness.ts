import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Message } from "grammy/types";
import { expect } from "vitest";
import { createBot, type CreateBotOptions } from "../../src/bot/bot.js";
import { TELEGRAM_TEXT_LIMIT } from "../../src/bot/html.js";
import { createLogger } from "../../src/bot/logger.js";
import { startPolling, startWebhook, type PollingOptions, type RunningBot, type RunningWebhook, type WebhookOptions } from "../../src/bot/run.js";
import { Engine } from "../../src/engine.js";
import { startBotApiStub, type BotApiStub, type RecordedCall } from "../../src/testing/bot-api-stub.js";
import { parseTelegramHtml, type ParsedHtml } from "../../src/testing/telegram-html.js";

export const SEEDS_DIR = resolve(import.meta.dirname, "../../seeds");

/** The real engine over the real seeds, with an index of its own in a temp dir. */
export async function openEngine(): Promise<{ engine: Engine; cleanup: () => void }> {
  const indexDir = mkdtempSync(join(tmpdir(), "jb-bot-index-"));
  const engine = await Engine.open({ seedsDir: SEEDS_DIR, indexDir, onWarning: () => {} });
  return { engine, cleanup: () => rmSync(indexDir, { recursive: true, force: true }) };
}

export const silentLogger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

/** Runs the bot in-process against the stub, exactly as `npm start` does in polling mode. */
export async function startBot(engine: Engine, stub: BotApiStub, options: CreateBotOptions = {}, start: PollingOptions = {}): Promise<RunningBot> {
  const bot = createBot(engine, { botToken: stub.token, apiRoot: stub.apiRoot }, { logger: silentLogger, ...options });
  return startPolling(bot, silentLogger, start);
}

export interface WebhookHarness {
  engine: Engine;
  stub: BotApiStub;
  server: RunningWebhook;
  /** `http://127.0.0.1:PORT` of the webhook server. */
  base: string;
  close(): Promise<void>;
}

/**
 * The real engine behind a webhook server on a free port of 127.0.0.1, talking to a fresh
 * stand-in Bot API. `options` may use the engine (a health source).
 */
export async function startWebhookHarness(
  options: (engine: Engine) => Omit<WebhookOptions, "port" | "host">,
): Promise<WebhookHarness> {
  const { engine, cleanup } = await openEngine();
  const stub = await startBotApiStub();
  const bot = createBot(engine, { botToken: stub.token, apiRoot: stub.apiRoot }, { logger: silentLogger });
  const server = await startWebhook(bot, silentLogger, { ...options(engine), port: 0, host: "127.0.0.1" });
  return {
    engine,
    stub,
    server,
    base: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.stop();
      await stub.close();
      cleanup();
    },
  };
}

/** Waits for the next call (after now) to `method` matching `predicate`. */
export function nextCall(stub: BotApiStub, method: string, predicate: (c: RecordedCall) => boolean = () => true, timeoutMs?: number) {
  const mark = stub.calls.length;
  return (trigger: () => void) => {
    const waiting = stub.waitFor(method, (c) => stub.calls.indexOf(c) >= mark && predicate(c), timeoutMs);
    trigger();
    return waiting;
  };
}

/** Asserts the HTML is something Telegram accepts and returns what the user sees. */
export function assertTelegramHtml(html: unknown): ParsedHtml {
  expect(typeof html).toBe("string");
  const text = html as string;
  expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  const parsed = parseTelegramHtml(text);
  expect(parsed.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  // Only the escapes we expect: every < > & outside tags came out as entities.
  const outsideTags = text.replace(/<\/?[a-z-]+(?:\s+[a-z-]+(?:="[^"]*")?)*\s*>/g, "");
  expect(outsideTags).not.toMatch(/[<>]/);
  expect(outsideTags).not.toMatch(/&(?!(?:lt|gt|amp|quot);)/);
  return parsed;
}

export function resultMessage(call: RecordedCall): Message.TextMessage {
  expect(call.response?.ok, call.response?.description).toBe(true);
  return call.response!.result as Message.TextMessage;
}
