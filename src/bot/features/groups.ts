import { Composer, type Context } from "grammy";
import type { Message } from "grammy/types";
import { answerQuestion } from "../answering.js";
import type { BotDeps } from "../deps.js";

/**
 * What a group message asks the bot, or undefined when it is not addressed to the bot:
 * a mention of @bot, a text mention of the bot, or a reply to one of the bot's messages.
 * (/ask is handled by the commands feature.)
 */
export function addressedQuestion(
  msg: Pick<Message, "text" | "entities" | "reply_to_message">,
  me: { id: number; username: string },
): string | undefined {
  const text = msg.text ?? "";
  let addressed = msg.reply_to_message?.from?.id === me.id;
  let question = text;
  const handle = `@${me.username}`.toLowerCase();
  // Cut mentions of the bot out of the question, last first so earlier offsets stay valid.
  const mentions = (msg.entities ?? [])
    .filter(
      (e) =>
        (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
        (e.type === "text_mention" && e.user.id === me.id),
    )
    .sort((a, b) => b.offset - a.offset);
  for (const e of mentions) {
    addressed = true;
    question = question.slice(0, e.offset) + " " + question.slice(e.offset + e.length);
  }
  return addressed ? question : undefined;
}

export function groupsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const group = composer.chatType(["group", "supergroup"]);
  group.on("message:text", async (ctx) => {
    // Commands for other bots, or ours that no feature handled, are not questions.
    if (ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0)) return;
    const question = addressedQuestion(ctx.msg, ctx.me);
    if (question === undefined) return; // Other chatter: never answer it.
    await answerQuestion(ctx, deps, question, true);
  });
  return composer;
}
