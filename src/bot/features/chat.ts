import { Composer, type Context } from "grammy";
import { answerQuestion, replyOptions } from "../answering.js";
import { askArgument, commandWord, suggestCommand } from "../command-suggest.js";
import type { BotDeps } from "../deps.js";
import { didYouMean, UNKNOWN_COMMAND } from "../messages.js";
import { COMMAND_NAMES } from "../profile.js";
import { renderHint, renderVoiceHint } from "../render.js";

/**
 * Private chats: any text is a question, and so is the caption of a photo, document or video
 * (people send a screenshot with the question under it). An edited question is answered again.
 * Runs after the command features.
 */
export function chatFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const pm = composer.chatType("private");

  pm.on("message:text", async (ctx) => {
    const text = ctx.msg.text;
    const startsWithCommand = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0);
    if (startsWithCommand) {
      await ctx.reply(unknownCommand(text), replyOptions(ctx));
      return;
    }
    await answerQuestion(ctx, deps, text, false);
  });

  pm.on("message:caption", async (ctx) => {
    const caption = ctx.msg.caption;
    // grammY matches commands in texts only: `/ask …` as a caption is read here.
    const question = commandWord(caption) ? askArgument(caption, ctx.me.username) : caption;
    if (question === undefined) await ctx.reply(unknownCommand(caption), replyOptions(ctx));
    else await answerQuestion(ctx, deps, question, false);
  });

  // No speech recognition: ask for the question typed, with examples of what to type.
  pm.on(["message:voice", "message:audio", "message:video_note"], async (ctx) => {
    await ctx.reply(renderVoiceHint(deps.engine.examples()), replyOptions(ctx));
  });

  // Stickers, photos without a caption…: nothing to search for, but say how to ask rather than stay silent.
  pm.on("message", async (ctx) => {
    await ctx.reply(renderHint(deps.engine.examples()), replyOptions(ctx));
  });

  // A question fixed by editing it: answered again, as a reply to the edited message.
  pm.on("edited_message", async (ctx) => {
    const msg = ctx.editedMessage;
    const text = msg.text ?? msg.caption;
    if (text === undefined) return;
    // Only an edited /ask is a question among commands; re-running another command on an edit would surprise.
    const question = commandWord(text) ? askArgument(text, ctx.me.username) : text;
    if (question !== undefined) await answerQuestion(ctx, deps, question, false, true);
  });

  return composer;
}

/** The reply to a command no feature handled: a suggestion when one is close, else the generic hint. */
export function unknownCommand(text: string): string {
  const command = commandWord(text);
  const suggestion = command ? suggestCommand(command.name, COMMAND_NAMES) : undefined;
  return suggestion ? didYouMean(suggestion) : UNKNOWN_COMMAND;
}
