import { DomUtils, parseDocument } from "htmlparser2";
import type { AnyNode, Element } from "domhandler";
import { decodeBulletin } from "../../text/decode.js";
import { metaDate, metaTitle, skip, type Block, type DocumentMeta, type Extraction } from "./types.js";

/**
 * Web pages through htmlparser2. A bulletin published on a website sits inside navigation,
 * scripts, breadcrumbs, related links and a copyright footer; we keep the article: the page's
 * <article>/<main> or the content block with the most text, minus boilerplate elements and
 * link lists. <h1>–<h6> and bold centred paragraphs become heading hints; an <h1> repeating the
 * page title is the page's header, not part of the bulletin, and so is the "发布时间 来源" line.
 */

const DROPPED = new Set(["script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "select", "textarea", "nav", "header", "footer", "aside", "menu", "head", "object", "embed"]);
const BOILERPLATE = /(^|[\s_-])(nav|navbar|menu|footer|foot|header|top|topbar|breadcrumb|crumb|position|location|sidebar|side|share|related|relate|comment|copyright|login|search|pager|pagination|ad|ads|banner)($|[\s_-])/i;
const BLOCK = new Set(["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "center", "address", "figure", "figcaption", "body", "html", "tbody", "thead"]);
const PAGE_INFO = /(发布时间|发布日期|更新时间|来源|作者|编辑|责任编辑|浏览次数|点击数|阅读次数|访问量|字号|字体|打印|关闭)[：:】]?/g;
// Fields only a web page's info line has; "来源" or "作者" alone could be the bulletin's own words.
const PAGE_ONLY = /(发布时间|发布日期|更新时间|浏览次数|点击数|阅读次数|访问量|字号|打印|关闭)/;

/** Charset: a BOM, else the page's own <meta charset>, else UTF-8 or GB18030 by what decodes. */
function decodeHtml(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && !/^utf-?8$/.test(declared) && !(bytes[0] === 0xef && bytes[1] === 0xbb)) {
    try {
      return new TextDecoder(/^(gb2312|gbk|x-gbk|gb18030)$/.test(declared) ? "gb18030" : declared).decode(bytes);
    } catch {
      // An unknown label: fall through to detection.
    }
  }
  const decoded = decodeBulletin(bytes);
  return decoded.ok ? decoded.text : null;
}

const attr = (el: Element, name: string) => el.attribs[name] ?? "";
const isCentred = (el: Element) => /^center$/i.test(attr(el, "align")) || /text-align\s*:\s*center/i.test(attr(el, "style")) || el.name === "center";
const textOf = (node: AnyNode) => DomUtils.textContent(node).replace(/[\t\n\r ]+/g, " ").trim();
const cjkCount = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

function isBoilerplate(el: Element): boolean {
  return DROPPED.has(el.name) || BOILERPLATE.test(`${attr(el, "class")} ${attr(el, "id")}`) || attr(el, "role") === "navigation" || /display\s*:\s*none/i.test(attr(el, "style"));
}

/**
 * The element holding the article: an <article> or <main>, else the block whose class or id says
 * content with the most Chinese text, else the whole body (boilerplate is left out either way).
 */
function articleRoot(body: AnyNode[]): AnyNode[] {
  const elements = DomUtils.findAll((el) => !isBoilerplate(el), body);
  const richest = (candidates: Element[]) =>
    candidates.map((el) => ({ el, chars: cjkCount(textOf(el)) })).filter((c) => c.chars >= 30).sort((a, b) => b.chars - a.chars)[0]?.el;
  const semantic = richest(elements.filter((el) => el.name === "article" || el.name === "main" || attr(el, "role") === "main"));
  const named = richest(elements.filter((el) => /(article|content|detail|zoom|正文|TRS_Editor)/i.test(`${attr(el, "class")} ${attr(el, "id")}`)));
  const best = semantic ?? named;
  return best ? [best] : body;
}

interface Pending {
  text: string;
  linkChars: number;
  heading?: number;
}

function blocksOf(roots: AnyNode[]): (Block & { linkChars: number })[] {
  const blocks: (Block & { linkChars: number })[] = [];
  let pending: Pending = { text: "", linkChars: 0 };
  const flush = () => {
    const text = pending.text.replace(/[\t\n\r ]+/g, " ").trim();
    if (text) blocks.push({ text, linkChars: pending.linkChars, ...(pending.heading ? { heading: pending.heading } : {}) });
    pending = { text: "", linkChars: 0 };
  };
  const walk = (node: AnyNode, inLink: boolean, heading?: number) => {
    if (node.type === "text") {
      const data = (node as unknown as { data: string }).data;
      pending.text += data;
      if (inLink) pending.linkChars += data.trim().length;
      if (heading && data.trim()) pending.heading = heading;
      return;
    }
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return;
    const el = node as Element;
    if (isBoilerplate(el)) return;
    if (el.name === "br") return flush();
    const block = BLOCK.has(el.name);
    if (block) flush();
    let level = heading;
    const h = /^h([1-6])$/.exec(el.name);
    if (h) level = Number(h[1]);
    else if ((el.name === "p" || el.name === "div" || el.name === "center") && isCentred(el)) {
      // A bold centred paragraph is how many sites set a title without a heading element.
      const text = textOf(el);
      const bold = DomUtils.findAll((e) => e.name === "strong" || e.name === "b", [el]).map(textOf).join("");
      if (text && bold.replace(/\s/g, "") === text.replace(/\s/g, "") && [...text].length <= 60) level = 1;
    }
    for (const child of el.children) walk(child, inLink || el.name === "a", level);
    if (block) flush();
  };
  for (const root of roots) walk(root, false);
  flush();
  return blocks;
}

function pageMeta(dom: ReturnType<typeof parseDocument>): DocumentMeta {
  const metas = DomUtils.getElementsByTagName("meta", dom.children);
  const meta = (...names: string[]) =>
    metas.find((m) => names.includes((attr(m, "name") || attr(m, "property")).toLowerCase()))?.attribs["content"];
  const titleElement = DomUtils.getElementsByTagName("title", dom.children, true, 1)[0];
  // "Article title_Site name": the site's name is not the bulletin's.
  const pageTitle = titleElement ? textOf(titleElement).split(/\s*(?:[_|｜]|\s[-–—]\s)\s*/)[0] : undefined;
  return {
    title: metaTitle(meta("articletitle", "og:title", "dc.title") ?? pageTitle),
    date: metaDate(meta("pubdate", "publishdate", "article:published_time", "dc.date", "date", "dcterms.created")),
  };
}

export function readHtml(bytes: Uint8Array): Extraction {
  const source = decodeHtml(bytes);
  if (source === null) return skip("网页编码无法识别");
  const dom = parseDocument(source);
  const meta = pageMeta(dom);
  const body = DomUtils.getElementsByTagName("body", dom.children, true, 1)[0];
  let blocks = blocksOf(articleRoot(body ? body.children : dom.children));
  blocks = blocks.filter((block) => {
    const chars = block.text.replace(/\s/g, "").length;
    if (block.linkChars > chars * 0.5) return false; // a list of links
    const fields = block.text.match(PAGE_INFO)?.length ?? 0;
    if (fields >= 2 && PAGE_ONLY.test(block.text) && [...block.text].length <= 120) {
      meta.date ??= metaDate(block.text);
      return false; // 发布时间：… 来源：… 浏览次数：…
    }
    return true;
  });
  if (blocks[0]?.heading && meta.title && blocks[0].text.replace(/\s/g, "") === meta.title.replace(/\s/g, "")) blocks.shift();
  else if (!meta.title && blocks[0]?.heading === 1) meta.title = metaTitle(blocks[0].text);
  const text = blocks.map((b) => b.text).join("");
  if (cjkCount(text) + (text.match(/[A-Za-z]+/g)?.length ?? 0) < 30 || !blocks.some((b) => [...b.text].length >= 20)) {
    return skip("网页里没有正文（只有脚本、导航或链接）");
  }
  return { ok: true, blocks: blocks.map(({ text, heading }) => (heading ? { text, heading } : { text })), meta, format: "html" };
}
