import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { citationParts, NO_TITLES, type BulletinTitles, type CitationFields } from "../answer/citation.js";
import { formatBuildTime } from "../answer/time.js";
import { answerCopyText, passageCopyText } from "../answer/copy-text.js";
import { excerptRuns, MARK, type Answer, type Hit } from "../answer/schema.js";
import type { Passage } from "../corpus/passage.js";
import { MAX_QUESTION_CHARS, type IndexInfo, type SourceSummary } from "../engine.js";
import { encodeCallback } from "./callback-data.js";
import { bold, escapeHtml, italic, link, oneLine, TELEGRAM_TEXT_LIMIT, truncatePlain } from "./html.js";
import * as M from "./messages.js";

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
export const QUESTION_PREFIX = M.QUESTION_PREFIX;

export interface Rendered {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

export function deepLink(username: string, passageId: string): string {
  return `https://t.me/${username}?start=${passageId}`;
}

function questionHeader(question: string): string {
  return `${M.QUESTION_PREFIX.replace(M.QUESTION_LABEL, "")}${bold(M.QUESTION_LABEL)}${escapeHtml(question)}`;
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
export function citationLabel(hit: CitationFields, max = 120, titles: BulletinTitles = NO_TITLES): string {
  const parts = citationParts(hit, titles);
  // The paragraph number is the part that makes a citation checkable: keep it, cut the rest.
  const tail = ` · ${parts.pop()!}`;
  return truncatePlain(parts.join(" · "), Math.max(8, max - tail.length)) + tail;
}

function citationLine(hit: CitationFields & { id: string }, username: string | undefined, max: number, titles: BulletinTitles): string {
  const label = escapeHtml(citationLabel(hit, max, titles));
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
  /** The question came from an edited message: say the answer follows the edit. */
  edited?: boolean;
  /** Human bulletin titles, for citations and the copy text. */
  titles?: BulletinTitles;
}

export function pageCount(answer: Answer): number {
  return Math.max(1, Math.ceil(Math.min(answer.hits.length, ASK_LIMIT) / PAGE_SIZE));
}

export function renderResultsPage(input: ResultsPageInput): Rendered & { page: number; pages: number } {
  const { question, answer, username } = input;
  const titles = input.titles ?? NO_TITLES;
  const hits = answer.hits.slice(0, ASK_LIMIT);
  const pages = pageCount(answer);
  const page = Math.min(Math.max(1, Math.floor(input.page)), pages);
  const first = (page - 1) * PAGE_SIZE;
  const shown = hits.slice(first, first + PAGE_SIZE);

  const html = fit((scale) => {
    const lines = [questionHeader(question)];
    if (input.edited) lines.push(italic(M.EDITED_NOTE));
    if (input.cut) lines.push(italic(M.cutNote(MAX_QUESTION_CHARS)));
    if (page === 1) lines.push(...renderDirect(answer, username, scale, titles));
    if (answer.notice) lines.push(italic(`ℹ️ ${escapeHtml(truncatePlain(oneLine(answer.notice), Math.floor(300 * scale) + 40))}`));
    if (hits.length === 0) {
      if (answer.direct) return lines.join("\n");
      if (!answer.notice) lines.push(M.NOTHING_FOUND);
      lines.push("", M.TRY_AGAIN);
      return lines.join("\n");
    }
    lines.push(M.resultCount(hits.length, page, pages));
    const compared = answer.byYear?.length ?? 0;
    shown.forEach((hit, i) => {
      const year = first + i < compared && hit.year !== null ? bold(M.comparedYear(hit.year)) : "";
      lines.push(
        "",
        `${bold(`${first + i + 1}.`)} ${year}${renderExcerpt(hit.excerpt, Math.floor(700 * scale) + 30)}`,
        citationLine(hit, username, Math.floor(100 * scale) + 30, titles),
      );
    });
    return lines.join("\n");
  });

  if (hits.length === 0) {
    // A catalogue answer has no passages but is still worth copying.
    const copy = answer.direct ? answerCopyText(answer, titles) : null;
    return copy ? { html, page, pages, keyboard: { inline_keyboard: [[copyButton(M.BUTTON.copyAnswer, copy), shareButton(question)]] } } : { html, page, pages };
  }

  const rows: InlineKeyboardButton[][] = [];
  rows.push(
    shown.map((hit, i) => ({
      text: M.BUTTON.expand(first + i + 1),
      callback_data: encodeCallback({ action: "x", page, id: hit.id }),
    })),
  );
  const nav: InlineKeyboardButton[] = [];
  if (page > 1) nav.push({ text: M.BUTTON.previousPage, callback_data: encodeCallback({ action: "p", page: page - 1 }) });
  if (page < pages) nav.push({ text: M.BUTTON.nextPage, callback_data: encodeCallback({ action: "p", page: page + 1 }) });
  if (nav.length > 0) rows.push(nav);
  const copy = answerCopyText(answer, titles);
  rows.push(copy ? [copyButton(M.BUTTON.copyAnswer, copy), shareButton(question)] : [shareButton(question)]);
  return { html, page, pages, keyboard: { inline_keyboard: rows } };
}

function shareButton(question: string): InlineKeyboardButton {
  // switch_inline_query opens the chat picker with "@bot <question>" typed in: the inline
  // handler then offers this very answer, so sharing needs no state either.
  return { text: M.BUTTON.share, switch_inline_query: question };
}

/**
 * A copy_text button (Bot API 7.11+): one tap puts the cited plain text on the clipboard, ready
 * for WeChat or e-mail. Its text is 1–256 characters: src/answer/copy-text.ts fits it.
 */
function copyButton(label: string, text: string): InlineKeyboardButton {
  return { text: label, copy_text: { text } };
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
  titles?: BulletinTitles;
}

/** organisation · year · 《bulletin》: the citation without the paragraph. */
function passageTitle(p: Passage, titles: BulletinTitles): string {
  // The title and section have a line of their own below.
  return citationParts({ ...p, section: null }, titles).slice(0, -1).join(" · ");
}

/** The whole passage with its organisation, year and neighbouring paragraphs. */
export function renderPassageView(input: PassageViewInput): Rendered {
  const { context, username, question } = input;
  const titles = input.titles ?? NO_TITLES;
  const p = context.passage;
  const html = fit((scale) => {
    const lines: string[] = [];
    if (question) lines.push(questionHeader(question));
    lines.push(`📄 ${bold(escapeHtml(truncatePlain(passageTitle(p, titles), 160)))}`);
    const sub = [p.title, p.section].filter((s): s is string => !!s).map((s) => truncatePlain(oneLine(s), 80));
    if (sub.length > 0) lines.push(italic(escapeHtml(sub.join(" · "))));
    // The detail line is the one place the file name shows: an operator can find the file.
    const where = `${M.paragraphLabel(p.paragraph)}${p.parts > 1 ? M.partOf(p.part, p.parts) : ""}`;
    const byline = [where, ...(p.author ? [truncatePlain(oneLine(p.author), 40)] : []), M.fromFile(truncatePlain(p.source, 80))];
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
    if (username) lines.push("", `🔗 ${link(deepLink(username, p.id), M.PASSAGE_LINK)}`);
    return lines.join("\n");
  });

  const rows: InlineKeyboardButton[][] = [];
  const nav: InlineKeyboardButton[] = [];
  const prev = context.before.at(-1);
  const next = context.after[0];
  if (prev) nav.push({ text: M.BUTTON.previousPassage, callback_data: encodeCallback({ action: "x", page: input.page, id: prev.id }) });
  if (next) nav.push({ text: M.BUTTON.nextPassage, callback_data: encodeCallback({ action: "x", page: input.page, id: next.id }) });
  if (nav.length > 0) rows.push(nav);
  const copy = copyButton(M.BUTTON.copyPassage, passageCopyText(p, titles));
  if (question && input.page > 0) {
    rows.push([{ text: M.BUTTON.back, callback_data: encodeCallback({ action: "p", page: input.page }) }, copy]);
    rows.push([shareButton(question)]);
  } else rows.push([copy]);
  return { html, keyboard: { inline_keyboard: rows } };
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
export function renderDirect(answer: Answer, username: string | undefined, scale = 1, titles: BulletinTitles = NO_TITLES): string[] {
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
    lines.push(`💡 ${bold(M.listHeading(items.length))}`);
    lines.push(fold ? `<blockquote expandable>${body}</blockquote>` : `<blockquote>${body}</blockquote>`);
  }
  const hit = direct.hitId ? answer.hits.find((h) => h.id === direct.hitId) : undefined;
  if (hit) {
    const label = escapeHtml(compactCitation(hit, titles));
    lines.push(`📎 ${username ? link(deepLink(username, hit.id), label) : label}`);
  } else if (direct.kind === "catalogue") {
    lines.push(italic(M.CATALOGUE_SOURCE));
  }
  return lines;
}

/** organisation · year · 第N段: the citation without the bulletin, for the line under an answer. */
export function compactCitation(hit: CitationFields, titles: BulletinTitles = NO_TITLES): string {
  const parts = citationParts(hit, titles);
  return [parts[0]!, parts[1]!, parts[parts.length - 1]!].join(" · ");
}

function fixLeadingSurrogate(text: string): string {
  return text.replace(/^…[\uDC00-\uDFFF]/, "…");
}

/** The message an inline result posts: one cited hit, readable without the bot. */
export function renderSharedHit(question: string, hit: Hit, username: string | undefined, titles: BulletinTitles = NO_TITLES): string {
  return fit((scale) =>
    [
      questionHeader(question),
      "",
      renderExcerpt(hit.excerpt, Math.floor(1500 * scale) + 30),
      citationLine(hit, username, Math.floor(120 * scale) + 30, titles),
      ...(username ? ["", italic(M.sharedFooter(escapeHtml(username)))] : []),
    ].join("\n"),
  );
}

/** The message an inline result posts for the direct answer: the question, the answer, its citation. */
export function renderSharedAnswer(question: string, answer: Answer, username: string | undefined, titles: BulletinTitles = NO_TITLES): string {
  return fit((scale) =>
    [
      questionHeader(question),
      "",
      ...renderDirect(answer, username, scale, titles),
      ...(username ? ["", italic(M.sharedFooter(escapeHtml(username)))] : []),
    ].join("\n"),
  );
}

/** Inline result title: organisation · year · 《bulletin》, the citation without the paragraph. */
export function inlineResultTitle(hit: Hit, titles: BulletinTitles = NO_TITLES): string {
  return truncatePlain(citationParts(hit, titles).slice(0, -1).join(" · "), 100);
}

export function renderWelcome(examples: string[]): Rendered {
  const shown = examples.slice(0, 3);
  const html = [
    bold(M.WELCOME_TITLE),
    M.WELCOME_BODY,
    "",
    M.WELCOME_TRY,
    ...shown.map((q) => `• ${escapeHtml(truncatePlain(q, 100))}`),
    "",
    M.WELCOME_MORE,
  ].join("\n");
  const keyboard: InlineKeyboardMarkup = {
    inline_keyboard: shown.map((q, index) => [
      { text: M.BUTTON.example(truncatePlain(oneLine(q), 40)), callback_data: encodeCallback({ action: "e", index }) },
    ]),
  };
  return shown.length > 0 ? { html, keyboard } : { html };
}

const atBot = (username: string | undefined) => (username ? `@${escapeHtml(username)}` : M.AT_BOT_FALLBACK);

export function renderHelp(username: string | undefined): string {
  return M.helpHtml(atBot(username), bold);
}

/** Newest first; bulletins without a year last; the file name breaks ties so the order is stable. */
export function sortSources(sources: readonly SourceSummary[]): SourceSummary[] {
  return [...sources].sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

export function renderSources(sources: SourceSummary[], info: IndexInfo): string {
  const head = [bold(M.SOURCES_TITLE), M.sourcesCount(sources.length, info.passages), ""].join("\n");
  // A large corpus cannot be listed in one message: list what fits, then say how many are left.
  const reserve = 60;
  let html = head;
  let listed = 0;
  for (const s of sortSources(sources)) {
    const orgs = s.orgs.length > 0 ? truncatePlain(s.orgs.join("、"), 200) : M.NO_ORGS;
    // The human title; a bulletin without one (no catalogue entry, no document title) by its file name.
    const name = s.title ? `《${truncatePlain(oneLine(s.title), 80)}》` : truncatePlain(oneLine(s.source), 80);
    const entry = [
      `• ${bold(s.year === null ? M.UNKNOWN_YEAR : M.yearLabel(s.year))} · ${escapeHtml(name)}${M.passagesCount(s.passages)}`,
      `  ${escapeHtml(orgs)}`,
    ].join("\n");
    if (html.length + 1 + entry.length > TELEGRAM_TEXT_LIMIT - reserve) break;
    html += `\n${entry}`;
    listed++;
  }
  if (listed < sources.length) html += `\n\n${M.moreSources(sources.length - listed)}`;
  return html;
}

export function renderAbout(info: IndexInfo, version: string): string {
  return [bold(M.ABOUT_TITLE), ...M.aboutLines(escapeHtml(version), escapeHtml(M.beijingTime(formatBuildTime(info.builtAt))), info.files, info.passages, info.schemaVersion)].join("\n");
}


function exampleList(lead: string, examples: string[]): string {
  return [lead, ...examples.slice(0, 3).map((q) => `• ${escapeHtml(truncatePlain(q, 100))}`)].join("\n");
}

export function renderHint(examples: string[]): string {
  return exampleList(M.TYPE_PLEASE, examples);
}

/** Voice, audio and video notes: no speech recognition, so ask for the question typed. */
export function renderVoiceHint(examples: string[]): string {
  return exampleList(M.VOICE_PLEASE, examples);
}

/** The message a bare /ask gets: a prompt the ForceReply keyboard answers. */
export function renderAskPrompt(firstName: string | undefined): string {
  return M.askPromptHtml(firstName ? escapeHtml(truncatePlain(oneLine(firstName), 40)) : null);
}

/** The one message sent when the bot is added to a group. */
export function renderGroupWelcome(username: string | undefined): string {
  return M.groupWelcomeHtml(atBot(username));
}
