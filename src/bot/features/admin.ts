import { Composer, GrammyError, InlineKeyboard, type Context } from "grammy";
import type { Document, Message } from "grammy/types";
import { extractBulletin } from "../../corpus/formats/index.js";
import { parseBulletin } from "../../corpus/parse.js";
import { printableName } from "../../corpus/read.js";
import type { SourceSummary } from "../../engine.js";
import type { ReloadOutcome } from "../../ops/live-engine.js";
import {
  ACCEPTED_EXTENSIONS, isManagedBulletin, listBulletinFiles, removeSeedFile, safeSeedName, saveSeedFile, seedFileInfo,
  type SeedFileInfo,
} from "../../ops/seed-files.js";
import { withUpdateBudget } from "../../ops/telegram-link.js";
import { inferPlanYear } from "../../text/years.js";
import { decodeAdminCallback, encodeAdminCallback, nameKey, ADMIN_CALLBACK_PREFIX } from "../admin/callback-data.js";
import { downloadFile, fileUrl, TELEGRAM_DOWNLOAD_LIMIT_BYTES } from "../admin/download.js";
import { formatSize, formatTime, renderRemoved, renderUploadReport, shownName, type UploadKind } from "../admin/render.js";
import { ADMIN_MESSAGES as M } from "../messages.js";
import { NO_PREVIEW } from "../answering.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml, truncatePlain } from "../html.js";

/**
 * Operators named in ADMIN_IDS add a bulletin by sending it as a document in a private chat,
 * and take one out with /remove. An upload is checked (name, Telegram's 20 MB limit before
 * anything is fetched, then whether it reads as a bulletin), saved whole into the seeds folder,
 * indexed by the live engine, and answered with what the new index found in it. A same-named
 * file, and any removal, waits for a button; buttons carry what they act on (admin/callback-data.ts).
 *
 * Everyone else gets one polite line; in groups, documents are ignored.
 */

/** What the admin feature needs from the served engine (LiveEngine has it). */
export interface AdminEngine {
  reload(reason?: string): Promise<ReloadOutcome>;
  status(): { reloading: boolean };
  sources(): SourceSummary[];
  skipped(): { name: string; reason: string }[];
}

export interface AdminSettings {
  /** Telegram user ids allowed to add and remove bulletins. */
  ids: ReadonlySet<number>;
  seedsDir: string;
  engine: AdminEngine;
}

/** Where documents are downloaded from: the bot's own Bot API server and token. */
export interface FileSource {
  apiRoot: string;
  token: string;
}

/** Buttons in a /remove list; more files are named in the text instead. */
const MAX_LIST_BUTTONS = 30;


type AdminAction = "upload" | "replace" | "remove" | "cancel";

type Checked = { ok: true; name: string; renamedFrom: string | undefined } | { ok: false; text: string };

function tooBigText(name: string, bytes: number | undefined): string {
  const limitMb = TELEGRAM_DOWNLOAD_LIMIT_BYTES / 1024 / 1024;
  // Rounded up, so a file just over the limit never reads as "20.0 MB". Unknown size (refused while streaming): "> 20".
  return M.tooBig(shownName(name), bytes !== undefined ? (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1) : `> ${limitMb}`, limitMb);
}

export function adminFeature(deps: BotDeps, settings: AdminSettings | undefined, files: FileSource): Composer<Context> {
  const composer = new Composer<Context>();
  const isAdmin = (id: number | undefined) => id !== undefined && settings !== undefined && settings.ids.has(id);
  const log = (user: number, action: AdminAction, file: string | undefined, outcome: string, extra: Record<string, unknown> = {}) =>
    deps.logger.info({ admin: user, action, ...(file !== undefined ? { file: printableName(file) } : {}), outcome, ...extra }, "admin action");

  // Groups: a document is chatter, never a command to the bot.
  composer.chatType(["group", "supergroup"]).on("message:document", () => {});

  const pm = composer.chatType("private");

  pm.on("message:document", async (ctx, next) => {
    if (!isAdmin(ctx.from.id) || !settings) {
      // Someone who is not an administrator and wrote a caption is asking a question about
      // the bulletins (the chat feature answers captions); only a bare document is an upload.
      if (ctx.msg.caption?.trim()) return next();
      deps.logger.info({ user: ctx.from.id, action: "upload", outcome: "not-admin" }, "admin action refused");
      await ctx.reply(M.notAdmin, html());
      return;
    }
    const document = ctx.msg.document;
    // Name and declared size first: refused at once, before asking Telegram for anything.
    const checked = precheck(ctx.from.id, "upload", document);
    if (!checked.ok) {
      await ctx.reply(checked.text, html());
      return;
    }
    // Sent as a reply to the document: a replace button on this message finds the document there.
    const status = await ctx.reply(M.downloading(shownName(checked.name)), {
      ...html(),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
    await upload(ctx, settings, document, checked, status, false);
  });

  pm.command("remove", async (ctx) => {
    if (!isAdmin(ctx.from.id) || !settings) {
      deps.logger.info({ user: ctx.from.id, action: "remove", outcome: "not-admin" }, "admin action refused");
      await ctx.reply(M.notAdmin, html());
      return;
    }
    const arg = (typeof ctx.match === "string" ? ctx.match : "").trim().normalize("NFC");
    if (arg === "") {
      log(ctx.from.id, "remove", undefined, "listed");
      await ctx.reply(...removeList(await listBulletinFiles(settings.seedsDir)));
      return;
    }
    if (/[/\\]/.test(arg) || !isManagedBulletin(arg)) {
      log(ctx.from.id, "remove", arg, "not-a-bulletin");
      await ctx.reply(M.removeNotBulletin(shownName(arg)), html());
      return;
    }
    const info = await seedFileInfo(settings.seedsDir, arg);
    if (!info) {
      log(ctx.from.id, "remove", arg, "not-found");
      await ctx.reply(M.removeNotFound(shownName(arg)), html());
      return;
    }
    log(ctx.from.id, "remove", arg, "confirmation-asked");
    await ctx.reply(M.removeConfirm(shownName(info.name), formatSize(info.bytes), formatTime(info.modified)), html(removeKeyboard(info.name)));
  });

  composer.on("callback_query:data").filter(
    (ctx) => ctx.callbackQuery.data.startsWith(ADMIN_CALLBACK_PREFIX),
    async (ctx) => {
      const data = decodeAdminCallback(ctx.callbackQuery.data);
      const message = ctx.callbackQuery.message;
      if (!isAdmin(ctx.from.id) || !settings) {
        deps.logger.info({ user: ctx.from.id, action: "button", outcome: "not-admin" }, "admin action refused");
        await ctx.answerCallbackQuery({ text: plain(M.notAdmin) });
        return;
      }
      // date 0: a message too old for the bot to read or edit.
      if (!data || !message || message.date === 0 || message.chat.type !== "private") {
        await ctx.answerCallbackQuery({ text: data?.action === "rp" ? plain(M.resend) : M.staleButton });
        return;
      }
      const user = ctx.from.id;
      const edit = (text: string, keyboard?: InlineKeyboard) => editStatus(ctx, message, text, keyboard);

      switch (data.action) {
        case "x":
          await ctx.answerCallbackQuery();
          log(user, "cancel", undefined, "cancelled");
          await edit(M.cancelled);
          return;
        case "rp": {
          await ctx.answerCallbackQuery();
          // The document travels with the button: the question replies to it (see callback-data.ts).
          const document = (message as Message).reply_to_message?.document;
          if (!document || document.file_unique_id !== data.fileUniqueId) {
            log(user, "replace", undefined, "original-gone");
            await edit(M.resend);
            return;
          }
          const checked = precheck(user, "replace", document);
          if (!checked.ok) {
            await edit(checked.text);
            return;
          }
          await edit(M.replacing(shownName(checked.name)));
          await upload(ctx, settings, document, checked, message, true);
          return;
        }
        case "rs":
        case "rm": {
          const file = (await listBulletinFiles(settings.seedsDir)).find((f) => nameKey(f.name) === data.key);
          await ctx.answerCallbackQuery();
          if (!file) {
            log(user, "remove", undefined, "gone");
            await edit(M.removeGone);
            return;
          }
          if (data.action === "rs") {
            log(user, "remove", file.name, "confirmation-asked");
            await edit(M.removeConfirm(shownName(file.name), formatSize(file.bytes), formatTime(file.modified)), removeKeyboard(file.name));
            return;
          }
          await edit(M.removing(shownName(file.name)));
          await remove(ctx, settings, file, message);
          return;
        }
      }
    },
  );

  /** The name a document is saved under, or the refusal: checked on the message alone, nothing fetched. */
  function precheck(user: number, action: AdminAction, document: Document): Checked {
    const safe = safeSeedName(document.file_name);
    if (!safe.ok) {
      log(user, action, document.file_name, `refused-name-${safe.problem}`);
      const raw = shownName(document.file_name ?? "");
      const text =
        safe.problem === "missing" ? M.noFileName
          : safe.problem === "empty" ? M.emptyName
          : safe.problem === "reserved" ? M.reservedName(raw)
          : M.badExtension(raw, ACCEPTED_EXTENSIONS.join(" "));
      return { ok: false, text };
    }
    if (document.file_size !== undefined && document.file_size > TELEGRAM_DOWNLOAD_LIMIT_BYTES) {
      log(user, action, safe.name, "refused-too-big", { bytes: document.file_size });
      return { ok: false, text: tooBigText(safe.name, document.file_size) };
    }
    return { ok: true, name: safe.name, renamedFrom: safe.changed ? document.file_name : undefined };
  }

  /** Downloads, checks, saves and indexes one document; every outcome ends as an edit of `status`. */
  async function upload(
    ctx: Context,
    settings: AdminSettings,
    document: Document,
    checked: Extract<Checked, { ok: true }>,
    status: Message,
    replace: boolean,
  ): Promise<void> {
    const user = ctx.from!.id;
    const action: AdminAction = replace ? "replace" : "upload";
    const finish = (text: string, keyboard?: InlineKeyboard) => editStatus(ctx, status, text, keyboard);
    const { name, renamedFrom } = checked;
    const tooBig = () => tooBigText(name, document.file_size);

    let filePath: string | undefined;
    try {
      filePath = (await ctx.api.getFile(document.file_id)).file_path;
    } catch (error) {
      if (error instanceof GrammyError && /file is too big/i.test(error.description)) {
        log(user, action, name, "refused-too-big");
        await finish(tooBig());
        return;
      }
      log(user, action, name, "download-failed", { error: `getFile: ${errorLine(error)}` });
      await finish(M.downloadFailed(shownName(name)));
      return;
    }
    if (!filePath) {
      log(user, action, name, "download-failed", { error: "getFile returned no file_path" });
      await finish(M.downloadFailed(shownName(name)));
      return;
    }
    const download = await downloadFile(fileUrl(files.apiRoot, files.token, filePath));
    if (!download.ok) {
      log(user, action, name, download.problem === "too-big" ? "refused-too-big" : "download-failed", { error: download.detail });
      await later(() => finish(download.problem === "too-big" ? tooBig() : M.downloadFailed(shownName(name))));
      return;
    }

    // By name (the extension chose the reader) and by content (the reader checks the bytes).
    const problem = await unreadable(name, download.bytes);
    if (problem !== null) {
      log(user, action, name, "refused-unreadable", { reason: problem, bytes: download.bytes.length });
      await later(() => finish(M.unreadable(shownName(name), escapeHtml(problem))));
      return;
    }

    let saved;
    try {
      saved = await saveSeedFile(settings.seedsDir, name, download.bytes, { replace });
    } catch (error) {
      deps.logger.error({ admin: user, action, file: printableName(name), error: errorLine(error) }, "admin upload could not be saved");
      await later(() => finish(M.saveFailed(shownName(name), diskProblem(error))));
      return;
    }
    if (saved.kind === "exists") {
      const existing = await seedFileInfo(settings.seedsDir, name);
      log(user, action, name, "confirmation-asked");
      const keyboard = new InlineKeyboard()
        .text(M.replaceButton, encodeAdminCallback({ action: "rp", fileUniqueId: document.file_unique_id }))
        .text(M.cancelButton, encodeAdminCallback({ action: "x" }));
      await later(() =>
        finish(M.exists(shownName(name), existing ? formatSize(existing.bytes) : "", existing ? formatTime(existing.modified) : ""), keyboard),
      );
      return;
    }

    const reload = await reloadAfterChange(settings.engine, `管理员 ${user} 上传 ${printableName(name)}`);
    const kind: UploadKind = saved.replaced ? "replaced" : "added";
    const source = sourceOf(settings.engine, name);
    log(user, action, name, kind, {
      bytes: download.bytes.length,
      reload: reload.kind,
      passages: source?.passages ?? 0,
      ...(reload.kind === "failed" ? { error: reload.error } : {}),
    });
    await later(() =>
      finish(renderUploadReport({ name, kind, renamedFrom, reload, source, skipped: skippedOf(settings.engine, name) })),
    );
  }

  async function remove(ctx: Context, settings: AdminSettings, file: SeedFileInfo, status: Message): Promise<void> {
    const user = ctx.from!.id;
    const finish = (text: string) => editStatus(ctx, status, text);
    let removed: boolean;
    try {
      removed = await removeSeedFile(settings.seedsDir, file.name);
    } catch (error) {
      deps.logger.error({ admin: user, action: "remove", file: printableName(file.name), error: errorLine(error) }, "admin removal failed");
      await finish(M.removeFailed(shownName(file.name), diskProblem(error)));
      return;
    }
    if (!removed) {
      log(user, "remove", file.name, "gone");
      await finish(M.removeGone);
      return;
    }
    const reload = await reloadAfterChange(settings.engine, `管理员 ${user} 删除 ${printableName(file.name)}`);
    log(user, "remove", file.name, "removed", { reload: reload.kind, ...(reload.kind === "failed" ? { error: reload.error } : {}) });
    await later(() => finish(renderRemoved(file.name, reload)));
  }

  return composer;
}

/** Why the bytes cannot be a bulletin, or null when they can (the parser finds passages). */
async function unreadable(name: string, bytes: Uint8Array): Promise<string | null> {
  const read = await extractBulletin(name, bytes);
  if (!read.ok) return read.reason;
  const parsed = parseBulletin(printableName(name), read.text, { year: inferPlanYear(read.text), headings: read.headings });
  return parsed.passages.length > 0 ? null : M.noPassages;
}

/**
 * A reload that reads the seeds folder as it is now. reload() shares a run already under way,
 * which may have read the folder before our change (a replaced file would then be reported with
 * its old contents); such a run is always followed by another one, started when it ends, and
 * the second call joins that.
 */
export async function reloadAfterChange(engine: AdminEngine, reason: string): Promise<ReloadOutcome> {
  const joined = engine.status().reloading;
  const outcome = await engine.reload(reason);
  return joined ? engine.reload(reason) : outcome;
}

function sourceOf(engine: AdminEngine, name: string): SourceSummary | undefined {
  const shown = printableName(name);
  return engine.sources().find((s) => s.source === shown);
}

function skippedOf(engine: AdminEngine, name: string): string | undefined {
  return engine.skipped().find((s) => s.name === name)?.reason;
}

/**
 * Downloading, reading and indexing can take longer than an update's budget for Telegram calls
 * (src/ops/telegram-link.ts): the reply that follows them gets a budget of its own.
 */
function later<T>(send: () => Promise<T>): Promise<T> {
  return withUpdateBudget(send);
}

/** Replaces the text (and buttons) of the bot's status message; a message that cannot be edited gets a new one. */
async function editStatus(ctx: Context, status: Message, text: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.api.editMessageText(status.chat.id, status.message_id, text, html(keyboard));
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes("message is not modified")) return;
    if (error instanceof GrammyError && error.error_code === 400) {
      await ctx.api.sendMessage(status.chat.id, text, html(keyboard));
      return;
    }
    throw error;
  }
}

function html(keyboard?: InlineKeyboard) {
  return { parse_mode: "HTML" as const, link_preview_options: NO_PREVIEW, ...(keyboard ? { reply_markup: keyboard } : {}) };
}

function removeKeyboard(name: string): InlineKeyboard {
  const key = nameKey(name);
  return new InlineKeyboard()
    .text(M.removeButton, encodeAdminCallback({ action: "rm", key }))
    .text(M.cancelButton, encodeAdminCallback({ action: "x" }));
}

function removeList(list: SeedFileInfo[]): [string, ReturnType<typeof html>] {
  if (list.length === 0) return [M.removeNothing, html()];
  const keyboard = new InlineKeyboard();
  for (const file of list.slice(0, MAX_LIST_BUTTONS)) {
    keyboard.text(truncatePlain(file.name, 60), encodeAdminCallback({ action: "rs", key: nameKey(file.name) })).row();
  }
  const more = list.length - MAX_LIST_BUTTONS;
  return [more > 0 ? `${M.removeUsage}\n${M.removeMore(more)}` : M.removeUsage, html(keyboard)];
}

/** A toast (answerCallbackQuery) is plain text of at most 200 characters. */
function plain(htmlText: string): string {
  return truncatePlain(htmlText.replace(/<[^>]+>/g, ""), 200);
}

function diskProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") return M.readOnlyFolder;
  if (code === "ENOSPC" || code === "EDQUOT") return M.diskFull;
  return M.diskError;
}

function errorLine(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
