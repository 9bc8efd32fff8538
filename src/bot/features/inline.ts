import { Composer, type Context } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { MAX_LIMIT } from "../../engine.js";
import { NO_PREVIEW, prepareQuestion, titlesOf } from "../answering.js";
import type { BotDeps } from "../deps.js";
import * as M from "../messages.js";
import { oneLine, truncatePlain } from "../html.js";
import { compactCitation, deepLink, inlineResultTitle, plainExcerpt, renderSharedAnswer, renderSharedHit } from "../render.js";

/** Results per answerInlineQuery call (Telegram allows 50). */
export const INLINE_PAGE_SIZE = 20;
/** How deep inline paging goes: as many hits as the engine returns for one question. */
export const INLINE_MAX_RESULTS = MAX_LIMIT;
export const INLINE_CACHE_SECONDS = 60;

/**
 * Inline mode is how answers are shared: `@bot 昆山 2007` in any chat lists cited hits; the
 * chosen one is posted as a self-contained cited answer with a button back to the bot.
 */
export function inlineFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on("inline_query", async (ctx) => {
    const username = ctx.me.username;
    const titles = titlesOf(deps.engine);
    const openInBot = { text: M.INLINE_OPEN_BOT, start_parameter: "inline" };

    if (!deps.limits.inline.take(ctx.from.id).allowed) {
      await ctx.answerInlineQuery([], { cache_time: 5, is_personal: true, button: { text: M.INLINE_TOO_FAST, start_parameter: "inline" } });
      return;
    }

    const prepared = prepareQuestion(ctx.inlineQuery.query);
    if (prepared.kind === "empty") {
      // No query yet: offer example questions, each posting its own cited answer.
      const results: InlineQueryResultArticle[] = [];
      deps.engine.examples().slice(0, INLINE_PAGE_SIZE).forEach((example, i) => {
        const hit = deps.engine.ask(example, { limit: 1 }).hits[0];
        if (!hit) return;
        results.push(article(`ex-${i}`, M.inlineExample(truncatePlain(example, 60)), M.inlineExampleDescription(inlineResultTitle(hit, titles)), renderSharedHit(example, hit, username, titles), username, hit.id));
      });
      await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false, button: openInBot });
      return;
    }

    const offsetText = ctx.inlineQuery.offset;
    const offset = /^\d{1,3}$/.test(offsetText) ? Number(offsetText) : 0;
    if (offset >= INLINE_MAX_RESULTS) {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
      return;
    }
    const want = Math.min(offset + INLINE_PAGE_SIZE, INLINE_MAX_RESULTS);
    const answer = deps.engine.ask(prepared.question, { limit: want });
    const page = answer.hits.slice(offset, want);
    const results = page.map((hit, i) =>
      // Position first: ids stay unique across pages even if a passage were listed twice.
      article(`${offset + i}-${hit.id}`, inlineResultTitle(hit, titles), plainExcerpt(hit.excerpt, 200), renderSharedHit(prepared.question, hit, username, titles), username, hit.id),
    );
    // The direct answer leads the first page, as it leads every other front end.
    const direct = answer.direct;
    if (offset === 0 && direct) {
      const source = direct.hitId ? answer.hits.find((h) => h.id === direct.hitId) : undefined;
      results.unshift(
        article(
          "direct",
          M.inlineExample(truncatePlain(oneLine(direct.text), 60)),
          source ? compactCitation(source, titles) : M.CATALOGUE_SOURCE_PLAIN,
          renderSharedAnswer(prepared.question, answer, username, titles),
          username,
          source?.id ?? null,
        ),
      );
    }
    // A full page may have more behind it; an empty next_offset tells Telegram to stop.
    const nextOffset = page.length === INLINE_PAGE_SIZE && want < INLINE_MAX_RESULTS ? String(want) : "";
    await ctx.answerInlineQuery(results, {
      cache_time: INLINE_CACHE_SECONDS,
      is_personal: false,
      next_offset: nextOffset,
      ...(offset === 0 ? { button: results.length === 0 ? { text: M.INLINE_NOTHING, start_parameter: "inline" } : openInBot } : {}),
    });
  });

  return composer;
}

function article(id: string, title: string, description: string, html: string, username: string, passageId: string | null): InlineQueryResultArticle {
  return {
    type: "article",
    id,
    title,
    description,
    input_message_content: { message_text: html, parse_mode: "HTML", link_preview_options: NO_PREVIEW },
    ...(passageId ? { reply_markup: { inline_keyboard: [[{ text: M.BUTTON.openInBot, url: deepLink(username, passageId) }]] } } : {}),
  };
}
