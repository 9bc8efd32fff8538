import { Composer, type Context } from "grammy";
import { answerQuestion, replyOptions } from "../answering.js";
import type { BotDeps } from "../deps.js";
import { ASK_PLACEHOLDER } from "../messages.js";
import { renderAbout, renderAskPrompt, renderHelp, renderSources, renderWelcome } from "../render.js";

/** The command menus and the profile are set at start by profile.ts. */
export function commandsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const inGroup = (ctx: Context) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

  // /start with a payload is a deep link, handled by the deep-link feature placed before this one.
  composer.command("start", async (ctx) => {
    const welcome = renderWelcome(deps.engine.examples());
    await ctx.reply(welcome.html, replyOptions(ctx, welcome.keyboard));
  });

  composer.command("help", async (ctx) => {
    await ctx.reply(renderHelp(ctx.me.username), replyOptions(ctx, undefined, inGroup(ctx)));
  });

  composer.command("sources", async (ctx) => {
    await ctx.reply(renderSources(deps.engine.sources(), deps.engine.info()), replyOptions(ctx, undefined, inGroup(ctx)));
  });

  composer.command("about", async (ctx) => {
    await ctx.reply(renderAbout(deps.engine.info(), deps.version), replyOptions(ctx, undefined, inGroup(ctx)));
  });

  // /ask works everywhere; in groups it is the main way to address the bot.
  composer.command("ask", async (ctx) => {
    const question = typeof ctx.match === "string" ? ctx.match : "";
    if (question.trim() === "") {
      // People tap /ask in the menu, then type: open the reply field for them. The reply is a
      // reply to the bot's message, which the groups feature answers (privacy mode delivers it).
      await ctx.reply(renderAskPrompt(ctx.from?.first_name), {
        parse_mode: "HTML",
        reply_markup: { force_reply: true, selective: true, input_field_placeholder: ASK_PLACEHOLDER },
        ...(ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
      });
      return;
    }
    await answerQuestion(ctx, deps, question, inGroup(ctx));
  });

  return composer;
}
