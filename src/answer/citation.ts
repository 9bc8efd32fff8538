import type { Hit } from "./schema.js";

/**
 * Where a hit comes from — organisation · year · title · 第N段 — the one citation every front
 * end shows. Only parts the corpus has; nothing is invented.
 */
export type CitationFields = Pick<Hit, "org" | "place" | "source" | "year" | "title" | "paragraph">;

export function citationParts(hit: CitationFields): string[] {
  return [
    hit.org ?? hit.place ?? hit.source,
    hit.year === null ? "年份不详" : `${hit.year}年`,
    ...(hit.title ? [hit.title.replace(/\s+/g, " ").trim()] : []),
    `第${hit.paragraph}段`,
  ];
}

export function citation(hit: CitationFields): string {
  return citationParts(hit).join(" · ");
}
