/**
 * A stand-in Telegram Bot API server on 127.0.0.1 for end-to-end tests and benchmarks.
 *
 *   const stub = await startBotApiStub();
 *   // run the bot with BOT_API_ROOT=stub.apiRoot and BOT_TOKEN=stub.token
 *   stub.pushUpdate(privateText(stub, { userId: 7, text: "昆山 2007" }));
 *   const sent = await stub.waitFor("sendMessage", (c) => c.params.chat_id === 7);
 *   await stub.close();
 *
 * It implements getMe, getUpdates (long polling: `timeout` honoured, `offset` confirms),
 * setMyCommands, deleteWebhook, setWebhook, sendMessage, sendChatAction, editMessageText,
 * answerCallbackQuery and answerInlineQuery, answers any other method with ok:true, and records
 * every call. Like Telegram it rejects what Telegram would reject — HTML it cannot parse, texts
 * over 4,096 characters, callback data over 64 bytes, bad inline results — with a 400, and keeps
 * the plain text of sent messages so callback updates can carry them back.
 *
 * Files (admin uploads): `addFile` registers a document a user could send; getFile answers with
 * its file_path (400 `invalid file_id` for an unknown id, `file is too big` past 20 MB, as
 * Telegram does), and `GET /file/bot<token>/<file_path>` serves its bytes (404 otherwise).
 * sendMessage with `reply_parameters` carries the replied-to message (as pushed in an update)
 * in `reply_to_message`, without its own reply, as Telegram does.
 * Profile and chat features (issue 9): setMyDescription / setMyShortDescription (0–512 / 0–120
 * characters) and their getMy* twins, getMyCommands per scope (what setMyCommands stored),
 * copy_text buttons (1–256 characters), ForceReply (input_field_placeholder 1–64 characters)
 * on sendMessage, captions (≤ 1,024 characters) on the send methods that take one; and
 * builders for edited messages, captioned photos, voice messages and my_chat_member updates.
 *
 * Faults, for the resilience tests: `failNext` (one Bot API error), `failAlways` (every call to a
 * method fails until cleared, e.g. a persistent 502), `hang` (calls to a method are never
 * answered), `outage` (every connection is reset, as when Telegram is unreachable) and
 * `revokeToken` (every call gets 401 from then on). `now()` is the stub's clock, the one
 * RecordedCall.at uses, so tests assert time bounds on what the server saw.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { InlineKeyboardButton, Message, Update, UserFromGetMe } from "grammy/types";
import { parseTelegramHtml, TelegramHtmlError, type ParsedEntity } from "./telegram-html.js";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** ms since the stub started. */
  at: number;
  /** What the stub answered; undefined while a getUpdates long poll is pending. */
  response?: { ok: boolean; result?: unknown; error_code?: number; description?: string };
}

export interface BotApiStub {
  /** Pass as BOT_API_ROOT. */
  apiRoot: string;
  /** Pass as BOT_TOKEN; requests with another token get 401 like Telegram. */
  token: string;
  botInfo: UserFromGetMe;
  /** Queues an update for getUpdates; assigns update_id when missing. */
  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update;
  /** Every call, in arrival order. */
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Calls the stub rejected (bad HTML, too long, …): a correct bot makes none. */
  rejected(): RecordedCall[];
  /** Resolves with the first call (past or future) to `method` matching `predicate`. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Messages the bot sent (as edited since), by chat and message id. */
  message(chatId: number, messageId: number): Message.TextMessage | undefined;
  /** Makes the next call to `method` fail with this Bot API error (e.g. 429 with retry_after). */
  failNext(method: string, error: { error_code: number; description: string; parameters?: Record<string, unknown> }): void;
  /** Every call to `method` fails with this error until called again with null. */
  failAlways(method: string, error: { error_code: number; description: string } | null): void;
  /** The next `count` calls (default: all) to `method` are recorded but never answered. */
  hang(method: string, count?: number): void;
  /** While on, every request's connection is reset before it is read (Telegram unreachable). */
  outage(on: boolean): void;
  /** From now on every call gets 401 Unauthorized, as after /revoke in @BotFather. */
  revokeToken(): void;
  /** ms since the stub started: the clock of RecordedCall.at. */
  now(): number;
  /** Number of getUpdates requests currently waiting. */
  pendingPolls(): number;
  /**
   * Registers a file a user sends (bytes, or only a declared size for a file never downloaded)
   * and returns its Document fields. `ext` names file_path's extension, as Telegram keeps it.
   */
  addFile(content: Uint8Array | { size: number }, ext?: string): StubFile;
  /** Every request for a file download, in arrival order, with the HTTP status answered. */
  downloads: { path: string; status: number; at: number }[];
  /** The profile as Telegram would show it now (what setMy* stored). */
  profile(): StubProfile;
  close(): Promise<void>;
}

export interface StubOptions {
  token?: string;
  username?: string;
  botId?: number;
}

const TEXT_LIMIT = 4096;
/** Bot API limits checked below (core.telegram.org/bots/api: CopyTextButton, ForceReply, setMyDescription, setMyShortDescription, sendPhoto). */
export const STUB_LIMITS = { copyText: 256, placeholder: 64, description: 512, shortDescription: 120, caption: 1024 } as const;

export interface StubProfile {
  description: string;
  shortDescription: string;
  /** Commands by scope type, or `chat:<id>` for one chat (language codes are not used by the bot). */
  commands: Record<string, { command: string; description: string }[]>;
}

/** What a sent document's message carries about its file. */
export interface StubFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
}

/** Bots may download files of up to 20 MB through the public Bot API. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

class BadRequest extends Error {}

export async function startBotApiStub(options: StubOptions = {}): Promise<BotApiStub> {
  const botId = options.botId ?? 424242;
  const token = options.token ?? `${botId}:TEST-token_stub-AAAA`;
  const botInfo: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: "简报问答",
    username: options.username ?? "jianbao_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
  } as UserFromGetMe;
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const queue: Update[] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  const messages = new Map<string, Message.TextMessage>();
  const failures = new Map<string, { error_code: number; description: string; parameters?: Record<string, unknown> }[]>();
  const polls = new Set<{ wake: () => void }>();
  const watchers = new Set<(call: RecordedCall) => void>();
  const sockets = new Set<import("node:net").Socket>();
  const always = new Map<string, { error_code: number; description: string }>();
  const hangs = new Map<string, number>();
  const hung = new Set<ServerResponse>();
  let down = false;
  let revoked = false;
  // Files users sent (by file_id) and the messages they pushed (for reply_to_message).
  const files = new Map<string, StubFile & { bytes: Uint8Array | null; file_path: string }>();
  const userMessages = new Map<string, Message>();
  const downloads: { path: string; status: number; at: number }[] = [];
  let nextFileNo = 0;
  const profile: StubProfile = { description: "", shortDescription: "", commands: {} };

  const record = (call: RecordedCall) => {
    calls.push(call);
  };
  const settle = (call: RecordedCall) => {
    for (const w of [...watchers]) w(call);
  };

  function parseText(html: unknown, parseMode: unknown, field: string): { text: string; entities: ParsedEntity[] } {
    if (typeof html !== "string" || html.length === 0) throw new BadRequest(`Bad Request: ${field} is empty`);
    let parsed: { text: string; entities: ParsedEntity[] };
    if (parseMode === "HTML") {
      try {
        parsed = parseTelegramHtml(html);
      } catch (error) {
        if (error instanceof TelegramHtmlError) throw new BadRequest(`Bad Request: can't parse entities: ${error.message}`);
        throw error;
      }
    } else parsed = { text: html, entities: [] };
    if (parsed.text.trim().length === 0) throw new BadRequest(`Bad Request: ${field} is empty`);
    if (parsed.text.length > TEXT_LIMIT || html.length > TEXT_LIMIT) throw new BadRequest(`Bad Request: ${field} is too long`);
    return parsed;
  }

  function checkMarkup(markup: unknown): void {
    if (markup === undefined) return;
    const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] }).inline_keyboard;
    if (!Array.isArray(rows)) throw new BadRequest("Bad Request: reply markup is not an inline keyboard");
    for (const row of rows) {
      for (const button of row) {
        if (!button.text) throw new BadRequest("Bad Request: button text is empty");
        if ("callback_data" in button) {
          const bytes = Buffer.byteLength(button.callback_data, "utf8");
          if (bytes < 1 || bytes > 64) throw new BadRequest("Bad Request: BUTTON_DATA_INVALID");
        }
        if ("url" in button && !/^(https?|tg):\/\//.test(button.url)) throw new BadRequest("Bad Request: BUTTON_URL_INVALID");
        checkButtonKind(button);
      }
    }
  }

  function chatOf(chatId: unknown): Message["chat"] {
    const id = Number(chatId);
    if (!Number.isInteger(id)) throw new BadRequest("Bad Request: chat not found");
    return id > 0
      ? ({ id, type: "private", first_name: `user${id}` } as Message["chat"])
      : ({ id, type: "supergroup", title: `group${id}` } as Message["chat"]);
  }

  // ── issue 9: the profile, copy_text, ForceReply, captions ──────────────────────────────────
  /** Exactly one action per button, and a copy_text of 1–256 characters. */
  function checkButtonKind(button: InlineKeyboardButton): void {
    const actions = ["callback_data", "url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "web_app", "login_url", "callback_game", "pay"];
    if (actions.filter((a) => a in button).length !== 1) throw new BadRequest("Bad Request: BUTTON_TYPE_INVALID");
    if ("copy_text" in button) {
      const text = (button.copy_text as { text?: unknown } | undefined)?.text;
      if (typeof text !== "string" || text.length < 1 || text.length > STUB_LIMITS.copyText) {
        throw new BadRequest("Bad Request: COPY_TEXT_INVALID");
      }
    }
  }

  /** sendMessage also takes a ForceReply (or a reply keyboard removal); edits and inline results do not. */
  function checkSendMarkup(markup: unknown): void {
    const m = markup as { force_reply?: unknown; input_field_placeholder?: unknown } | undefined;
    if (m && "force_reply" in m) {
      if (m.force_reply !== true) throw new BadRequest("Bad Request: force_reply must be True");
      const placeholder = m.input_field_placeholder;
      if (placeholder !== undefined && (typeof placeholder !== "string" || placeholder.length < 1 || placeholder.length > STUB_LIMITS.placeholder)) {
        throw new BadRequest("Bad Request: input_field_placeholder must be 1-64 characters");
      }
      return;
    }
    checkMarkup(markup);
  }

  const SEND_WITH_CAPTION = new Set(["sendPhoto", "sendDocument", "sendVideo", "sendAudio", "sendAnimation", "sendVoice", "editMessageCaption", "copyMessage"]);

  /** Methods of the profile and captions; undefined when `method` is not one of them. */
  function handleIssue9(method: string, p: Record<string, unknown>): unknown {
    if (SEND_WITH_CAPTION.has(method) && p.caption !== undefined) {
      const html = p.caption;
      const parsed = p.parse_mode === "HTML" && typeof html === "string" ? parseText(html, "HTML", "caption") : { text: String(html) };
      if (parsed.text.length > STUB_LIMITS.caption) throw new BadRequest("Bad Request: message caption is too long");
      checkMarkup(p.reply_markup);
      return undefined;
    }
    switch (method) {
      case "getMyDescription":
        return { description: profile.description };
      case "getMyShortDescription":
        return { short_description: profile.shortDescription };
      case "setMyDescription": {
        const d = p.description ?? "";
        if (typeof d !== "string" || d.length > STUB_LIMITS.description) throw new BadRequest("Bad Request: BOT_ABOUT_INVALID");
        profile.description = d;
        return true;
      }
      case "setMyShortDescription": {
        const d = p.short_description ?? "";
        if (typeof d !== "string" || d.length > STUB_LIMITS.shortDescription) throw new BadRequest("Bad Request: BOT_ABOUT_INVALID");
        profile.shortDescription = d;
        return true;
      }
      case "getMyCommands":
        return profile.commands[scopeKey(p.scope)] ?? [];
      default:
        return undefined;
    }
  }

  /** A scope's key in the profile: its type, and for one chat's scopes the chat (`chat:42`). */
  function scopeKey(scope: unknown): string {
    type Scope = { type?: string; chat_id?: unknown };
    const parsed = typeof scope === "string" ? (JSON.parse(scope) as Scope) : (scope as Scope | undefined);
    const type = parsed?.type ?? "default";
    if (type === "chat" || type === "chat_administrators" || type === "chat_member") return `${type}:${chatOf(parsed?.chat_id).id}`;
    return type;
  }
  // ── end issue 9 ─────────────────────────────────────────────────────────────────────────────

  function handle(method: string, p: Record<string, unknown>): unknown {
    const issue9 = handleIssue9(method, p);
    if (issue9 !== undefined) return issue9;
    switch (method) {
      case "getMe":
        return botInfo;
      case "deleteWebhook":
      case "setWebhook":
      case "sendChatAction":
        return true;
      case "setMyCommands": {
        const commands = p.commands as { command: string; description: string }[];
        if (!Array.isArray(commands) || commands.length > 100) throw new BadRequest("Bad Request: commands are invalid");
        for (const c of commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new BadRequest("Bad Request: BOT_COMMAND_INVALID");
          if (!c.description || c.description.length > 256) throw new BadRequest("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
        }
        profile.commands[scopeKey(p.scope)] = commands.map((c) => ({ command: c.command, description: c.description }));
        return true;
      }
      case "sendMessage": {
        const { text, entities } = parseText(p.text, p.parse_mode, "message text");
        checkSendMarkup(p.reply_markup);
        const repliedTo = repliedMessage(p);
        const message = {
          message_id: ++nextMessageId,
          date: Math.floor(Date.now() / 1000),
          chat: chatOf(p.chat_id),
          from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
          text,
          ...(entities.length > 0 ? { entities } : {}),
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
          ...(repliedTo ? { reply_to_message: repliedTo } : {}),
        } as Message.TextMessage;
        messages.set(`${message.chat.id}:${message.message_id}`, message);
        return message;
      }
      case "editMessageText": {
        const key = `${Number(p.chat_id)}:${Number(p.message_id)}`;
        const old = messages.get(key);
        if (!old) throw new BadRequest("Bad Request: message to edit not found");
        const { text, entities } = parseText(p.text, p.parse_mode, "message text");
        checkMarkup(p.reply_markup);
        if (old.text === text && JSON.stringify(old.reply_markup ?? null) === JSON.stringify(p.reply_markup ?? null)) {
          throw new BadRequest(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        }
        const message = {
          ...old,
          edit_date: Math.floor(Date.now() / 1000),
          text,
          entities,
          reply_markup: p.reply_markup,
        } as Message.TextMessage;
        if (!p.reply_markup) delete (message as { reply_markup?: unknown }).reply_markup;
        messages.set(key, message);
        return message;
      }
      case "answerCallbackQuery": {
        if (typeof p.callback_query_id !== "string") throw new BadRequest("Bad Request: query is too old or query ID is invalid");
        if (typeof p.text === "string" && p.text.length > 200) throw new BadRequest("Bad Request: MESSAGE_TOO_LONG");
        return true;
      }
      case "answerInlineQuery": {
        const results = p.results as { id: string; type: string; input_message_content?: Record<string, unknown>; reply_markup?: unknown }[];
        if (!Array.isArray(results) || results.length > 50) throw new BadRequest("Bad Request: RESULTS_TOO_MUCH");
        const ids = new Set<string>();
        for (const r of results) {
          if (typeof r.id !== "string" || Buffer.byteLength(r.id) < 1 || Buffer.byteLength(r.id) > 64) {
            throw new BadRequest("Bad Request: RESULT_ID_INVALID");
          }
          if (ids.has(r.id)) throw new BadRequest("Bad Request: RESULT_ID_DUPLICATE");
          ids.add(r.id);
          const content = r.input_message_content;
          if (content) parseText(content.message_text, content.parse_mode, "message text");
          checkMarkup(r.reply_markup);
        }
        if (typeof p.next_offset === "string" && Buffer.byteLength(p.next_offset) > 64) {
          throw new BadRequest("Bad Request: next_offset is too long");
        }
        return true;
      }
      case "getFile":
        return getFile(p);
      default:
        return true;
    }
  }

  // --- files and replies ------------------------------------------------------------------

  function getFile(p: Record<string, unknown>): unknown {
    const file = typeof p.file_id === "string" ? files.get(p.file_id) : undefined;
    if (!file) throw new BadRequest("Bad Request: invalid file_id");
    if (file.file_size > DOWNLOAD_LIMIT) throw new BadRequest("Bad Request: file is too big");
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
  }

  /** The message a reply_parameters points at, without its own reply; 400 when it is gone and that is not allowed. */
  function repliedMessage(p: Record<string, unknown>): Message | undefined {
    const params = p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    if (!params || params.message_id === undefined) return undefined;
    const original = userMessages.get(`${Number(p.chat_id)}:${Number(params.message_id)}`) ?? messages.get(`${Number(p.chat_id)}:${Number(params.message_id)}`);
    if (!original) {
      if (params.allow_sending_without_reply) return undefined;
      throw new BadRequest("Bad Request: message to be replied not found");
    }
    const { reply_to_message: _nested, ...quoted } = original as Message & { reply_to_message?: Message };
    return quoted as Message;
  }

  /** GET /file/bot<token>/<file_path>: the bytes, as Telegram's file server sends them. */
  function serveFile(res: ServerResponse, requestToken: string, path: string): void {
    const file = [...files.values()].find((f) => f.file_path === path);
    const status = requestToken !== token || revoked ? 401 : !file || !file.bytes ? 404 : 200;
    downloads.push({ path, status, at: Date.now() - started });
    if (status !== 200) {
      const description = status === 401 ? "Unauthorized" : "Not Found";
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: false, error_code: status, description }));
      return;
    }
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": file!.bytes!.length }).end(file!.bytes);
  }

  async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    if (body.length === 0) return params;
    const type = req.headers["content-type"] ?? "";
    if (type.includes("application/json")) return { ...params, ...(JSON.parse(body) as Record<string, unknown>) };
    if (type.includes("application/x-www-form-urlencoded")) return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
    return params;
  }

  function reply(res: ServerResponse, call: RecordedCall, payload: RecordedCall["response"] & object, status = 200) {
    call.response = payload;
    if (!res.writableEnded && !res.destroyed) {
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(payload));
    }
    settle(call);
  }

  const server = createServer(async (req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && req.method === "GET") {
      serveFile(res, download[1]!, decodeURIComponent(download[2]!));
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      return;
    }
    const [, requestToken, method] = m as unknown as [string, string, string];
    let params: Record<string, unknown>;
    try {
      params = await readParams(req, url);
    } catch {
      res.writeHead(400).end(JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: invalid JSON" }));
      return;
    }
    const call: RecordedCall = { method, params, at: Date.now() - started };
    record(call);
    if (requestToken !== token || revoked) {
      reply(res, call, { ok: false, error_code: 401, description: "Unauthorized" }, 401);
      return;
    }
    const hangsLeft = hangs.get(method) ?? 0;
    if (hangsLeft > 0) {
      hangs.set(method, hangsLeft - 1);
      hung.add(res);
      res.on("close", () => hung.delete(res));
      return;
    }
    const failure = failures.get(method)?.shift() ?? always.get(method);
    if (failure) {
      reply(res, call, { ok: false, ...failure }, failure.error_code);
      return;
    }
    if (method === "getUpdates") {
      pollUpdates(res, call);
      return;
    }
    try {
      reply(res, call, { ok: true, result: handle(method, params) });
    } catch (error) {
      if (error instanceof BadRequest) reply(res, call, { ok: false, error_code: 400, description: error.message }, 400);
      else reply(res, call, { ok: false, error_code: 500, description: `Internal: ${(error as Error).message}` }, 500);
    }
  });

  function pollUpdates(res: ServerResponse, call: RecordedCall) {
    const offset = Number(call.params.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(call.params.limit ?? 100)));
    const timeout = Math.max(0, Number(call.params.timeout ?? 0));
    // Calling with an offset confirms every update before it, as Telegram does.
    if (offset > 0) while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    const available = () => queue.filter((u) => u.update_id >= offset).slice(0, limit);
    const ready = available();
    if (ready.length > 0 || timeout === 0) {
      reply(res, call, { ok: true, result: ready });
      return;
    }
    const poll = {
      wake: () => {
        const batch = available();
        if (batch.length === 0) return;
        done();
        reply(res, call, { ok: true, result: batch });
      },
    };
    const timer = setTimeout(() => {
      done();
      reply(res, call, { ok: true, result: [] });
    }, timeout * 1000);
    const done = () => {
      clearTimeout(timer);
      polls.delete(poll);
    };
    // The client gave up (the runner aborts its poll on stop): forget it, keep the updates.
    res.on("close", () => {
      if (!res.writableEnded) done();
    });
    polls.add(poll);
  }

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const stub: BotApiStub = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    pushUpdate(partial) {
      const update = { ...partial, update_id: partial.update_id ?? nextUpdateId++ } as Update;
      if (update.message) userMessages.set(`${update.message.chat.id}:${update.message.message_id}`, update.message);
      nextUpdateId = Math.max(nextUpdateId, update.update_id + 1);
      queue.push(update);
      for (const poll of [...polls]) poll.wake();
      return update;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    rejected: () => calls.filter((c) => c.response !== undefined && !c.response.ok && c.method !== "getUpdates"),
    waitFor(method, predicate = () => true, timeoutMs = 15_000) {
      const matches = (c: RecordedCall) => c.method === method && c.response !== undefined && predicate(c);
      const found = calls.find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const watcher = (c: RecordedCall) => {
          if (!matches(c)) return;
          cleanup();
          resolve(c);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          watchers.delete(watcher);
        };
        watchers.add(watcher);
      });
    },
    message: (chatId, messageId) => messages.get(`${chatId}:${messageId}`),
    failNext(method, error) {
      const list = failures.get(method) ?? [];
      list.push(error);
      failures.set(method, list);
    },
    failAlways(method, error) {
      if (error) always.set(method, error);
      else always.delete(method);
    },
    hang(method, count = Number.POSITIVE_INFINITY) {
      hangs.set(method, count);
    },
    outage(on) {
      down = on;
      if (!on) return;
      // Connections already open (a pending long poll) drop too, as when a route goes away.
      for (const socket of sockets) socket.destroy();
    },
    revokeToken() {
      revoked = true;
      // A pending long poll would otherwise only learn of it at its timeout.
      for (const socket of sockets) socket.destroy();
    },
    now: () => Date.now() - started,
    pendingPolls: () => polls.size,
    downloads,
    addFile(content, ext = "") {
      const no = nextFileNo++;
      const bytes = content instanceof Uint8Array ? content : null;
      // Shaped like Telegram's: long opaque file_id, short file_unique_id, documents/file_N.ext.
      const file = {
        file_id: `BQACAgUAAxkBAAI${String(no).padStart(4, "0")}${Buffer.from(`stub-file-${no}-${started}`).toString("base64url")}`,
        file_unique_id: `AgAD${String(no).padStart(4, "0")}${(started % 100000).toString(36)}`,
        file_size: bytes ? bytes.length : (content as { size: number }).size,
        bytes,
        file_path: `documents/file_${no}${ext}`,
      };
      files.set(file.file_id, file);
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
    },
    profile: () => structuredClone(profile),
    close() {
      for (const res of hung) res.destroy();
      for (const poll of [...polls]) poll.wake();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
  return stub;
}

// ---------------------------------------------------------------------------------------------
// Update builders: what Telegram would send for a user's action, entities computed like Telegram.

let nextUserMessageId = 1;

export interface UserRef {
  id: number;
  first_name?: string;
  username?: string;
}

function user(u: number | UserRef) {
  const ref = typeof u === "number" ? { id: u } : u;
  return { id: ref.id, is_bot: false, first_name: ref.first_name ?? `用户${ref.id}`, ...(ref.username ? { username: ref.username } : {}) };
}

/** bot_command at the start and @mentions, as Telegram marks them. */
export function entitiesFor(text: string): Message["entities"] {
  const entities: NonNullable<Message["entities"]> = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![A-Za-z0-9_/])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: "mention", offset: m.index, length: m[0].length });
  }
  return entities;
}

export interface TextMessageInput {
  from: number | UserRef;
  text: string;
  /** Default: the sender's private chat. A negative id makes a supergroup. */
  chatId?: number;
  replyTo?: Message;
  entities?: Message["entities"];
}

/**
 * A message a user sends, as Telegram delivers it: the sender, its chat (the sender's private
 * chat by default; a negative id makes a supergroup), a fresh id and date, an optional reply,
 * and `content` (text, caption, media…).
 */
function userMessage(
  input: { from: number | UserRef; chatId?: number; replyTo?: Message },
  content: Record<string, unknown>,
): Omit<Update, "update_id"> {
  const from = user(input.from);
  const chatId = input.chatId ?? from.id;
  const chat = chatId > 0 ? { id: chatId, type: "private", first_name: from.first_name } : { id: chatId, type: "supergroup", title: "测试群" };
  return {
    message: {
      message_id: nextUserMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      ...content,
      ...(input.replyTo ? { reply_to_message: input.replyTo } : {}),
    },
  } as Omit<Update, "update_id">;
}

export function textMessage(input: TextMessageInput): Omit<Update, "update_id"> {
  const entities = input.entities ?? entitiesFor(input.text);
  return userMessage(input, { text: input.text, ...(entities && entities.length > 0 ? { entities } : {}) });
}

let nextCallbackId = 1;

/** A tap on a button of `message` (a message the stub recorded, or a forged one). */
export function callbackQuery(from: number | UserRef, message: Message | undefined, data: string): Omit<Update, "update_id"> {
  return {
    callback_query: {
      id: `cbq-${nextCallbackId++}`,
      from: user(from),
      chat_instance: `ci-${message?.chat.id ?? 0}`,
      data,
      ...(message ? { message } : {}),
    },
  } as Omit<Update, "update_id">;
}

let nextInlineId = 1;

export function inlineQuery(from: number | UserRef, query: string, offset = ""): Omit<Update, "update_id"> {
  return {
    inline_query: { id: `iq-${nextInlineId++}`, from: user(from), query, offset, chat_type: "sender" },
  } as Omit<Update, "update_id">;
}

/** All callback_data values on a recorded message's keyboard, with their button labels. */
export function buttonsOf(markup: unknown): InlineKeyboardButton[] {
  const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat();
}

export interface DocumentMessageInput {
  from: number | UserRef;
  file: StubFile;
  /** Absent when the client sent none. */
  fileName?: string;
  mimeType?: string;
  /** Default: the sender's private chat. A negative id makes a supergroup. */
  chatId?: number;
}

/** A document a user sends (after `stub.addFile`), as Telegram delivers it. */
export function documentMessage(input: DocumentMessageInput): Omit<Update, "update_id"> {
  return userMessage(input, {
    document: {
      file_id: input.file.file_id,
      file_unique_id: input.file.file_unique_id,
      file_size: input.file.file_size,
      ...(input.fileName !== undefined ? { file_name: input.fileName } : {}),
      ...(input.mimeType !== undefined ? { mime_type: input.mimeType } : {}),
    },
  });
}

// ── issue 9: edited messages, captions, voice, my_chat_member ─────────────────────────────────

/** The user edited `original` (a message built by textMessage) to read `text`. */
export function editedMessage(original: Omit<Update, "update_id">, text: string): Omit<Update, "update_id"> {
  const message = (original as { message: Message }).message;
  const entities = entitiesFor(text);
  const { entities: _old, ...rest } = message as Message & { entities?: unknown };
  return {
    edited_message: {
      ...rest,
      text,
      edit_date: Math.floor(Date.now() / 1000),
      ...(entities && entities.length > 0 ? { entities } : {}),
    },
  } as Omit<Update, "update_id">;
}

/** A photo (or, with `kind: "document"`, a file) sent with `caption` under it. */
export function captionMessage(input: { from: number | UserRef; caption: string; chatId?: number; kind?: "photo" | "document" | "video"; replyTo?: Message }): Omit<Update, "update_id"> {
  const entities = entitiesFor(input.caption);
  const media =
    input.kind === "document"
      ? { document: { file_id: "doc-1", file_unique_id: "doc-1", file_name: "截图.pdf" } }
      : input.kind === "video"
        ? { video: { file_id: "vid-1", file_unique_id: "vid-1", width: 640, height: 360, duration: 3 } }
        : { photo: [{ file_id: "photo-1", file_unique_id: "photo-1", width: 320, height: 240 }] };
  return userMessage(input, { ...media, caption: input.caption, ...(entities && entities.length > 0 ? { caption_entities: entities } : {}) });
}

export function voiceMessage(input: { from: number | UserRef; chatId?: number; replyTo?: Message }): Omit<Update, "update_id"> {
  return userMessage(input, { voice: { file_id: "voice-1", file_unique_id: "voice-1", duration: 4, mime_type: "audio/ogg" } });
}

/** The bot's membership in a group changed (added: "left" → "member"). */
export function myChatMember(input: { by: number | UserRef; chatId: number; bot: UserFromGetMe; from: "left" | "kicked" | "member" | "administrator"; to: "left" | "kicked" | "member" | "administrator" }): Omit<Update, "update_id"> {
  const botUser = { id: input.bot.id, is_bot: true, first_name: input.bot.first_name, username: input.bot.username };
  const member = (status: string) => (status === "kicked" ? { status, user: botUser, until_date: 0 } : status === "administrator" ? { status, user: botUser, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: false, can_manage_video_chats: false, can_restrict_members: false, can_promote_members: false, can_change_info: false, can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false } : { status, user: botUser });
  return {
    my_chat_member: {
      chat: { id: input.chatId, type: "supergroup", title: "测试群" },
      from: user(input.by),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: member(input.from),
      new_chat_member: member(input.to),
    },
  } as Omit<Update, "update_id">;
}
