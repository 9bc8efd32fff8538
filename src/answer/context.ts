import type { Passage } from "../corpus/passage.js";
import type { DirectContext } from "./span.js";

/**
 * How a direct answer reads around a passage: the other parts of its paragraph (a long
 * paragraph is cut into parts; the figure may sit in the part that did not rank) and the
 * paragraphs of its item (same file, organisation and title: where a byline or a keyed list
 * lives). Built once over the corpus's passages, in reading order.
 */
export function directContext(passages: readonly Passage[]): DirectContext {
  const paragraphs = new Map<string, Passage[]>();
  const items = new Map<string, Passage[]>();
  const paragraphKey = (p: Passage) => `${p.source}#${p.paragraph}`;
  const itemKey = (p: Passage) => `${p.source}#${p.org ?? ""}#${p.title ?? ""}`;
  for (const p of passages) {
    const list = paragraphs.get(paragraphKey(p));
    if (list) list.push(p);
    else paragraphs.set(paragraphKey(p), [p]);
    if (p.part === 1) {
      const same = items.get(itemKey(p));
      if (same) same.push(p);
      else items.set(itemKey(p), [p]);
    }
  }
  return {
    paragraph: (passage) => {
      const parts = paragraphs.get(paragraphKey(passage)) ?? [passage];
      let offset = 0;
      for (const part of parts) {
        if (part.id === passage.id) break;
        offset += part.text.length;
      }
      return { text: parts.map((part) => part.text).join(""), offset };
    },
    parts: (passage) => paragraphs.get(paragraphKey(passage)) ?? [passage],
    itemParagraphs: (passage) => items.get(itemKey(passage)) ?? [passage],
  };
}
