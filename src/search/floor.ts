import type { Query } from "./query.js";
import { termCredit, type Ranked } from "./retrieve.js";

/**
 * The relevance floor: whether a ranked passage says enough of a question to be an answer, or
 * shares only ubiquitous words with it (工会, 工作, 职工) and the question gets a notice instead
 * of weak hits. Pure: a question's terms and their weights in, judgements of passages out.
 *
 * A word counts as said when a passage has it exactly, by a thesaurus synonym, or by all its
 * pieces (termCredit ≥ SAID_CREDIT). The top passage passes when it says something specific and,
 * in one sentence, at least half of the question's topic (idf-weighted) — or, however many words
 * the question wraps around them (在一线干活的劳模去体检要自己掏钱吗？能照顾几个人), specific words
 * worth more together than any one word can be (one the corpus never says: 高温津贴, 年休假).
 */

/**
 * Below this idf a word is ubiquitous in the corpus (工会, 工作, 职工): sharing only such words
 * with a passage says nothing about relevance.
 */
export const FLOOR_WEIGHT = 1.2;
/**
 * Words that name no topic in any union bulletin, however this corpus happens to spread them:
 * 工资 is in one passage of nine here, so its idf calls it specific, but 职工工资怎么算 asks
 * nothing a work plan answers. (工会, 工作, 职工 fall below FLOOR_WEIGHT on their own.)
 */
const UBIQUITOUS = new Set(["工资"]);
/** A term counts as said by a passage from this credit on: exactly, by a synonym, or all its pieces. */
export const SAID_CREDIT = 0.45;
/** The least idf-weighted share of the question's topic words the top passage must say (no filters). */
export const FLOOR_SHARE = 0.5;
/** Where a sentence (or a listed item) ends, for words said together. */
const SENTENCE_END = /[。！？；;!?]/u;

export class RelevanceFloor {
  /** The question's topic words that are not ubiquitous: the ones a relevant passage says. */
  readonly specific: readonly string[];
  /** The question without its synonyms: what its own words and their pieces credit. */
  private readonly own: Query;

  /**
   * `weights`: each term's idf (termWeights). `unsaidWeight`: the weight of a word no passage
   * has — the most any one word can weigh, which specific words said together must beat.
   * `weightOf`: the idf of any word of the index (a synonym's).
   */
  constructor(
    private readonly query: Query,
    private readonly weights: Readonly<Record<string, number>>,
    private readonly unsaidWeight: number,
    private readonly weightOf: (word: string) => number,
  ) {
    this.specific = query.topical.filter((t) => (weights[t] ?? 0) >= FLOOR_WEIGHT && !this.namesNoTopic(t));
    this.own = { ...query, synonyms: {} };
  }

  /**
   * A word of UBIQUITOUS, or one made of such a word and other ubiquitous ones (职工工资 = 职工 +
   * 工资): the corpus may hold the compound rarely, but it still names no topic.
   */
  private namesNoTopic(term: string): boolean {
    const ubiquitous = (w: string) => UBIQUITOUS.has(w) || this.weightOf(w) < FLOOR_WEIGHT;
    // made[i]: term[0, i) splits into ubiquitous words of two or more characters; one of UBIQUITOUS among them.
    const made: (boolean | "listed")[] = [true];
    for (let end = 2; end <= term.length; end++) {
      made[end] = false;
      for (let start = end - 2; start >= 0; start--) {
        const before = made[start];
        const word = term.slice(start, end);
        if (!before || !ubiquitous(word)) continue;
        made[end] = before === "listed" || UBIQUITOUS.has(word) ? "listed" : true;
        if (made[end] === "listed") break;
      }
    }
    return made[term.length] === "listed";
  }

  /** Whether a ranked passage says a question term (exactly, by a synonym or by all its pieces). */
  says(ranked: Ranked, term: string): boolean {
    return this.credit(term, new Set(ranked.matched)) >= SAID_CREDIT;
  }

  /**
   * How much a passage's words say a term (termCredit), a synonym of ubiquitous words counting
   * only as much as they are informative: 工人 said by 职工, or 厂里 by 企业 — words in nearly
   * every passage — says nothing about whether the passage is on the question's topic (工伤赔偿).
   */
  private credit(term: string, matched: ReadonlySet<string>): number {
    const credit = termCredit(this.query, term, matched);
    if (credit < SAID_CREDIT || matched.has(term)) return credit;
    const own = termCredit(this.own, term, matched);
    if (own >= credit) return own;
    const weight = this.weights[term] ?? 0;
    let strength = 0;
    for (const words of this.query.synonyms[term] ?? []) {
      if (words.every((w) => matched.has(w))) strength = Math.max(strength, words.reduce((sum, w) => sum + (UBIQUITOUS.has(w) ? 0 : this.weightOf(w)), 0));
    }
    // A synonym of some substance (女工 said by 女职工) says the word; one of ubiquitous words
    // (职工, 企业) only as much as they weigh, and one naming no topic (月工资 said by 工资) not at all.
    return strength >= FLOOR_WEIGHT || weight === 0 ? credit : Math.max(own, credit * Math.min(1, strength / weight));
  }

  /** Whether a ranked passage says any of the question's specific words. */
  saysSpecific(ranked: Ranked): boolean {
    return this.specific.some((t) => this.says(ranked, t));
  }

  /** Whether the top passage is too weak to be an answer (or there is none). */
  below(top: Ranked | undefined): boolean {
    return top === undefined || !this.saysSpecific(top) || (this.topicShare(top) < FLOOR_SHARE && !this.saysEnough(top));
  }

  /** The question's specific (or else topic, or else all) words the top passage does not say. */
  unsaid(top: Ranked | undefined): string[] {
    const words = this.specific.length > 0 ? this.specific : this.query.topical.length > 0 ? this.query.topical : this.query.terms;
    return words.filter((t) => !top || !this.says(top, t));
  }

  /** The best idf-weighted share of the topic one sentence of the passage says. */
  private topicShare(ranked: Ranked): number {
    return Math.max(0, ...this.together(ranked).map((matched) => this.shareOf(matched)));
  }

  /** Whether one sentence of the passage says specific words worth more than any one word. */
  private saysEnough(ranked: Ranked): boolean {
    return this.together(ranked).some((matched) =>
      this.specific.reduce((sum, t) => sum + (this.credit(t, matched) >= SAID_CREDIT ? this.weights[t]! : 0), 0) > this.unsaidWeight,
    );
  }

  private shareOf(matched: ReadonlySet<string>): number {
    let said = 0;
    let total = 0;
    for (const t of this.query.topical) {
      total += this.weights[t] ?? 0;
      // Said in other words (a synonym), a word counts as much as the synonym credits it.
      const credit = this.credit(t, matched);
      if (credit >= SAID_CREDIT) said += (this.weights[t] ?? 0) * credit;
    }
    return total > 0 ? said / total : 0;
  }

  /**
   * The matched words of each sentence (with the item's headline): words must meet in one
   * sentence, not be picked from a list's unrelated items (病假工资 is no 疗休养 in one item and
   * 工资集体协商 in another).
   */
  private together(ranked: Ranked): Set<string>[] {
    const heading = `${ranked.passage.title ?? ""}\n${ranked.passage.section ?? ""}`;
    return ranked.passage.text.split(SENTENCE_END).map((sentence) => new Set(ranked.matched.filter((w) => sentence.includes(w) || heading.includes(w))));
  }
}
