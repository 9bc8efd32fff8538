import type { Engine } from "../engine.js";
import type { Logger } from "./logger.js";
import type { SlidingWindowLimiter } from "./rate-limit.js";

/** What the bot needs from the engine; a structural type so tests can hand in a small fake. */
export type EngineLike = Pick<Engine, "ask" | "passage" | "context" | "sources" | "info" | "examples">;

/** Shared by every feature composer. */
export interface BotDeps {
  engine: EngineLike;
  logger: Logger;
  version: string;
  limits: {
    /** Questions (messages, /ask, example buttons). */
    questions: SlidingWindowLimiter;
    /** Pagination and expand buttons: cheap, so a looser limit. */
    buttons: SlidingWindowLimiter;
    /** Inline queries arrive per keystroke. */
    inline: SlidingWindowLimiter;
  };
}
