import { CATALOGUE_CITATION, plainCitation, type BulletinTitles, type CitationFields } from "./citation.js";
import { MARK, type Answer } from "./schema.js";

/**
 * Plain text for pasting elsewhere (WeChat, e-mail): the answer or passage, then its citation.
 * Telegram's copy_text button holds 1–256 characters (Bot API 7.11, CopyTextButton), so the
 * body is cut on a sentence end, marked with `…`, and the citation is always kept whole.
 */
export const COPY_TEXT_LIMIT = 256;

const ELLIPSIS = "…";
/** Sentence ends first; a clause break when one sentence alone is too long. */
const SENTENCE_END = /[。！？；!?;]/u;
const CLAUSE_END = /[，、：,:]/u;

/** The longest prefix of `text` within `max` UTF-16 units ending on a boundary, or null. */
function cutAt(text: string, max: number, boundary: RegExp): string | null {
  let best: string | null = null;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
    if (boundary.test(ch)) best = out;
  }
  return best;
}

/**
 * `body` + newline + `cite`, within `limit` UTF-16 units (Telegram counts UTF-16 units; a
 * code point count is never larger, so this is safe either way).
 */
export function fitCopyText(body: string, cite: string, limit = COPY_TEXT_LIMIT): string {
  const text = body.replace(/[ \t]+/g, " ").replace(/\n{2,}/g, "\n").trim();
  const room = limit - cite.length - 1;
  if (text.length <= room) return text ? `${text}\n${cite}` : cite;
  if (room <= ELLIPSIS.length) return cite.slice(0, limit);
  const max = room - ELLIPSIS.length;
  const cut = cutAt(text, max, SENTENCE_END) ?? cutAt(text, max, CLAUSE_END) ?? cutAt(text, max, /[\s\S]/u) ?? "";
  // A cut on a comma or mid-clause drops that mark: `…` stands for what follows.
  return `${cut.replace(/[，、：,:\s]+$/u, "")}${ELLIPSIS}\n${cite}`;
}

const unmark = (excerpt: string) => excerpt.split(MARK).join("");

/**
 * The copy of an answer: the direct answer with its citation, or else the top passage's excerpt
 * with its citation. Null when there is nothing cited to copy (a notice only).
 */
export function answerCopyText(answer: Answer, titles: BulletinTitles): string | null {
  const direct = answer.direct;
  if (direct) {
    const hit = direct.hitId ? answer.hits.find((h) => h.id === direct.hitId) : undefined;
    if (hit) return fitCopyText(direct.text, plainCitation(hit, titles));
    if (direct.kind === "catalogue") return fitCopyText(direct.text, CATALOGUE_CITATION);
  }
  const top = answer.hits[0];
  return top ? fitCopyText(unmark(top.excerpt), plainCitation(top, titles)) : null;
}

/** The copy of a whole passage (the passage view): its text, cut on a sentence, and its citation. */
export function passageCopyText(passage: CitationFields & { text: string }, titles: BulletinTitles): string {
  return fitCopyText(passage.text, plainCitation(passage, titles));
}
