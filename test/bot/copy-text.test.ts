import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulletinTitles, plainCitation } from "../../src/answer/citation.js";
import { COPY_TEXT_LIMIT, fitCopyText, passageCopyText } from "../../src/answer/copy-text.js";
import { suggestCommand } from "../../src/bot/command-suggest.js";
import { COMMAND_NAMES } from "../../src/bot/profile.js";
import type { Engine } from "../../src/engine.js";
import { openEngine } from "./harness.js";

let engine: Engine;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, cleanup } = await openEngine());
});
afterAll(() => cleanup?.());

describe("copy text", () => {
  it("fits every passage of the seeds with its whole citation", () => {
    const titles = bulletinTitles(engine.sources());
    // Every passage some broad question reaches (most of the seeds).
    let checked = 0;
    for (const q of ["工会", "职工", "2007", "2008", "2012"]) {
      for (const hit of engine.ask(q, { limit: 50 }).hits) {
        const p = engine.passage(hit.id)!;
        const copy = passageCopyText(p, titles);
        const cite = plainCitation(p, titles);
        expect(copy.length).toBeLessThanOrEqual(COPY_TEXT_LIMIT);
        expect(copy.endsWith(`\n${cite}`)).toBe(true);
        expect(cite).toMatch(/^——.*《.+》\d{4}年，第\d+段$/);
        const body = copy.slice(0, -cite.length - 1);
        // Copy text squeezes runs of spaces (a byline's 常熟市总工会  徐建国): compare likewise.
        const text = p.text.replace(/[ \t]+/g, " ").trim();
        if (text.length + cite.length + 1 <= COPY_TEXT_LIMIT) expect(body).toBe(text);
        else {
          expect(body.endsWith("…")).toBe(true);
          expect(text.startsWith(body.slice(0, -1))).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("cuts on a sentence end when there is one, else on a clause, else anywhere; never splits an emoji", () => {
    const cite = "——常熟市总工会《2007年基层工会工作计划摘编》2007年，第7段";
    const sentences = "一是开展劳动竞赛。".repeat(40);
    const cut = fitCopyText(sentences, cite);
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut).toMatch(/。…\n——/);
    const clauses = "开展劳动竞赛，".repeat(60);
    expect(fitCopyText(clauses, cite)).toMatch(/赛…\n——/);
    const emoji = "😀".repeat(300);
    const hard = fitCopyText(emoji, cite);
    expect(hard.length).toBeLessThanOrEqual(256);
    expect(hard).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitCopyText("短答案", cite)).toBe(`短答案\n${cite}`);
  });
});

describe("command suggestions", () => {
  it("suggests near commands and nothing for far ones", () => {
    expect(suggestCommand("sourse", COMMAND_NAMES)).toBe("sources");
    expect(suggestCommand("SOURCE", COMMAND_NAMES)).toBe("sources");
    expect(suggestCommand("hlep", COMMAND_NAMES)).toBe("help");
    expect(suggestCommand("strat", COMMAND_NAMES)).toBe("start");
    expect(suggestCommand("aks", COMMAND_NAMES)).toBe("ask");
    expect(suggestCommand("weather", COMMAND_NAMES)).toBeUndefined();
    expect(suggestCommand("a", COMMAND_NAMES)).toBeUndefined();
    expect(suggestCommand("sources", COMMAND_NAMES)).toBeUndefined();
  });
});
