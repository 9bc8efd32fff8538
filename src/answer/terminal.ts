import { citation } from "./citation.js";
import { excerptRuns, type Answer } from "./schema.js";

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

export function renderTerminal(answer: Answer, style: TerminalStyle = PLAIN): string {
  const lines: string[] = [];
  const filters = [...answer.filters.places, ...answer.filters.years.map((y) => `${y}年`)];
  lines.push(`问：${answer.query}${filters.length > 0 ? style.dim(`  （筛选：${filters.join("、")}）`) : ""}`);
  lines.push(...directLines(answer, style));
  if (answer.notice) lines.push(`提示：${answer.notice}`);
  const compared = answer.byYear?.length ?? 0;
  answer.hits.forEach((hit, i) => {
    lines.push("");
    const excerpt = excerptRuns(hit.excerpt).map((run) => (run.marked ? style.bold(run.text) : run.text)).join("");
    const year = i < compared && hit.year !== null ? style.strong(`〔${hit.year}年〕`) : "";
    lines.push(`${i + 1}. ${year}${excerpt}`);
    lines.push(style.dim(`   —— ${citation(hit)}`));
    lines.push(style.dim(`      ${hit.source}${hit.author ? ` · 作者：${hit.author}` : ""}`));
  });
  return lines.join("\n");
}

/** The direct answer, first: `💡 answer` (a list one item a line) and where it comes from. */
export function directLines(answer: Answer, style: TerminalStyle = PLAIN): string[] {
  const direct = answer.direct;
  if (!direct) return [];
  const [first, ...rest] = direct.text.split("\n");
  const lines = [`💡 ${style.strong(first!)}`, ...rest.map((item) => `   ${style.strong(item)}`)];
  const hit = direct.hitId ? answer.hits.find((h) => h.id === direct.hitId) : undefined;
  if (hit) lines.push(style.dim(`   —— ${citation(hit)}`));
  else if (direct.kind === "catalogue") lines.push(style.dim("   —— 据简报目录"));
  return lines;
}
