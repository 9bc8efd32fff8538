/**
 * The terminal chat (src/console.ts) over the real seeds: the bot's commands, /more and /open N
 * in place of its buttons, typo suggestions, /quit and end of input (Ctrl+D).
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../src/console.js";
import type { Engine } from "../src/engine.js";
import { openEngine } from "./bot/harness.js";

let engine: Engine;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, cleanup } = await openEngine());
});
afterAll(() => cleanup?.());

/** Runs the chat over `lines` (then end of input, as Ctrl+D) and returns everything printed. */
async function chat(lines: string[], end = true): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => (printed += chunk));
  const done = runConsoleChat(engine, { input, output });
  if (end) input.end(lines.map((l) => `${l}\n`).join(""));
  else input.write(lines.map((l) => `${l}\n`).join(""));
  await done;
  return printed;
}

describe("terminal chat", () => {
  it("answers /help, /sources and /about instead of searching for them", async () => {
    const out = await chat(["/help", "/sources", "/about", "help"]);
    expect(out).not.toContain("问：/help");
    expect(out).not.toContain("问：help");
    for (const command of ["/more", "/open N", "/sources", "/about", "/quit"]) expect(out).toContain(command);
    const y2012 = out.indexOf("2012年 · 《2012年新年思路》");
    const y2008 = out.indexOf("2008年 · 《学习贯彻十七大精神 2008年工作思路》");
    const y2007 = out.indexOf("2007年 · 《2007年基层工会工作计划摘编》");
    expect(y2012).toBeGreaterThan(0);
    expect(y2008).toBeGreaterThan(y2012);
    expect(y2007).toBeGreaterThan(y2008);
    expect(out).toContain(`收录：3 份简报，${engine.info().passages} 段`);
    expect(out).toContain("版本：0.1.0");
  });

  it("pages with /more and opens a hit whole with its neighbours and the file name", async () => {
    const question = "常熟 工作";
    const hits = engine.ask(question, { limit: 15 }).hits;
    expect(hits.length).toBeGreaterThan(6);
    const out = await chat([question, "/more", "/open 5", "/open 99", "/open x"]);
    expect(out).toMatch(/\n1\. /);
    expect(out).toMatch(/\n4\. /);
    expect(out).toMatch(/\n6\. /);
    expect(out).not.toMatch(/\n7\. /);
    const opened = engine.context(hits[4]!.id)!;
    expect(out).toContain(opened.passage.text);
    for (const n of [...opened.before, ...opened.after]) expect(out).toContain(n.text);
    expect(out).toContain(`文件 ${opened.passage.source}`);
    // Citations name the bulletin; the file name shows only in the opened passage's detail line.
    expect(out.split(opened.passage.source).length - 1).toBe(1);
    expect(out).toContain("——常熟市总工会《");
    expect(out).toContain(`用法：/open N，N 是结果编号（1–${hits.length}）。`);
  });

  it("suggests the command a typo meant, and leaves on /quit or at the end of input", async () => {
    const typo = await chat(["/sourse", "/weather", "/quit", "昆山 2007"], false);
    expect(typo).toContain("你是想用 /sources 吗？");
    expect(typo).toContain("这个命令我不认识");
    expect(typo).not.toContain("问：昆山 2007");
    expect(typo.trim().endsWith("再见。")).toBe(true);
    const eof = await chat(["昆山 2007"]);
    expect(eof).toContain("问：昆山 2007");
    expect(eof.trim().endsWith("再见。")).toBe(true);
  });

  it("says what to do when /more or /open come before a question", async () => {
    const out = await chat(["/more", "/open 1", "clear"]);
    expect(out.match(/还没有提问/g)).toHaveLength(2);
    expect(out).not.toContain("问：clear");
  });
});
