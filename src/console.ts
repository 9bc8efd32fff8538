import { createInterface } from "node:readline";
import { bulletinTitles, plainCitation, type BulletinTitles } from "./answer/citation.js";
import { fitCopyText } from "./answer/copy-text.js";
import type { Answer } from "./answer/schema.js";
import { ANSI, PLAIN, renderHits, renderTerminal, type TerminalStyle } from "./answer/terminal.js";
import { formatBuildTime } from "./answer/time.js";
import * as T from "./answer/terminal-messages.js";
import { suggestCommand } from "./bot/command-suggest.js";
import type { Engine } from "./engine.js";
import { appVersion } from "./paths.js";

/**
 * The console chat: `npm start` without a bot token. The same pipeline as the bot, rendered for
 * a terminal, with the bot's commands (/help, /sources, /about) and a terminal's stand-ins for
 * its buttons: /more (下一页) and /open N (展开: the whole passage with its neighbours). Works
 * interactively and with piped input (one question or command per line). Ctrl+D or /quit leaves.
 */

/** As many hits as the bot pages through (5 pages of 3). */
const ASK_LIMIT = 15;
const PAGE_SIZE = 3;
const QUIT = new Set(["/quit", "/exit", "/q", "退出", "exit", "quit"]);
const COMMANDS = ["help", "sources", "about", "more", "open", "clear", "quit"];

type ConsoleEngine = Pick<Engine, "ask" | "context" | "sources" | "info" | "examples">;

interface ChatState {
  answer: Answer | null;
  /** Hits shown so far (the next /more starts here). */
  shown: number;
}

export async function runConsoleChat(
  engine: ConsoleEngine,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream & { isTTY?: boolean } } = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const style = io.output.isTTY ? ANSI : PLAIN;
  const info = engine.info();
  const say = (text: string) => io.output.write(`${text}\n`);
  say(T.greeting(info.files, info.passages));
  say(T.tryThese(engine.examples()));
  const interactive = io.output.isTTY === true;
  const lines = createInterface({ input: io.input, output: io.output, terminal: interactive, prompt: T.PROMPT });
  // Piped input gets answers only; a prompt between them would just be noise.
  const prompt = () => interactive && lines.prompt();
  const state: ChatState = { answer: null, shown: 0 };
  prompt();
  for await (const line of lines) {
    const input = line.trim();
    if (QUIT.has(input.toLowerCase())) break;
    if (input.length > 0) {
      const reply = respond(engine, state, input, style, interactive);
      if (reply !== null) say(`${reply}\n`);
    }
    prompt();
  }
  lines.close();
  say(T.GOODBYE);
}

/** One line of input → what to print (null: nothing, e.g. after clearing the screen). Pure but for `state`. */
export function respond(engine: ConsoleEngine, state: ChatState, input: string, style: TerminalStyle = PLAIN, tty = false): string | null {
  const titles = bulletinTitles(engine.sources());
  const command = /^\/([A-Za-z]+)(?:\s+(.*))?$/.exec(input) ?? /^(clear|cls|help)$/i.exec(input);
  if (!command) return ask(engine, state, input, style, titles);
  const name = command[1]!.toLowerCase();
  const arg = (command[2] ?? "").trim();
  switch (name) {
    case "help":
      return T.HELP;
    case "sources":
      return renderSources(engine);
    case "about":
      return T.aboutLines(appVersion(), T.beijingTime(formatBuildTime(engine.info().builtAt)), engine.info().files, engine.info().passages, engine.info().schemaVersion).join("\n");
    case "more":
      return more(state, style, titles);
    case "open":
      return open(engine, state, arg, style, titles);
    case "clear":
    case "cls":
      // A pipe has no screen to clear; say nothing rather than write escape codes into it.
      return tty ? "\x1b[2J\x1b[H" : null;
    default: {
      const suggestion = suggest(name);
      return suggestion ? T.didYouMean(suggestion) : T.UNKNOWN_COMMAND;
    }
  }
}

function ask(engine: ConsoleEngine, state: ChatState, question: string, style: TerminalStyle, titles: BulletinTitles): string {
  const answer = engine.ask(question, { limit: ASK_LIMIT });
  state.answer = answer;
  state.shown = Math.min(PAGE_SIZE, answer.hits.length);
  const text = renderTerminal(answer, style, { titles, from: 0, to: state.shown });
  return answer.hits.length > PAGE_SIZE ? `${text}\n\n${style.dim(T.pageNote(1, state.shown, answer.hits.length))}` : text;
}

function more(state: ChatState, style: TerminalStyle, titles: BulletinTitles): string {
  const answer = state.answer;
  if (!answer) return T.NOTHING_ASKED;
  if (state.shown >= answer.hits.length) return T.NO_MORE;
  const from = state.shown;
  state.shown = Math.min(from + PAGE_SIZE, answer.hits.length);
  const hits = renderHits(answer, style, { titles, from, to: state.shown }).join("\n").replace(/^\n/, "");
  return `${hits}\n\n${style.dim(T.pageNote(from + 1, state.shown, answer.hits.length))}`;
}

function open(engine: ConsoleEngine, state: ChatState, arg: string, style: TerminalStyle, titles: BulletinTitles): string {
  const answer = state.answer;
  if (!answer || answer.hits.length === 0) return T.NOTHING_ASKED;
  const n = /^\d{1,3}$/.test(arg) ? Number(arg) : NaN;
  const hit = answer.hits[n - 1];
  if (!hit) return T.openUsage(answer.hits.length);
  const context = engine.context(hit.id);
  if (!context) return T.PASSAGE_GONE;
  const p = context.passage;
  const title = titles.get(p.source);
  const head = [p.org ?? p.place, p.year === null ? T.UNKNOWN_YEAR : T.yearLabel(p.year), title ? `《${title}》` : null].filter(Boolean).join(" · ");
  const sub = [p.title, p.section].filter((s): s is string => !!s).map((s) => s.replace(/\s+/g, " ").trim());
  // As in the bot's passage view, the detail line is where the file name shows.
  const detail = [T.paragraphLine(p.paragraph, p.part, p.parts), ...(p.author ? [T.authorLabel(p.author)] : []), T.fileLabel(p.source)];
  const out = [style.strong(head)];
  if (sub.length > 0) out.push(sub.join(" · "));
  out.push(style.dim(detail.join(" · ")), "");
  for (const b of context.before) out.push(style.dim(`${T.BEFORE}${b.text}`));
  out.push(p.text);
  for (const a of context.after) out.push(style.dim(`${T.AFTER}${a.text}`));
  // The same plain text the bot's 📋 button copies, for pasting into WeChat or e-mail.
  out.push("", style.dim(T.COPY_HEADING), fitCopyText(p.text, plainCitation(p, titles)));
  return out.join("\n");
}

function renderSources(engine: ConsoleEngine): string {
  const sorted = [...engine.sources()].sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || (a.source < b.source ? -1 : 1));
  return [
    T.SOURCES_TITLE,
    ...sorted.map((s) =>
      T.sourceLine(s.year === null ? T.UNKNOWN_YEAR : T.yearLabel(s.year), s.title ? `《${s.title}》` : s.source, s.passages, s.orgs.length > 0 ? s.orgs.join("、") : T.NO_ORGS),
    ),
  ].join("\n");
}

/** Typos get the nearest command, with the bot's matcher (a pure function, no grammY). */
function suggest(typed: string): string | undefined {
  return suggestCommand(typed, COMMANDS);
}


