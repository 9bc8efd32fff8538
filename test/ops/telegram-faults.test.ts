/**
 * Telegram misbehaving, in-process: the real engine over the seeds, the bot polling the stand-in
 * Bot API, which hangs calls, fails them, or goes away. Time bounds are asserted on the stand-in's
 * clock (when it saw each call), and generously; exact timings are in the README.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { createLogger } from "../../src/bot/logger.js";
import { loggingLink, startPolling, type RunningBot } from "../../src/bot/run.js";
import type { Engine } from "../../src/engine.js";
import { healthReport } from "../../src/ops/health.js";
import type { TelegramLink } from "../../src/ops/telegram-link.js";
import { startBotApiStub, textMessage, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { openEngine } from "../bot/harness.js";

let engine: Engine;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, cleanup } = await openEngine());
});
afterAll(() => cleanup?.());

interface Running {
  stub: BotApiStub;
  bot: RunningBot;
  link: TelegramLink;
  logs: Record<string, unknown>[];
}
let current: Running | undefined;

async function start(options: { pollTimeoutSeconds?: number } = {}): Promise<Running> {
  const stub = await startBotApiStub();
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const link = loggingLink(logger);
  const bot = createBot(engine, { botToken: stub.token, apiRoot: stub.apiRoot }, { logger });
  const running = await startPolling(bot, logger, { link, pollTimeoutSeconds: options.pollTimeoutSeconds ?? 2 });
  current = { stub, bot: running, link, logs };
  return current;
}

afterEach(async () => {
  if (!current) return;
  await current.bot.stop();
  await current.stub.close();
  current = undefined;
});

const QUESTION = "昆山 2007 工作任务";
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Bot API faults while polling", () => {
  it("a hung sendChatAction never delays the answer", async () => {
    const { stub } = await start();
    stub.hang("sendChatAction");
    const asked = stub.now();
    const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 71);
    stub.pushUpdate(textMessage({ from: 71, text: QUESTION }));
    const answer = await reply;
    expect(String(answer.params.text)).toContain("昆山");
    expect(stub.callsTo("sendChatAction").length).toBeGreaterThan(0);
    expect(answer.at - asked).toBeLessThan(3_000);
  });

  it("a hung getUpdates is abandoned after its long-poll timeout plus 10 s, then questions flow again", async () => {
    const { stub } = await start({ pollTimeoutSeconds: 1 });
    // The poll now waiting is answered normally; the next one hangs.
    stub.hang("getUpdates", 1);
    await wait(1_500);
    const hungAt = stub.callsTo("getUpdates").at(-1)!.at;
    const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 72, 30_000);
    stub.pushUpdate(textMessage({ from: 72, text: QUESTION }));
    const answer = await reply;
    // 1 s long poll + 10 s grace, plus the retry: never grammY's 500 s.
    expect(answer.at - hungAt).toBeGreaterThan(10_000);
    expect(answer.at - hungAt).toBeLessThan(16_000);
  });

  it("a hung sendMessage gets the user the apology within 10 s, and the chat keeps working", async () => {
    const { stub } = await start();
    stub.hang("sendMessage", 1);
    const asked = stub.now();
    const apology = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 73 && c.response?.ok === true, 20_000);
    stub.pushUpdate(textMessage({ from: 73, text: QUESTION }));
    const sent = await apology;
    expect(String(sent.params.text)).toContain("出了点问题");
    expect(sent.at - asked).toBeLessThan(10_000);
    const next = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 73 && String(c.params.text).includes("昆山") && c.response?.ok === true);
    stub.pushUpdate(textMessage({ from: 73, text: QUESTION }));
    expect((await next).at - sent.at).toBeLessThan(5_000);
  });

  it("a persistent 5xx on sendMessage: every attempt ends within 10 s of the question, then service resumes", async () => {
    const { stub, logs } = await start();
    stub.failAlways("sendMessage", { error_code: 502, description: "Bad Gateway" });
    const asked = stub.now();
    stub.pushUpdate(textMessage({ from: 74, text: QUESTION }));
    // Long enough to see any attempt the budget should have prevented.
    await wait(17_000);
    const attempts = stub.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === 74);
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) expect(attempt.at - asked).toBeLessThan(10_500);
    expect(logs.some((l) => l.msg === "update failed")).toBe(true);
    stub.failAlways("sendMessage", null);
    const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 74 && c.response?.ok === true);
    const again = stub.now();
    stub.pushUpdate(textMessage({ from: 74, text: QUESTION }));
    expect((await reply).at - again).toBeLessThan(3_000);
  });

  it("an outage: one log line, /healthz 503, and the first answer within 10 s of Telegram coming back", async () => {
    const { stub, link, logs } = await start();
    const health = () => healthReport({ mode: "polling", telegram: () => link.status(), engine: () => ({ info: engine.info(), reloading: false, lastError: null }) });
    await wait(300);
    expect(health().status).toBe(200);
    expect(health().body).toMatchObject({ ok: true, index: { passages: engine.info().passages, builtAt: engine.info().builtAt } });

    stub.outage(true);
    // Long enough for the retry wait to reach its cap (0.25 s doubling to 5 s).
    await wait(20_000);
    expect(health().status).toBe(503);
    expect(JSON.stringify(health().body)).toContain("Telegram unreachable");
    const down = logs.filter((l) => l.msg === "Bot API unreachable; retrying");
    expect(down).toHaveLength(1);

    const pushed = stub.pushUpdate(textMessage({ from: 75, text: QUESTION }));
    expect(pushed.update_id).toBeGreaterThan(0);
    const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 75, 30_000);
    const back = stub.now();
    stub.outage(false);
    const answer = await reply;
    expect(answer.at - back).toBeLessThan(10_000);
    expect(health().status).toBe(200);
    expect(logs.filter((l) => l.msg === "Bot API reachable again")).toHaveLength(1);
    for (const line of logs) expect(JSON.stringify(line)).not.toContain(stub.token);
  }, 60_000);
});
