import { createInterface } from "node:readline";
import { ANSI, PLAIN, renderTerminal } from "./answer/terminal.js";
import type { Engine } from "./engine.js";

/**
 * The console chat: `npm start` without a bot token. The same pipeline as the bot, rendered for
 * a terminal. Works interactively and with piped input (one question per line).
 */

const QUIT = new Set(["/quit", "/exit", "/q", "退出", "exit", "quit"]);

export async function runConsoleChat(
  engine: Engine,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream & { isTTY?: boolean } } = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const style = io.output.isTTY ? ANSI : PLAIN;
  const info = engine.info();
  const say = (text: string) => io.output.write(`${text}\n`);
  say(`简报问答 · 已载入 ${info.files} 份简报、${info.passages} 段。输入问题后回车；输入 /quit 或按 Ctrl+D 退出。`);
  say(`试试：${engine.examples().join(" ｜ ")}`);
  const interactive = io.output.isTTY === true;
  const lines = createInterface({ input: io.input, output: io.output, terminal: interactive, prompt: "问> " });
  // Piped input gets answers only; a prompt between them would just be noise.
  const prompt = () => interactive && lines.prompt();
  prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (QUIT.has(question.toLowerCase())) break;
    if (question.length > 0) say(`${renderTerminal(engine.ask(question, { limit: 3 }), style)}\n`);
    prompt();
  }
  lines.close();
  say("再见。");
}
