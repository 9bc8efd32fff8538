import { Composer, type Bot, type Context } from "grammy";
import type { BotCommand } from "grammy/types";
import { answerQuestion, replyOptions } from "../answering.js";
import type { BotDeps } from "../deps.js";
import type { Logger } from "../logger.js";
import { renderAbout, renderGroupHint, renderHelp, renderSources, renderWelcome } from "../render.js";

/** Commands shown in Telegram's menu; /ask matters most in groups, where plain text is ignored. */
export const PRIVATE_COMMANDS: BotCommand[] = [
  { command: "start", description: "开始使用，看几个示例问题" },
  { command: "help", description: "使用说明" },
  { command: "sources", description: "收录了哪些简报" },
  { command: "about", description: "版本与索引信息" },
];

export const GROUP_COMMANDS: BotCommand[] = [
  { command: "ask", description: "提问，例如 /ask 昆山 2007 工作重点" },
  { command: "help", description: "使用说明" },
  { command: "sources", description: "收录了哪些简报" },
  { command: "about", description: "版本与索引信息" },
];

/** setMyCommands for private chats and groups; a failure is logged, never fatal. */
export async function registerCommands(bot: Bot, logger: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(PRIVATE_COMMANDS, { scope: { type: "all_private_chats" } });
    await bot.api.setMyCommands(GROUP_COMMANDS, { scope: { type: "all_group_chats" } });
    await bot.api.setMyCommands(PRIVATE_COMMANDS);
  } catch (error) {
    logger.warn({ err: error }, "setMyCommands failed; the command menu may be out of date");
  }
}

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
      await ctx.reply(renderGroupHint(ctx.me.username), replyOptions(ctx, undefined, inGroup(ctx)));
      return;
    }
    await answerQuestion(ctx, deps, question, inGroup(ctx));
  });

  return composer;
}
