import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseGenerated } from "../../src/bench/count.js";
import { loadTemplates, synthFile } from "../../src/bench/synth.js";
import type { Passage } from "../../src/corpus/passage.js";
import { readCorpus } from "../../src/corpus/read.js";
import { DEFAULT_SEEDS_DIR, EVAL_SET_FILE, THESAURUS_FILE } from "../../src/paths.js";
import { CompactIndex, type ScoreOptions } from "../../src/search/compact-index.js";
import { buildGazetteer, type Gazetteer, type OrgRecord } from "../../src/search/gazetteer.js";
import { buildIndex } from "../../src/search/passage-index.js";
import { parseQuery } from "../../src/search/query.js";
import { retrieve, type Ranked } from "../../src/search/retrieve.js";
import { loadDictionary } from "../../src/text/segment.js";
import { loadThesaurus } from "../../src/text/thesaurus.js";

/**
 * Ranking takes shortcuts: it prunes long posting lists and proves, with per-list score maxima,
 * that no passage it left out could rank (unpruning a term when the proof fails), and it only
 * sorts and phrase-checks candidates that can reach a score the hits are sure to have. Whatever
 * it skips, the hits must be exactly those of scoring every matching passage and sorting them
 * all: same passages, same order, same scores.
 */

interface Corpus {
  passages: Passage[];
  index: CompactIndex;
  gazetteer: Gazetteer;
  text: string;
}

function corpusOf(passages: Passage[], orgs: OrgRecord[], authors: string[]): Corpus {
  return {
    passages,
    index: CompactIndex.fromMiniSearch(buildIndex(passages), passages),
    gazetteer: buildGazetteer(orgs, authors),
    text: passages.map((p) => p.text).join("\n"),
  };
}

const thesaurus = loadThesaurus(THESAURUS_FILE, join(DEFAULT_SEEDS_DIR, "no-operator-thesaurus.txt"), () => {});
const evalQuestions = (JSON.parse(readFileSync(EVAL_SET_FILE, "utf8")) as { q: string }[]).map((q) => q.q);
/** Common words alone and together: the questions whose long lists are pruned hardest. */
const COMMON = ["工会", "职工", "工作", "工会 工作", "职工 工会 工作 开展", "加强 工会 建设", "农民工", "劳动", "重点", "开展 活动", "组织 职工", "劳动竞赛", "工人先锋号", "职代会制度", "农民工权益维护", "送温暖", "职工书屋"];

let seeds: Corpus;
let synthetic: Corpus;

beforeAll(async () => {
  const read = await readCorpus(DEFAULT_SEEDS_DIR, () => {});
  const seedGazetteer = buildGazetteer(read.bulletins.flatMap((b) => b.orgs), read.bulletins.flatMap((b) => b.authors));
  loadDictionary(seedGazetteer.dictionary);
  seeds = corpusOf(read.bulletins.flatMap((b) => b.passages), read.bulletins.flatMap((b) => b.orgs), read.bulletins.flatMap((b) => b.authors));
  const templates = loadTemplates(DEFAULT_SEEDS_DIR);
  const files = Array.from({ length: 400 }, (_, i) => synthFile(templates, i)).map((f) => parseGenerated(f.meta.name, f.text));
  synthetic = corpusOf(files.flatMap((f) => f.passages), files.flatMap((f) => f.orgs), files.flatMap((f) => f.authors));
}, 120_000);

/** The pruned and the exhaustive ranking of every question at each limit; how many scoring rounds each took. */
function compare(corpus: Corpus, questions: string[]): number[] {
  const rounds: number[] = [];
  const calls: ScoreOptions[] = [];
  const score = corpus.index.score.bind(corpus.index);
  const index = Object.create(corpus.index) as CompactIndex;
  index.score = (terms, options) => {
    calls.push(options);
    return score(terms, options);
  };
  const context = { index, passages: corpus.passages };
  // Same passages, same order, same matched terms; scores equal but for the last bits (pruned lists
  // are added in another order than walked ones), so compared within a relative 1e-9, not by
  // rounding, which an unlucky score straddles.
  const shown = (hits: Ranked[]) => hits.map((h) => ({ id: h.passage.id, matched: h.matched }));
  const close = (a: Ranked[], b: Ranked[]) => a.every((h, i) => Math.abs(h.score - b[i]!.score) <= 1e-9 * Math.max(1, Math.abs(b[i]!.score)));
  for (const q of questions) {
    const query = parseQuery(q, { gazetteer: corpus.gazetteer, inCorpus: (w) => corpus.text.includes(w), thesaurus });
    const filter = { years: query.years, targets: query.targets, authors: query.authors };
    for (const limit of [1, 5, 20]) {
      calls.length = 0;
      const pruned = retrieve(query, context, filter, limit);
      rounds.push(calls.filter((c) => c.prune).length);
      const exhaustive = retrieve(query, context, filter, limit, { exhaustive: true });
      expect(shown(pruned), `${q} (limit ${limit})`).toEqual(shown(exhaustive));
      expect(close(pruned, exhaustive), `${q} (limit ${limit}): scores`).toBe(true);
    }
  }
  return rounds;
}

describe("pruned ranking", () => {
  it("equals the exhaustive ranking on the seeds", () => {
    compare(seeds, [...evalQuestions, ...COMMON]);
  });

  it("equals the exhaustive ranking on a generated corpus, where long lists are pruned and unpruned", () => {
    expect(synthetic.passages.length).toBeGreaterThan(8000);
    const rounds = compare(synthetic, [...evalQuestions, ...COMMON]);
    // Most questions are proven in one round; for some the proof had to unprune terms.
    expect(rounds.filter((r) => r === 1).length).toBeGreaterThan(rounds.length / 2);
    expect(rounds.some((r) => r > 1)).toBe(true);
  });
});
