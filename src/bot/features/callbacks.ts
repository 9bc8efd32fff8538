import { Composer, GrammyError, type Context } from "grammy";
import { answerQuestion, NO_PREVIEW, titlesOf } from "../answering.js";
import { decodeCallback } from "../callback-data.js";
import type { BotDeps } from "../deps.js";
import { BUTTONS_TOO_FAST, PASSAGE_GONE, STALE_BUTTON } from "../messages.js";
import { ASK_LIMIT, parseQuestionHeader, renderPassageView, renderResultsPage, type Rendered } from "../render.js";

const STALE = STALE_BUTTON;
const GONE = PASSAGE_GONE;
const TOO_FAST = BUTTONS_TOO_FAST;

/**
 * Buttons. Everything a button needs is in its callback data plus the message it sits on, so
 * any replica answers it and a restart breaks none. Whatever does not add up — forged data, a
 * message too old to read, a passage gone after a rebuild — gets a polite toast, never an error.
 */
export function callbacksFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("callback_query:data", async (ctx) => {
    const data = decodeCallback(ctx.callbackQuery.data);
    if (!data) {
      deps.logger.info({ user: ctx.from.id }, "stale or forged callback data");
      await ctx.answerCallbackQuery({ text: STALE });
      return;
    }
    const decision = deps.limits.buttons.take(ctx.from.id);
    if (!decision.allowed) {
      await ctx.answerCallbackQuery({ text: TOO_FAST });
      return;
    }

    if (data.action === "e") {
      const question = deps.engine.examples()[data.index];
      if (question === undefined) {
        await ctx.answerCallbackQuery({ text: STALE });
        return;
      }
      await ctx.answerCallbackQuery();
      await answerQuestion(ctx, deps, question, false);
      return;
    }

    const message = ctx.callbackQuery.message;
    // No message: a button on an inline message (we put none there). date 0: inaccessible (too old).
    if (!message || message.date === 0 || !("text" in message)) {
      await ctx.answerCallbackQuery({ text: STALE });
      return;
    }
    const question = parseQuestionHeader(message.text);

    let rendered: Rendered;
    if (data.action === "p") {
      if (question === undefined) {
        await ctx.answerCallbackQuery({ text: STALE });
        return;
      }
      const answer = deps.engine.ask(question, { limit: ASK_LIMIT });
      if (answer.hits.length === 0) {
        await ctx.answerCallbackQuery({ text: GONE });
        return;
      }
      rendered = renderResultsPage({ question, answer, page: data.page, username: ctx.me.username, titles: titlesOf(deps.engine) });
    } else {
      const context = deps.engine.context(data.id);
      if (!context) {
        await ctx.answerCallbackQuery({ text: GONE });
        return;
      }
      rendered = renderPassageView({ context, username: ctx.me.username, question, page: question ? data.page : 0, titles: titlesOf(deps.engine) });
    }

    try {
      await ctx.editMessageText(rendered.html, {
        parse_mode: "HTML",
        link_preview_options: NO_PREVIEW,
        ...(rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
      });
    } catch (error) {
      // A double tap re-renders the same page: Telegram refuses the no-op edit, which is fine.
      if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
    }
    await ctx.answerCallbackQuery();
  });

  // Callback queries without data (game buttons) are not ours; still stop the client's spinner.
  composer.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: STALE });
  });

  return composer;
}
