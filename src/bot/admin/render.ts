import { beijingMinute } from "../../answer/time.js";
import { printableName } from "../../corpus/read.js";
import type { SourceSummary } from "../../engine.js";
import type { ReloadOutcome } from "../../ops/live-engine.js";
import { ADMIN_MESSAGES as M } from "../messages.js";
import { escapeHtml, TELEGRAM_TEXT_LIMIT, truncatePlain } from "../html.js";

/**
 * The administrators' replies as Telegram HTML: pure functions of what happened. Every value
 * from a file or the index is escaped here and cut to a length that keeps the whole message
 * inside Telegram's 4,096 characters.
 */

/** A file name as shown: printable (control characters as \u{…}), escaped, at most 80 characters. */
export function shownName(name: string): string {
  return escapeHtml(truncatePlain(printableName(name), 80));
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? M.megabytes((bytes / 1024 / 1024).toFixed(1)) : M.kilobytes(Math.max(1, Math.round(bytes / 1024)).toString());
}

/** `北京时间 2026-11-22 14:05`: the bulletins' readers are in China. */
export function formatTime(date: Date): string {
  return M.beijingTime(beijingMinute(date));
}

export type UploadKind = "added" | "replaced";

export interface UploadReport {
  name: string;
  kind: UploadKind;
  /** The name the file arrived with, when it had to be changed. */
  renamedFrom?: string | undefined;
  reload: ReloadOutcome;
  /** The file's entry in the new index's sources, if it has one. */
  source: SourceSummary | undefined;
  /** Why the new index skipped the file, if it did. */
  skipped: string | undefined;
}

const MAX_ORGS_CHARS = 600;
const MAX_FIELD_CHARS = 300;

/** What the new index found in the file: title, year, organisations, passages, and warnings. */
export function renderUploadReport(report: UploadReport): string {
  const name = shownName(report.name);
  const lines: string[] = [];
  if (report.reload.kind === "unchanged" && report.kind === "replaced") lines.push(M.unchanged(name));
  else lines.push(report.kind === "replaced" ? M.replaced(name) : M.added(name));
  if (report.renamedFrom !== undefined) lines.push(M.renamed(shownName(report.renamedFrom), name));

  const warnings: string[] = [];
  const source = report.source;
  if (source) {
    if (source.title) lines.push(M.title(escapeHtml(truncatePlain(source.title, MAX_FIELD_CHARS))));
    else warnings.push(M.noTitle);
    if (source.year !== null) lines.push(M.year(source.year));
    else warnings.push(M.noYear);
    if (source.orgs.length > 0) lines.push(M.orgs(escapeHtml(truncatePlain(source.orgs.join(M.listSeparator), MAX_ORGS_CHARS))));
    else warnings.push(M.noOrgs);
    lines.push(M.passages(source.passages));
  }
  if (report.reload.kind === "failed") warnings.push(M.reloadFailed(escapeHtml(truncatePlain(report.reload.error, MAX_FIELD_CHARS))));
  else if (report.skipped !== undefined) warnings.push(M.skippedInIndex(escapeHtml(truncatePlain(report.skipped, MAX_FIELD_CHARS))));
  else if (!source) warnings.push(M.notInIndex);

  if (warnings.length > 0) lines.push("", M.warningsHeader, ...warnings.map((w) => `• ${w}`));
  lines.push("", M.indexTotals(report.reload.info.files, report.reload.info.passages));
  return fit(lines.join("\n"));
}

export function renderRemoved(name: string, reload: ReloadOutcome): string {
  const lines = [M.removed(shownName(name))];
  if (reload.kind === "failed") lines.push(`⚠️ ${M.removedReloadFailed(escapeHtml(truncatePlain(reload.error, MAX_FIELD_CHARS)))}`);
  lines.push(M.indexTotals(reload.info.files, reload.info.passages));
  return fit(lines.join("\n"));
}

/** The bounded fields above keep a report far below the limit; this is the belt to those braces. */
function fit(html: string): string {
  if (html.length <= TELEGRAM_TEXT_LIMIT) return html;
  // Cut at a line end so no tag or entity is split (tags never span lines here).
  const cut = html.slice(0, TELEGRAM_TEXT_LIMIT - 1);
  return `${cut.slice(0, cut.lastIndexOf("\n"))}\n…`;
}
