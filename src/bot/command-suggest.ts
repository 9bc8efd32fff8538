import { distance } from "fastest-levenshtein";

/**
 * The command a typo most likely meant (`/sourse` → sources), or undefined when nothing is close.
 * @grammyjs/commands offers this too, but only for commands registered through its own
 * CommandGroup; the bot registers with composer.command and sets its menus itself (profile.ts),
 * so the few command names are matched here by edit distance.
 */
export function suggestCommand(typed: string, commands: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { command: string; d: number } | undefined;
  for (const command of commands) {
    // A swap of two neighbouring letters (/hlep) is one slip, though Levenshtein counts two.
    const d = swapped(word, command) ? 1 : distance(word, command);
    // One slip in a short name, two in a longer one; never a guess that changes half the word.
    const allowed = command.length <= 4 ? 1 : 2;
    if (d === 0 || d > allowed || d * 2 >= Math.max(word.length, command.length)) continue;
    if (!best || d < best.d) best = { command, d };
  }
  return best?.command;
}

function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The command word of a message starting with one: `/sourse@bot x` → { name: "sourse", target: "bot" }. */
export function commandWord(text: string): { name: string; target: string | null } | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,32}))?/.exec(text);
  return m ? { name: m[1]!, target: m[2] ?? null } : undefined;
}

/**
 * The question of `/ask[@bot] question` where grammY's command matching does not look: edited
 * messages and captions. Undefined for other commands, another bot's /ask, or a bare /ask.
 */
export function askArgument(text: string, username: string): string | undefined {
  const command = commandWord(text);
  if (!command || command.name.toLowerCase() !== "ask") return undefined;
  if (command.target && command.target.toLowerCase() !== username.toLowerCase()) return undefined;
  return text.replace(/^\/\S+/u, "").trim() || undefined;
}
