import { citation, NO_TITLES, type BulletinTitles } from "./citation.js";
import { excerptRuns, type Answer, type Hit } from "./schema.js";
import * as T from "./terminal-messages.js";

/**
 * Renders an Answer for a person at a terminal: each hit's excerpt, then where it comes from.
 * Matched terms are bold on a TTY and wrapped in 【】 elsewhere (logs, pipes).
 */

export interface TerminalStyle {
  /** Matched terms. */
  bold: (text: string) => string;
  dim: (text: string) => string;
  /** The direct answer (the 💡 already marks it where bold is not available). */
  strong: (text: string) => string;
}

export const ANSI: TerminalStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  strong: (t) => `\x1b[1m${t}\x1b[22m`,
};

export const PLAIN: TerminalStyle = {
  bold: (t) => `【${t}】`,
  dim: (t) => t,
  strong: (t) => t,
};

export interface TerminalOptions {
  /**
   * Human bulletin titles: citations then name the bulletin (《…》) and the detail line shows
   * the item's title and author instead of the file name. Without them the citation carries
   * the item's title and the detail line the file name.
   */
  titles?: BulletinTitles;
  /** Show hits [from, to) only (the chat's pages); numbering stays the answer's. */
  from?: number;
  to?: number;
}

export function renderTerminal(answer: Answer, style: TerminalStyle = PLAIN, options: TerminalOptions = {}): string {
  const lines: string[] = [];
  const filters = [...answer.filters.places, ...answer.filters.years.map((y) => T.yearLabel(y))];
  lines.push(`${T.QUESTION}${answer.query}${filters.length > 0 ? style.dim(T.filtersNote(filters)) : ""}`);
  lines.push(...directLines(answer, style, options.titles));
  if (answer.notice) lines.push(`${T.NOTICE}${answer.notice}`);
  lines.push(...renderHits(answer, style, options));
  return lines.join("\n");
}

/** Hits [from, to) of an answer, numbered as in the whole answer. */
export function renderHits(answer: Answer, style: TerminalStyle = PLAIN, options: TerminalOptions = {}): string[] {
  const lines: string[] = [];
  const compared = answer.byYear?.length ?? 0;
  const from = options.from ?? 0;
  answer.hits.slice(from, options.to ?? answer.hits.length).forEach((hit, k) => {
    const i = from + k;
    lines.push("");
    const excerpt = excerptRuns(hit.excerpt).map((run) => (run.marked ? style.bold(run.text) : run.text)).join("");
    const year = i < compared && hit.year !== null ? style.strong(T.comparedYear(hit.year)) : "";
    lines.push(`${i + 1}. ${year}${excerpt}`);
    lines.push(style.dim(`   —— ${citation(hit, options.titles)}`));
    const detail = detailLine(hit, options.titles);
    if (detail) lines.push(style.dim(`      ${detail}`));
  });
  return lines;
}

function detailLine(hit: Hit, titles: BulletinTitles | undefined): string {
  const author = hit.author ? [T.authorLabel(hit.author)] : [];
  if (!titles) return [hit.source, ...author].join(" · ");
  // The citation names the bulletin; the item's own title still helps to find the place.
  const item = hit.title && titles.has(hit.source) ? [hit.title.replace(/\s+/g, " ").trim()] : [];
  return [...item, ...author].join(" · ");
}

/** The direct answer, first: `💡 answer` (a list one item a line) and where it comes from. */
export function directLines(answer: Answer, style: TerminalStyle = PLAIN, titles: BulletinTitles = NO_TITLES): string[] {
  const direct = answer.direct;
  if (!direct) return [];
  const [first, ...rest] = direct.text.split("\n");
  const lines = [`💡 ${style.strong(first!)}`, ...rest.map((item) => `   ${style.strong(item)}`)];
  const hit = direct.hitId ? answer.hits.find((h) => h.id === direct.hitId) : undefined;
  if (hit) lines.push(style.dim(`   —— ${citation(hit, titles)}`));
  else if (direct.kind === "catalogue") lines.push(style.dim(`   —— ${T.CATALOGUE_SOURCE}`));
  return lines;
}
