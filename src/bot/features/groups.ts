import { Composer, type Context } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { answerQuestion, replyOptions } from "../answering.js";
import { askArgument, commandWord } from "../command-suggest.js";
import type { BotDeps } from "../deps.js";
import { renderGroupWelcome, renderVoiceHint } from "../render.js";
import { unknownCommand } from "./chat.js";

type Addressable = Pick<Message, "text" | "entities" | "caption" | "caption_entities" | "reply_to_message">;

/**
 * What a group message asks the bot, or undefined when it is not addressed to the bot:
 * a mention of @bot, a text mention of the bot, or a reply to one of the bot's messages (the
 * reply to a bare /ask's prompt among them). A caption counts as the message's text.
 * (/ask is handled by the commands feature.)
 */
export function addressedQuestion(msg: Addressable, me: { id: number; username: string }): string | undefined {
  const text = msg.text ?? msg.caption ?? "";
  const entities: MessageEntity[] = (msg.text !== undefined ? msg.entities : msg.caption_entities) ?? [];
  let addressed = msg.reply_to_message?.from?.id === me.id;
  let question = text;
  const handle = `@${me.username}`.toLowerCase();
  // Cut mentions of the bot out of the question, last first so earlier offsets stay valid.
  const mentions = entities
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

const startsWithCommand = (msg: Addressable) =>
  ((msg.text !== undefined ? msg.entities : msg.caption_entities) ?? []).some((e) => e.type === "bot_command" && e.offset === 0);

export function groupsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const group = composer.chatType(["group", "supergroup"]);

  group.on(["message:text", "message:caption"], async (ctx) => {
    const msg = ctx.msg;
    if (startsWithCommand(msg)) {
      // `/ask …` as a caption (grammY matches commands in texts only).
      const asked = msg.caption !== undefined ? askArgument(msg.caption, ctx.me.username) : undefined;
      if (asked !== undefined) {
        await answerQuestion(ctx, deps, asked, true);
        return;
      }
      // Ours by name (/sourse@thisbot) but unknown: suggest. Others' commands are not ours.
      const command = commandWord(msg.text ?? msg.caption ?? "");
      if (command?.target?.toLowerCase() === ctx.me.username.toLowerCase()) {
        await ctx.reply(unknownCommand(msg.text ?? msg.caption ?? ""), replyOptions(ctx, undefined, true));
      }
      return;
    }
    const question = addressedQuestion(msg, ctx.me);
    if (question === undefined) return; // Other chatter: never answer it.
    await answerQuestion(ctx, deps, question, true);
  });

  // A voice reply to the bot: it cannot listen, so say what to type.
  group.on(["message:voice", "message:audio", "message:video_note"], async (ctx) => {
    if (ctx.msg.reply_to_message?.from?.id !== ctx.me.id) return;
    await ctx.reply(renderVoiceHint(deps.engine.examples()), replyOptions(ctx, undefined, true));
  });

  group.on("edited_message", async (ctx) => {
    const msg = ctx.editedMessage;
    const text = msg.text ?? msg.caption;
    if (text === undefined) return;
    const question = startsWithCommand(msg) ? askArgument(text, ctx.me.username) : addressedQuestion(msg, ctx.me);
    if (question === undefined) return;
    await answerQuestion(ctx, deps, question, true, true);
  });

  // Added to a group: one short message on how to ask there. Nothing on other status changes.
  group.on("my_chat_member", async (ctx) => {
    const before = ctx.myChatMember.old_chat_member.status;
    const now = ctx.myChatMember.new_chat_member.status;
    const wasOut = before === "left" || before === "kicked";
    const isIn = now === "member" || now === "administrator";
    if (!wasOut || !isIn) return;
    await ctx.reply(renderGroupWelcome(ctx.me.username), replyOptions(ctx));
  });

  return composer;
}
