import jieba from "nodejieba";
import { JIEBA_KEYWORD_DIR } from "../paths.js";
import { STOP_WORDS } from "./stopwords.js";

/**
 * Chinese segmentation with nodejieba. jieba splits digit runs into single characters, so text
 * is first cut into runs: CJK runs go to jieba, digit and Latin runs stay whole tokens
 * (400, 90, 2007), which is also what makes 90% and 90％ the same figure.
 *
 * jieba's dictionary is process-wide (one native instance per process). This module is the one
 * place that chooses it: `useDictionary` loads jieba's full dictionary (to build an index) or an
 * index's trimmed serving dictionary (src/text/dictionary.ts), and teaches it the corpus's names.
 * Every cut goes through here, so whichever engine opened last defines the dictionary; two
 * engines over different corpora in one process share it (their names accumulate, as jieba's
 * own insertWord would), and switching dictionary reloads jieba and re-teaches the names given.
 */

/** Which dictionary jieba cuts with: its own full one, or a trimmed one saved with an index. */
export type JiebaDictionary =
  | { kind: "full" }
  | { kind: "trimmed"; dict: string; userDict: string };

const NODEJIEBA_DICT: JiebaDictionary = { kind: "full" };

// jieba loads five files. Two of them — the 6 MB IDF table and the stop-word list — serve only
// keyword extraction, which we never call; one-line stand-ins (src/text/jieba/) save about 0.2 s
// of every start. The HMM model is jieba's own: it segments words no dictionary has, in corpus
// text and questions alike.
const KEYWORD_FILES = JIEBA_KEYWORD_DIR;

let loaded: { key: string; names: Set<string> } | null = null;

function keyOf(dictionary: JiebaDictionary): string {
  return dictionary.kind === "full" ? "full" : `${dictionary.dict}|${dictionary.userDict}`;
}

function load(dictionary: JiebaDictionary): void {
  const tables = dictionary.kind === "full" ? {} : { dict: dictionary.dict, userDict: dictionary.userDict };
  jieba.load({ ...tables, idfDict: `${KEYWORD_FILES}idf.utf8`, stopWordDict: `${KEYWORD_FILES}stop_words.utf8` });
  loaded = { key: keyOf(dictionary), names: new Set() };
}

/** A dictionary chosen while loads are deferred, with the names to teach it once loaded. */
let deferred: { on: boolean; choice: { dictionary: JiebaDictionary; names: DictionaryWord[] } | null } = { on: false, choice: null };

/** jieba, loaded with the chosen dictionary — the full one if nothing chose one yet (about 1 s). */
function ready(): typeof jieba {
  if (deferred.on) loadDeferredDictionary();
  if (!loaded) load(NODEJIEBA_DICT);
  return jieba;
}

/**
 * From now until `loadDeferredDictionary()`, `useDictionary` only records its choice, and jieba
 * loads it then — or at the first cut, whichever comes first. For the bot's start: loading the
 * serving dictionary is ~0.13 s of native work that answering needs but polling does not, so it
 * runs while the first long poll is out instead of before it. Nothing cuts differently: every
 * cut goes through `ready()`, which loads the recorded choice first.
 */
export function deferDictionaryLoad(): void {
  deferred = { on: true, choice: null };
}

/** Loads the dictionary recorded while deferred (if any) and ends the deferral. */
export function loadDeferredDictionary(): void {
  const { choice } = deferred;
  deferred = { on: false, choice: null };
  if (choice) useDictionary(choice.dictionary, choice.names);
}

/** Part-of-speech tags for dictionary words (jieba's conventions). */
export type WordTag = "ns" | "nt" | "nr" | "n";

export interface DictionaryWord {
  word: string;
  tag: WordTag;
}

/**
 * Sets jieba's process-wide dictionary (reloading only when it changes) and teaches it the
 * corpus's own names (organisations, their short forms, places, authors), so 张家港市总 or 顾粮
 * stay whole.
 */
export function useDictionary(dictionary: JiebaDictionary, names: Iterable<DictionaryWord> = []): void {
  if (deferred.on) {
    // As the eager path would: the same dictionary accumulates names, another one replaces them.
    const same = deferred.choice !== null && keyOf(deferred.choice.dictionary) === keyOf(dictionary);
    deferred.choice = { dictionary, names: [...(same ? deferred.choice!.names : []), ...names] };
    return;
  }
  if (!loaded || loaded.key !== keyOf(dictionary)) load(dictionary);
  loadDictionary(names);
}

/** Teaches the current dictionary more names; inserting twice is harmless. */
export function loadDictionary(words: Iterable<DictionaryWord>): void {
  ready();
  const names = loaded!.names;
  for (const { word, tag } of words) {
    if (names.has(word)) continue;
    jieba.insertWord(word, tag);
    names.add(word);
  }
}

const RUNS = /[0-9]+(?:\.[0-9]+)?|[a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/giu;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** The CJK runs of a text: all jieba ever sees of it when segmenting (digits and Latin stay whole). */
export function* cjkRuns(text: string): Generator<string> {
  for (const match of text.toLowerCase().matchAll(RUNS)) if (CJK.test(match[0])) yield match[0];
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
