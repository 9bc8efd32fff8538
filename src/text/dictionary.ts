import { readFileSync } from "node:fs";
import { access, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { JiebaDictionary } from "./segment.js";
import { cjkRuns } from "./segment.js";
import { STOP_WORDS } from "./stopwords.js";
import { writeAtomic } from "../atomic-write.js";

/**
 * The serving dictionary: jieba's 349k-word dictionary cut down, at build time, to the words
 * that can matter for one corpus. Loading jieba's full dictionary costs about 0.8 s and 225 MB
 * (nodejieba loads it twice, once for its TextRank extractor); a process that only answers
 * questions loads this one instead.
 *
 * Why segmentation does not change: jieba cuts a run of text by the best path through the
 * dictionary words that occur *in that run*, with each word weighted log(freq / total); a
 * character sequence with no dictionary word weighs the dictionary's minimum weight, and words
 * taught at run time (the corpus's names) weigh its median weight. So a dictionary holding every
 * word that occurs in the corpus, with the same total, minimum and median, cuts every corpus
 * text exactly as the full one does. Placeholder entries (characters jieba is never given: we
 * only pass it CJK runs) restore the total, minimum and median; `trimDictionary` checks them
 * the way cppjieba computes them (DictTrie::SetStaticWordWeights) and refuses to return a
 * dictionary that would weigh differently.
 *
 * Questions contain words the corpus lacks. Kept for them: place and organisation names (ns,
 * nt: a place the corpus lacks is recognised by its tag and reported), stop words and jieba's
 * pronouns (question words such as 哪一年), thesaurus terms (the caller's `extraWords`), and the most frequent words.
 */

/** jieba's own tables (text of each file). */
export interface DictionaryTables {
  /** jieba.dict.utf8: `word freq tag` per line. */
  dict: string;
  /** user.dict.utf8: `word [freq] [tag]` per line, weighed after the dictionary's statistics are set. */
  userDict: string;
}

export interface TrimOptions {
  /** More words to keep when the full dictionary has them (thesaurus terms). */
  extraWords?: Iterable<string>;
  /** How many of the most frequent words to keep regardless of the corpus (for questions). */
  commonWords?: number;
}

/** Tags kept whole for questions: places (ns), organisations (nt), pronouns (r: question words). */
const KEPT_TAGS = new Set(["ns", "nt", "r"]);

/** A count asked for (几回, 多少次): numerals that open a question's figure. */
const ASKED_COUNT = /^(?:几|多少)/u;

/** Kept for questions: the most frequent words cover most of what people type. */
export const COMMON_WORDS = 20_000;

export interface DictionaryStats {
  /** Dictionary entries (placeholders included). */
  entries: number;
  /** Real words kept. */
  words: number;
  /** Sum of frequencies, and the frequencies at jieba's minimum and median. */
  total: number;
  min: number;
  median: number;
}

export interface ServingDictionary extends DictionaryTables {
  stats: DictionaryStats;
}

interface Entry {
  word: string;
  freq: number;
  tag: string;
  line: string;
}

function parseDict(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const line of text.split("\n")) {
    if (line.length === 0) continue;
    const [word, freq, tag] = line.split(" ");
    const f = Number(freq);
    if (!word || !tag || !Number.isFinite(f) || f <= 0) throw new Error(`jieba dictionary: unreadable line ${JSON.stringify(line)}`);
    entries.push({ word, freq: f, tag, line });
  }
  return entries;
}

/** Total, minimum and median frequency as cppjieba derives its weights (sum in file order; x[n/2] of the sorted list). */
function statsOf(freqs: number[]): Omit<DictionaryStats, "words"> {
  let total = 0;
  for (const f of freqs) total += f;
  const sorted = [...freqs].sort((a, b) => a - b);
  return { entries: freqs.length, total, min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
}

/** Every dictionary word that occurs in one of the runs (the only words that can take part in cutting them). */
function wordsIn(runs: Iterable<string>, words: ReadonlySet<string>, prefixes: ReadonlySet<string>, found: Set<string>): void {
  for (const run of runs) {
    for (let start = 0; start < run.length; start++) {
      for (let end = start + 1; end <= run.length; end++) {
        const piece = run.slice(start, end);
        if (!prefixes.has(piece)) break;
        if (words.has(piece)) found.add(piece);
      }
    }
  }
}

/** Dictionary lines for entries jieba never meets: private-use characters, which no CJK run contains. */
function placeholder(n: number, freq: number): string {
  return `\ue000${String.fromCharCode(0xe001 + (n >> 12), 0xe001 + (n & 0xfff))} ${freq} x`;
}

/**
 * The words of `full` that the texts (everything that will be segmented for the index) can use,
 * plus the words kept for questions, with jieba's statistics unchanged.
 */
export function trimDictionary(full: DictionaryTables, texts: Iterable<string>, options: TrimOptions = {}): ServingDictionary {
  const entries = parseDict(full.dict);
  const original = statsOf(entries.map((e) => e.freq));
  const words = new Set(entries.map((e) => e.word));
  const prefixes = new Set<string>();
  for (const word of words) for (let i = 1; i <= word.length; i++) prefixes.add(word.slice(0, i));

  const runs = new Set<string>();
  for (const text of texts) for (const run of cjkRuns(text)) runs.add(run);
  const keep = new Set<string>();
  wordsIn(runs, words, prefixes, keep);
  for (const word of [...STOP_WORDS, ...(options.extraWords ?? [])]) if (words.has(word)) keep.add(word);
  const common = options.commonWords ?? COMMON_WORDS;
  const byFreq = common > 0 ? [...entries].sort((a, b) => b.freq - a.freq) : [];
  for (const e of byFreq.slice(0, common)) keep.add(e.word);
  for (const e of entries) {
    // Place and organisation names, pronouns (jieba's question words: 哪一年, 哪几, 什么样), counts
    // asked for and measure words (几回, 多少趟: without them 开几回会 is cut as one unknown word),
    // and the few non-CJK entries (B超, T恤), which the runs never contain.
    if (KEPT_TAGS.has(e.tag) || (ASKED_COUNT.test(e.word) && e.tag === "m") || e.tag === "q" || !/^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u.test(e.word)) keep.add(e.word);
  }

  const kept = entries.filter((e) => keep.has(e.word));
  const lines = kept.map((e) => e.line);
  const freqs = kept.map((e) => e.freq);
  // Should the dropped words be too few to pay for the placeholders, serve the full dictionary.
  if (kept.length < entries.length && !balance(freqs, lines, original)) return { ...full, stats: { ...original, words: entries.length } };
  const stats = statsOf(freqs);
  if (stats.total !== original.total || stats.min !== original.min || stats.median !== original.median) {
    throw new Error(
      `trimmed jieba dictionary would weigh differently (total ${stats.total}/${original.total}, ` +
        `min ${stats.min}/${original.min}, median ${stats.median}/${original.median})`,
    );
  }

  const userLines = full.userDict.split("\n").filter((line) => {
    const word = line.trim().split(" ")[0];
    return word !== undefined && word.length > 0 && (keep.has(word) || [...runs].some((run) => run.includes(word)));
  });
  return {
    dict: `${lines.join("\n")}\n`,
    userDict: userLines.length > 0 ? `${userLines.join("\n")}\n` : "",
    stats: { ...stats, words: kept.length },
  };
}

/**
 * Appends placeholders so that the total, minimum and median frequency equal the original's:
 * one at the minimum, then low ones (at the minimum) or median ones until jieba's median entry
 * (x[n/2] of the sorted list) is a median one, then one holding the rest of the total.
 * False when the dropped words' frequency cannot pay for that (a corpus using nearly every word).
 */
function balance(freqs: number[], lines: string[], original: Omit<DictionaryStats, "words">): boolean {
  let n = 0;
  const { min, median } = original;
  let sum = freqs.reduce((s, f) => s + f, 0);
  let below = freqs.filter((f) => f < median).length;
  let at = freqs.filter((f) => f === median).length;
  const above = freqs.length - below - at;
  const add = (freq: number) => {
    freqs.push(freq);
    lines.push(placeholder(n++, freq));
    sum += freq;
    if (freq < median) below++;
    else at++;
  };
  if (freqs.reduce((m, f) => Math.min(m, f), Infinity) > min) add(min);
  for (;;) {
    const rest = original.total - sum;
    if (rest < 0) return false;
    // The remainder entry, once added, counts on its side of the median.
    const [b, a, h] = rest === 0 ? [below, at, above] : rest < median ? [below + 1, at, above] : rest === median ? [below, at + 1, above] : [below, at, above + 1];
    const middle = Math.floor((b + a + h) / 2);
    if (b <= middle && middle < b + a) {
      if (rest > 0) {
        freqs.push(rest);
        lines.push(placeholder(n++, rest));
      }
      return true;
    }
    // Too many entries above the median: add low ones; too many below: add median ones.
    add(middle >= b + a && min < median ? min : median);
  }
}

const require = createRequire(import.meta.url);

/** jieba's own tables as nodejieba ships them (read only when building). */
export function readFullDictionary(): DictionaryTables {
  const dir = join(dirname(require.resolve("nodejieba/package.json")), "submodules", "cppjieba", "dict");
  return {
    dict: readFileSync(join(dir, "jieba.dict.utf8"), "utf8"),
    userDict: readFileSync(join(dir, "user.dict.utf8"), "utf8"),
  };
}

/** The serving dictionary's files inside an index folder. */
export function servingDictionaryPath(indexDir: string): { dict: string; userDict: string; stamp: string } {
  return {
    dict: join(indexDir, "jieba.dict.utf8"),
    userDict: join(indexDir, "jieba.user.utf8"),
    stamp: join(indexDir, "jieba.json"),
  };
}

/**
 * Saves the serving dictionary with the index. The stamp (written last) names the build, so a
 * dictionary from another build — a crash between files — is never served.
 */
export async function saveServingDictionary(indexDir: string, buildId: string, dictionary: ServingDictionary): Promise<void> {
  const paths = servingDictionaryPath(indexDir);
  await mkdir(indexDir, { recursive: true });
  await writeAtomic(paths.dict, dictionary.dict);
  await writeAtomic(paths.userDict, dictionary.userDict);
  await writeAtomic(paths.stamp, JSON.stringify({ buildId, ...dictionary.stats }, null, 2));
}

/** The saved serving dictionary of this build, or null when it is missing or from another build. */
export async function readServingDictionary(indexDir: string, buildId: string): Promise<JiebaDictionary | null> {
  const paths = servingDictionaryPath(indexDir);
  try {
    const stamp = JSON.parse(await readFile(paths.stamp, "utf8")) as { buildId?: unknown };
    if (stamp.buildId !== buildId) return null;
    await Promise.all([access(paths.dict), access(paths.userDict)]);
    return { kind: "trimmed", dict: paths.dict, userDict: paths.userDict };
  } catch {
    return null;
  }
}
