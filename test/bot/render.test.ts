import type { InlineKeyboardMarkup } from "grammy/types";
import { describe, expect, it } from "vitest";
import { decodeCallback } from "../../src/bot/callback-data.js";
import { TELEGRAM_TEXT_LIMIT, truncatePlain } from "../../src/bot/html.js";
import {
  citationLabel,
  parseQuestionHeader,
  renderAbout,
  renderPassageView,
  renderResultsPage,
  renderSharedHit,
  renderSources,
} from "../../src/bot/render.js";
import { parseTelegramHtml } from "../../src/testing/telegram-html.js";
import { makeAnswer, makeHit, makePassage } from "./fake-engine.js";

const hostile = `<script>alert("x")</script> & <b>粗</b> &amp; **`;

function assertTelegramSafe(html: string) {
  expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  const parsed = parseTelegramHtml(html); // throws on anything Telegram would reject
  expect(parsed.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  return parsed;
}

function keyboardData(markup: InlineKeyboardMarkup | undefined): string[] {
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => ("callback_data" in b ? [b.callback_data] : []));
}

describe("renderResultsPage", () => {
  it("bolds matched terms, cites with a deep link, and the header round-trips the question", () => {
    const answer = makeAnswer([makeHit()]);
    const { html, keyboard } = renderResultsPage({ question: "昆山 2007", answer, page: 1, username: "jb_bot" });
    const parsed = assertTelegramSafe(html);
    expect(html).toContain("<b>昆山</b>市总工会");
    expect(html).toContain('<a href="https://t.me/jb_bot?start=k3x9a2-12-1">昆山市总工会 · 2007年 · 昆山市总工会工作计划 · 第12段</a>');
    expect(parseQuestionHeader(parsed.text)).toBe("昆山 2007");
    expect(keyboardData(keyboard)).toEqual(["1|x|1|k3x9a2-12-1"]);
    expect(keyboard!.inline_keyboard.flat().some((b) => "switch_inline_query" in b && b.switch_inline_query === "昆山 2007")).toBe(true);
  });

  it("escapes hostile markup from the question, corpus and notice", () => {
    const hit = makeHit({ excerpt: `前 **<b>** ${hostile}`, org: "<i>单位</i>", title: "&lt;title" });
    const answer = makeAnswer([hit], { notice: hostile });
    const { html } = renderResultsPage({ question: hostile, answer, page: 1, username: "jb_bot" });
    const parsed = assertTelegramSafe(html);
    expect(html).not.toContain("<script>");
    expect(parsed.text).toContain("<script>");
    expect(parsed.text).toContain("&lt;title");
    expect(parseQuestionHeader(parsed.text)).toBe(hostile);
  });

  it("pages three hits at a time with next/previous buttons", () => {
    const hits = Array.from({ length: 8 }, (_, i) => makeHit({ id: `abc-${i + 1}-1`, paragraph: i + 1 }));
    const p1 = renderResultsPage({ question: "q", answer: makeAnswer(hits), page: 1, username: "b" });
    expect(p1.pages).toBe(3);
    expect(keyboardData(p1.keyboard)).toEqual(["1|x|1|abc-1-1", "1|x|1|abc-2-1", "1|x|1|abc-3-1", "1|p|2"]);
    const p3 = renderResultsPage({ question: "q", answer: makeAnswer(hits), page: 3, username: "b" });
    expect(keyboardData(p3.keyboard)).toEqual(["1|x|3|abc-7-1", "1|x|3|abc-8-1", "1|p|2"]);
    const clamped = renderResultsPage({ question: "q", answer: makeAnswer(hits), page: 99, username: "b" });
    expect(clamped.page).toBe(3);
    for (const data of [...keyboardData(p1.keyboard), ...keyboardData(p3.keyboard)]) expect(decodeCallback(data)).toBeDefined();
  });

  it("stays within 4,096 characters for worst-case inputs, never cutting inside an entity", () => {
    const amp = "&<>".repeat(3000);
    const hits = Array.from({ length: 3 }, (_, i) =>
      makeHit({ id: `w-${i}-1`, excerpt: `**${amp}**${amp}`, org: amp, title: amp }),
    );
    const question = "&".repeat(200);
    const { html } = renderResultsPage({ question, answer: makeAnswer(hits, { notice: amp }), page: 1, username: "b", cut: true });
    const parsed = assertTelegramSafe(html);
    expect(parsed.text).toContain("第");
    expect(parseQuestionHeader(parsed.text)).toBe(question);
  });

  it("says so when nothing was found, without buttons", () => {
    const r = renderResultsPage({ question: "火星", answer: makeAnswer([], { notice: "语料中没有 1999 年的简报。" }), page: 1, username: "b" });
    assertTelegramSafe(r.html);
    expect(r.html).toContain("1999");
    expect(r.keyboard).toBeUndefined();
  });
});

describe("renderPassageView", () => {
  it("shows organisation, year, neighbours and keeps the question for the back button", () => {
    const before = [makePassage({ id: "k-11-1", paragraph: 11, text: "前一段<文字>" })];
    const after = [makePassage({ id: "k-13-1", paragraph: 13, text: "后一段&文字" })];
    const view = renderPassageView({ context: { before, passage: makePassage(), after }, username: "b", question: "昆山", page: 2 });
    const parsed = assertTelegramSafe(view.html);
    expect(parseQuestionHeader(parsed.text)).toBe("昆山");
    expect(parsed.text).toContain("昆山市总工会 · 2007年");
    expect(parsed.text).toContain("前一段<文字>");
    expect(parsed.text).toContain("后一段&文字");
    expect(keyboardData(view.keyboard)).toEqual(["1|x|2|k-11-1", "1|x|2|k-13-1", "1|p|2"]);
  });

  it("fits a huge passage and has no back button from a deep link", () => {
    const big = "<&>".repeat(5000);
    const view = renderPassageView({
      context: { before: [makePassage({ id: "a-1-1", text: big })], passage: makePassage({ text: big, author: big, section: big, title: big, org: big, source: big }), after: [] },
      username: "b",
      page: 0,
    });
    assertTelegramSafe(view.html);
    expect(keyboardData(view.keyboard)).toEqual(["1|x|0|a-1-1"]);
  });
});

describe("citations and shared answers", () => {
  it("keeps the paragraph number when cutting a long label", () => {
    const label = citationLabel(makeHit({ title: "很长的标题".repeat(50) }), 60);
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.endsWith("第12段")).toBe(true);
  });

  it("writes 年份不详 rather than inventing a year", () => {
    expect(citationLabel(makeHit({ year: null, title: null }))).toBe("昆山市总工会 · 年份不详 · 第12段");
  });

  it("renders a shareable single hit", () => {
    const html = renderSharedHit(hostile, makeHit(), "jb_bot");
    const parsed = assertTelegramSafe(html);
    expect(parsed.text).toContain("@jb_bot");
    expect(parsed.entities.some((e) => e.type === "text_link" && e.url === "https://t.me/jb_bot?start=k3x9a2-12-1")).toBe(true);
  });

  it("lists sources within the limit", () => {
    const sources = Array.from({ length: 40 }, (_, i) => ({
      source: `${i}.txt`,
      year: 2000 + i,
      title: `简报${i}`,
      orgs: Array.from({ length: 50 }, (_, j) => `第${j}单位&<>`),
      passages: 10,
    }));
    assertTelegramSafe(renderSources(sources, { schemaVersion: 1, builtAt: "", passages: 400, files: 40 }));
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...sources[0]!, source: `${i}.txt`, title: "<&>".repeat(100) }));
    const text = assertTelegramSafe(renderSources(many, { schemaVersion: 1, builtAt: "", passages: 9000, files: 1000 })).text;
    expect(text).toMatch(/另有 \d+ 份未列出/);
  });
});

describe("truncatePlain", () => {
  it("never splits a surrogate pair", () => {
    const s = truncatePlain("😀".repeat(10), 6);
    expect(s.length).toBeLessThanOrEqual(6);
    expect(() => encodeURIComponent(s)).not.toThrow();
  });
});

describe("bulletin titles from untrusted documents", () => {
  // A title may come from a .docx/.html file's own metadata: it is as hostile as any text.
  const titles = new Map([["000_a.txt", hostile.repeat(20)]]);

  it("stay escaped and within limits in results, passage views, copy text and /sources", () => {
    const hit = { ...makeHit(), source: "000_a.txt" };
    const page = renderResultsPage({ question: "昆山", answer: makeAnswer([hit]), page: 1, username: "jb_bot", titles });
    expect(assertTelegramSafe(page.html).text).toContain("《<script>");
    const copies = (page.keyboard?.inline_keyboard ?? []).flat().flatMap((b) => ("copy_text" in b ? [b.copy_text.text] : []));
    expect(copies).toHaveLength(1);
    expect(copies[0]!.length).toBeLessThanOrEqual(256);
    expect(copies[0]!.endsWith("2007年，第12段")).toBe(true);

    const view = renderPassageView({ context: { before: [], passage: { ...makePassage(), source: "000_a.txt" }, after: [] }, username: "jb_bot", page: 0, titles });
    assertTelegramSafe(view.html);

    const sources = renderSources(
      [
        { source: "000_a.txt", year: 2007, title: hostile, orgs: ["昆山市总工会"], passages: 3 },
        { source: "001_b.txt", year: null, title: null, orgs: [], passages: 1 },
        { source: "002_c.txt", year: 2012, title: "2012年新年思路", orgs: ["常熟市总工会"], passages: 2 },
      ],
      { schemaVersion: 1, builtAt: "2026-01-01T00:00:00Z", passages: 6, files: 3 },
    );
    const text = assertTelegramSafe(sources).text;
    // Newest first; a bulletin without a year last, named by its file (it has no title).
    expect(text.indexOf("2012年")).toBeLessThan(text.indexOf("2007年"));
    expect(text.indexOf("2007年")).toBeLessThan(text.indexOf("年份不详 · 001_b.txt"));
  });
});

describe("/about", () => {
  it("says its build time in Beijing time, as the administrators' reports do", () => {
    const about = renderAbout({ schemaVersion: 9, builtAt: "2026-11-22T05:20:47.621Z", passages: 104, files: 3 }, "0.1.0");
    expect(about).toContain("北京时间 2026-11-22 13:20");
  });
});
