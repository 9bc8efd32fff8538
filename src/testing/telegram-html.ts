/**
 * A strict model of Telegram's HTML parse mode, for the stand-in Bot API server and for
 * assertions. It accepts only Telegram's tags, requires them balanced, and requires every `<`,
 * `>` and `&` outside tags to be escaped — stricter than Telegram, never looser — and returns
 * the plain text and entities Telegram would store (`message.text` is what buttons read back).
 */

export interface ParsedEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export interface ParsedHtml {
  text: string;
  entities: ParsedEntity[];
}

export class TelegramHtmlError extends Error {}

const TAG_TYPES: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeEntityAt(html: string, i: number): { char: string; end: number } {
  const m = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/.exec(html.slice(i, i + 12));
  if (!m) throw new TelegramHtmlError(`Unescaped "&" at byte offset ${i}`);
  const char = m[1] ? NAMED_ENTITIES[m[1]]! : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
  return { char, end: i + m[0].length };
}

function decodeAttr(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    if (value[i] === "&") {
      const { char, end } = decodeEntityAt(value, i);
      out += char;
      i = end;
    } else out += value[i++];
  }
  return out;
}

export function parseTelegramHtml(html: string): ParsedHtml {
  let text = "";
  const entities: ParsedEntity[] = [];
  const stack: { tag: string; start: number; url?: string; type: string }[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const close = html.indexOf(">", i);
      if (close === -1) throw new TelegramHtmlError(`Unclosed start tag at byte offset ${i}`);
      const raw = html.slice(i + 1, close);
      if (raw.includes("<")) throw new TelegramHtmlError(`Unexpected "<" inside tag at byte offset ${i}`);
      if (raw.startsWith("/")) {
        const name = raw.slice(1).trim().toLowerCase();
        const open = stack.pop();
        if (!open || open.tag !== name) {
          throw new TelegramHtmlError(`Unmatched end tag at byte offset ${i}, expected "</${open?.tag ?? ""}>", found "</${name}>"`);
        }
        const length = text.length - open.start;
        if (length > 0) {
          entities.push({ type: open.type, offset: open.start, length, ...(open.url ? { url: open.url } : {}) });
        }
      } else {
        const m = /^([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*$/.exec(raw);
        if (!m) throw new TelegramHtmlError(`Can't parse start tag at byte offset ${i}`);
        const tag = m[1]!.toLowerCase();
        const type = TAG_TYPES[tag];
        if (!type) throw new TelegramHtmlError(`Unsupported start tag "${tag}" at byte offset ${i}`);
        const attrs: Record<string, string> = {};
        for (const a of m[2]!.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = decodeAttr(a[2] ?? "");
        let url: string | undefined;
        if (tag === "a") {
          url = attrs.href;
          if (!url) throw new TelegramHtmlError(`Tag "a" must have a href at byte offset ${i}`);
        }
        if (tag === "span" && attrs.class !== "tg-spoiler") {
          throw new TelegramHtmlError(`Tag "span" must have class "tg-spoiler" at byte offset ${i}`);
        }
        if (tag === "blockquote" && stack.some((s) => s.tag === "blockquote")) {
          throw new TelegramHtmlError(`Blockquotes can't be nested (byte offset ${i})`);
        }
        // Bot API 7.4: <blockquote expandable> is a collapsed quotation; no other attribute exists.
        if (tag === "blockquote" && Object.keys(attrs).some((a) => a !== "expandable")) {
          throw new TelegramHtmlError(`Unsupported attribute on "blockquote" at byte offset ${i}`);
        }
        if (tag === "a" && stack.some((s) => s.tag === "a")) throw new TelegramHtmlError(`Links can't be nested (byte offset ${i})`);
        if (stack.some((s) => s.tag === "code" || s.tag === "pre") && tag !== "code") {
          throw new TelegramHtmlError(`Entities can't be nested in code/pre (byte offset ${i})`);
        }
        const entityType = tag === "blockquote" && "expandable" in attrs ? "expandable_blockquote" : type;
        stack.push({ tag, start: text.length, type: entityType, ...(url ? { url } : {}) });
      }
      i = close + 1;
    } else if (ch === ">") {
      throw new TelegramHtmlError(`Unescaped ">" at byte offset ${i}`);
    } else if (ch === "&") {
      const { char, end } = decodeEntityAt(html, i);
      text += char;
      i = end;
    } else {
      text += ch;
      i++;
    }
  }
  if (stack.length > 0) throw new TelegramHtmlError(`Can't find end tag corresponding to start tag "${stack.at(-1)!.tag}"`);
  entities.sort((a, b) => a.offset - b.offset);
  return { text, entities };
}
