/**
 * Issue 9, end to end against the stand-in Bot API and the real engine over the seeds: edits,
 * captions, voice, groups (bare /ask → ForceReply, added to a group), the profile set at start
 * only when it differs, human bulletin titles, copy_text buttons, command typos.
 */
import type { InlineKeyboardButton, Message } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COPY_TEXT_LIMIT } from "../../src/answer/copy-text.js";
import { decodeCallback } from "../../src/bot/callback-data.js";
import * as M from "../../src/bot/messages.js";
import { parseQuestionHeader } from "../../src/bot/render.js";
import type { RunningBot } from "../../src/bot/run.js";
import type { Engine } from "../../src/engine.js";
import {
  buttonsOf, callbackQuery, captionMessage, editedMessage, myChatMember, startBotApiStub, STUB_LIMITS, textMessage, voiceMessage,
  type BotApiStub, type RecordedCall,
} from "../../src/testing/bot-api-stub.js";
import { assertTelegramHtml, nextCall, openEngine, resultMessage, startBot } from "./harness.js";

let engine: Engine;
let cleanupEngine: () => void;
let stub: BotApiStub;
let bot: RunningBot;

beforeAll(async () => {
  ({ engine, cleanup: cleanupEngine } = await openEngine());
  stub = await startBotApiStub();
  bot = await startBot(engine, stub);
});

afterAll(async () => {
  await bot?.stop();
  await stub?.close();
  cleanupEngine?.();
});

afterEach(() => {
  expect(stub.rejected().map((c) => `${c.method}: ${c.response?.description}`)).toEqual([]);
});

let seq = 5000;
const newUser = () => ++seq;
const toChat = (chatId: number) => (c: RecordedCall) => Number(c.params.chat_id) === chatId;

function copyTexts(call: RecordedCall): string[] {
  return buttonsOf(call.params.reply_markup)
    .filter((b): b is InlineKeyboardButton.CopyTextButtonButton => "copy_text" in b)
    .map((b) => b.copy_text.text);
}

describe("edits and captions", () => {
  it("answers an edited question again, as a reply to the edited message, also after a restart", async () => {
    const user = newUser();
    const original = textMessage({ from: user, text: "常熟 2007 体检" });
    const first = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(original));
    expect(parseQuestionHeader(assertTelegramHtml(first.params.text).text)).toBe("常熟 2007 体检");

    // Another replica (a fresh instance, no memory of the first answer) handles the edit.
    await bot.stop();
    bot = await startBot(engine, stub);
    const again = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(editedMessage(original, "常熟市总工会打算为多少名困难职工免费体检？")));
    const shown = assertTelegramHtml(again.params.text).text;
    expect(parseQuestionHeader(shown)).toBe("常熟市总工会打算为多少名困难职工免费体检？");
    expect(shown.split("\n")[1]).toBe(M.EDITED_NOTE);
    expect(shown).toContain("💡 为400名困难职工、特困女职工免费体检");
    expect(again.params.reply_parameters).toMatchObject({ message_id: (original as { message: Message }).message.message_id });
  });

  it("ignores an edit to a command other than /ask, answers an edited /ask", async () => {
    const user = newUser();
    const help = textMessage({ from: user, text: "/help" });
    await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(help));
    const ask = textMessage({ from: user, text: "/ask 昆山" });
    await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(ask));
    stub.pushUpdate(editedMessage(help, "/about"));
    const edited = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(editedMessage(ask, "/ask 昆山 2007")));
    expect(parseQuestionHeader(assertTelegramHtml(edited.params.text).text)).toBe("昆山 2007");
    // /help, /ask, the edited /ask: the edit to /help got nothing.
    expect(stub.callsTo("sendMessage").filter(toChat(user))).toHaveLength(3);
  });

  it("takes the caption of a photo, a document or a video as the question", async () => {
    for (const kind of ["photo", "document", "video"] as const) {
      const user = newUser();
      const reply = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(captionMessage({ from: user, caption: "张家港 农民工 入会", kind })));
      const shown = assertTelegramHtml(reply.params.text).text;
      expect(parseQuestionHeader(shown), kind).toBe("张家港 农民工 入会");
      expect(shown).toContain("📎 张家港市总工会 · 2007年");
    }
  });

  it("reads /ask in a caption, in private and in groups", async () => {
    const user = newUser();
    const pm = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(captionMessage({ from: user, caption: "/ask 昆山 2007" })));
    expect(parseQuestionHeader(assertTelegramHtml(pm.params.text).text)).toBe("昆山 2007");
    const chat = -100559;
    stub.pushUpdate(captionMessage({ from: user, caption: "/ask@other_bot 昆山", chatId: chat }));
    const inGroup = await nextCall(stub, "sendMessage", toChat(chat))(() =>
      stub.pushUpdate(captionMessage({ from: user, caption: `/ask@${stub.botInfo.username} 常熟 2012`, chatId: chat })),
    );
    expect(parseQuestionHeader(assertTelegramHtml(inGroup.params.text).text)).toBe("常熟 2012");
    expect(stub.callsTo("sendMessage").filter(toChat(chat))).toHaveLength(1);
  });

  it("asks for a typed question, with examples, when sent a voice message", async () => {
    const user = newUser();
    const reply = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(voiceMessage({ from: user })));
    const shown = assertTelegramHtml(reply.params.text).text;
    expect(shown).toContain("语音");
    expect(shown).toContain("文字");
    for (const example of engine.examples()) expect(shown).toContain(example);
  });
});

describe("groups", () => {
  const group = -100555;

  it("opens the reply field on a bare /ask, and answers the reply", async () => {
    const user = newUser();
    for (const command of ["/ask", `/ask@${stub.botInfo.username}`]) {
      const ask = textMessage({ from: user, text: command, chatId: group });
      const prompt = await nextCall(stub, "sendMessage", toChat(group))(() => stub.pushUpdate(ask));
      const markup = prompt.params.reply_markup as { force_reply: boolean; selective: boolean; input_field_placeholder: string };
      expect(markup).toEqual({ force_reply: true, selective: true, input_field_placeholder: M.ASK_PLACEHOLDER });
      expect(markup.input_field_placeholder.length).toBeLessThanOrEqual(STUB_LIMITS.placeholder);
      // Quoting the /ask makes `selective` show the reply field to that user only.
      expect(prompt.params.reply_parameters).toMatchObject({ message_id: (ask as { message: Message }).message.message_id });

      const answer = await nextCall(stub, "sendMessage", toChat(group))(() =>
        stub.pushUpdate(textMessage({ from: user, text: "昆山 2007 工作任务", chatId: group, replyTo: resultMessage(prompt) })),
      );
      expect(parseQuestionHeader(assertTelegramHtml(answer.params.text).text)).toBe("昆山 2007 工作任务");
    }
  });

  it("answers a group caption only when it mentions the bot", async () => {
    const user = newUser();
    const chat = -100556;
    stub.pushUpdate(captionMessage({ from: user, caption: "昆山 2007 的材料", chatId: chat }));
    const reply = await nextCall(stub, "sendMessage", toChat(chat))(() =>
      stub.pushUpdate(captionMessage({ from: user, caption: `@${stub.botInfo.username} 常熟 劳动竞赛`, chatId: chat })),
    );
    expect(parseQuestionHeader(assertTelegramHtml(reply.params.text).text)).toBe("常熟 劳动竞赛");
    expect(stub.callsTo("sendMessage").filter(toChat(chat))).toHaveLength(1);
  });

  it("says how to ask, once, when added to a group, and nothing on other membership changes", async () => {
    const chat = -100557;
    const admin = newUser();
    const welcome = await nextCall(stub, "sendMessage", toChat(chat))(() =>
      stub.pushUpdate(myChatMember({ by: admin, chatId: chat, bot: stub.botInfo, from: "left", to: "member" })),
    );
    const shown = assertTelegramHtml(welcome.params.text).text;
    expect(shown).toContain("/ask");
    expect(shown).toContain(`@${stub.botInfo.username}`);
    expect(shown).toContain("只读发给我的消息");
    expect(shown.split("\n").length).toBeLessThanOrEqual(3);
    // Promoted, then removed: no messages. A marker question shows those updates were handled.
    stub.pushUpdate(myChatMember({ by: admin, chatId: chat, bot: stub.botInfo, from: "member", to: "administrator" }));
    stub.pushUpdate(myChatMember({ by: admin, chatId: chat, bot: stub.botInfo, from: "administrator", to: "left" }));
    await nextCall(stub, "sendMessage", toChat(chat))(() => stub.pushUpdate(textMessage({ from: admin, text: "/ask 昆山", chatId: chat })));
    expect(stub.callsTo("sendMessage").filter(toChat(chat))).toHaveLength(2);
  });

  it("suggests the command a typo meant, in groups only when the typo names this bot", async () => {
    const user = newUser();
    const chat = -100558;
    stub.pushUpdate(textMessage({ from: user, text: "/sourse", chatId: chat }));
    const reply = await nextCall(stub, "sendMessage", toChat(chat))(() =>
      stub.pushUpdate(textMessage({ from: user, text: `/sourse@${stub.botInfo.username}`, chatId: chat })),
    );
    expect(assertTelegramHtml(reply.params.text).text).toBe("你是想用 /sources 吗？");
    expect(stub.callsTo("sendMessage").filter(toChat(chat))).toHaveLength(1);
  });
});

describe("command typos in private", () => {
  it("suggests the nearest command, or the generic hint when none is near", async () => {
    const user = newUser();
    const say = (text: string) => nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(textMessage({ from: user, text })));
    expect(assertTelegramHtml((await say("/sourse")).params.text).text).toBe("你是想用 /sources 吗？");
    expect(assertTelegramHtml((await say("/hlep")).params.text).text).toBe("你是想用 /help 吗？");
    expect(assertTelegramHtml((await say("/abuot")).params.text).text).toBe("你是想用 /about 吗？");
    expect(assertTelegramHtml((await say("/weather")).params.text).text).toBe(M.UNKNOWN_COMMAND);
  });
});

describe("bulletin titles", () => {
  it("lists /sources by year, newest first, by title, without file names", async () => {
    const user = newUser();
    const reply = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(textMessage({ from: user, text: "/sources" })));
    const shown = assertTelegramHtml(reply.params.text).text;
    const at = (s: string) => shown.indexOf(s);
    expect(at("2012年 · 《2012年新年思路》")).toBeGreaterThan(0);
    expect(at("2008年 · 《学习贯彻十七大精神 2008年工作思路》")).toBeGreaterThan(at("2012年 · 《2012年新年思路》"));
    expect(at("2007年 · 《2007年基层工会工作计划摘编》")).toBeGreaterThan(at("2008年 · 《学习贯彻十七大精神"));
    expect(shown).not.toMatch(/\.txt/);
  });

  it("cites by title in answers; the file name only on the passage view's detail line", async () => {
    const user = newUser();
    const answer = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(textMessage({ from: user, text: "常熟 2008 十七大 学习" })));
    const shown = assertTelegramHtml(answer.params.text).text;
    expect(shown).toContain("📎 常熟市总工会 · 2008年 · 《学习贯彻十七大精神 2008年工作思路》 · 第");
    expect(shown).not.toMatch(/\.txt/);

    const expand = buttonsOf(answer.params.reply_markup).find((b) => b.text.includes("展开 1")) as InlineKeyboardButton.CallbackButton;
    const id = (decodeCallback(expand.callback_data) as { id: string }).id;
    const edit = await nextCall(stub, "editMessageText", (c) => Number(c.params.chat_id) === user)(() =>
      stub.pushUpdate(callbackQuery(user, resultMessage(answer), expand.callback_data)),
    );
    const view = assertTelegramHtml(edit.params.text).text.split("\n");
    const passage = engine.passage(id)!;
    expect(view[1]).toBe(`📄 常熟市总工会 · 2008年 · 《学习贯彻十七大精神 2008年工作思路》`);
    const fileLines = view.filter((l) => l.includes(passage.source));
    expect(fileLines).toHaveLength(1);
    expect(fileLines[0]).toMatch(new RegExp(`^第${passage.paragraph}段 · .*文件 ${passage.source}$`));
  });
});

describe("copy text", () => {
  it("offers the direct answer with its citation as a copy_text button", async () => {
    const user = newUser();
    const reply = await nextCall(stub, "sendMessage", toChat(user))(() =>
      stub.pushUpdate(textMessage({ from: user, text: "常熟市总工会打算为多少名困难职工免费体检？" })),
    );
    const [copy] = copyTexts(reply);
    expect(copy).toBe("为400名困难职工、特困女职工免费体检\n——常熟市总工会《2007年基层工会工作计划摘编》2007年，第7段");
    // Inline sharing is still there beside it.
    expect(buttonsOf(reply.params.reply_markup).some((b) => "switch_inline_query" in b)).toBe(true);
  });

  it("cuts a long answer on a sentence, marks the cut and keeps the citation, within 256 characters", async () => {
    const user = newUser();
    const reply = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(textMessage({ from: user, text: "昆山 2007 具体工作任务有哪些" })));
    const [copy] = copyTexts(reply);
    expect(copy!.length).toBeLessThanOrEqual(COPY_TEXT_LIMIT);
    expect(copy!.length).toBeGreaterThan(200);
    const [body, citation] = copy!.split(/\n(?=——)/);
    expect(citation).toBe("——昆山市总工会《2007年基层工会工作计划摘编》2007年，第9段");
    expect(body!.startsWith("1.继续开展重点、实事工程劳动竞赛活动")).toBe(true);
    expect(body!.endsWith("…")).toBe(true);
    // The cut falls after a whole item: what precedes the … is a complete line of the list.
    const direct = engine.ask("昆山 2007 具体工作任务有哪些", { limit: 15 }).direct!.text;
    expect(direct.startsWith(body!.slice(0, -1))).toBe(true);
  });

  it("offers each passage view's text with its citation, within 256 characters", async () => {
    const user = newUser();
    const hit = engine.ask("吴中 2008 困难职工", { limit: 1 }).hits[0]!;
    const reply = await nextCall(stub, "sendMessage", toChat(user))(() => stub.pushUpdate(textMessage({ from: user, text: `/start ${hit.id}` })));
    const [copy] = copyTexts(reply);
    expect(copy!.length).toBeLessThanOrEqual(COPY_TEXT_LIMIT);
    expect(copy!.endsWith(`——吴中区总工会《学习贯彻十七大精神 2008年工作思路》2008年，第${hit.paragraph}段`)).toBe(true);
    expect(hit.text.startsWith(copy!.split("\n")[0]!.replace(/…$/, ""))).toBe(true);
  });

  it("is refused by the stand-in past 256 characters, as Telegram refuses it", async () => {
    const response = await fetch(`${stub.apiRoot}/bot${stub.token}/sendMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ chat_id: 1, text: "x", reply_markup: { inline_keyboard: [[{ text: "复制", copy_text: { text: "字".repeat(257) } }]] } }),
    });
    expect(response.status).toBe(400);
    stub.calls.splice(stub.calls.findIndex((c) => c.response?.error_code === 400), 1);
  });
});

describe("profile", () => {
  it("sets description, short description and menus on the first start, and nothing on a restart", async () => {
    const fresh = await startBotApiStub();
    try {
      const first = await startBot(engine, fresh);
      await first.stop();
      const writes = () => fresh.calls.filter((c) => /^setMy/.test(c.method)).map((c) => c.method);
      expect(writes().sort()).toEqual(["setMyCommands", "setMyCommands", "setMyCommands", "setMyDescription", "setMyShortDescription"]);
      const profile = fresh.profile();
      expect(profile.description).toBe(M.DESCRIPTION);
      expect(profile.description.length).toBeLessThanOrEqual(STUB_LIMITS.description);
      expect(profile.description).toContain("昆山 2007 工作任务");
      expect(profile.shortDescription).toBe(M.SHORT_DESCRIPTION);
      expect(profile.shortDescription.length).toBeLessThanOrEqual(STUB_LIMITS.shortDescription);
      expect(profile.commands.all_group_chats!.map((c) => c.command)).toContain("ask");
      expect(profile.commands.all_private_chats!.map((c) => c.command)).toEqual(["start", "help", "sources", "about"]);

      const before = writes().length;
      const second = await startBot(engine, fresh);
      await second.stop();
      expect(writes()).toHaveLength(before);
      expect(fresh.callsTo("getMyDescription")).toHaveLength(2);
      expect(fresh.rejected()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("gives each administrator's private chat the admin menu, with /remove", async () => {
    const fresh = await startBotApiStub();
    try {
      const first = await startBot(engine, fresh, {}, { adminIds: [42, 43] });
      await first.stop();
      const profile = fresh.profile();
      for (const id of [42, 43]) expect(profile.commands[`chat:${id}`]!.map((c) => c.command)).toEqual(["start", "help", "sources", "about", "remove"]);
      expect(profile.commands.all_private_chats!.map((c) => c.command)).not.toContain("remove");
      const writes = fresh.callsTo("setMyCommands").length;
      const second = await startBot(engine, fresh, {}, { adminIds: [42, 43] });
      await second.stop();
      expect(fresh.callsTo("setMyCommands")).toHaveLength(writes);
      expect(fresh.rejected()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("starts and answers when Telegram refuses the profile calls", async () => {
    const fresh = await startBotApiStub();
    fresh.failAlways("getMyDescription", { error_code: 500, description: "Internal Server Error" });
    fresh.failAlways("setMyShortDescription", { error_code: 400, description: "Bad Request: BOT_ABOUT_INVALID" });
    try {
      const running = await startBot(engine, fresh);
      try {
        const reply = await nextCall(fresh, "sendMessage", toChat(77))(() => fresh.pushUpdate(textMessage({ from: 77, text: "昆山 2007" })));
        expect(parseQuestionHeader(assertTelegramHtml(reply.params.text).text)).toBe("昆山 2007");
        expect(fresh.callsTo("setMyCommands").length).toBe(3);
      } finally {
        await running.stop();
      }
    } finally {
      await fresh.close();
    }
  });

  it("has a stand-in that refuses what Telegram refuses", async () => {
    const call = (method: string, body: unknown) =>
      fetch(`${stub.apiRoot}/bot${stub.token}/${method}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.status);
    const mark = stub.calls.length;
    expect(await call("setMyDescription", { description: "字".repeat(513) })).toBe(400);
    expect(await call("setMyShortDescription", { short_description: "字".repeat(121) })).toBe(400);
    expect(await call("sendMessage", { chat_id: 1, text: "问", reply_markup: { force_reply: true, input_field_placeholder: "字".repeat(65) } })).toBe(400);
    expect(await call("sendPhoto", { chat_id: 1, photo: "x", caption: "字".repeat(1025) })).toBe(400);
    expect(await call("editMessageText", { chat_id: 1, message_id: 1, text: "x", reply_markup: { force_reply: true } })).toBe(400);
    expect(await call("sendPhoto", { chat_id: 1, photo: "x", caption: "字".repeat(1024) })).toBe(200);
    stub.calls.splice(mark);
  });
});
