/**
 * Which words of a long list occur in a short text, reported in the list's order. A question is
 * checked against ~400 place forms, ~1,500 author names and ~800 thesaurus words; one indexOf
 * per word was a fifth of a question's time at 100k passages. Here the words are bucketed by
 * their first character, so the text is walked once and each position tries only the words
 * that begin with its character. (Aho–Corasick would do it in one pass too; for texts of a few
 * dozen characters the buckets are as fast and need no dependency.)
 */
export class WordFinder {
  private readonly byFirst = new Map<string, number[]>();

  constructor(private readonly words: readonly string[]) {
    words.forEach((word, i) => {
      if (word.length === 0) return;
      const bucket = this.byFirst.get(word[0]!);
      if (bucket) bucket.push(i);
      else this.byFirst.set(word[0]!, [i]);
    });
  }

  /** Positions in the list (ascending) of the words found in `text`. */
  present(text: string): number[] {
    const found: number[] = [];
    for (let at = 0; at < text.length; at++) {
      const bucket = this.byFirst.get(text[at]!);
      if (!bucket) continue;
      for (let k = 0; k < bucket.length; k++) {
        const i = bucket[k]!;
        if (!found.includes(i) && text.startsWith(this.words[i]!, at)) found.push(i);
      }
    }
    return found.sort((a, b) => a - b);
  }
}

const finders = new WeakMap<object, WordFinder>();

/**
 * The finder for a list that lives as long as its owner (a gazetteer, a thesaurus, the corpus's
 * authors), built on first use and kept with the list: `key` is the list or the object it is
 * read from, `words` the strings to find.
 */
export function finderFor(key: object, words: () => readonly string[]): WordFinder {
  let finder = finders.get(key);
  if (!finder) {
    finder = new WordFinder(words());
    finders.set(key, finder);
  }
  return finder;
}
