import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { Random, seedFor } from "./random.js";

/**
 * Synthetic bulletins for the benchmark, made from the seeds so the parser meets exactly the
 * layouts it meets in real files: an editor's note or a 【section】 heading, items opened by a
 * line naming the organisation (or a title with the short form 张家港市总, or title + byline),
 * closed by an attribution in parentheses (own line or after a run of spaces), and the
 * 本期印发 footer. Per file we pick one seed layout and a year, give every item a new place
 * (a 市 for 市总工会 items, a 区 for 区总工会 items) and person, shift every year mention by
 * the same amount, shuffle and thin the items and their paragraphs.
 *
 * Bump GENERATOR_VERSION whenever the output for a given index changes: generated corpora are
 * reused only when their manifest carries the same version.
 */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20070101;

export type LineRole = "head" | "lead" | "body" | "heading" | "attribution" | "footer";

export interface TemplateLine {
  text: string;
  role: LineRole;
  /** The original had an empty line after this one. */
  blankAfter: boolean;
}

export interface TemplateItem {
  /** Full organisation name, e.g. 张家港市总工会 or 水务投资公司工会. */
  org: string;
  /** Place as written, e.g. 张家港; null for enterprise unions. */
  place: string | null;
  level: "市" | "区" | null;
  person: string | null;
  /** Title, opener and byline lines: kept in place at the top. */
  lead: TemplateLine[];
  /** Body blocks: a numbered heading with its paragraphs, or one paragraph. Shuffled and thinned. */
  blocks: TemplateLine[][];
  /** Attribution on its own line, kept last. */
  attribution: TemplateLine | null;
  /** Attribution written after the last paragraph, e.g. "              （张家港市总工会）". */
  trailing: string | null;
}

export interface Template {
  source: string;
  year: number;
  /** Whitespace before the first character of the file (the seeds start with a space). */
  prefix: string;
  head: TemplateLine[];
  items: TemplateItem[];
  foot: TemplateLine[];
  /** Whatever follows the footer line (the seeds end with "\n "). */
  trailer: string;
}

export interface SynthItemMeta {
  org: string;
  place: string | null;
  person: string | null;
}

export interface SynthFileMeta {
  name: string;
  layout: string;
  year: number;
  items: SynthItemMeta[];
}

export interface SynthFile {
  meta: SynthFileMeta;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Reading the seeds into templates

const OWN_LINE_ATTRIBUTION = /^[（(][^（()）\n]{2,30}[）)]$/;
const TRAILING_ATTRIBUTION = /^(.*\S)(\s{4,}[（(][^（()）\n]{2,30}[）)])\s*$/;
const BYLINE = /^([\u4e00-\u9fff]{2,12}?(?:市|区)总工会(?:主席|副主席)?)\s{2,}([\u4e00-\u9fff]{2,4})$/;
const PLACE_ORG = /([\u4e00-\u9fff]{2,3}?)(市|区)总(工会)?/;
const ENTERPRISE_ORG = /^([\u4e00-\u9fff]{2,10}?(?:公司|厂)工会)/;
const ORG_TITLE = /^[\u4e00-\u9fff]{2,10}?(?:市总|区总|公司工会|厂工会)/;
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）、?)/;
const SENTENCE_END = /[。；！？]$/;
const PERSON_IN_ATTRIBUTION = /[（(][^\s（()）]+\s+([\u4e00-\u9fff]{2,3})[）)]/;

interface RawLine {
  text: string;
  blankAfter: boolean;
}

function isTitleLike(text: string): boolean {
  const t = text.trim();
  return [...t].length <= 40 && !SENTENCE_END.test(t) && !OWN_LINE_ATTRIBUTION.test(t);
}

/** Splits one seed file into head, items and footer by the layout conventions above. */
export function parseTemplate(source: string, raw: string): Template {
  const text = raw.replace(/\r\n?/g, "\n");
  const prefix = /^[ \u3000]*/.exec(text)![0];
  const all = text.slice(prefix.length).split("\n");
  const lines: RawLine[] = [];
  let footerAt = -1;
  let trailer = "";
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (line.trim() === "") {
      if (lines.length > 0) lines[lines.length - 1]!.blankAfter = true;
      continue;
    }
    if (footerAt < 0 && line.trim().startsWith("本期印发")) {
      footerAt = lines.length;
      lines.push({ text: line, blankAfter: false });
      trailer = "\n" + all.slice(i + 1).join("\n");
      break;
    }
    lines.push({ text: line, blankAfter: false });
  }
  const footLines = footerAt >= 0 ? lines.slice(footerAt) : [];
  const bodyLines = footerAt >= 0 ? lines.slice(0, footerAt) : lines;

  let at = 0;
  const head: TemplateLine[] = [];
  while (at < bodyLines.length) {
    const t = bodyLines[at]!.text.trim();
    if (!(t.startsWith("编者按") || /^【[^】]+】$/.test(t))) break;
    head.push({ ...bodyLines[at]!, role: "head" });
    at++;
  }

  // Item starts: after the head, after an attribution, at a title with an org, at the titles before a byline.
  const starts = new Set<number>([at]);
  for (let i = at; i < bodyLines.length; i++) {
    const t = bodyLines[i]!.text.trim();
    if (OWN_LINE_ATTRIBUTION.test(t) || TRAILING_ATTRIBUTION.test(bodyLines[i]!.text)) {
      if (i + 1 < bodyLines.length) starts.add(i + 1);
    } else if (BYLINE.test(t)) {
      let s = i;
      while (s - 1 >= at && isTitleLike(bodyLines[s - 1]!.text) && !BYLINE.test(bodyLines[s - 1]!.text.trim())) s--;
      starts.add(s);
    } else if (ORG_TITLE.test(t) && isTitleLike(t) && i > at) {
      starts.add(i);
    }
  }
  const sorted = [...starts].filter((s) => s < bodyLines.length).sort((a, b) => a - b);
  const items: TemplateItem[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const chunk = bodyLines.slice(sorted[k]!, sorted[k + 1] ?? bodyLines.length);
    items.push(templateItem(chunk));
  }
  return {
    source,
    year: planYearOf(text) ?? fail(`${source}: no year to vary`),
    prefix,
    head,
    items,
    foot: footLines.map((l) => ({ ...l, role: "footer" as const })),
    trailer,
  };
}

function templateItem(chunk: RawLine[]): TemplateItem {
  const lead: TemplateLine[] = [];
  let i = 0;
  const bylineAt = chunk.findIndex((l) => BYLINE.test(l.text.trim()));
  if (bylineAt >= 0) {
    for (; i <= bylineAt; i++) lead.push({ ...chunk[i]!, role: "lead" });
  } else {
    // The opener (000) or the title (002) stays first; a title keeps the line after it too when
    // that line restates the organisation (" 吴江市总工会确定…").
    lead.push({ ...chunk[0]!, role: "lead" });
    i = 1;
  }
  let attribution: TemplateLine | null = null;
  let end = chunk.length;
  if (end > i && OWN_LINE_ATTRIBUTION.test(chunk[end - 1]!.text.trim())) {
    attribution = { ...chunk[end - 1]!, role: "attribution" };
    end--;
  }
  let trailing: string | null = null;
  const body = chunk.slice(i, end).map((l) => ({ ...l }));
  const lastBody = body.length > 0 ? body[body.length - 1]! : lead[lead.length - 1]!;
  const tm = TRAILING_ATTRIBUTION.exec(lastBody.text);
  if (tm && attribution === null) {
    trailing = tm[2]!;
    lastBody.text = tm[1]!;
  }
  const blocks: TemplateLine[][] = [];
  for (const line of body) {
    const t = line.text.trim();
    const heading = HEADING.test(t) && [...t].length <= 50;
    if (heading || blocks.length === 0 || blocks[blocks.length - 1]![0]!.role !== "heading") {
      blocks.push([{ ...line, role: heading ? "heading" : "body" }]);
    } else {
      blocks[blocks.length - 1]!.push({ ...line, role: "body" });
    }
  }

  const named = [...lead, ...(attribution ? [attribution] : []), ...(trailing ? [{ text: trailing }] : [])];
  let org: string | null = null;
  let place: string | null = null;
  let level: "市" | "区" | null = null;
  for (const line of named) {
    const m = PLACE_ORG.exec(line.text);
    if (m) {
      place = m[1]!;
      level = m[2] as "市" | "区";
      org = `${place}${level}总工会`;
      break;
    }
  }
  if (org === null) {
    const m = ENTERPRISE_ORG.exec(lead[0]!.text.trim());
    if (m) org = m[1]!;
  }
  let person: string | null = null;
  for (const line of named) {
    const by = BYLINE.exec(line.text.trim());
    const at = PERSON_IN_ATTRIBUTION.exec(line.text);
    if (by) person = by[2]!;
    else if (at) person = at[1]!;
    if (person) break;
  }
  if (org === null) throw new Error(`cannot tell the organisation of item: ${lead[0]!.text.slice(0, 30)}`);
  return { org, place, level, person, lead, blocks, attribution, trailing };
}

/** The plan year of a text: its most frequent "YYYY年", ties to the later (the corpus's rule, kept local). */
function planYearOf(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<![0-9])((?:19|20)[0-9]{2})年/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount || (c === bestCount && y > best)) [best, bestCount] = [y, c];
  return best === 0 ? null : best;
}

function fail(message: string): never {
  throw new Error(message);
}

export function loadTemplates(seedsDir: string): Template[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseTemplate(f, readFileSync(join(seedsDir, f), "utf8")));
}

// ---------------------------------------------------------------------------------------------
// Varying names

/** County-level cities (for 市总工会 items). Real names, none of them in the seeds. */
export const CITIES = [
  "江阴", "宜兴", "溧阳", "海门", "如皋", "太仓", "启东", "丹阳", "句容", "扬中", "兴化", "靖江",
  "泰兴", "高邮", "仪征", "东台", "邳州", "新沂", "海安", "诸暨", "义乌", "慈溪", "余姚", "瑞安",
  "乐清", "温岭", "临海", "海宁", "桐乡", "平湖", "嵊州", "东阳", "永康", "兰溪", "江山", "建德",
  "宁国", "天长", "桐城", "晋江", "石狮", "南安", "福清", "邵武", "瑞金", "贵溪", "乐平", "樟树",
] as const;

/** Urban districts (for 区总工会 items). */
export const DISTRICTS = [
  "高淳", "溧水", "江宁", "浦口", "六合", "栖霞", "玄武", "秦淮", "建邺", "锡山", "惠山", "梁溪",
  "新吴", "武进", "天宁", "姑苏", "虎丘", "邗江", "江都", "广陵", "海陵", "姜堰", "京口", "润州",
  "丹徒", "崇川", "海曙", "镇海", "北仑", "鄞州", "拱墅", "萧山", "余杭", "柯桥", "越城", "上虞",
  "婺城", "椒江", "黄岩", "路桥",
] as const;

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蔡蒋余杜叶程魏苏吕丁沈任姚卢钟汪范金陆顾钱严戴"];
const GIVEN = [
  "建国", "伟根", "明华", "志强", "秀英", "海峰", "丽娟", "国平", "卫东", "晓明", "红梅", "建华", "学军",
  "振宇", "文斌", "玉兰", "春生", "德明", "桂芳", "永康", "立新", "惠民", "雪芳", "荣", "敏", "军", "斌", "静", "峰",
];

export const YEAR_MIN = 2001;
export const YEAR_MAX = 2024;

/** Share of paragraphs (and of items) dropped from a file. */
const THIN_PARAGRAPH = 0.25;
const THIN_ITEM = 0.15;

function replaceAll(text: string, from: string | null, to: string | null): string {
  if (from === null || to === null || from === to) return text;
  return text.split(from).join(to);
}

function shiftYears(text: string, delta: number): string {
  if (delta === 0) return text;
  return text.replace(/(?<![0-9])((?:19|20)[0-9]{2})(?=年)/g, (y) => String(Number(y) + delta));
}

/**
 * Synthetic file number `index`. Depends only on (templates, seed, index), so the 1k corpus is
 * a prefix of the 10k one, and every run writes the same bytes.
 */
export function synthFile(templates: readonly Template[], index: number, seed = DEFAULT_SEED): SynthFile {
  // Thinning can drop every mention of the plan year; such a draw is redrawn (deterministically).
  for (let attempt = 0; ; attempt++) {
    const file = draw(templates, index, seedFor(seed + attempt, index));
    if (planYearOf(file.text) === file.meta.year || attempt >= 50) return file;
  }
}

function draw(templates: readonly Template[], index: number, fileSeed: number): SynthFile {
  const rng = new Random(fileSeed);
  const template = templates[index % templates.length]!;
  const year = rng.int(YEAR_MIN, YEAR_MAX);
  const delta = year - template.year;

  let items = template.items.filter(() => !rng.chance(THIN_ITEM));
  if (items.length === 0) items = [rng.pick(template.items)];
  // Keep the order of articles with bylines (004) only sometimes: real bulletins vary it too.
  items = rng.shuffle(items);

  const usedPlaces = new Set<string>();
  const pickPlace = (level: "市" | "区"): string => {
    const pool = level === "市" ? CITIES : DISTRICTS;
    for (let attempt = 0; attempt < 20; attempt++) {
      const p = rng.pick(pool);
      if (!usedPlaces.has(p)) {
        usedPlaces.add(p);
        return p;
      }
    }
    return rng.pick(pool);
  };

  const out: { text: string; blankAfter: boolean }[] = [];
  const metaItems: SynthItemMeta[] = [];
  const emit = (text: string, blankAfter: boolean) => out.push({ text: shiftYears(text, delta), blankAfter });

  for (const line of template.head) emit(line.text, line.blankAfter);
  for (const item of items) {
    const place = item.level ? pickPlace(item.level) : null;
    const person = item.person ? rng.pick(SURNAMES) + rng.pick(GIVEN) : null;
    const vary = (text: string) => replaceAll(replaceAll(text, item.place, place), item.person, person);
    const org = place !== null && item.level !== null ? `${place}${item.level}总工会` : item.org;
    metaItems.push({ org, place, person });

    for (const line of item.lead) emit(vary(line.text), line.blankAfter);
    // Shuffle the blocks after the first (the first is the item's introduction), thin paragraphs.
    const [first, ...rest] = item.blocks;
    const blocks = first ? [first, ...rng.shuffle(rest)] : [];
    const kept: { text: string; blankAfter: boolean }[] = [];
    for (const block of blocks) {
      const paragraphs = block.filter((l) => l.role === "body" && !rng.chance(THIN_PARAGRAPH));
      if (paragraphs.length === 0) continue;
      for (const l of block) if (l.role === "heading" || paragraphs.includes(l)) kept.push({ ...l });
    }
    if (kept.length === 0 && item.blocks.length > 0) {
      const fallback = item.blocks.flat().find((l) => l.role === "body");
      if (fallback) kept.push({ ...fallback });
    }
    if (item.trailing !== null) {
      if (kept.length > 0) kept[kept.length - 1]!.text += item.trailing;
      else {
        const last = out[out.length - 1]!;
        last.text += shiftYears(vary(item.trailing), delta);
      }
    }
    for (const l of kept) emit(vary(l.text), l.blankAfter);
    if (item.attribution) emit(vary(item.attribution.text), item.attribution.blankAfter);
  }
  for (const line of template.foot) emit(line.text, line.blankAfter);

  let text = template.prefix;
  out.forEach((l, i) => {
    text += l.text;
    if (i < out.length - 1) text += l.blankAfter ? "\n\n" : "\n";
  });
  text += template.trailer;

  const name = `s${String(index).padStart(5, "0")}_${rng.hex(16)}.txt`;
  return { meta: { name, layout: template.source, year, items: metaItems }, text };
}

// ---------------------------------------------------------------------------------------------
// Corpora on disk

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  targetPassages: number;
  passages: number;
  /** The seed files are copied in too, so seed questions keep their genuine answers. */
  seedFiles: string[];
  files: SynthFileMeta[];
}

export interface EnsureCorpusOptions {
  seedsDir: string;
  outDir: string;
  targetPassages: number;
  /** Passages the real parser makes of one file; the corpus grows until the sum reaches the target. */
  countPassages: (name: string, text: string) => number;
  seed?: number;
  onProgress?: (passages: number, files: number) => void;
}

export function readManifest(dir: string): CorpusManifest | null {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as CorpusManifest;
  } catch {
    return null;
  }
}

/**
 * Writes `outDir/seeds/*.txt` (the seeds plus synthetic files) and `outDir/manifest.json`;
 * reuses an existing corpus made by the same generator version, seed and target.
 */
export function ensureCorpus(options: EnsureCorpusOptions): { manifest: CorpusManifest; seedsDir: string; reused: boolean } {
  const seed = options.seed ?? DEFAULT_SEED;
  const seedsDir = join(options.outDir, "seeds");
  const existing = readManifest(options.outDir);
  if (
    existing &&
    existing.generatorVersion === GENERATOR_VERSION &&
    existing.seed === seed &&
    existing.targetPassages === options.targetPassages &&
    existsSync(seedsDir) &&
    readdirSync(seedsDir).length === existing.files.length + existing.seedFiles.length
  ) {
    return { manifest: existing, seedsDir, reused: true };
  }
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(seedsDir, { recursive: true });
  const templates = loadTemplates(options.seedsDir);
  let passages = 0;
  const seedFiles = templates.map((t) => t.source);
  for (const f of seedFiles) {
    copyFileSync(join(options.seedsDir, f), join(seedsDir, f));
    passages += options.countPassages(f, readFileSync(join(options.seedsDir, f), "utf8"));
  }
  const files: SynthFileMeta[] = [];
  for (let i = 0; passages < options.targetPassages; i++) {
    const file = synthFile(templates, i, seed);
    writeFileSync(join(seedsDir, file.meta.name), file.text);
    passages += options.countPassages(file.meta.name, file.text);
    files.push(file.meta);
    if (i % 100 === 0) options.onProgress?.(passages, files.length);
  }
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    targetPassages: options.targetPassages,
    passages,
    seedFiles,
    files,
  };
  writeFileSync(join(options.outDir, "manifest.json"), JSON.stringify(manifest));
  return { manifest, seedsDir, reused: false };
}
