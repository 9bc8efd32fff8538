import { FOOTER_LABEL, type Passage } from "./passage.js";
import { brandHalves, orgAtStart, orgFromAttribution, isOrgName, placeOfOrg, orgAliases } from "./orgs.js";
import { splitParagraph } from "./split.js";

/**
 * Reads the structure of one bulletin. The seeds follow three conventions, often mixed:
 *  - items opened by a line naming the organisation (张家港市总工会确定新目标：… or a short title
 *    line 常熟市总四大工程明确全年目标) and closed by an attribution in parentheses, on its own
 *    line or after a run of spaces at the end of the last paragraph: （张家港市总工会办公室）,
 *    (昆山市总工会 顾粮);
 *  - column headings such as 【新年思路】;
 *  - articles: one or two title lines, then a byline 常熟市总工会  徐建国 / 吴中区总工会主席 杨伟根,
 *    with numbered section headings inside;
 *  - an editor's note (编者按：…) and a distribution footer (本期印发：…, 共印100份): each a passage
 *    of its own with no organisation, so who got the bulletin and how many were printed is
 *    answered and cited from the bulletin itself.
 * The organisation, place, title and author of a passage come from its item, even when the
 * paragraph itself never names them.
 *
 * Formats that carry structure (a Word heading style or bold centred line, an HTML heading, a
 * PDF line in a larger font) pass it as heading hints by paragraph. A hinted line the text
 * conventions would read as body becomes a title line; a hint one level below the title that
 * opened the current item is a section heading inside it. The text conventions stay in charge
 * of what they recognise (columns, bylines, attributions, numbered headings, footers).
 */

export interface ParsedBulletin {
  source: string;
  year: number | null;
  passages: Passage[];
  /** Organisations of the bulletin's items, in order, with every name they were written under. */
  orgs: { name: string; place: string | null; aliases: string[] }[];
  authors: string[];
}

type LineKind = "footer" | "attribution" | "column" | "editor" | "byline" | "heading" | "title" | "body";

interface Line {
  kind: LineKind;
  /** Trimmed text (for body lines: without a trailing attribution). */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  paragraph: number;
  /** Attribution found at the end of a body line, or the content of an attribution line. */
  attribution?: Attribution;
  byline?: { org: string; author: string | null; role: string };
  /** Heading level the format gave a title line. */
  level?: number;
}

interface Attribution {
  org: string | null;
  person: string | null;
}

const COLUMN = /^【([^【】]{1,20})】$/;
const EDITOR = /^编者按[：:]/;
const ATTRIBUTION_LINE = /^[（(]\s*([^（）()]{2,40}?)\s*[)）]$/;
const TRAILING_ATTRIBUTION = /^(.*?[。！？!?”」）)])\s*[（(]\s*([^（）()]{2,40}?)\s*[)）]$/;
const BYLINE = /^([\u4e00-\u9fff]{2,20}?(?:总工会|工会))\s*(主席|副主席|常务副主席|党组书记|书记|秘书长|部长|办公室主任)?\s+([\u4e00-\u9fff]{2,4})$/;
const NUMBERED_HEADING = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]、?|[一二三四五六七八九十]{1,3}、)/;
const END_PUNCT = /[。！？!?]$/;

/** Parses the inside of parentheses: 张家港市总工会办公室 or 昆山市总工会 顾粮. */
function readAttribution(inner: string): Attribution | null {
  const parts = inner.trim().split(/\s+/);
  const org = orgFromAttribution(parts[0]!);
  if (!org) return null;
  const person = parts.length === 2 && /^[\u4e00-\u9fff]{2,4}$/.test(parts[1]!) ? parts[1]! : null;
  if (parts.length > 2) return null;
  return { org, person };
}

/** A title line: short, one sentence at most. */
function isTitleLike(text: string): boolean {
  const inner = text.replace(END_PUNCT, "");
  return [...text].length <= 45 && !/[。！？；;：:]/.test(inner);
}

function classify(raw: string, offset: number, paragraph: number): Line {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const at = offset + lead;
  const line = (kind: LineKind, extra: Partial<Line> = {}): Line => ({ kind, text, offset: at, paragraph, ...extra });

  if (FOOTER_LABEL.test(text)) return line("footer");
  if (EDITOR.test(text)) return line("editor");
  const column = COLUMN.exec(text);
  if (column) return line("column", { text: column[1]! });
  const whole = ATTRIBUTION_LINE.exec(text);
  if (whole) {
    const attribution = readAttribution(whole[1]!);
    if (attribution) return line("attribution", { attribution });
  }
  const byline = BYLINE.exec(text);
  if (byline && isOrgName(byline[1]!) && /\s/.test(text)) {
    return line("byline", { byline: { org: byline[1]!, author: byline[3]!, role: `${byline[1]!}${byline[2] ?? ""}` } });
  }
  const trailing = TRAILING_ATTRIBUTION.exec(text);
  if (trailing) {
    const attribution = readAttribution(trailing[2]!);
    if (attribution) return line("body", { text: trailing[1]!.trimEnd(), attribution });
  }
  if (NUMBERED_HEADING.test(text) && [...text].length <= 50 && !/[。！？；;]/.test(text.replace(END_PUNCT, ""))) {
    return line("heading");
  }
  return line("body");
}

/** Longest line a heading hint is believed for: a styled paragraph longer than this is body text set large. */
const MAX_HINTED_CHARS = 60;

/** A line the format marks as a heading is a title (or, when numbered, a section heading). */
function applyHint(line: Line, level: number | undefined): void {
  if (level === undefined || line.kind !== "body" || line.attribution || [...line.text].length > MAX_HINTED_CHARS) return;
  if (NUMBERED_HEADING.test(line.text)) {
    line.kind = "heading";
    return;
  }
  line.kind = "title";
  line.level = level;
}

/** Title lines of an article sit right above its byline: one or two short lines. */
function markArticleTitles(lines: Line[]): void {
  lines.forEach((line, i) => {
    if (line.kind !== "byline") return;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const candidate = lines[j]!;
      if (candidate.kind !== "body" || candidate.attribution || [...candidate.text].length > 40 || /[。；;：:，,]$/.test(candidate.text)) break;
      candidate.kind = "title";
    }
  });
}

interface Item {
  org: string | null;
  aliases: Set<string>;
  title: string | null;
  author: string | null;
  authorRole: string | null;
  section: string | null;
  closed: boolean;
  /** Heading level of the hinted title line that opened the item. */
  titleLevel?: number;
  lines: { line: Line; section: string | null }[];
}

function newItem(org: string | null = null, title: string | null = null): Item {
  return { org, aliases: new Set(org ? [org] : []), title, author: null, authorRole: null, section: null, closed: false, lines: [] };
}

/** The first clause of an opening paragraph serves as its item's title. */
function leadClause(text: string): string {
  const clause = text.split(/[：:。！？；;，,]/)[0]!.trim();
  return [...clause].length <= 40 ? clause : `${[...clause].slice(0, 30).join("")}…`;
}

function applyAttribution(item: Item, attribution: Attribution): void {
  if (attribution.org) {
    item.aliases.add(attribution.org);
    // The longer of heading and signature is the fuller name (宝钢苏冶重工公司工会 over 宝钢苏冶公司工会).
    if (!item.org || [...attribution.org].length > [...item.org].length) item.org = attribution.org;
  }
  if (attribution.person && !item.author) {
    item.author = attribution.person;
    item.authorRole = attribution.org ?? item.org;
  }
  item.closed = true;
}

function collectItems(lines: Line[]): Item[] {
  const items: Item[] = [];
  let current: Item | null = null;
  const start = (item: Item): Item => {
    items.push(item);
    current = item;
    return item;
  };
  const fresh = (item: Item | null): item is Item => item !== null && !item.closed && item.lines.length === 0;

  lines.forEach((line, i) => {
    const next = lines[i + 1];
    switch (line.kind) {
      case "footer": {
        // The footer's label (本期印发, 抄送) is its title: it belongs to the bulletin, no item.
        const footer = start(newItem(null, FOOTER_LABEL.exec(line.text)![1]!));
        footer.lines.push({ line, section: null });
        footer.closed = true;
        current = null;
        return;
      }
      case "column":
        if (current) current.closed = true;
        return;
      case "editor": {
        const note = start(newItem(null, "编者按"));
        note.lines.push({ line, section: null });
        note.closed = true;
        return;
      }
      case "attribution":
        if (current) applyAttribution(current, line.attribution!);
        return;
      case "title": {
        const open: Item | null = current;
        if (line.level !== undefined && open && !open.closed && open.titleLevel !== undefined && line.level > open.titleLevel) {
          open.section = line.text.replace(END_PUNCT, "");
          return;
        }
        const item: Item = fresh(current) ? current : start(newItem());
        const title = line.text.replace(/\s+/g, " ");
        item.title = item.title ? `${item.title} ${title}` : title;
        if (line.level !== undefined) item.titleLevel = Math.min(item.titleLevel ?? line.level, line.level);
        // A hinted title naming its organisation opens that organisation's item, as a title-like body line does.
        const named = orgAtStart(line.text);
        if (named && !item.org) {
          item.org = named.name;
          item.aliases.add(named.name);
          item.aliases.add(named.written);
        }
        return;
      }
      case "byline": {
        const item: Item = fresh(current) ? current : start(newItem());
        item.org = line.byline!.org;
        item.aliases.add(line.byline!.org);
        item.author = line.byline!.author;
        item.authorRole = line.byline!.role;
        // The byline is a passage of its own: who wrote the article, or who chairs the
        // organisation (吴中区总工会主席 杨伟根), is answered and cited from it.
        item.lines.push({ line, section: null });
        return;
      }
      case "heading": {
        const item: Item = current && !current.closed ? current : start(newItem());
        item.section = line.text.replace(END_PUNCT, "");
        return;
      }
      case "body": {
        const named = orgAtStart(line.text);
        let item: Item | null = current;
        const opensItem =
          !item ||
          item.closed ||
          (named !== null && item.org !== null && named.name !== item.org && !item.aliases.has(named.name) && isTitleLike(line.text));
        if (opensItem) {
          item = start(newItem(named?.name ?? null));
          if (named) item.aliases.add(named.written);
          if (isTitleLike(line.text) && next && (next.kind === "body" || next.kind === "heading")) {
            item.title = line.text.replace(/\s+/g, " ");
            return;
          }
          item.title = leadClause(line.text);
        } else if (item && !item.org && named) {
          item.org = named.name;
          item.aliases.add(named.name);
        }
        item!.lines.push({ line, section: item!.section });
        if (line.attribution) applyAttribution(item!, line.attribution);
        return;
      }
    }
  });
  return items;
}

/** Pieces start and end on text, not on the spaces some bulletins put between sentences. */
function trimSpan(text: string) {
  return ({ start, end }: { start: number; end: number }) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  };
}

/** Short stable key for a file name, used in passage ids (deep links, callback data). */
export function fileKey(source: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(source)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}

export interface ParseOptions {
  year: number | null;
  /** Heading level the file's format gave a paragraph, by 1-based paragraph number (see formats/). */
  headings?: ReadonlyMap<number, number>;
}

export function parseBulletin(source: string, text: string, options: ParseOptions): ParsedBulletin {
  const lines: Line[] = [];
  let offset = 0;
  let paragraph = 0;
  for (const raw of text.split("\n")) {
    if (raw.trim().length > 0) {
      const line = classify(raw, offset, ++paragraph);
      applyHint(line, options.headings?.get(paragraph));
      lines.push(line);
    }
    offset += raw.length + 1;
  }
  markArticleTitles(lines);
  const items = collectItems(lines);

  const key = fileKey(source);
  const passages: Passage[] = [];
  const orgs = new Map<string, { name: string; place: string | null; aliases: Set<string> }>();
  const authors = new Set<string>();
  for (const item of items) {
    const place = item.org ? placeOfOrg(item.org) : null;
    if (item.org) {
      const known = orgs.get(item.org) ?? { name: item.org, place: place?.place ?? null, aliases: new Set<string>() };
      for (const written of item.aliases) for (const alias of orgAliases(written)) known.aliases.add(alias);
      orgs.set(item.org, known);
    }
    if (item.author) authors.add(item.author);
    for (const { line, section } of item.lines) {
      const pieces = splitParagraph(line.text).map(trimSpan(line.text));
      pieces.forEach((piece, index) => {
        passages.push({
          id: `${key}-${line.paragraph}-${index + 1}`,
          source,
          year: options.year,
          org: item.org,
          place: place?.place ?? null,
          title: item.title,
          section,
          author: item.author,
          authorRole: item.author ? item.authorRole : null,
          paragraph: line.paragraph,
          part: index + 1,
          parts: pieces.length,
          start: line.offset + piece.start,
          end: line.offset + piece.end,
          text: line.text.slice(piece.start, piece.end),
        });
      });
    }
  }
  // A company union is also typed by half its brand (苏冶), when the bulletin says it nowhere else.
  for (const org of orgs.values()) {
    if (org.place === null) for (const half of brandHalves([...org.aliases], text)) org.aliases.add(half);
  }
  return {
    source,
    year: options.year,
    passages,
    orgs: [...orgs.values()].map((o) => ({ ...o, aliases: [...o.aliases] })),
    authors: [...authors],
  };
}
