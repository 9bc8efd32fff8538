import type { Context } from "grammy";
import type { InlineKeyboardMarkup, LinkPreviewOptions } from "grammy/types";
import { bulletinTitles, type BulletinTitles } from "../answer/citation.js";
import { MAX_QUESTION_CHARS } from "../engine.js";
import type { BotDeps, EngineLike } from "./deps.js";
import { oneLine } from "./html.js";
import { questionsTooFast } from "./messages.js";
import { ASK_LIMIT, renderHint, renderResultsPage } from "./render.js";

export const NO_PREVIEW: LinkPreviewOptions = { is_disabled: true };

export type PreparedQuestion = { kind: "empty" } | { kind: "question"; question: string; cut: boolean };

/**
 * Turns a raw message into the question retrieval sees. The bot cuts long messages itself
 * (at the engine's limit) so that the question shown in the reply header — which buttons read
 * back — is exactly the question retrieved on, and every page re-asks the same thing.
 */
export function prepareQuestion(raw: string): PreparedQuestion {
  const flat = oneLine(raw);
  // Emoji, punctuation or whitespace only: nothing to search for.
  if (!/[\p{L}\p{N}]/u.test(flat)) return { kind: "empty" };
  if (flat.length <= MAX_QUESTION_CHARS) return { kind: "question", question: flat, cut: false };
  let question = "";
  for (const ch of flat) {
    if (question.length + ch.length > MAX_QUESTION_CHARS) break;
    question += ch;
  }
  return { kind: "question", question: question.trim(), cut: true };
}

export interface ReplyOptions {
  parse_mode: "HTML";
  link_preview_options: LinkPreviewOptions;
  reply_markup?: InlineKeyboardMarkup;
  reply_parameters?: { message_id: number; allow_sending_without_reply: boolean };
}

/** HTML reply options; in groups the answer quotes the question it answers. */
export function replyOptions(ctx: Context, keyboard?: InlineKeyboardMarkup, quote = false): ReplyOptions {
  const options: ReplyOptions = { parse_mode: "HTML", link_preview_options: NO_PREVIEW };
  if (keyboard) options.reply_markup = keyboard;
  // ctx.msg is the message, the edited message or the caption's message alike.
  const messageId = ctx.msg?.message_id;
  if (quote && messageId !== undefined) {
    options.reply_parameters = { message_id: messageId, allow_sending_without_reply: true };
  }
  return options;
}

/** Tells the user once per window that they are going too fast; true when the question may go on. */
export async function checkQuestionRate(ctx: Context, deps: BotDeps, quote: boolean): Promise<boolean> {
  const userId = ctx.from?.id ?? ctx.chat?.id;
  if (userId === undefined) return true;
  const decision = deps.limits.questions.take(userId);
  if (decision.allowed) return true;
  deps.logger.info({ user: userId }, "question rate limit hit");
  if (decision.notify) {
    await ctx.reply(questionsTooFast(decision.retryAfterSeconds), replyOptions(ctx, undefined, quote));
  }
  return false;
}

const titleCache = new WeakMap<EngineLike, { key: string; titles: BulletinTitles }>();

/**
 * Human bulletin titles of the index being served. Rebuilt when the index changes (a live
 * reload swaps the engine's build), not per message: a large corpus has thousands of bulletins.
 */
export function titlesOf(engine: EngineLike): BulletinTitles {
  const info = engine.info();
  const key = `${info.builtAt}|${info.files}`;
  let cached = titleCache.get(engine);
  if (cached?.key !== key) {
    cached = { key, titles: bulletinTitles(engine.sources()) };
    titleCache.set(engine, cached);
  }
  return cached.titles;
}

/**
 * The whole question flow: rate limit, hint for empty input, typing, retrieval, cited reply.
 * `edited`: the question is an edited message; the reply quotes it and says so. A new reply
 * rather than an edit of the earlier answer: no replica has to remember which answer that was.
 */
export async function answerQuestion(ctx: Context, deps: BotDeps, raw: string, quote: boolean, edited = false): Promise<void> {
  const prepared = prepareQuestion(raw);
  if (prepared.kind === "empty") {
    await ctx.reply(renderHint(deps.engine.examples()), replyOptions(ctx, undefined, quote || edited));
    return;
  }
  if (!(await checkQuestionRate(ctx, deps, quote))) return;

  // Fire the typing action, then retrieve while it is in flight; await it before replying so
  // Telegram never shows "typing…" after the answer has arrived.
  const typing = ctx.replyWithChatAction("typing").catch((error: unknown) => {
    deps.logger.debug({ err: error }, "typing action failed");
  });
  const started = performance.now();
  const answer = deps.engine.ask(prepared.question, { limit: ASK_LIMIT });
  deps.logger.debug(
    { chat: ctx.chat?.id, hits: answer.hits.length, ms: Math.round(performance.now() - started) },
    "answered",
  );
  const rendered = renderResultsPage({
    question: prepared.question,
    answer,
    page: 1,
    username: ctx.me.username,
    cut: prepared.cut,
    edited,
    titles: titlesOf(deps.engine),
  });
  await typing;
  await ctx.reply(rendered.html, replyOptions(ctx, rendered.keyboard, quote || edited));
}
