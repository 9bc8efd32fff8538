/**
 * End to end: the real engine over the real seeds, the bot started as `npm start` starts it
 * (polling via @grammyjs/runner), and a stand-in Bot API server on 127.0.0.1. Updates go in
 * through getUpdates; assertions are on what the bot sends. No timing assertions here.
 */
import { writeFileSync } from "node:fs";
import type { InlineKeyboardButton, InlineQueryResultArticle, Message } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { decodeCallback } from "../../src/bot/callback-data.js";
import { parseQuestionHeader, QUESTION_PREFIX } from "../../src/bot/render.js";
import { startPolling, type RunningBot } from "../../src/bot/run.js";
import type { Engine } from "../../src/engine.js";
import {
  buttonsOf,
  callbackQuery,
  captionMessage,
  editedMessage,
  inlineQuery,
  myChatMember,
  voiceMessage,
  startBotApiStub,
  textMessage,
  type BotApiStub,
  type RecordedCall,
} from "../../src/testing/bot-api-stub.js";
import { assertTelegramHtml, nextCall, openEngine, resultMessage, silentLogger, startBot } from "./harness.js";

let engine: Engine;
let cleanupEngine: () => void;
let stub: BotApiStub;
let bot: RunningBot;
let username: string;
const transcript: string[] = [];

beforeAll(async () => {
  ({ engine, cleanup: cleanupEngine } = await openEngine());
  stub = await startBotApiStub();
  username = stub.botInfo.username;
  bot = await startBot(engine, stub);
});

afterAll(async () => {
  await bot?.stop();
  await stub?.close();
  cleanupEngine?.();
  if (process.env.BOT_TRANSCRIPT) writeFileSync(process.env.BOT_TRANSCRIPT, transcript.join("\n"));
});

afterEach(() => {
  // Anything Telegram would have refused (bad HTML, > 4,096, bad buttons) fails the test.
  expect(stub.rejected().map((c) => `${c.method}: ${c.response?.description}`)).toEqual([]);
});

let userSeq = 1000;
const newUser = () => ++userSeq;

/** Sends a private message and returns the bot's reply (sendMessage call). */
async function say(userId: number, text: string, chatId = userId): Promise<RecordedCall> {
  return nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === chatId)(() =>
    stub.pushUpdate(textMessage({ from: userId, text, chatId })),
  );
}

function keyboard(call: RecordedCall): InlineKeyboardButton[] {
  return buttonsOf(call.params.reply_markup);
}

function callbackButtons(call: RecordedCall): InlineKeyboardButton.CallbackButton[] {
  return keyboard(call).filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b);
}

function record(who: string, text: string, call?: RecordedCall) {
  if (!process.env.BOT_TRANSCRIPT) return;
  transcript.push(`${who}：${text}`);
  if (call) {
    const shown = assertTelegramHtml(call.params.text ?? (call.params as { message_text?: string }).message_text).text;
    transcript.push(shown.split("\n").map((l) => `    ${l}`).join("\n"));
    const buttons = keyboard(call).map((b) => `[${b.text}]`);
    if (buttons.length > 0) transcript.push(`    ${buttons.join(" ")}`);
    for (const b of keyboard(call)) {
      if ("copy_text" in b) transcript.push(`    （「${b.text}」复制的纯文本：）`, ...b.copy_text.text.split("\n").map((l) => `    ┆ ${l}`));
    }
  }
  transcript.push("");
}

/** Taps a button on a message the bot sent; resolves with the answerCallbackQuery and any edit. */
async function tap(userId: number, message: Message, data: string) {
  const update = callbackQuery(userId, message, data);
  const id = update.callback_query!.id;
  const answered = stub.waitFor("answerCallbackQuery", (c) => c.params.callback_query_id === id);
  stub.pushUpdate(update);
  const answer = await answered;
  const edit = stub
    .callsTo("editMessageText")
    .filter((c) => Number(c.params.message_id) === message.message_id)
    .at(-1);
  return { answer, edit };
}

describe("commands", () => {
  it("registers commands with Chinese descriptions", async () => {
    const calls = stub.callsTo("setMyCommands");
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      for (const c of call.params.commands as { command: string; description: string }[]) {
        expect(c.description).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const commands = calls.flatMap((c) => (c.params.commands as { command: string }[]).map((x) => x.command));
    expect(new Set(commands)).toEqual(new Set(["start", "help", "sources", "about", "ask"]));
  });

  it("/start welcomes with three tappable example questions that each get answered", async () => {
    const user = newUser();
    const reply = await say(user, "/start");
    const text = assertTelegramHtml(reply.params.text).text;
    expect(text).toContain("你好");
    const examples = callbackButtons(reply);
    expect(examples).toHaveLength(3);
    const message = resultMessage(reply);
    for (const button of examples) {
      const answer = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() =>
        stub.pushUpdate(callbackQuery(user, message, button.callback_data)),
      );
      const shown = assertTelegramHtml(answer.params.text).text;
      expect(shown.startsWith(QUESTION_PREFIX)).toBe(true);
      expect(shown).toContain("📎");
    }
  });

  it("/help explains private chat, groups and inline mode", async () => {
    const text = assertTelegramHtml((await say(newUser(), "/help")).params.text).text;
    expect(text).toContain("/ask");
    expect(text).toContain(`@${username}`);
  });

  it("/sources lists the bulletins with year, organisations and passage counts", async () => {
    const reply = await say(newUser(), "/sources");
    const text = assertTelegramHtml(reply.params.text).text;
    for (const s of engine.sources()) {
      if (s.year !== null) expect(text).toContain(String(s.year));
      expect(text).toContain(`${s.passages} 段`);
      if (s.orgs[0]) expect(text).toContain(s.orgs[0]);
    }
  });

  it("/about shows version, index build time and passage count", async () => {
    const text = assertTelegramHtml((await say(newUser(), "/about")).params.text).text;
    expect(text).toContain("0.1.0");
    expect(text).toContain(String(engine.info().passages));
    // Shown in Beijing time: from 16:00 UTC the date there is the next day's.
    expect(text).toContain(new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date(engine.info().builtAt)));
  });
});

describe("private chat questions", () => {
  it("answers with cited, bolded excerpts, a typing action first and previews off", async () => {
    const user = newUser();
    const question = engine.examples()[0]!;
    const reply = await say(user, question);
    const actions = stub.callsTo("sendChatAction").filter((c) => Number(c.params.chat_id) === user);
    expect(actions.map((c) => c.params.action)).toContain("typing");
    expect(stub.calls.indexOf(actions[0]!)).toBeLessThan(stub.calls.indexOf(reply));
    expect(reply.params.parse_mode).toBe("HTML");
    expect(reply.params.link_preview_options).toEqual({ is_disabled: true });
    const parsed = assertTelegramHtml(reply.params.text);
    expect(parseQuestionHeader(parsed.text)).toBe(question);
    expect(parsed.entities.some((e) => e.type === "bold")).toBe(true);
    const links = parsed.entities.filter((e) => e.type === "text_link");
    expect(links.length).toBeGreaterThan(0);
    const top = engine.ask(question, { limit: 15 }).hits[0]!;
    expect(links[0]!.url).toBe(`https://t.me/${username}?start=${top.id}`);
    expect(parsed.text).toContain(`${top.org} · ${top.year}`);
    expect(parsed.text).toContain(`第${top.paragraph}段`);
  });

  it("tells the user when the corpus lacks the year asked about", async () => {
    const text = assertTelegramHtml((await say(newUser(), "1999年 昆山 工会工作")).params.text).text;
    expect(text).toContain("1999");
    expect(text).toContain("没有");
    expect(text).not.toContain("📎");
  });

  it("escapes hostile markup", async () => {
    const hostile = `<b>昆山</b> & <script>alert("x")</script> &amp; 工会`;
    const reply = await say(newUser(), hostile);
    const parsed = assertTelegramHtml(reply.params.text);
    expect(reply.params.text).not.toContain("<script>");
    expect(parseQuestionHeader(parsed.text)).toBe(hostile);
  });

  it("cuts a 4,000-character message to a question, with a note, within 4,096", async () => {
    const long = "张家港 农民工 入会 " + "工会工作".repeat(1000);
    expect(long.length).toBeGreaterThanOrEqual(4000);
    const reply = await say(newUser(), long);
    const parsed = assertTelegramHtml(reply.params.text);
    expect(parsed.text).toContain("只取前 200 个字");
    expect(parseQuestionHeader(parsed.text)!.length).toBeLessThanOrEqual(200);
  });

  it("gives a hint for emoji-only messages and for stickers", async () => {
    const user = newUser();
    const text = assertTelegramHtml((await say(user, "😀👍🎉")).params.text).text;
    expect(text).toContain("请用文字提问");
    const sticker = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() =>
      stub.pushUpdate({
        message: {
          message_id: 1,
          date: 0,
          chat: { id: user, type: "private", first_name: "u" },
          from: { id: user, is_bot: false, first_name: "u" },
          sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
        } as never,
      }),
    );
    expect(assertTelegramHtml(sticker.params.text).text).toContain("请用文字提问");
  });

  it("states the direct answer first, under the question, with a compact citation", async () => {
    const parsed = assertTelegramHtml((await say(newUser(), "常熟市总工会打算为多少名困难职工免费体检？")).params.text);
    const lines = parsed.text.split("\n");
    expect(lines[1]).toBe("💡 为400名困难职工、特困女职工免费体检");
    expect(lines[2]).toBe("📎 常熟市总工会 · 2007年 · 第7段");
    const answerLink = parsed.entities.find((e) => e.type === "text_link")!;
    expect(answerLink.url).toBe(`https://t.me/${username}?start=${engine.ask("常熟市总工会打算为多少名困难职工免费体检？").direct!.hitId}`);
  });

  it("shows a long list answer whole, folded in an expandable blockquote", async () => {
    const reply = await say(newUser(), "昆山 2007 具体工作任务有哪些");
    const parsed = assertTelegramHtml(reply.params.text);
    const quote = parsed.entities.find((e) => e.type === "expandable_blockquote")!;
    expect(quote).toBeDefined();
    const items = parsed.text.slice(quote.offset, quote.offset + quote.length).split("\n");
    expect(items).toHaveLength(18);
    expect(items[0]).toContain("1.继续开展重点、实事工程劳动竞赛活动");
    expect(items[17]).toContain("18.转变作风强化工会效能建设");
    expect(stub.rejected()).toEqual([]);
  });

  it("understands traditional characters", async () => {
    const text = assertTelegramHtml((await say(newUser(), "崑山 工會 工作")).params.text).text;
    expect(text).toContain("昆山");
    expect(text).toContain("📎");
  });
});

describe("buttons", () => {
  it("pages, expands, walks neighbours and goes back, all by editing the message", async () => {
    const user = newUser();
    const question = "常熟 工作";
    const first = await say(user, question);
    const message = resultMessage(first);
    expect(engine.ask(question, { limit: 15 }).hits.length).toBeGreaterThan(6);

    // Share: switches to inline mode with the same question.
    const share = keyboard(first).find((b) => "switch_inline_query" in b) as InlineKeyboardButton.SwitchInlineButton;
    expect(share.switch_inline_query).toBe(question);

    const next = callbackButtons(first).find((b) => b.text.includes("下一页"))!;
    const page2 = await tap(user, message, next.callback_data);
    expect(page2.answer.params.text).toBeUndefined(); // a plain ack, no error toast
    const page2Text = assertTelegramHtml(page2.edit!.params.text).text;
    expect(page2Text).toContain("第 2/");
    expect(parseQuestionHeader(page2Text)).toBe(question);

    const page2Message = stub.message(user, message.message_id)!;
    const prev = callbackButtons(page2.edit!).find((b) => b.text.includes("上一页"))!;
    const page1 = await tap(user, page2Message, prev.callback_data);
    expect(assertTelegramHtml(page1.edit!.params.text).text).toContain("第 1/");

    const expand = callbackButtons(page1.edit!).find((b) => b.text.includes("展开 1"))!;
    const expanded = await tap(user, stub.message(user, message.message_id)!, expand.callback_data);
    const view = assertTelegramHtml(expanded.edit!.params.text).text;
    const id = (decodeCallback(expand.callback_data) as { id: string }).id;
    const ctx = engine.context(id)!;
    expect(view).toContain(ctx.passage.text.slice(0, 30));
    expect(view).toContain(String(ctx.passage.year));

    const neighbour = callbackButtons(expanded.edit!).find((b) => b.text.includes("一段"));
    if (neighbour) {
      const moved = await tap(user, stub.message(user, message.message_id)!, neighbour.callback_data);
      expect(assertTelegramHtml(moved.edit!.params.text).text).toContain("📄");
    }

    const back = callbackButtons(stub.callsTo("editMessageText").at(-1)!).find((b) => b.text.includes("返回"))!;
    const returned = await tap(user, stub.message(user, message.message_id)!, back.callback_data);
    expect(assertTelegramHtml(returned.edit!.params.text).text).toContain("第 1/");
  });

  it("answers forged, stale and malformed data politely, never editing", async () => {
    const user = newUser();
    const message = resultMessage(await say(user, "常熟 工会"));
    const editsBefore = stub.callsTo("editMessageText").length;
    const forged = ["garbage", "1|x|1|no-such-passage-1", "9|p|2", "1|p|999999", "1|e|42", "1|p|1|extra", "🙂".repeat(16)];
    for (const data of forged) {
      const { answer } = await tap(user, message, data);
      expect(answer.params.text, data).toMatch(/失效|不在索引中|请重新提问/);
    }
    // A results button pressed on a message that is not a results message.
    const welcome = resultMessage(await say(user, "/help"));
    const { answer } = await tap(user, welcome, "1|p|2");
    expect(answer.params.text).toMatch(/失效/);
    // A message too old for Telegram to show (inaccessible: date 0).
    const old = { message_id: message.message_id, chat: message.chat, date: 0 } as unknown as Message;
    expect((await tap(user, old, "1|p|2")).answer.params.text).toMatch(/失效/);
    expect(stub.callsTo("editMessageText").length).toBe(editsBefore);
  });

  it("keeps working after a restart: a new bot instance answers the old message's buttons", async () => {
    const user = newUser();
    const first = await say(user, "常熟 工作");
    await bot.stop();
    bot = await startBot(engine, stub);
    const next = callbackButtons(first).find((b) => b.text.includes("下一页"))!;
    const { answer, edit } = await tap(user, resultMessage(first), next.callback_data);
    expect(answer.params.text).toBeUndefined();
    expect(assertTelegramHtml(edit!.params.text).text).toContain("第 2/");
    // The restart re-answered nothing: one reply to the one question.
    expect(stub.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === user)).toHaveLength(1);
  });
});

describe("deep links", () => {
  it("opens a cited passage with organisation, year and neighbours", async () => {
    const hit = engine.ask("昆山 工会", { limit: 1 }).hits[0]!;
    const reply = await say(newUser(), `/start ${hit.id}`);
    const text = assertTelegramHtml(reply.params.text).text;
    expect(text).toContain(`${hit.org} · ${hit.year}`);
    expect(text).toContain(hit.text.slice(0, 30));
    const ctx = engine.context(hit.id)!;
    for (const n of [...ctx.before, ...ctx.after]) expect(text).toContain(n.text.slice(0, 10));
  });

  it("says so politely for an unknown passage id", async () => {
    const text = assertTelegramHtml((await say(newUser(), "/start zzzzzz-999-1")).params.text).text;
    expect(text).toContain("找不到");
  });
});

describe("inline mode", () => {
  async function inline(query: string, offset = "") {
    const update = inlineQuery(newUser(), query, offset);
    const id = update.inline_query!.id;
    const waiting = stub.waitFor("answerInlineQuery", (c) => c.params.inline_query_id === id);
    stub.pushUpdate(update);
    return waiting;
  }

  function checkResults(call: RecordedCall): InlineQueryResultArticle[] {
    const results = call.params.results as InlineQueryResultArticle[];
    expect(results.length).toBeLessThanOrEqual(50);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const r of results) {
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      expect(r.type).toBe("article");
      const content = r.input_message_content as { message_text: string; parse_mode: string };
      expect(content.parse_mode).toBe("HTML");
      const text = assertTelegramHtml(content.message_text).text;
      // Every shared answer says where it comes from: a passage (📎 + a button opening it), or,
      // for a question about the collection, the catalogue itself.
      if (r.id === "direct" && text.includes("📚 据简报目录")) continue;
      expect(text).toContain("📎");
      expect(buttonsOf(r.reply_markup).some((b) => "url" in b && b.url.startsWith(`https://t.me/${username}?start=`))).toBe(true);
    }
    expect(call.params.cache_time).toBeGreaterThan(0);
    expect(call.params.is_personal).toBe(false);
    return results;
  }

  it("lists cited results titled organisation · year · 《bulletin》", async () => {
    const call = await inline("昆山 2007");
    const results = checkResults(call);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(20);
    expect(results[0]!.title).toBe("昆山市总工会 · 2007年 · 《2007年基层工会工作计划摘编》");
    expect(results[0]!.description).toBeTruthy();
  });

  it("leads with the direct answer, which posts the answer and its citation", async () => {
    const results = checkResults(await inline("吴中区 五个二 工程是哪五个"));
    expect(results[0]!.id).toBe("direct");
    expect(results[0]!.title).toContain("💡 一、加大两个力度");
    const posted = assertTelegramHtml((results[0]!.input_message_content as { message_text: string }).message_text).text;
    for (const item of ["加大两个力度", "夯实两项基础", "打造两个品牌", "实施两项工程", "提升两个能力"]) expect(posted).toContain(item);
    expect(posted).toContain("吴中区总工会 · 2007年");
  });

  it("answers a question about the collection inline from the catalogue", async () => {
    const results = checkResults(await inline("2012年有哪些单位"));
    expect(results).toHaveLength(1);
    expect(results[0]!.description).toBe("据简报目录");
    const posted = assertTelegramHtml((results[0]!.input_message_content as { message_text: string }).message_text).text;
    expect(posted).toContain("宝钢苏冶重工公司工会");
    expect(stub.rejected()).toEqual([]);
  });

  it("pages with next_offset and keeps ids unique across pages", async () => {
    const first = await inline("2008 工会");
    const page1 = checkResults(first);
    expect(page1).toHaveLength(20);
    expect(first.params.next_offset).toBe("20");
    const second = await inline("2008 工会", "20");
    const page2 = checkResults(second);
    expect(page2.length).toBeGreaterThan(0);
    const ids = [...page1, ...page2].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("offers example questions for an empty query", async () => {
    const call = await inline("");
    const results = checkResults(call);
    expect(results.length).toBe(engine.examples().length);
    expect((call.params.button as { start_parameter: string }).start_parameter).toBe("inline");
  });

  it("answers a query with no hits with an empty list and a way into the bot", async () => {
    const call = await inline("1999年 火星");
    expect(call.params.results).toEqual([]);
    expect(call.params.button).toBeDefined();
  });
});

describe("groups", () => {
  const group = -100777;

  async function groupSay(userId: number, text: string, replyTo?: Message) {
    stub.pushUpdate(textMessage({ from: userId, text, chatId: group, ...(replyTo ? { replyTo } : {}) }));
  }

  function groupReplies() {
    return stub.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === group);
  }

  it("answers only when addressed, quoting the question", async () => {
    const user = newUser();
    // Chatter first; per-chat order is kept, so once the /ask reply arrives the chatter was seen.
    await groupSay(user, "今天下午开会吗？昆山 2007 的材料准备好了");
    await groupSay(user, "@someone_else 昆山");
    await groupSay(user, "/ask@other_bot 昆山");
    const ask = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: "/ask 昆山 2007", chatId: group })),
    );
    expect(groupReplies()).toHaveLength(1);
    expect(parseQuestionHeader(assertTelegramHtml(ask.params.text).text)).toBe("昆山 2007");
    expect(ask.params.reply_parameters).toMatchObject({ allow_sending_without_reply: true });

    const addressed = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: `/ask@${username} 常熟 工会`, chatId: group })),
    );
    expect(parseQuestionHeader(assertTelegramHtml(addressed.params.text).text)).toBe("常熟 工会");

    const mention = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: `@${username} 张家港 农民工`, chatId: group })),
    );
    expect(parseQuestionHeader(assertTelegramHtml(mention.params.text).text)).toBe("张家港 农民工");

    const reply = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: "那常熟呢", chatId: group, replyTo: resultMessage(mention) })),
    );
    expect(parseQuestionHeader(assertTelegramHtml(reply.params.text).text)).toBe("那常熟呢");

    const empty = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: "/ask", chatId: group })),
    );
    // A bare /ask opens the reply field (ForceReply) instead of a usage hint.
    expect(assertTelegramHtml(empty.params.text).text).toContain("回复这条消息");
    expect(empty.params.reply_markup).toMatchObject({ force_reply: true, input_field_placeholder: "输入问题，例如 昆山 2007 工作任务" });

    // More chatter, then a marker: still exactly the five replies above.
    await groupSay(user, "收到，谢谢");
    await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: "/help", chatId: group })),
    );
    expect(groupReplies()).toHaveLength(6);
  });
});

describe("load and limits", () => {
  it("answers 50 users asking at once", async () => {
    const users = Array.from({ length: 50 }, () => newUser());
    const questions = ["昆山 2007", "常熟 工会", "张家港 农民工", "工会 工作", "崑山 工會"];
    const replies = Promise.all(
      users.map((u) => stub.waitFor("sendMessage", (c) => Number(c.params.chat_id) === u, 30_000)),
    );
    users.forEach((u, i) => stub.pushUpdate(textMessage({ from: u, text: questions[i % questions.length]! })));
    for (const reply of await replies) {
      expect(parseQuestionHeader(assertTelegramHtml(reply.params.text).text)).toBeTruthy();
    }
  });

  it("rate-limits one user with a single friendly message", async () => {
    const user = newUser();
    for (let i = 0; i < 23; i++) stub.pushUpdate(textMessage({ from: user, text: `常熟 工会 ${i}` }));
    // /help is not rate-limited and, chat order being kept, lands after all 23.
    await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user && String(c.params.text).includes("使用说明"))(() =>
      stub.pushUpdate(textMessage({ from: user, text: "/help" })),
    );
    const texts = stub
      .callsTo("sendMessage")
      .filter((c) => Number(c.params.chat_id) === user)
      .map((c) => assertTelegramHtml(c.params.text).text);
    expect(texts.filter((t) => t.startsWith(QUESTION_PREFIX))).toHaveLength(20);
    expect(texts.filter((t) => t.includes("秒后再试"))).toHaveLength(1);
  });

  it("retries after a 429 from Telegram", async () => {
    stub.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const user = newUser();
    const reply = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user && c.response?.ok === true)(() =>
      stub.pushUpdate(textMessage({ from: user, text: "昆山 工会" })),
    );
    const attempts = stub.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === user);
    expect(attempts.map((c) => c.response?.error_code ?? 200)).toEqual([429, 200]);
    expect(parseQuestionHeader(assertTelegramHtml(reply.params.text).text)).toBe("昆山 工会");
    // Remove the deliberate 429 from what afterEach checks.
    const i = stub.calls.findIndex((c) => c.response?.error_code === 429);
    stub.calls.splice(i, 1);
  });
});

describe("ALLOWED_CHATS", () => {
  it("serves listed chats only, politely refusing others", async () => {
    const other = await startBotApiStub();
    const allowedBot = createBot(engine, { botToken: other.token, apiRoot: other.apiRoot, allowedChats: new Set([11]) }, { logger: silentLogger });
    const running = await startPolling(allowedBot, silentLogger);
    try {
      const refused = other.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 12);
      other.pushUpdate(textMessage({ from: 12, text: "昆山 2007" }));
      expect(assertTelegramHtml((await refused).params.text).text).toContain("只对指定的会话开放");
      const inline = other.waitFor("answerInlineQuery");
      other.pushUpdate(inlineQuery(12, "昆山"));
      expect((await inline).params.results).toEqual([]);
      const allowed = other.waitFor("sendMessage", (c) => Number(c.params.chat_id) === 11);
      other.pushUpdate(textMessage({ from: 11, text: "昆山 2007" }));
      expect(parseQuestionHeader(assertTelegramHtml((await allowed).params.text).text)).toBe("昆山 2007");
      expect(other.rejected()).toEqual([]);
    } finally {
      await running.stop();
      await other.close();
    }
  });
});

describe("transcript", () => {
  // One coherent exchange, recorded from what the bot really sent (the README quotes it).
  it("records a real exchange", async () => {
    const user = newUser();
    const start = await say(user, "/start");
    record("👤 用户", "/start", start);

    const example = callbackButtons(start)[2]!;
    const answer = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() =>
      stub.pushUpdate(callbackQuery(user, resultMessage(start), example.callback_data)),
    );
    record("👤 用户", `（点示例「${example.text}」）`, answer);

    const message = resultMessage(answer);
    const next = callbackButtons(answer).find((b) => b.text.includes("下一页"));
    if (next) {
      const page2 = await tap(user, message, next.callback_data);
      record("👤 用户", "（点「下一页 ▶️」，原消息被改写）", page2.edit);
    }
    const current = stub.callsTo("editMessageText").filter((c) => Number(c.params.message_id) === message.message_id).at(-1) ?? answer;
    const expand = callbackButtons(current).find((b) => b.text.includes("展开"))!;
    const expanded = await tap(user, stub.message(user, message.message_id)!, expand.callback_data);
    record("👤 用户", `（点「${expand.text}」）`, expanded.edit);

    const id = (decodeCallback(expand.callback_data) as { id: string }).id;
    const deep = await say(user, `/start ${id}`);
    record("👤 用户", `（在别处点出处链接 https://t.me/${username}?start=${id}）`, deep);

    const hint = await say(user, "👍");
    record("👤 用户", "👍", hint);

    const edit = textMessage({ from: user, text: "常熟 2007 体检" });
    const beforeEdit = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() => stub.pushUpdate(edit));
    record("👤 用户", "常熟 2007 体检", beforeEdit);
    const fixed = "常熟市总工会打算为多少名困难职工免费体检？";
    const afterEdit = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() => stub.pushUpdate(editedMessage(edit, fixed)));
    record("👤 用户", `（把上一条消息改成「${fixed}」）`, afterEdit);

    const photo = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() =>
      stub.pushUpdate(captionMessage({ from: user, caption: "昆山 2007 具体工作任务有哪些" })),
    );
    record("👤 用户", "（发一张图片，说明文字：昆山 2007 具体工作任务有哪些）", photo);

    const voice = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === user)(() => stub.pushUpdate(voiceMessage({ from: user })));
    record("👤 用户", "（发一条语音）", voice);

    const typo = await say(user, "/sourse");
    record("👤 用户", "/sourse", typo);
    const sources = await say(user, "/sources");
    record("👤 用户", "/sources", sources);

    const group = -100888;
    const added = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(myChatMember({ by: user, chatId: group, bot: stub.botInfo, from: "left", to: "member" })),
    );
    record("👤 群管理员", "（把机器人拉进群）", added);
    const inGroup = await say(user, `/ask@${username} 张家港 农民工`, group);
    record("👤 群成员（群聊）", `/ask@${username} 张家港 农民工`, inGroup);
    const prompt = await say(user, "/ask", group);
    record("👤 群成员（群聊，从命令菜单点了 /ask）", "/ask", prompt);
    if (process.env.BOT_TRANSCRIPT) {
      const markup = prompt.params.reply_markup as { input_field_placeholder: string };
      transcript.splice(transcript.length - 1, 0, `    （输入框弹出，提示文字：${markup.input_field_placeholder}）`);
    }
    const replied = await nextCall(stub, "sendMessage", (c) => Number(c.params.chat_id) === group)(() =>
      stub.pushUpdate(textMessage({ from: user, text: "吴中 2008 困难职工", chatId: group, replyTo: resultMessage(prompt) })),
    );
    record("👤 群成员（回复那条消息）", "吴中 2008 困难职工", replied);

    const update = inlineQuery(user, "昆山 2007");
    const answered = stub.waitFor("answerInlineQuery", (c) => c.params.inline_query_id === update.inline_query!.id);
    stub.pushUpdate(update);
    const results = (await answered).params.results as InlineQueryResultArticle[];
    if (process.env.BOT_TRANSCRIPT) {
      transcript.push(`👤 用户（在任意聊天的输入框）：@${username} 昆山 2007`);
      transcript.push(`    （弹出 ${results.length} 条结果，前三条：）`);
      transcript.push(...results.slice(0, 3).map((r) => `    ▸ ${r.title} — ${r.description}`), "");
      const chosen = results[0]!.input_message_content as { message_text: string };
      transcript.push("👤 用户选中第一条，发到该聊天的消息：");
      transcript.push(...assertTelegramHtml(chosen.message_text).text.split("\n").map((l) => `    ${l}`));
      transcript.push(`    [${buttonsOf(results[0]!.reply_markup)[0]!.text}]`, "");
    }
  });
});
