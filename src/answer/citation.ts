import type { Hit } from "./schema.js";

/**
 * Where a hit comes from — organisation · year · 《bulletin》 · 第N段 — the one citation every
 * front end shows. Only parts the corpus has; nothing is invented. The bulletin is named by its
 * human title (seeds/catalogue.json, or the document's own title); a file name such as
 * `000_d8c112c12d809796.txt` means nothing to a reader, so it is never the citation's name for
 * a bulletin while a title is known (the passage view still shows it on its detail line).
 */
export type CitationFields = Pick<Hit, "org" | "place" | "source" | "year" | "title" | "section" | "paragraph">;

/** Human bulletin titles by file name; front ends build it once from `engine.sources()`. */
export type BulletinTitles = ReadonlyMap<string, string>;

export const NO_TITLES: BulletinTitles = new Map();

export function bulletinTitles(sources: readonly { source: string; title: string | null }[]): BulletinTitles {
  const titles = new Map<string, string>();
  for (const s of sources) if (s.title) titles.set(s.source, s.title.replace(/\s+/g, " ").trim());
  return titles;
}

const yearPart = (year: number | null) => (year === null ? "年份不详" : `${year}年`);

export function citationParts(hit: CitationFields, titles: BulletinTitles = NO_TITLES): string[] {
  const bulletin = titles.get(hit.source);
  const who = hit.org ?? hit.place;
  const itemTitle = hit.title ? hit.title.replace(/\s+/g, " ").trim() : null;
  return [
    who ?? (bulletin ? `《${bulletin}》` : hit.source),
    yearPart(hit.year),
    // The bulletin identifies the document 第N段 counts in; without one the item's title helps.
    ...(bulletin && who ? [`《${bulletin}》`] : !bulletin && itemTitle ? [itemTitle] : []),
    // The section says what the passage is part of: 1、开展“工人先锋号”活动 is one of （四）、开展四项活动.
    ...(hit.section ? [clip(hit.section.replace(/\s+/g, " ").trim(), SECTION_MAX)] : []),
    `第${hit.paragraph}段`,
  ];
}

export function citation(hit: CitationFields, titles: BulletinTitles = NO_TITLES): string {
  return citationParts(hit, titles).join(" · ");
}

/**
 * The citation as it reads pasted into WeChat or an e-mail: `——常熟市总工会《2007年基层工会工作
 * 计划摘编》2007年，第7段`. Plain text, one line.
 */
export function plainCitation(hit: CitationFields, titles: BulletinTitles = NO_TITLES): string {
  // Bounded, so the citation always fits whole beside some text in a 256-character copy button.
  const bulletin = clip(titles.get(hit.source), PLAIN_TITLE_MAX);
  const who = clip(hit.org ?? hit.place ?? "", PLAIN_WHO_MAX);
  return `——${who}${bulletin ? `《${bulletin}》` : who ? " " : ""}${yearPart(hit.year)}，第${hit.paragraph}段`;
}

const PLAIN_TITLE_MAX = 60;
const SECTION_MAX = 20;
const PLAIN_WHO_MAX = 30;

function clip(text: string, max: number): string;
function clip(text: string | undefined, max: number): string | undefined;
function clip(text: string | undefined, max: number): string | undefined {
  if (text === undefined || text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The citation of an answer taken from the index's own metadata (a question about the collection). */
export const CATALOGUE_CITATION = "——据简报目录";
