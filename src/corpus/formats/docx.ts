import mammoth from "mammoth";
import { DomUtils, parseDocument } from "htmlparser2";
import { openPackage, storedZip } from "./zip.js";
import { metaDate, metaTitle, skip, type Block, type DocumentMeta, type Extraction } from "./types.js";

/**
 * .docx through mammoth. We do not want its HTML: its document model (paragraphs with their
 * style name and alignment, runs with bold and size) is read in `transformDocument`, which is
 * the one public way to reach it. Mammoth does not read core properties; we read those from
 * the package ourselves.
 */

// The slice of mammoth's document model we read (it ships no types for it).
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  breakType?: string;
  styleName?: string | null;
  alignment?: string | null;
  isBold?: boolean;
  fontSize?: number | null;
}

/** Heading level of a paragraph style: Title above Heading 1 above Heading 2 (Word, WPS, LibreOffice names). */
function styleLevel(styleName: string | null | undefined): number | undefined {
  if (!styleName) return undefined;
  const name = styleName.trim().toLowerCase();
  if (name === "title" || name === "标题") return 1;
  if (name === "subtitle" || name === "副标题") return 2;
  const heading = /^(?:heading|标题)\s*(\d)$/.exec(name);
  return heading ? Number(heading[1]) + 1 : undefined;
}

function runsOf(node: MammothNode, out: MammothNode[] = []): MammothNode[] {
  if (node.type === "run") out.push(node);
  else for (const child of node.children ?? []) runsOf(child, out);
  return out;
}

function textOf(node: MammothNode): string {
  switch (node.type) {
    case "text":
      return node.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return node.breakType === "line" ? "\n" : "";
    case "noteReference":
    case "commentReference":
      return "";
    default:
      return (node.children ?? []).map(textOf).join("");
  }
}

/** Paragraphs in reading order, tables included (cell by cell). */
function collectParagraphs(node: MammothNode, out: MammothNode[] = []): MammothNode[] {
  if (node.type === "paragraph") out.push(node);
  else for (const child of node.children ?? []) collectParagraphs(child, out);
  return out;
}

function toBlocks(paragraphs: MammothNode[]): Block[] {
  return paragraphs.map((paragraph) => {
    const text = textOf(paragraph);
    const level = styleLevel(paragraph.styleName);
    if (level !== undefined) return { text, heading: level };
    // A line set bold and centred by hand is how most offices write a title.
    const runs = runsOf(paragraph).filter((r) => textOf(r).trim().length > 0);
    const allBold = runs.length > 0 && runs.every((r) => r.isBold);
    if (allBold && paragraph.alignment === "center" && [...text.trim()].length <= 60) return { text, heading: 1 };
    return { text };
  });
}

function coreProperties(xml: Uint8Array | undefined): DocumentMeta {
  if (!xml) return {};
  const dom = parseDocument(new TextDecoder().decode(xml), { xmlMode: true });
  const field = (tag: string) => {
    const element = DomUtils.getElementsByTagName(tag, dom.children, true, 1)[0];
    return element ? DomUtils.textContent(element) : undefined;
  };
  return { title: metaTitle(field("dc:title")), date: metaDate(field("dcterms:created") ?? field("dcterms:modified")) };
}

export async function readDocx(bytes: Uint8Array): Promise<Extraction> {
  const opened = openPackage(bytes);
  if (!opened.ok) return skip(opened.reason);
  let paragraphs: MammothNode[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(storedZip(opened.parts)) },
      {
        transformDocument: (document: MammothNode) => {
          paragraphs = collectParagraphs(document);
          return document;
        },
        // Pictures are not text; never read them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
      },
    );
  } catch {
    return skip("Word 文档已损坏，无法读取正文");
  }
  return { ok: true, blocks: toBlocks(paragraphs), meta: coreProperties(opened.parts["docProps/core.xml"]), format: "docx" };
}
