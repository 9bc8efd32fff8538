/**
 * One failing update must not stop the bot. Uses a fake engine that throws on demand — the
 * failure is the point here, not retrieval (the real engine never throws).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { startPolling, type RunningBot } from "../../src/bot/run.js";
import { startBotApiStub, textMessage, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { fakeEngine, makeAnswer, makeHit } from "./fake-engine.js";
import { silentLogger } from "./harness.js";

let stub: BotApiStub;
let running: RunningBot;

beforeAll(async () => {
  stub = await startBotApiStub();
  const engine = fakeEngine((q) => {
    if (q.includes("炸")) throw new Error("engine exploded");
    return makeAnswer([makeHit()]);
  });
  running = await startPolling(createBot(engine, { botToken: stub.token, apiRoot: stub.apiRoot }, { logger: silentLogger }), silentLogger);
});

afterAll(async () => {
  await running?.stop();
  await stub?.close();
});

it("logs a failing update, apologises, and keeps serving", async () => {
  const apology = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 1);
  stub.pushUpdate(textMessage({ from: 1, text: "炸 一下" }));
  expect(String((await apology).params.text)).toContain("出了点问题");
  const next = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 2);
  stub.pushUpdate(textMessage({ from: 2, text: "昆山" }));
  expect(String((await next).params.text)).toContain("昆山");
});

it("survives Telegram rejecting a reply", async () => {
  stub.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
  stub.pushUpdate(textMessage({ from: 3, text: "昆山" }));
  const next = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 4 && c.response?.ok === true);
  stub.pushUpdate(textMessage({ from: 4, text: "昆山" }));
  await next;
});
