import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { prepareQuestion } from "../../src/bot/answering.js";
import { decodeCallback, encodeCallback } from "../../src/bot/callback-data.js";
import { addressedQuestion } from "../../src/bot/features/groups.js";
import { createLogger } from "../../src/bot/logger.js";
import { SlidingWindowLimiter } from "../../src/bot/rate-limit.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { MAX_QUESTION_CHARS } from "../../src/engine.js";
import { entitiesFor } from "../../src/testing/bot-api-stub.js";
import { parseTelegramHtml } from "../../src/testing/telegram-html.js";

describe("callback data codec", () => {
  it("round-trips every action within 64 bytes", () => {
    for (const data of [
      { action: "p", page: 2 },
      { action: "x", page: 0, id: "k3x9a2-12-1" },
      { action: "x", page: 5, id: "a".repeat(24) },
      { action: "e", index: 2 },
    ] as const) {
      const encoded = encodeCallback(data);
      expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(64);
      expect(decodeCallback(encoded)).toEqual(data);
    }
  });

  it("rejects forged, stale and malformed data", () => {
    for (const raw of [
      undefined,
      "",
      "2|p|1",
      "1|p|0",
      "1|p|",
      "1|p| 1",
      "1|p|1e2",
      "1|p|1|2",
      "1|x|1",
      "1|x|1|../../etc",
      "1|x|1|K3X-UPPER",
      "1|x|-1|abc-1-1",
      "1|z|1",
      "1|e|100",
      "1|e|",
      "x".repeat(65),
      "1|p|1<script>",
    ]) {
      expect(decodeCallback(raw)).toBeUndefined();
    }
  });
});

describe("prepareQuestion", () => {
  it("treats emoji, punctuation and blanks as empty", () => {
    for (const raw of ["", "   ", "😀😀👍", "？！。…", "\n\t"]) expect(prepareQuestion(raw).kind).toBe("empty");
  });

  it("cuts long messages at the engine's limit and collapses whitespace", () => {
    const p = prepareQuestion("昆山\n\n2007 " + "工会".repeat(2000));
    expect(p.kind).toBe("question");
    if (p.kind !== "question") return;
    expect(p.cut).toBe(true);
    expect(p.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(p.question.startsWith("昆山 2007 工会")).toBe(true);
  });

  it("does not split an emoji when cutting", () => {
    const p = prepareQuestion("问" + "😀".repeat(150));
    expect(p.kind === "question" && !/[\uD800-\uDBFF]$/.test(p.question)).toBe(true);
  });
});

describe("SlidingWindowLimiter", () => {
  it("allows N per window and notifies once when exceeded", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 1000, () => now);
    expect([1, 2, 3].map(() => limiter.take("u").allowed)).toEqual([true, true, true]);
    const first = limiter.take("u");
    expect(first).toMatchObject({ allowed: false, notify: true });
    expect(limiter.take("u")).toMatchObject({ allowed: false, notify: false });
    expect(limiter.take("other").allowed).toBe(true);
    now = 1001;
    expect(limiter.take("u").allowed).toBe(true);
  });
});

describe("addressedQuestion (groups)", () => {
  const me = { id: 99, username: "Jianbao_Bot" };
  const msg = (text: string, extra: object = {}) => ({ text, entities: entitiesFor(text), ...extra });

  it("answers mentions (any case) and strips them from the question", () => {
    expect(addressedQuestion(msg("@jianbao_bot 昆山 2007"), me)?.trim()).toBe("昆山 2007");
    expect(addressedQuestion(msg("请问 @Jianbao_Bot 常熟"), me)?.replace(/\s+/g, " ").trim()).toBe("请问 常熟");
  });

  it("answers replies to the bot and text mentions", () => {
    expect(addressedQuestion(msg("那常熟呢", { reply_to_message: { from: { id: 99 } } }) as never, me)).toBe("那常熟呢");
    const tm = { text: "简报问答 昆山", entities: [{ type: "text_mention", offset: 0, length: 4, user: { id: 99 } }] };
    expect(addressedQuestion(tm as never, me)?.trim()).toBe("昆山");
  });

  it("ignores other chatter, other bots and replies to others", () => {
    expect(addressedQuestion(msg("今天开会吗"), me)).toBeUndefined();
    expect(addressedQuestion(msg("@other_bot 昆山"), me)).toBeUndefined();
    expect(addressedQuestion(msg("好的", { reply_to_message: { from: { id: 5 } } }) as never, me)).toBeUndefined();
  });
});

describe("config", () => {
  const load = (env: Record<string, string>) => loadConfig({ env, envFile: null });

  it("defaults to polling on Telegram's API", () => {
    const c = load({ BOT_TOKEN: "123:abc" });
    expect(c).toMatchObject({ botToken: "123:abc", apiRoot: "https://api.telegram.org", mode: "polling", port: 8080, logLevel: "info" });
    expect(c.allowedChats).toBeUndefined();
  });

  it("parses the allow-list and treats blanks as unset", () => {
    const c = load({ BOT_TOKEN: "", ALLOWED_CHATS: "1, -100200", PORT: "" });
    expect(c.botToken).toBeUndefined();
    expect([...c.allowedChats!]).toEqual([1, -100200]);
  });

  it("names the variable in one line and never echoes the token", () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: "abc" }, "PORT"],
      [{ PORT: "70000" }, "PORT"],
      [{ BOT_MODE: "push" }, "BOT_MODE"],
      [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
      [{ BOT_API_ROOT: "ftp://x" }, "BOT_API_ROOT"],
      [{ ALLOWED_CHATS: "abc" }, "ALLOWED_CHATS"],
      [{ BOT_TOKEN: "123:abc", BOT_MODE: "webhook" }, "WEBHOOK_URL"],
      [{ BOT_TOKEN: "123:abc", BOT_MODE: "webhook", WEBHOOK_URL: "https://e.x/h" }, "WEBHOOK_SECRET"],
    ];
    for (const [env, variable] of cases) {
      const error = (() => {
        try {
          load(env);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(variable);
      expect(message).not.toContain("\n");
    }
    try {
      load({ BOT_TOKEN: "secret-token-without-colon" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain("BOT_TOKEN");
      expect((e as Error).message).not.toContain("secret-token");
    }
  });

  it("reads an optional .env file, the environment winning", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "jb-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "# comment\nBOT_TOKEN=1:fromfile\nPORT=9000\nLOG_LEVEL=debug\n");
    const c = loadConfig({ env: { PORT: "9100" }, envFile: file });
    expect(c).toMatchObject({ botToken: "1:fromfile", port: 9100, logLevel: "debug" });
    expect(loadConfig({ env: {}, envFile: join(dir, "missing.env") }).botToken).toBeUndefined();
  });
});

describe("logger", () => {
  it("never writes the token, even inside error messages and URLs", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const token = "123456:SECRET_abc-DEF";
    const logger = createLogger({ level: "info", token, destination: sink });
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${token}/getUpdates failed`), token }, "boom");
    logger.info({ url: `http://x/bot999:other_TOKEN/sendMessage` }, `token is ${token}`);
    const out = lines.join("");
    expect(out).not.toContain("SECRET_abc");
    expect(out).not.toContain("other_TOKEN");
    expect(out).toContain("[redacted]");
  });
});

describe("telegram HTML model (used by the stub)", () => {
  it("accepts Telegram's tags and rejects anything else", () => {
    expect(parseTelegramHtml('<b>a</b> <a href="https://t.me/x?start=a&amp;b">l</a> &lt;&amp;&gt;&quot;').text).toBe('a l <&>"');
    for (const bad of ["<script>x</script>", "<b>x", "x</b>", "<b><i>x</b></i>", "a & b", "a > b", "a < b", "<a>x</a>", "<p>x</p>"]) {
      expect(() => parseTelegramHtml(bad)).toThrow();
    }
  });
});
