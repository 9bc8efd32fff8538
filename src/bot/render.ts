import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { citationParts, type CitationFields } from "../answer/citation.js";
import { excerptRuns, MARK, type Answer, type Hit } from "../answer/schema.js";
import type { Passage } from "../corpus/passage.js";
import { MAX_QUESTION_CHARS, type IndexInfo, type SourceSummary } from "../engine.js";
import { encodeCallback } from "./callback-data.js";
import { bold, escapeHtml, italic, link, oneLine, TELEGRAM_TEXT_LIMIT, truncatePlain } from "./html.js";

/**
 * Renders engine output as Telegram HTML. Pure functions: no bot, no network, so every worst
 * case (hostile markup, huge passages) is unit-testable and every reply provably fits 4,096.
 */

/** Hits shown per results page; the engine is asked for PAGE_SIZE × MAX_PAGES. */
export const PAGE_SIZE = 3;
export const MAX_PAGES = 5;
export const ASK_LIMIT = PAGE_SIZE * MAX_PAGES;

/**
 * The first line of every results message. Buttons are stateless, so the question they act on
 * is read back from this line (`message.text` is plain text, tags and escapes gone).
 */
export const QUESTION_PREFIX = "🔎 问：";

export interface Rendered {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

export function deepLink(username: string, passageId: string): string {
  return `https://t.me/${username}?start=${passageId}`;
}

function questionHeader(question: string): string {
  return `🔎 ${bold("问：")}${escapeHtml(question)}`;
}

/** Recovers the question from a results message's plain text; undefined if it is not one. */
export function parseQuestionHeader(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const firstLine = text.split("\n", 1)[0] ?? "";
  if (!firstLine.startsWith(QUESTION_PREFIX)) return undefined;
  const question = oneLine(firstLine.slice(QUESTION_PREFIX.length));
  return question.length > 0 ? question : undefined;
}

/** The shared citation, cut to fit a line on a phone. */
export function citationLabel(hit: CitationFields, max = 120): string {
  const parts = citationParts(hit);
  // The paragraph number is the part that makes a citation checkable: keep it, cut the rest.
  const tail = ` · ${parts.pop()!}`;
  return truncatePlain(parts.join(" · "), Math.max(8, max - tail.length)) + tail;
}

function citationLine(hit: CitationFields & { id: string }, username: string | undefined, max: number): string {
  const label = escapeHtml(citationLabel(hit, max));
  return `📎 ${username ? link(deepLink(username, hit.id), label) : label}`;
}

/** Excerpt with matched terms in bold, cut on plain text so no tag or entity is ever split. */
export function renderExcerpt(excerpt: string, max: number): string {
  let budget = max;
  let html = "";
  for (const run of excerptRuns(excerpt)) {
    if (budget <= 0) break;
    const text = run.text.length > budget ? truncatePlain(run.text, budget) : run.text;
    budget -= text.length;
    html += run.marked ? bold(escapeHtml(text)) : escapeHtml(text);
  }
  return html;
}

/** Plain excerpt for places without formatting (inline result descriptions). */
export function plainExcerpt(excerpt: string, max: number): string {
  return truncatePlain(oneLine(excerpt.split(MARK).join("")), max);
}

/** Tries ever smaller budgets until the message fits; the last budget fits by construction. */
function fit(build: (scale: number) => string): string {
  for (const scale of [1, 0.6, 0.35, 0.2, 0.1]) {
    const html = build(scale);
    if (html.length <= TELEGRAM_TEXT_LIMIT) return html;
  }
  return build(0);
}

export interface ResultsPageInput {
  question: string;
  answer: Answer;
  /** 1-based; clamped to the pages there are. */
  page: number;
  username: string | undefined;
  /** The user's message was longer than a question may be and was cut. */
  cut?: boolean;
}

export function pageCount(answer: Answer): number {
  return Math.max(1, Math.ceil(Math.min(answer.hits.length, ASK_LIMIT) / PAGE_SIZE));
}

export function renderResultsPage(input: ResultsPageInput): Rendered & { page: number; pages: number } {
  const { question, answer, username } = input;
  const hits = answer.hits.slice(0, ASK_LIMIT);
  const pages = pageCount(answer);
  const page = Math.min(Math.max(1, Math.floor(input.page)), pages);
  const first = (page - 1) * PAGE_SIZE;
  const shown = hits.slice(first, first + PAGE_SIZE);

  const html = fit((scale) => {
    const lines = [questionHeader(question)];
    if (input.cut) lines.push(italic(`✂️ 消息较长，只取前 ${MAX_QUESTION_CHARS} 个字作为问题。`));
    if (page === 1) lines.push(...renderDirect(answer, username, scale));
    if (answer.notice) lines.push(italic(`ℹ️ ${escapeHtml(truncatePlain(oneLine(answer.notice), Math.floor(300 * scale) + 40))}`));
    if (hits.length === 0) {
      if (answer.direct) return lines.join("\n");
      if (!answer.notice) lines.push("没有找到相关内容。");
      lines.push("", "试试换个说法、换个年份或地名；发送 /sources 查看收录了哪些简报。");
      return lines.join("\n");
    }
    lines.push(`共 ${hits.length} 条结果${pages > 1 ? ` · 第 ${page}/${pages} 页` : ""}`);
    const compared = answer.byYear?.length ?? 0;
    shown.forEach((hit, i) => {
      const year = first + i < compared && hit.year !== null ? bold(`〔${hit.year}年〕`) : "";
      lines.push(
        "",
        `${bold(`${first + i + 1}.`)} ${year}${renderExcerpt(hit.excerpt, Math.floor(700 * scale) + 30)}`,
        citationLine(hit, username, Math.floor(100 * scale) + 30),
      );
    });
    return lines.join("\n");
  });

  if (hits.length === 0) return { html, page, pages };

  const rows: InlineKeyboardButton[][] = [];
  rows.push(
    shown.map((hit, i) => ({
      text: `📖 展开 ${first + i + 1}`,
      callback_data: encodeCallback({ action: "x", page, id: hit.id }),
    })),
  );
  const nav: InlineKeyboardButton[] = [];
  if (page > 1) nav.push({ text: "◀️ 上一页", callback_data: encodeCallback({ action: "p", page: page - 1 }) });
  if (page < pages) nav.push({ text: "下一页 ▶️", callback_data: encodeCallback({ action: "p", page: page + 1 }) });
  if (nav.length > 0) rows.push(nav);
  rows.push([shareButton(question)]);
  return { html, page, pages, keyboard: { inline_keyboard: rows } };
}

function shareButton(question: string): InlineKeyboardButton {
  // switch_inline_query opens the chat picker with "@bot <question>" typed in: the inline
  // handler then offers this very answer, so sharing needs no state either.
  return { text: "↗️ 分享到其他聊天", switch_inline_query: question };
}

export interface PassageContext {
  before: Passage[];
  passage: Passage;
  after: Passage[];
}

export interface PassageViewInput {
  context: PassageContext;
  username: string | undefined;
  /** Present when the view was opened from a results message: kept as the header so "back" works. */
  question?: string | undefined;
  /** Results page to go back to; 0 when there is none (deep link). */
  page: number;
}

function passageTitle(p: Passage): string {
  return citationParts(p).slice(0, 2).join(" · ");
}

/** The whole passage with its organisation, year and neighbouring paragraphs. */
export function renderPassageView(input: PassageViewInput): Rendered {
  const { context, username, question } = input;
  const p = context.passage;
  const html = fit((scale) => {
    const lines: string[] = [];
    if (question) lines.push(questionHeader(question));
    lines.push(`📄 ${bold(escapeHtml(truncatePlain(passageTitle(p), 120)))}`);
    const sub = [p.title, p.section].filter((s): s is string => !!s).map((s) => truncatePlain(oneLine(s), 80));
    if (sub.length > 0) lines.push(italic(escapeHtml(sub.join(" · "))));
    const where = `第${p.paragraph}段${p.parts > 1 ? `（第 ${p.part}/${p.parts} 部分）` : ""}`;
    const byline = [where, truncatePlain(p.source, 80), ...(p.author ? [truncatePlain(oneLine(p.author), 40)] : [])];
    lines.push(escapeHtml(byline.join(" · ")));
    const neighbour = Math.floor(240 * scale);
    const beforeText = context.before.map((b) => b.text).join("\n");
    if (neighbour > 0 && beforeText) {
      // Keep the end of what comes before: it is what leads into the passage.
      const tail = beforeText.length > neighbour ? `…${beforeText.slice(beforeText.length - neighbour + 1)}` : beforeText;
      lines.push("", italic(escapeHtml(fixLeadingSurrogate(tail))));
    }
    lines.push("", `<blockquote>${escapeHtml(truncatePlain(p.text, Math.floor(3000 * Math.max(scale, 0.1))))}</blockquote>`);
    const afterText = context.after.map((a) => a.text).join("\n");
    if (neighbour > 0 && afterText) lines.push(italic(escapeHtml(truncatePlain(afterText, neighbour))));
    if (username) lines.push("", `🔗 ${link(deepLink(username, p.id), "本段链接")}`);
    return lines.join("\n");
  });

  const rows: InlineKeyboardButton[][] = [];
  const nav: InlineKeyboardButton[] = [];
  const prev = context.before.at(-1);
  const next = context.after[0];
  if (prev) nav.push({ text: "⬆️ 上一段", callback_data: encodeCallback({ action: "x", page: input.page, id: prev.id }) });
  if (next) nav.push({ text: "⬇️ 下一段", callback_data: encodeCallback({ action: "x", page: input.page, id: next.id }) });
  if (nav.length > 0) rows.push(nav);
  if (question && input.page > 0) {
    rows.push([
      { text: "↩️ 返回结果", callback_data: encodeCallback({ action: "p", page: input.page }) },
      shareButton(question),
    ]);
  }
  return rows.length > 0 ? { html, keyboard: { inline_keyboard: rows } } : { html };
}

/** A slice starting on a low surrogate would leave half an emoji: drop it. */
/** Lists longer than this (items or characters) fold into an expandable blockquote. */
const LIST_FOLD_ITEMS = 5;
const LIST_FOLD_CHARS = 250;

/**
 * The direct answer, right under the question: `💡 answer` and a compact citation (organisation ·
 * year · 第N段, linking to the passage). A list is shown whole, one item a line, folded into an
 * expandable blockquote when long (Bot API 7.4+: `<blockquote expandable>`).
 */
export function renderDirect(answer: Answer, username: string | undefined, scale = 1): string[] {
  const direct = answer.direct;
  if (!direct) return [];
  const budget = Math.floor(1500 * scale) + 60;
  const items = direct.text.split("\n");
  const lines: string[] = [];
  if (items.length === 1) {
    lines.push(`💡 ${bold(escapeHtml(truncatePlain(direct.text, budget)))}`);
  } else {
    const shown = truncatePlain(direct.text, budget);
    const body = shown.split("\n").map((item) => escapeHtml(item)).join("\n");
    const fold = items.length > LIST_FOLD_ITEMS || direct.text.length > LIST_FOLD_CHARS;
    lines.push(`💡 ${bold(`共 ${items.length} 项：`)}`);
    lines.push(fold ? `<blockquote expandable>${body}</blockquote>` : `<blockquote>${body}</blockquote>`);
  }
  const hit = direct.hitId ? answer.hits.find((h) => h.id === direct.hitId) : undefined;
  if (hit) {
    const label = escapeHtml(compactCitation(hit));
    lines.push(`📎 ${username ? link(deepLink(username, hit.id), label) : label}`);
  } else if (direct.kind === "catalogue") {
    lines.push(italic("📚 据简报目录"));
  }
  return lines;
}

/** organisation · year · 第N段: the citation without the title, for the line under an answer. */
export function compactCitation(hit: CitationFields): string {
  const parts = citationParts(hit);
  return [parts[0]!, parts[1]!, parts[parts.length - 1]!].join(" · ");
}

function fixLeadingSurrogate(text: string): string {
  return text.replace(/^…[\uDC00-\uDFFF]/, "…");
}

/** The message an inline result posts: one cited hit, readable without the bot. */
export function renderSharedHit(question: string, hit: Hit, username: string | undefined): string {
  return fit((scale) =>
    [
      questionHeader(question),
      "",
      renderExcerpt(hit.excerpt, Math.floor(1500 * scale) + 30),
      citationLine(hit, username, Math.floor(120 * scale) + 30),
      ...(username ? ["", italic(`—— 来自 @${escapeHtml(username)} 简报问答`)] : []),
    ].join("\n"),
  );
}

/** The message an inline result posts for the direct answer: the question, the answer, its citation. */
export function renderSharedAnswer(question: string, answer: Answer, username: string | undefined): string {
  return fit((scale) =>
    [
      questionHeader(question),
      "",
      ...renderDirect(answer, username, scale),
      ...(username ? ["", italic(`—— 来自 @${escapeHtml(username)} 简报问答`)] : []),
    ].join("\n"),
  );
}

/** Inline result title: organisation · year, the first two parts of the citation. */
export function inlineResultTitle(hit: Hit): string {
  return truncatePlain(citationParts(hit).slice(0, 2).join(" · "), 100);
}

export function renderWelcome(examples: string[]): Rendered {
  const shown = examples.slice(0, 3);
  const html = [
    `👋 ${bold("你好！我是简报问答。")}`,
    "我能在工会工作简报里查找答案，并给出带出处的原文摘录（单位 · 年份 · 标题 · 段落）。",
    "",
    "直接发一句话提问即可，也可以点下面的例子试试：",
    ...shown.map((q) => `• ${escapeHtml(truncatePlain(q, 100))}`),
    "",
    "发送 /help 查看用法，/sources 查看收录的简报。",
  ].join("\n");
  const keyboard: InlineKeyboardMarkup = {
    inline_keyboard: shown.map((q, index) => [
      { text: `💬 ${truncatePlain(oneLine(q), 40)}`, callback_data: encodeCallback({ action: "e", index }) },
    ]),
  };
  return shown.length > 0 ? { html, keyboard } : { html };
}

export function renderHelp(username: string | undefined): string {
  const at = username ? `@${escapeHtml(username)}` : "@机器人";
  return [
    bold("📘 使用说明"),
    "",
    `${bold("私聊提问：")}直接发送问题，例如「昆山 2007 年工会工作重点」。回答列出最相关的原文摘录，命中的词加粗，每条附出处（单位 · 年份 · 标题 · 第几段）。`,
    `${bold("按钮：")}「下一页/上一页」翻看更多结果；「展开」查看整段原文及前后段落；「分享」把答案发到其他聊天。`,
    `${bold("出处链接：")}点出处可打开整段原文。`,
    `${bold("群聊：")}用 /ask 问题，或 ${at} 问题，或回复我的消息提问；其他聊天内容我不会回应。`,
    `${bold("任意聊天中分享：")}输入 ${at} 关键词（如 ${at} 昆山 2007），从列表中选一条即可发送带出处的答案。`,
    "",
    "/sources 收录的简报 · /about 版本与索引信息",
  ].join("\n");
}

export function renderSources(sources: SourceSummary[], info: IndexInfo): string {
  const head = [bold("📚 已收录的简报"), `共 ${sources.length} 份，${info.passages} 段`, ""].join("\n");
  // A large corpus cannot be listed in one message: list what fits, then say how many are left.
  const reserve = 60;
  let html = head;
  let listed = 0;
  for (const s of sources) {
    const orgs = s.orgs.length > 0 ? truncatePlain(s.orgs.join("、"), 200) : "（未识别单位）";
    const entry = [
      `• ${bold(s.year === null ? "年份不详" : `${s.year}年`)} · ${escapeHtml(truncatePlain(oneLine(s.title ?? s.source), 80))}（${s.passages} 段）`,
      `  ${escapeHtml(orgs)}`,
    ].join("\n");
    if (html.length + 1 + entry.length > TELEGRAM_TEXT_LIMIT - reserve) break;
    html += `\n${entry}`;
    listed++;
  }
  if (listed < sources.length) html += `\n\n……另有 ${sources.length - listed} 份未列出。`;
  return html;
}

export function renderAbout(info: IndexInfo, version: string): string {
  return [
    bold("ℹ️ 关于简报问答"),
    `版本：${escapeHtml(version)}`,
    `索引构建时间：${escapeHtml(formatTime(info.builtAt))}`,
    `收录：${info.files} 份简报，${info.passages} 段`,
    `索引格式：v${info.schemaVersion}`,
  ].join("\n");
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function renderHint(examples: string[]): string {
  const lines = ["请用文字提问 🙂 例如："];
  for (const q of examples.slice(0, 3)) lines.push(`• ${escapeHtml(truncatePlain(q, 100))}`);
  return lines.join("\n");
}

export function renderGroupHint(username: string | undefined): string {
  const at = username ? `@${escapeHtml(username)}` : "@机器人";
  return `请在 /ask 后面写上问题，例如：/ask 昆山 2007 年工会工作重点（也可以 ${at} 问题）`;
}
