import { Lexer, type Token, type Tokens } from "marked";
import { decodeBulletin } from "../../text/decode.js";
import { skip, type Block, type Extraction } from "./types.js";

/**
 * Markdown through marked's lexer: headings keep their level, a paragraph that is wholly bold
 * is a title set by hand; everything else is body text with the markup taken off.
 */

const CJK_EDGE = /[\u3000-\u9fff\uff00-\uffef]/;

/** Soft line breaks inside a paragraph: nothing between Chinese characters, a space otherwise. */
function joinSoftBreaks(text: string): string {
  return text.replace(/\s*\n\s*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + _m.length] ?? "";
    return CJK_EDGE.test(before) || CJK_EDGE.test(after) ? "" : " ";
  });
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      switch (token.type) {
        case "br":
          return "\n";
        case "image":
        case "html":
          return "";
        case "codespan":
        case "escape":
          return (token as Tokens.Codespan).text;
        case "text":
          return "tokens" in token && token.tokens ? inline(token.tokens) : (token as Tokens.Text).text;
        default:
          return "tokens" in token ? inline(token.tokens) : "raw" in token ? token.raw : "";
      }
    })
    .join("");
}

function blocksOf(tokens: Token[], out: Block[] = []): Block[] {
  for (const token of tokens) {
    switch (token.type) {
      case "heading":
        out.push({ text: inline(token.tokens), heading: (token as Tokens.Heading).depth });
        break;
      case "paragraph": {
        const only = token.tokens?.length === 1 ? token.tokens[0] : undefined;
        const text = inline(token.tokens);
        for (const line of text.split("\n")) out.push({ text: joinSoftBreaks(line) });
        if (only?.type === "strong" && [...text].length <= 60) out.at(-1)!.heading = 1;
        break;
      }
      case "text":
        out.push({ text: joinSoftBreaks("tokens" in token && token.tokens ? inline(token.tokens) : (token as Tokens.Text).text) });
        break;
      case "list":
        for (const item of (token as Tokens.List).items) blocksOf(item.tokens, out);
        break;
      case "blockquote":
        blocksOf((token as Tokens.Blockquote).tokens, out);
        break;
      case "table": {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) out.push({ text: row.map((cell) => inline(cell.tokens)).join(" ") });
        break;
      }
      case "code":
        for (const line of (token as Tokens.Code).text.split("\n")) out.push({ text: line });
        break;
      default:
        break;
    }
  }
  return out;
}

export function readMarkdown(bytes: Uint8Array): Extraction {
  const decoded = decodeBulletin(bytes);
  if (!decoded.ok) return skip(decoded.reason);
  const tokens = new Lexer({ gfm: true }).lex(decoded.text);
  return { ok: true, blocks: blocksOf(tokens), meta: {}, format: "md", encoding: decoded.encoding };
}
