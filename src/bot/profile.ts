import type { Bot } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { Logger } from "./logger.js";
import { ADMIN_COMMANDS, DESCRIPTION, GROUP_COMMANDS, PRIVATE_COMMANDS, SHORT_DESCRIPTION } from "./messages.js";

/**
 * The bot's profile — description (the empty chat screen someone sees after tapping a shared
 * citation link), short description (profile page, shared links) and the command menus — is
 * set by the bot itself at every start, so BotFather is needed only for the token and inline
 * mode. Each is read first and set only when it differs: restarts then make no writes and
 * cannot run into setMy* rate limits. Nothing here is fatal: a failure is one log line and
 * the bot serves with whatever profile Telegram has.
 */

/** Telegram's limits (Bot API: setMyDescription 0–512, setMyShortDescription 0–120 characters). */
export const DESCRIPTION_LIMIT = 512;
export const SHORT_DESCRIPTION_LIMIT = 120;

/** Each profile call gives up after this, like the other start-up calls (src/bot/run.ts). */
const PROFILE_CALL_TIMEOUT_MS = 5_000;

/** Every command the bot handles, for typo suggestions. */
export const COMMAND_NAMES: readonly string[] = [...new Set([...PRIVATE_COMMANDS, ...GROUP_COMMANDS].map((c) => c.command))];

const MENUS: { scope: BotCommandScope; commands: BotCommand[] }[] = [
  { scope: { type: "all_private_chats" }, commands: PRIVATE_COMMANDS },
  { scope: { type: "all_group_chats" }, commands: GROUP_COMMANDS },
  { scope: { type: "default" }, commands: PRIVATE_COMMANDS },
];

/** The menus to keep: everyone's, and each administrator's private chat (with /remove). */
function menus(adminIds: Iterable<number>): { scope: BotCommandScope; commands: BotCommand[] }[] {
  return [...MENUS, ...[...adminIds].map((id) => ({ scope: { type: "chat" as const, chat_id: id }, commands: ADMIN_COMMANDS }))];
}

/** A menu's name in the log: its scope, and for one chat the chat. */
const menuName = (scope: BotCommandScope) => `commands:${scope.type === "chat" ? `chat:${scope.chat_id}` : scope.type}`;

type CallSignal = Parameters<Bot["api"]["getMe"]>[0];
const callSignal = () => AbortSignal.timeout(PROFILE_CALL_TIMEOUT_MS) as unknown as CallSignal;

const sameCommands = (a: readonly BotCommand[], b: readonly BotCommand[]) =>
  a.length === b.length && a.every((c, i) => c.command === b[i]!.command && c.description === b[i]!.description);

export interface ProfileSync {
  /** What was written: empty on a restart with nothing changed. */
  set: string[];
  failed: string[];
}

/**
 * Reads the profile and writes what differs; the parts run in parallel, each bounded. Never throws.
 * Each administrator's private chat gets the admin menu (with /remove); Telegram refuses that for
 * an administrator who has never opened a chat with the bot (chat not found): one log line, and
 * the next start tries again.
 */
export async function syncProfile(bot: Bot, logger: Logger, adminIds: Iterable<number> = []): Promise<ProfileSync> {
  const result: ProfileSync = { set: [], failed: [] };
  const part = async (name: string, run: () => Promise<boolean>) => {
    try {
      if (await run()) result.set.push(name);
    } catch (error) {
      result.failed.push(name);
      logger.warn({ err: error, part: name }, "could not update the bot profile; keeping what Telegram has");
    }
  };
  await Promise.all([
    part("description", async () => {
      const current = await bot.api.getMyDescription({}, callSignal());
      if (current.description === DESCRIPTION) return false;
      await bot.api.setMyDescription(DESCRIPTION, {}, callSignal());
      return true;
    }),
    part("short_description", async () => {
      const current = await bot.api.getMyShortDescription({}, callSignal());
      if (current.short_description === SHORT_DESCRIPTION) return false;
      await bot.api.setMyShortDescription(SHORT_DESCRIPTION, {}, callSignal());
      return true;
    }),
    ...menus(adminIds).map(({ scope, commands }) =>
      part(menuName(scope), async () => {
        const current = await bot.api.getMyCommands({ scope }, callSignal());
        if (sameCommands(current, commands)) return false;
        await bot.api.setMyCommands(commands, { scope }, callSignal());
        return true;
      }),
    ),
  ]);
  if (result.set.length > 0) logger.info({ set: result.set }, "bot profile updated");
  return result;
}
