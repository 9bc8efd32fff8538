/**
 * Adding and removing bulletins through the bot, end to end: the real LiveEngine over a scratch
 * seeds folder (one real seed bulletin to start with), the bot polling a stand-in Bot API on
 * 127.0.0.1 that serves getFile and the file downloads, and real fixture files sent as documents.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import type { InlineKeyboardButton, Message } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decodeAdminCallback } from "../../src/bot/admin/callback-data.js";
import { createBot } from "../../src/bot/bot.js";
import { createLogger } from "../../src/bot/logger.js";
import { startPolling, type RunningBot } from "../../src/bot/run.js";
import { LiveEngine } from "../../src/ops/live-engine.js";
import {
  buttonsOf, callbackQuery, documentMessage, startBotApiStub, textMessage, type BotApiStub, type RecordedCall, type StubFile,
} from "../../src/testing/bot-api-stub.js";
import { assertTelegramHtml, resultMessage, SEEDS_DIR } from "./harness.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/formats");
const ADMIN = 5001;
const OTHER = 5002;
const GROUP = -100777;

let root: string;
let seedsDir: string;
let live: LiveEngine;
let stub: BotApiStub;
let bot: RunningBot;
const logLines: Record<string, unknown>[] = [];

function startAdminBot(): Promise<RunningBot> {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: "info", token: stub.token, destination });
  const created = createBot(live, { botToken: stub.token, apiRoot: stub.apiRoot, admin: { ids: new Set([ADMIN]), seedsDir, engine: live } }, { logger });
  return startPolling(created, logger, { pollTimeoutSeconds: 1 });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "jb-admin-"));
  seedsDir = join(root, "seeds");
  // Start from one real bulletin (the 2007 one), so what an upload adds is visible in answers.
  await import("node:fs/promises").then((fs) => fs.mkdir(seedsDir));
  copyFileSync(join(SEEDS_DIR, "000_d8c112c12d809796.txt"), join(seedsDir, "000_d8c112c12d809796.txt"));
  live = await LiveEngine.open({ seedsDir, indexDir: join(root, "index"), intervalMs: 0 });
  stub = await startBotApiStub();
  bot = await startAdminBot();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  live?.stop();
  await stub?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  // Anything Telegram would have refused (bad HTML, > 4,096, bad buttons, bad file ids) fails the test.
  expect(stub.rejected().map((c) => `${c.method}: ${c.response?.description}`)).toEqual([]);
});

const textOf = (call: RecordedCall) => assertTelegramHtml(call.params.text).text;
const inChat = (chat: number) => (c: RecordedCall) => Number(c.params.chat_id) === chat;
const isFinal = (c: RecordedCall) => !String(c.params.text).startsWith("⏳");

/** Waits for the first call after `trigger` to `method` matching `predicate`. */
async function after(method: string, predicate: (c: RecordedCall) => boolean, trigger: () => void, timeoutMs = 60_000): Promise<RecordedCall> {
  const mark = stub.calls.length;
  const waiting = stub.waitFor(method, (c) => stub.calls.indexOf(c) >= mark && predicate(c), timeoutMs);
  trigger();
  return waiting;
}

/**
 * Sends a document as `from` and returns the bot's last word on it: a refusal sent at once, or
 * the final edit of its "⏳" status message.
 */
async function sendDocument(from: number, file: StubFile, fileName: string | undefined, chatId = from): Promise<RecordedCall> {
  const mark = stub.calls.length;
  stub.pushUpdate(documentMessage({ from, file, ...(fileName !== undefined ? { fileName } : {}), chatId }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const last = stub.calls
      .slice(mark)
      .find((c) => (c.method === "sendMessage" || c.method === "editMessageText") && c.response?.ok && inChat(chatId)(c) && isFinal(c));
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`no final answer to ${fileName}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function fixture(path: string, ext: string): StubFile {
  return stub.addFile(readFileSync(path), ext);
}

async function say(from: number, text: string): Promise<RecordedCall> {
  return after("sendMessage", inChat(from), () => stub.pushUpdate(textMessage({ from, text })));
}

function callbackButtons(markup: unknown): InlineKeyboardButton.CallbackButton[] {
  return buttonsOf(markup).filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b);
}

/** Taps a button on a message the bot sent (as it now stands) and waits for the bot's final edit of it. */
async function tap(from: number, chatId: number, messageId: number, data: string, message?: Message): Promise<RecordedCall> {
  const shown = message ?? stub.message(chatId, messageId)!;
  return after("editMessageText", (c) => Number(c.params.message_id) === messageId && isFinal(c), () =>
    stub.pushUpdate(callbackQuery(from, shown, data)),
  );
}

const adminLines = () => logLines.filter((l) => l.msg === "admin action");

describe("who may add bulletins", () => {
  it("answers anyone else's document and /remove with one polite line, downloading nothing", async () => {
    const file = fixture(join(FIXTURES, "002_0fe32b2dc6c3665a.docx"), ".docx");
    const reply = await after("sendMessage", inChat(OTHER), () =>
      stub.pushUpdate(documentMessage({ from: OTHER, file, fileName: "002_0fe32b2dc6c3665a.docx" })),
    );
    expect(textOf(reply)).toContain("只有管理员可以添加");
    expect(textOf(await say(OTHER, "/remove 000_d8c112c12d809796.txt"))).toContain("只有管理员可以添加");
    expect(stub.callsTo("getFile")).toHaveLength(0);
    expect(existsSync(join(seedsDir, "000_d8c112c12d809796.txt"))).toBe(true);
    expect(logLines.some((l) => l.user === OTHER && l.outcome === "not-admin")).toBe(true);
  });

  it("ignores documents in groups, even an administrator's", async () => {
    const file = fixture(join(FIXTURES, "002_0fe32b2dc6c3665a.docx"), ".docx");
    stub.pushUpdate(documentMessage({ from: ADMIN, file, fileName: "002_0fe32b2dc6c3665a.docx", chatId: GROUP }));
    // A private message sent after it is answered; by then the group document has been handled.
    await say(OTHER, "昆山 2007");
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.calls.filter((c) => inChat(GROUP)(c))).toHaveLength(0);
    expect(stub.callsTo("getFile")).toHaveLength(0);
  });
});

describe("an administrator adds bulletins", () => {
  it("indexes a .docx and reports title, year, organisations and passages; questions then use it", async () => {
    const before = textOf(await say(OTHER, "常熟 2012 工作"));
    expect(before).toContain("没有");

    const reply = await sendDocument(ADMIN, fixture(join(FIXTURES, "002_0fe32b2dc6c3665a.docx"), ".docx"), "002_0fe32b2dc6c3665a.docx");
    const text = textOf(reply);
    const source = live.sources().find((s) => s.source === "002_0fe32b2dc6c3665a.docx");
    expect(source).toBeDefined();
    expect(text).toContain("已收录 002_0fe32b2dc6c3665a.docx");
    expect(text).toContain("年份：2012年");
    expect(source!.year).toBe(2012);
    expect(text).toContain(`段落：${source!.passages} 段`);
    expect(source!.passages).toBeGreaterThan(5);
    for (const org of source!.orgs) expect(text).toContain(org);
    expect(source!.orgs).toContain("常熟市总工会");
    if (source!.title) expect(text).toContain(`标题：${source!.title}`);
    expect(text).toContain(`索引现有 ${live.info().files} 份简报`);
    // Saved whole under its own name, and nothing else left behind.
    expect(readFileSync(join(seedsDir, "002_0fe32b2dc6c3665a.docx"))).toEqual(readFileSync(join(FIXTURES, "002_0fe32b2dc6c3665a.docx")));
    expect(readdirSync(seedsDir).sort()).toEqual(["000_d8c112c12d809796.txt", "002_0fe32b2dc6c3665a.docx"]);
    // The file was fetched the way Telegram serves it.
    expect(stub.downloads.at(-1)?.status).toBe(200);

    const after2012 = textOf(await say(OTHER, "常熟 2012 工作"));
    expect(after2012).toContain("📎 常熟市总工会 · 2012年");
    expect(adminLines().some((l) => l.admin === ADMIN && l.file === "002_0fe32b2dc6c3665a.docx" && l.outcome === "added")).toBe(true);
  }, 90_000);

  it("indexes a .txt sent under a name of its own", async () => {
    const reply = await sendDocument(ADMIN, fixture(join(SEEDS_DIR, "004_f5dc9353ca6598d8.txt"), ".txt"), "十七大精神专刊.txt");
    const text = textOf(reply);
    const source = live.sources().find((s) => s.source === "十七大精神专刊.txt")!;
    expect(text).toContain("已收录 十七大精神专刊.txt");
    expect(text).toContain("年份：2008年");
    expect(text).toContain(`段落：${source.passages} 段`);
    expect(source.orgs).toContain("吴中区总工会");
    expect(textOf(await say(OTHER, "理清明年工作基本思路那篇作者是谁"))).toContain("杨伟根");
  }, 90_000);

  it("asks before replacing a same-named file; cancel keeps it, 替换 replaces it — also after a restart", async () => {
    const name = "十七大精神专刊.txt";
    const original = readFileSync(join(seedsDir, name));
    const replacement = readFileSync(join(SEEDS_DIR, "000_d8c112c12d809796.txt"));

    // Cancel.
    const asked = await sendDocument(ADMIN, stub.addFile(replacement, ".txt"), name);
    expect(textOf(asked)).toContain(`已经有 ${name}`);
    const [replace, cancel] = callbackButtons(asked.params.reply_markup);
    expect(replace!.text).toBe("替换");
    expect(decodeAdminCallback(replace!.callback_data)?.action).toBe("rp");
    const cancelled = await tap(ADMIN, ADMIN, Number(asked.params.message_id), cancel!.callback_data);
    expect(textOf(cancelled)).toContain("已取消");
    expect(readFileSync(join(seedsDir, name))).toEqual(original);

    // Ask again, restart the bot, then confirm: the button carries all it needs.
    const askedAgain = await sendDocument(ADMIN, stub.addFile(replacement, ".txt"), name);
    const messageId = Number(askedAgain.params.message_id);
    expect(readFileSync(join(seedsDir, name))).toEqual(original);
    await bot.stop();
    bot = await startAdminBot();
    const done = await tap(ADMIN, ADMIN, messageId, callbackButtons(askedAgain.params.reply_markup)[0]!.callback_data);
    const text = textOf(done);
    expect(text).toContain(`已替换 ${name}`);
    expect(text).toContain("年份：2007年");
    expect(readFileSync(join(seedsDir, name))).toEqual(replacement);
    expect(live.sources().find((s) => s.source === name)!.year).toBe(2007);
    expect(adminLines().some((l) => l.admin === ADMIN && l.file === name && l.outcome === "replaced")).toBe(true);
  }, 120_000);

  it("says to resend when the document the question replied to is gone", async () => {
    const name = "十七大精神专刊.txt";
    const asked = await sendDocument(ADMIN, stub.addFile(readFileSync(join(SEEDS_DIR, "004_f5dc9353ca6598d8.txt")), ".txt"), name);
    const messageId = Number(asked.params.message_id);
    const shown = stub.message(ADMIN, messageId)!;
    // The user deleted their document: Telegram then sends the question without reply_to_message.
    const { reply_to_message: _gone, ...withoutOriginal } = shown as Message.TextMessage & { reply_to_message?: Message };
    const before = readFileSync(join(seedsDir, name));
    const done = await tap(ADMIN, ADMIN, messageId, callbackButtons(asked.params.reply_markup)[0]!.callback_data, withoutOriginal as Message);
    expect(textOf(done)).toContain("请重新发送");
    expect(readFileSync(join(seedsDir, name))).toEqual(before);
  });

  it("refuses a document over 20 MB before downloading anything", async () => {
    const gettingFiles = stub.callsTo("getFile").length;
    const downloads = stub.downloads.length;
    const reply = await sendDocument(ADMIN, stub.addFile({ size: 20 * 1024 * 1024 + 1 }, ".pdf"), "2013年工作要点.pdf");
    expect(textOf(reply)).toContain("2013年工作要点.pdf 有 20.1 MB，超过 Telegram 允许机器人下载的 20 MB 上限");
    expect(stub.callsTo("getFile")).toHaveLength(gettingFiles);
    expect(stub.downloads).toHaveLength(downloads);
    expect(existsSync(join(seedsDir, "2013年工作要点.pdf"))).toBe(false);
  });

  it("names what is wrong with a bad file and does not save it", async () => {
    const reply = await sendDocument(ADMIN, fixture(join(FIXTURES, "bad/encrypted.pdf"), ".pdf"), "encrypted.pdf");
    const text = textOf(reply);
    expect(text).toContain("encrypted.pdf 无法收录");
    expect(text).toMatch(/加密/);
    expect(text).toContain("文件没有保存");
    expect(existsSync(join(seedsDir, "encrypted.pdf"))).toBe(false);
    // A photo renamed .docx: the bytes decide.
    const fake = await sendDocument(ADMIN, stub.addFile(Buffer.from("\xff\xd8\xff\xe0 not a word file", "latin1"), ".docx"), "伪装.docx");
    expect(textOf(fake)).toContain("不是 Word 文档");
    expect(existsSync(join(seedsDir, "伪装.docx"))).toBe(false);
    expect(adminLines().some((l) => l.file === "encrypted.pdf" && l.outcome === "refused-unreadable")).toBe(true);
  });

  it("refuses or makes safe unsafe names", async () => {
    const txt = () => stub.addFile(readFileSync(join(SEEDS_DIR, "002_0fe32b2dc6c3665a.txt")), ".txt");
    expect(textOf(await sendDocument(ADMIN, txt(), "synonyms.txt"))).toContain("系统保留的文件名");
    expect(textOf(await sendDocument(ADMIN, txt(), "catalogue.json"))).toContain("系统保留的文件名");
    expect(textOf(await sendDocument(ADMIN, txt(), "notes.exe"))).toContain("不是可以收录的简报格式");
    expect(textOf(await sendDocument(ADMIN, txt(), undefined))).toContain("没有文件名");
    expect(textOf(await sendDocument(ADMIN, txt(), ".."))).toContain("文件名不可用");
    expect(readdirSync(seedsDir).some((n) => n.startsWith(".") || n === "synonyms.txt")).toBe(false);

    const safe = textOf(await sendDocument(ADMIN, txt(), "../../.常熟\u001b[31m2012.txt"));
    expect(safe).toContain("已收录 常熟[31m2012.txt");
    expect(safe).toContain("已保存为 常熟[31m2012.txt");
    expect(existsSync(join(seedsDir, "常熟[31m2012.txt"))).toBe(true);
    expect(existsSync(join(root, ".常熟\u001b[31m2012.txt"))).toBe(false);
  }, 90_000);
});

describe("/remove", () => {
  it("lists the files as buttons, confirms, removes and reindexes", async () => {
    const list = await say(ADMIN, "/remove");
    const buttons = callbackButtons(list.params.reply_markup);
    expect(buttons.map((b) => b.text).sort()).toEqual(readdirSync(seedsDir).filter((n) => !n.startsWith(".")).sort());
    const target = buttons.find((b) => b.text === "常熟[31m2012.txt")!;
    const listMessage = resultMessage(list);

    const confirm = await tap(ADMIN, ADMIN, listMessage.message_id, target.callback_data);
    expect(textOf(confirm)).toContain("确定从简报目录删除 常熟[31m2012.txt");
    expect(existsSync(join(seedsDir, "常熟[31m2012.txt"))).toBe(true);
    const [remove] = callbackButtons(confirm.params.reply_markup);
    expect(remove!.text).toBe("删除");
    const done = await tap(ADMIN, ADMIN, listMessage.message_id, remove!.callback_data);
    expect(textOf(done)).toContain("已删除 常熟[31m2012.txt");
    expect(existsSync(join(seedsDir, "常熟[31m2012.txt"))).toBe(false);
    expect(live.sources().some((s) => s.source === "常熟[31m2012.txt")).toBe(false);
    expect(textOf(done)).toContain(`索引现有 ${live.info().files} 份简报`);
    // The same button again: the file is gone, and the bot says so.
    expect(textOf(await tap(ADMIN, ADMIN, listMessage.message_id, remove!.callback_data))).toContain("已经不在简报目录里");
  }, 90_000);

  it("/remove <file> asks first; questions stop citing it", async () => {
    const name = "002_0fe32b2dc6c3665a.docx";
    const confirm = await say(ADMIN, `/remove ${name}`);
    expect(textOf(confirm)).toContain(`确定从简报目录删除 ${name}`);
    const done = await tap(ADMIN, ADMIN, resultMessage(confirm).message_id, callbackButtons(confirm.params.reply_markup)[0]!.callback_data);
    expect(textOf(done)).toContain(`已删除 ${name}`);
    expect(existsSync(join(seedsDir, name))).toBe(false);
    expect(textOf(await say(OTHER, "常熟 2012 工作"))).not.toContain("📎 常熟市总工会 · 2012年");
    expect(adminLines().some((l) => l.admin === ADMIN && l.file === name && l.outcome === "removed")).toBe(true);
  }, 90_000);

  it("refuses names that are not bulletins or not there", async () => {
    expect(textOf(await say(ADMIN, "/remove ../000_d8c112c12d809796.txt"))).toContain("不是简报文件");
    expect(textOf(await say(ADMIN, "/remove synonyms.txt"))).toContain("不是简报文件");
    expect(textOf(await say(ADMIN, "/remove 没有这个.docx"))).toContain("简报目录里没有 没有这个.docx");
    expect(existsSync(join(seedsDir, "000_d8c112c12d809796.txt"))).toBe(true);
  });
});

describe("logging", () => {
  it("logs every admin action as JSON with the user id and a printable file name, never the token", () => {
    const lines = adminLines();
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.admin).toBe(ADMIN);
      if (line.file !== undefined) expect(String(line.file)).not.toMatch(/[\u0000-\u001f]/);
    }
    expect(JSON.stringify(logLines)).not.toContain(stub.token);
  });
});
