/**
 * Small, safe building blocks for Telegram's HTML parse mode. Everything from the corpus or
 * the user goes through `escapeHtml`; cutting happens on plain text *before* escaping, so a
 * cut can never land inside an entity (`&amp;`) or a tag.
 */

/** Telegram's limit for a message text (and for an inline result's message text). */
export const TELEGRAM_TEXT_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const ELLIPSIS = "…";

/**
 * Cuts plain text to at most `max` UTF-16 units (Telegram counts those), never splitting a
 * surrogate pair, adding an ellipsis when something was dropped.
 */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Collapses whitespace (newlines included) so a value fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function bold(html: string): string {
  return `<b>${html}</b>`;
}

export function italic(html: string): string {
  return `<i>${html}</i>`;
}

export function link(href: string, html: string): string {
  return `<a href="${escapeHtml(href)}">${html}</a>`;
}

/** Length Telegram will count once entities are parsed: tags removed, entities decoded. */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|amp|quot);/g, "x").length;
}
