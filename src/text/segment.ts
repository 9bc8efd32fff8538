import { fileURLToPath } from "node:url";
import jieba from "nodejieba";
import { STOP_WORDS } from "./stopwords.js";

// jieba loads five files before its first cut. Two of them — the 6 MB IDF table and the
// stop-word list — serve only keyword extraction, which we never call; one-line stand-ins
// (src/text/jieba/) save about 0.2 s of every start. The segmentation dictionary and HMM
// model are jieba's own.
const KEYWORD_FILES = fileURLToPath(new URL("./jieba/", import.meta.url));
let loaded = false;

/** Loads jieba on first use (about 1 s), with the stand-ins above. */
function ready(): typeof jieba {
  if (!loaded) {
    jieba.load({ idfDict: `${KEYWORD_FILES}idf.utf8`, stopWordDict: `${KEYWORD_FILES}stop_words.utf8` });
    loaded = true;
  }
  return jieba;
}

/**
 * Chinese segmentation with nodejieba. jieba splits digit runs into single characters, so text
 * is first cut into runs: CJK runs go to jieba, digit and Latin runs stay whole tokens
 * (400, 90, 2007), which is also what makes 90% and 90％ the same figure.
 */

const RUNS = /[0-9]+(?:\.[0-9]+)?|[a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/giu;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** Part-of-speech tags for dictionary words (jieba's conventions). */
export type WordTag = "ns" | "nt" | "nr" | "n";

export interface DictionaryWord {
  word: string;
  tag: WordTag;
}

const inserted = new Set<string>();

/**
 * Teaches jieba the corpus's own names (organisations, their short forms, places, authors), so
 * 张家港市总 or 顾粮 stay whole. jieba's dictionary is process-wide; inserting twice is harmless.
 */
export function loadDictionary(words: Iterable<DictionaryWord>): void {
  for (const { word, tag } of words) {
    if (inserted.has(word)) continue;
    ready().insertWord(word, tag);
    inserted.add(word);
  }
}

/** A single CJK character is almost never a topic on its own (为, 名, 年). */
function keep(term: string): boolean {
  if (STOP_WORDS.has(term)) return false;
  if (CJK.test(term)) return [...term].length >= 2;
  // Numbers count (400, 90); a lone Latin letter does not.
  return /^[0-9]/.test(term) || term.length >= 2;
}

function segmentRuns(text: string, cut: (run: string) => string[]): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(RUNS)) {
    const run = match[0];
    if (CJK.test(run)) {
      for (const word of cut(run)) if (keep(word)) out.push(word);
    } else if (keep(run)) {
      out.push(run);
    }
  }
  return out;
}

/** Fine-grained terms for the index: whole words plus their dictionary sub-words (cutForSearch). */
export function segmentForIndex(text: string): string[] {
  return segmentRuns(text, (run) => ready().cutForSearch(run, true));
}

/** Query words, names kept whole (precise mode with HMM for unknown words). */
export function segmentQuery(text: string): string[] {
  return segmentRuns(text, (run) => ready().cut(run, true));
}

/** The finer pieces of one query word, as the index would store them (without the word itself). */
export function subTerms(word: string): string[] {
  if ([...word].length < 3) return [];
  return [...new Set(ready().cutForSearch(word, true).filter((w) => w !== word && keep(w)))];
}

/** Words with their part-of-speech tags, for recognising place names the corpus lacks. */
export function tagWords(text: string): { word: string; tag: string }[] {
  return ready().tag(text);
}
