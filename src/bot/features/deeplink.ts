import { Composer, type Context } from "grammy";
import { replyOptions, titlesOf } from "../answering.js";
import { PassageId } from "../callback-data.js";
import type { BotDeps } from "../deps.js";
import { DEEP_LINK_GONE } from "../messages.js";
import { renderPassageView } from "../render.js";

/**
 * `t.me/<bot>?start=<passage id>`: every citation links here, so a shared answer can always be
 * traced back to the whole passage, its organisation, year and neighbouring paragraphs.
 */
export function deepLinkFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("start", async (ctx, next) => {
    const payload = typeof ctx.match === "string" ? ctx.match.trim() : "";
    // No payload, or a non-passage payload such as "inline" from the inline button: welcome.
    if (payload === "" || !PassageId.safeParse(payload).success || !payload.includes("-")) return next();
    const context = deps.engine.context(payload);
    if (!context) {
      await ctx.reply(DEEP_LINK_GONE, replyOptions(ctx));
      return;
    }
    const view = renderPassageView({ context, username: ctx.me.username, page: 0, titles: titlesOf(deps.engine) });
    await ctx.reply(view.html, replyOptions(ctx, view.keyboard));
  });
  return composer;
}
