import * as z from "zod";
import type { DocumentMeta } from "./formats/types.js";

/**
 * An optional `catalogue.json` in the seeds folder sets what the text cannot say reliably:
 * the year a bulletin's plan is for, its human title (shown in citations and /sources instead
 * of the file name), and an issue or date label where one is known.
 *
 *   { "000_d8c112c12d809796.txt": { "year": 2007, "title": "2007年基层工会工作计划摘编", "issue": "第1期" } }
 */
export const CATALOGUE_FILE = "catalogue.json";

export const CatalogueEntry = z
  .object({
    year: z.number().int().min(1949).max(2100).optional(),
    title: z.string().trim().min(1).max(200).optional(),
    /** Issue number or date of the bulletin (第3期, 2007年1月), shown after the title. */
    issue: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const Catalogue = z.record(
  z.string().regex(/\.(txt|docx|doc|pdf|html|htm|md)$/i, "键必须是简报文件名（.txt .docx .doc .pdf .html .htm .md）"),
  CatalogueEntry,
);
export type Catalogue = z.infer<typeof Catalogue>;

export class CatalogueError extends Error {
  override name = "CatalogueError";
}

/** Parses catalogue JSON text; a malformed one is an error naming the file and the field. */
export function parseCatalogue(text: string, file = CATALOGUE_FILE): Catalogue {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(`${file}: 不是合法的 JSON（${(error as Error).message}）`);
  }
  const result = Catalogue.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join(".") || "(根)";
    throw new CatalogueError(`${file}: 字段 ${field} 无效：${issue.message}`);
  }
  return result.data;
}

/**
 * The year and title a bulletin is cited with. The catalogue wins; then what the text says (the
 * plan's year, see years.ts); then the document's own metadata. A document's date is when it was
 * written, often late in the year before the plan's, so it only fills a year the text never names.
 */
export function bulletinFacts(
  entry: CatalogueEntry | undefined,
  textYear: number | null,
  meta: DocumentMeta = {},
): { year: number | null; title: string | null } {
  const metaYear = meta.date ? Number(meta.date.slice(0, 4)) : null;
  return { year: entry?.year ?? textYear ?? metaYear, title: withIssue(entry?.title ?? meta.title ?? null, entry?.issue) };
}

/**
 * The issue label travels inside the title (`2007年基层工会工作计划摘编（第1期）`): every place
 * that shows a bulletin's title then shows its issue too, with no second field to keep in step.
 */
function withIssue(title: string | null, issue: string | undefined): string | null {
  if (!issue) return title;
  if (!title) return issue;
  return title.includes(issue) ? title : `${title}（${issue}）`;
}
