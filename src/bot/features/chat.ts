import { Composer, type Context } from "grammy";
import { answerQuestion, replyOptions } from "../answering.js";
import type { BotDeps } from "../deps.js";
import { renderHint } from "../render.js";

/** Private chats: any text is a question. Runs after the command features. */
export function chatFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const pm = composer.chatType("private");

  pm.on("message:text", async (ctx) => {
    const text = ctx.msg.text;
    const startsWithCommand = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0);
    if (startsWithCommand) {
      await ctx.reply("这个命令我不认识。发送 /help 查看用法，或者直接用文字提问。", replyOptions(ctx));
      return;
    }
    await answerQuestion(ctx, deps, text, false);
  });

  // Stickers, photos, voice…: nothing to search for, but say how to ask rather than stay silent.
  pm.on("message", async (ctx) => {
    await ctx.reply(renderHint(deps.engine.examples()), replyOptions(ctx));
  });

  return composer;
}
