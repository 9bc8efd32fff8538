/**
 * Webhook mode: node:http server, secret header checked, /healthz, setWebhook on start.
 * The real engine answers; the stand-in Bot API records the replies.
 */
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMessage, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { assertTelegramHtml, startWebhookHarness, type WebhookHarness } from "./harness.js";

const SECRET = "s3cret_Token-for-tests";
let stub: BotApiStub;
let base: string;
let harness: WebhookHarness | undefined;

beforeAll(async () => {
  harness = await startWebhookHarness(() => ({ url: "https://bot.example.org/telegram/hook", secret: SECRET }));
  ({ stub, base } = harness);
});

afterAll(async () => {
  await harness?.close();
});

function post(update: Update, secret?: string, path = "/telegram/hook") {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(secret ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) },
    body: JSON.stringify(update),
  });
}

describe("webhook mode", () => {
  it("registers the webhook with its secret token", () => {
    const call = stub.callsTo("setWebhook").at(-1)!;
    expect(call.params.url).toBe("https://bot.example.org/telegram/hook");
    expect(call.params.secret_token).toBe(SECRET);
    expect(stub.callsTo("getUpdates")).toHaveLength(0);
  });

  it("handles updates POSTed with the right secret", async () => {
    const update = { update_id: 1, ...textMessage({ from: 5001, text: "昆山 2007" }) } as Update;
    const waiting = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 5001);
    const res = await post(update, SECRET);
    expect(res.status).toBe(200);
    const reply = await waiting;
    expect(assertTelegramHtml(reply.params.text).text).toContain("昆山 2007");
  });

  it("rejects a wrong or missing secret with 401 and does nothing", async () => {
    const wrong = await post({ update_id: 2, ...textMessage({ from: 5002, text: "昆山" }) } as Update, "wrong");
    expect(wrong.status).toBe(401);
    const missing = await post({ update_id: 3, ...textMessage({ from: 5002, text: "昆山" }) } as Update);
    expect(missing.status).toBe(401);
    // A later good update from another user is answered; user 5002 never was.
    const waiting = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 5003);
    await post({ update_id: 4, ...textMessage({ from: 5003, text: "/help" }) } as Update, SECRET);
    await waiting;
    expect(stub.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === 5002)).toHaveLength(0);
  });

  it("serves /healthz and 404s elsewhere", async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect((await post({ update_id: 5 } as Update, SECRET, "/other")).status).toBe(404);
    expect((await fetch(`${base}/telegram/hook`)).status).toBe(404);
  });

  it("answers malformed JSON with 400 and keeps serving", async () => {
    const res = await fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
