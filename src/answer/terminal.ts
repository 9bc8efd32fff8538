import { citation } from "./citation.js";
import { excerptRuns, type Answer } from "./schema.js";

/**
 * Renders an Answer for a person at a terminal: each hit's excerpt, then where it comes from.
 * Matched terms are bold on a TTY and wrapped in 【】 elsewhere (logs, pipes).
 */

export interface TerminalStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
}

export const ANSI: TerminalStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

export const PLAIN: TerminalStyle = {
  bold: (t) => `【${t}】`,
  dim: (t) => t,
};

export function renderTerminal(answer: Answer, style: TerminalStyle = PLAIN): string {
  const lines: string[] = [];
  const filters = [...answer.filters.places, ...answer.filters.years.map((y) => `${y}年`)];
  lines.push(`问：${answer.query}${filters.length > 0 ? style.dim(`  （筛选：${filters.join("、")}）`) : ""}`);
  if (answer.notice) lines.push(`提示：${answer.notice}`);
  answer.hits.forEach((hit, i) => {
    lines.push("");
    const excerpt = excerptRuns(hit.excerpt).map((run) => (run.marked ? style.bold(run.text) : run.text)).join("");
    lines.push(`${i + 1}. ${excerpt}`);
    lines.push(style.dim(`   —— ${citation(hit)}`));
    lines.push(style.dim(`      ${hit.source}${hit.author ? ` · 作者：${hit.author}` : ""}`));
  });
  return lines.join("\n");
}
