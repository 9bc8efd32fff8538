import * as z from "zod";

/**
 * The one contract between the engine and every front end (terminal, JSON, Telegram).
 * A front end renders an Answer and never reaches into the index.
 */
export const Hit = z.object({
  /** Passage id; opens the whole passage (deep link, expand button). */
  id: z.string().min(1),
  /** File name of the bulletin. */
  source: z.string().min(1),
  org: z.string().nullable(),
  place: z.string().nullable(),
  year: z.number().int().nullable(),
  title: z.string().nullable(),
  /** The numbered section heading the passage sits under inside its item (（四）、开展四项活动). */
  section: z.string().nullable(),
  author: z.string().nullable(),
  /** 1-based paragraph number in the file. */
  paragraph: z.number().int().positive(),
  /** The whole passage. */
  text: z.string(),
  /** One to three sentences around the matched terms; matched terms wrapped in `**`, cuts marked with `…`. */
  excerpt: z.string(),
  score: z.number().nonnegative(),
});
export type Hit = z.infer<typeof Hit>;

/**
 * The answer itself, stated before the passages that support it: a span of a cited passage
 * (`hitId`), or for questions about the collection a fact from the index's own metadata
 * (`hitId` null). Plain text, no markup; a list has one item per line.
 */
export const Direct = z.object({
  kind: z.enum(["figure", "list", "who", "when", "what", "catalogue"]),
  text: z.string().min(1),
  hitId: z.string().min(1).nullable(),
});
export type Direct = z.infer<typeof Direct>;

export const Answer = z.object({
  query: z.string(),
  filters: z.object({
    places: z.array(z.string()),
    years: z.array(z.number().int()),
  }),
  /** Something the user should know: a year or place the corpus lacks, a cut question, no hits. */
  notice: z.string().nullable(),
  /** The direct answer, or null when no span is confidently the answer. */
  direct: Direct.nullable(),
  /** Set when the question compares years: the hits lead with the best passage of each year, in year order. */
  byYear: z.array(z.number().int()).optional(),
  hits: z.array(Hit),
});
export type Answer = z.infer<typeof Answer>;

/** The marker around matched terms in `Hit.excerpt`. Corpus text never contains it (see normalise). */
export const MARK = "**";

/** Splits an excerpt into plain and marked runs, for renderers. */
export function excerptRuns(excerpt: string): { text: string; marked: boolean }[] {
  return excerpt
    .split(MARK)
    .map((text, i) => ({ text, marked: i % 2 === 1 }))
    .filter((run) => run.text.length > 0);
}
