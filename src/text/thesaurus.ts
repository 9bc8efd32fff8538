import { existsSync, readFileSync } from "node:fs";

/**
 * The domain thesaurus: groups of words that mean the same thing to a union cadre (职代会 /
 * 职工代表大会, 帮扶 / 扶贫帮困). The file format is the Solr/Elasticsearch synonym format, so an
 * operator can edit it with any guide to that format:
 *
 *   # comment
 *   职代会, 职工代表大会          equivalent: each word expands to all the others
 *   劳资矛盾 => 劳动争议, 劳资纠纷  explicit: the left words expand to the right ones only
 *
 * Written by hand (a few lines) rather than taken from a package: the npm synonym parsers are
 * tied to an engine's analyser chain, and we need only word → words.
 */

export interface Thesaurus {
  /** The words a word may also be written as (never the word itself). */
  synonymsOf(word: string): readonly string[];
  /** Every word of two or more characters that has synonyms, longest first (to find them in a question before it is cut). */
  readonly words: readonly string[];
  /** Number of groups loaded, for logs and tests. */
  readonly groups: number;
}

export class ThesaurusError extends Error {
  override name = "ThesaurusError";
}

const splitWords = (side: string) =>
  side
    .split(/[,，、]/u)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);

/** Parses synonym text; `origin` names the file in error messages (`synonyms.txt 第3行：…`). */
export interface ParsedThesaurus {
  words: Map<string, Set<string>>;
  groups: number;
}

export function parseThesaurus(text: string, origin = "同义词表"): ParsedThesaurus {
  const map = new Map<string, Set<string>>();
  let groups = 0;
  const add = (from: string, to: string) => {
    if (from === to) return;
    let set = map.get(from);
    if (!set) map.set(from, (set = new Set()));
    set.add(to);
  };
  text
    .replace(/^\uFEFF/u, "")
    .split(/\r?\n/u)
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/u, "").trim();
      if (line.length === 0) return;
      const arrow = line.split("=>");
      if (arrow.length > 2) throw new ThesaurusError(`${origin} 第${i + 1}行：一行只能有一个 =>`);
      if (arrow.length === 2) {
        const from = splitWords(arrow[0]!);
        const to = splitWords(arrow[1]!);
        if (from.length === 0 || to.length === 0) throw new ThesaurusError(`${origin} 第${i + 1}行：=> 两边都要有词`);
        for (const f of from) for (const t of to) add(f, t);
        groups++;
        return;
      }
      const words = splitWords(line);
      if (words.length < 2) throw new ThesaurusError(`${origin} 第${i + 1}行：一组至少要有两个词，用逗号分开`);
      for (const a of words) for (const b of words) add(a, b);
      groups++;
    });
  return { words: map, groups };
}

/** Merges parsed groups (the shipped file, then the operator's) into one thesaurus. */
export function makeThesaurus(...parts: ParsedThesaurus[]): Thesaurus {
  const merged = new Map<string, string[]>();
  let groups = 0;
  for (const part of parts) {
    for (const [word, set] of part.words) {
      merged.set(word, [...new Set([...(merged.get(word) ?? []), ...set])]);
    }
    groups += part.groups;
  }
  // One-character words are never looked for in a question (为, 名 would match everywhere).
  const words = [...merged.keys()].filter((w) => [...w].length >= 2).sort((a, b) => b.length - a.length);
  return { synonymsOf: (word) => merged.get(word) ?? [], words, groups };
}

export const EMPTY_THESAURUS: Thesaurus = makeThesaurus();

/**
 * The shipped thesaurus plus, when present, the operator's `synonyms.txt`. A malformed operator
 * file is reported through `warn` and skipped whole: a typo must not stop the bot.
 */
export function loadThesaurus(shippedFile: string, operatorFile: string | null, warn: (message: string) => void): Thesaurus {
  const parts: ParsedThesaurus[] = [];
  for (const [file, label] of [[shippedFile, "内置同义词表"], [operatorFile, "synonyms.txt"]] as const) {
    if (!file || !existsSync(file)) continue;
    try {
      parts.push(parseThesaurus(readFileSync(file, "utf8"), label));
    } catch (error) {
      warn(error instanceof ThesaurusError ? `${error.message}（已忽略此文件）` : `${label} 读取失败，已忽略`);
    }
  }
  return makeThesaurus(...parts);
}
