/**
 * A passage is the unit the index stores and an answer cites: one paragraph of a bulletin,
 * or one piece of a long paragraph. Metadata is data: every citation field lives here, so a
 * filter or a citation never re-derives it from text.
 */
export interface Passage {
  /** Stable id: `<file key>-<paragraph>-<part>`, safe for deep links and callback data. */
  id: string;
  /** File name inside the seeds folder. */
  source: string;
  /** The year the plan is for (not the year it was written); null when it cannot be inferred. */
  year: number | null;
  /** Full organisation name of the item the passage belongs to, e.g. 昆山市总工会. */
  org: string | null;
  /** Place of that organisation, e.g. 昆山. */
  place: string | null;
  /** The item's title or heading line, where there is one. */
  title: string | null;
  /** Heading of the section inside the item (一、… or 【新年思路】), where there is one. */
  section: string | null;
  /** Person named in the item's byline or attribution. */
  author: string | null;
  /** What the byline or attribution says the author is (吴中区总工会主席; 昆山市总工会), for who-answers. */
  authorRole: string | null;
  /** 1-based number of the paragraph in the file, counting every non-empty line. */
  paragraph: number;
  /** 1-based piece of the paragraph; 1 when the paragraph was not split. */
  part: number;
  /** Number of pieces the paragraph was split into. */
  parts: number;
  /** Character offsets [start, end) of the passage in the normalised file text. */
  start: number;
  end: number;
  /** The passage text, normalised. */
  text: string;
}

/** An article's byline (常熟市总工会  徐建国): a passage of its own, no plan's opening. */
export function isByline(passage: Passage): boolean {
  return passage.author !== null && passage.text.includes(passage.author) && [...passage.text].length <= 40;
}

/** A bulletin's distribution footer opens with its label: 本期印发：市委、市政府…，共印100份. */
export const FOOTER_LABEL = /^(本期印发|本期发送|本期报送|印发|抄送|报送|发送)[：:]/;

/** The distribution footer: a passage of the bulletin itself (no organisation) under its label. */
export function isFooter(passage: Passage): boolean {
  return passage.org === null && FOOTER_LABEL.test(passage.text);
}

/** Whom a footer says the bulletin went to (市委、市政府…), without its label and print run. */
export function recipients(passage: Passage): string | null {
  if (!isFooter(passage)) return null;
  const list = passage.text.replace(FOOTER_LABEL, "").replace(/[，,。]?\s*共印[0-9]+份[。]?$/u, "").trim();
  return list.length > 0 ? list : null;
}
