/**
 * Webhook mode bounds what a caller can make the server hold: bodies over 1 MB get 413 without
 * being read, slow requests are cut off, and past the concurrency cap requests get 503 at once.
 * /healthz reports the index (build time, passages) and the link to Telegram.
 */
import { request } from "node:http";
import { connect } from "node:net";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWebhook } from "../../src/bot/run.js";
import type { Engine } from "../../src/engine.js";
import { textMessage, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { startWebhookHarness, type WebhookHarness } from "../bot/harness.js";

const SECRET = "hygiene_secret-123";
let engine: Engine;
let stub: BotApiStub;
let server: RunningWebhook;
let base: string;
let harness: WebhookHarness | undefined;

beforeAll(async () => {
  harness = await startWebhookHarness((engine) => ({
    url: "https://bot.example.org/hook",
    secret: SECRET,
    maxConcurrent: 2,
    health: { engine: () => ({ info: engine.info(), reloading: false, lastError: null }) },
  }));
  ({ engine, stub, server, base } = harness);
});

afterAll(async () => {
  await harness?.close();
});

describe("webhook hygiene", () => {
  it("refuses a body over 1 MB with 413, declared or not, and keeps serving", async () => {
    const big = JSON.stringify({ update_id: 1, pad: "x".repeat(2 * 1024 * 1024) });
    const declared = await fetch(`${base}/hook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: big,
    });
    expect(declared.status).toBe(413);
    // Chunked: no Content-Length to refuse on, so the limit applies while reading.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/hook`, { method: "POST", headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET, "Transfer-Encoding": "chunked" } }, (res) => resolve(res.statusCode ?? 0));
      req.on("error", reject);
      for (let i = 0; i < 3; i++) req.write("x".repeat(512 * 1024));
      req.end();
    }).catch(() => 413);
    expect(status).toBe(413);
    const reply = stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 6001);
    const ok = await fetch(`${base}/hook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: JSON.stringify({ update_id: 2, ...textMessage({ from: 6001, text: "昆山 2007" }) } as Update),
    });
    expect(ok.status).toBe(200);
    await reply;
  });

  it("answers 503 past the concurrency cap instead of queueing", async () => {
    // Two requests that never finish their bodies hold both slots.
    const holders = [0, 1].map(() => {
      const socket = connect(server.port, "127.0.0.1");
      socket.write(`POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 1000\r\n\r\n{`);
      return socket;
    });
    await new Promise((r) => setTimeout(r, 300));
    const third = await fetch(`${base}/hook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: JSON.stringify({ update_id: 3 }),
    });
    expect(third.status).toBe(503);
    for (const socket of holders) socket.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("cuts off a request whose headers never finish", async () => {
    expect(server.server.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(server.server.requestTimeout).toBeLessThanOrEqual(15_000);
    const socket = connect(server.port, "127.0.0.1");
    socket.write("POST /hook HTTP/1.1\r\nHost: x\r\n");
    const closedAfter = await new Promise<number>((resolve) => {
      const started = Date.now();
      socket.on("close", () => resolve(Date.now() - started));
      socket.on("error", () => {});
      socket.resume();
    });
    // headersTimeout (10 s) plus the server's 2 s check interval, with room to spare.
    expect(closedAfter).toBeLessThan(16_000);
  }, 40_000);

  it("reports the index and the Telegram link on /healthz", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; mode: string; index: { builtAt: string; passages: number }; telegram: { reachable: boolean } };
    expect(body).toMatchObject({ ok: true, mode: "webhook", telegram: { reachable: true } });
    expect(body.index.passages).toBe(engine.info().passages);
    expect(body.index.builtAt).toBe(engine.info().builtAt);
  });
});
