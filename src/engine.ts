import { readdir } from "node:fs/promises";
import { unitsAnswer } from "./answer/units-answer.js";
import { catalogueAnswer, type CatalogueEntry } from "./answer/catalogue.js";
import { directContext } from "./answer/context.js";
import { asksMeasure, statesAskedCount, directAnswer, evidentAnswer, FIGURE_PATTERN, TIME_PATTERN, type DirectContext, type DirectSpan } from "./answer/direct.js";
import { asksUnits, isComparison, isYesNo, questionKind, type AnswerKind } from "./answer/kind.js";
import { Answer, type Direct, type Hit } from "./answer/schema.js";
import { isFooter, type Passage } from "./corpus/passage.js";
import { listSeeds, readCorpus, type SeedListing } from "./corpus/read.js";
import { buildGazetteer, type Gazetteer, type OrgRecord } from "./search/gazetteer.js";
import { makeExcerpt } from "./answer/excerpt.js";
import {
  FILTERS_ONLY, NO_HITS, NO_WORDS_IN_ITEM, NOTHING_TO_SEARCH, cutNotice, floorNotice, missingPlacesNotice, missingYearsNotice, noCombinationNotice, townNotice, itemNotice,
  type Coverage,
} from "./answer/notices.js";
import { CompactIndex } from "./search/compact-index.js";
import { parseQuery, type Query } from "./search/query.js";
import { mayNameOne, quotingCoinedName } from "./search/coined-name.js";
import { bestOfEachYear } from "./search/comparison.js";
import { RelevanceFloor } from "./search/floor.js";
import { answerFirst, answeringUnits, countFirst, withoutFooters, withoutWeak } from "./search/reorder.js";
import { retrieve, termWeight, termWeights, unsaidWeight } from "./search/retrieve.js";
import {
  SCHEMA_VERSION, loadStored, newBuildId, readManifest, saveIndex, staleReason, thesaurusFingerprint,
  type BulletinSummary, type Manifest, type StoredCorpus,
} from "./search/store.js";
import { readFullDictionary, readServingDictionary, saveServingDictionary, trimDictionary } from "./text/dictionary.js";
import { useDictionary, type JiebaDictionary } from "./text/segment.js";
import { EMPTY_THESAURUS, loadThesaurus, type Thesaurus } from "./text/thesaurus.js";
import { OPERATOR_THESAURUS_NAME, THESAURUS_FILE } from "./paths.js";
import { join } from "node:path";

export interface SourceSummary {
  source: string;
  year: number | null;
  title: string | null;
  orgs: string[];
  passages: number;
}

export interface IndexInfo {
  schemaVersion: number;
  /** ISO time of the build. */
  builtAt: string;
  passages: number;
  files: number;
}

export interface AskOptions {
  /** How many hits at most (default 5). */
  limit?: number;
}

export interface OpenOptions {
  seedsDir: string;
  indexDir: string;
  /** Warnings such as a skipped file; default writes to stderr. */
  onWarning?: (message: string) => void;
  /** Build progress (passages indexed so far), for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Rebuild even when the saved index is fresh. */
  rebuild?: boolean;
}

/** How the engine came to be: loaded from disk, or built (and why). */
export type OpenedFrom = { kind: "loaded" } | { kind: "built"; reason: string };

/** Longest question the engine retrieves on; longer ones are cut, with a notice. */
export const MAX_QUESTION_CHARS = 200;
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

/**
 * The question's words a span answering it should hold. A word no passage has (参加, 打算)
 * cannot place an answer, and a function word (为了, 以后) says nothing about where it is:
 * both would only dilute coverage. Function words stay when nothing else is left.
 */
function answerTerms(query: Query, inIndex: (term: string) => boolean): string[] {
  const found = query.terms.filter((t) => foundInIndex(query, t, inIndex));
  const topical = found.filter((t) => query.topical.includes(t));
  return topical.length > 0 ? topical : found;
}

/** Whether the index holds a question term: whole, by one of its pieces, or by a thesaurus synonym. */
function foundInIndex(query: Query, term: string, inIndex: (term: string) => boolean): boolean {
  return inIndex(term) || (query.pieces[term] ?? []).some(inIndex) || query.synonyms[term] !== undefined;
}

/** How deep a which-units question looks for the organisations that answer it. */
const UNITS_DEPTH = 30;

export class EngineError extends Error {
  override name = "EngineError";
}

/**
 * The answer engine: bulletins in, cited answers out. Opening it loads the saved index, or
 * rebuilds it when it is missing or stale; asking never throws, whatever the question.
 */
export class Engine {
  readonly openedFrom: OpenedFrom;
  private readonly byId: Map<string, Passage>;
  private readonly gazetteer: Gazetteer;
  private readonly coverage: Coverage;
  private readonly yearSet: Set<number>;
  private readonly index: CompactIndex;
  private exampleCache: string[] | null = null;
  private thesaurus: Thesaurus = EMPTY_THESAURUS;
  /** Built on first use by the ask path (direct answers, catalogue). */
  private answering: AnsweringData | null = null;

  private constructor(
    private readonly manifest: Manifest,
    private readonly corpus: StoredCorpus,
    index: CompactIndex,
    gazetteer: Gazetteer,
    openedFrom: OpenedFrom,
  ) {
    this.openedFrom = openedFrom;
    this.byId = new Map(corpus.passages.map((p) => [p.id, p]));
    // Served from flat arrays, not MiniSearch's Maps: see compact-index.ts.
    this.index = index;
    this.gazetteer = gazetteer;
    this.yearSet = new Set(corpus.bulletins.map((b) => b.year).filter((y): y is number => y !== null));
    const yearsByLabel = new Map<string, Set<number>>();
    for (const p of corpus.passages) {
      const label = p.place ?? p.org;
      if (!label || p.year === null) continue;
      if (!yearsByLabel.has(label)) yearsByLabel.set(label, new Set());
      yearsByLabel.get(label)!.add(p.year);
    }
    this.coverage = {
      years: [...this.yearSet].sort((a, b) => a - b),
      labels: [...this.gazetteer.places, ...this.gazetteer.placelessOrgs],
      yearsOf: (label) => [...(yearsByLabel.get(label) ?? [])].sort((a, b) => a - b),
    };
  }

  /**
   * Loads the thesaurus, then the index from disk, rebuilding it first when missing, stale or
   * damaged. Damage (a manifest or data file that fails its checks) is reported once through
   * onWarning; it is never fatal and never served.
   */
  static async open(options: OpenOptions): Promise<Engine> {
    const warn = options.onWarning ?? ((message: string) => process.stderr.write(`${message}\n`));
    const thesaurus = loadThesaurus(THESAURUS_FILE, join(options.seedsDir, OPERATOR_THESAURUS_NAME), warn);
    const engine = await Engine.openIndex(options, thesaurus);
    engine.thesaurus = thesaurus;
    return engine;
  }

  private static async openIndex(options: OpenOptions, thesaurus: Thesaurus): Promise<Engine> {
    const warn = options.onWarning ?? ((message: string) => process.stderr.write(`${message}\n`));
    await assertDirectory(options.seedsDir);
    const listing = await listSeeds(options.seedsDir);
    const saved = await readManifest(options.indexDir);
    const manifest = saved.kind === "ok" ? saved.manifest : null;
    let damage = saved.kind === "damaged" ? saved.reason : null;
    let reason = options.rebuild ? "要求重建" : damage ?? staleReason(manifest, listing.seeds.map((s) => s.file), thesaurusFingerprint(thesaurus.words));
    if (!reason && manifest) {
      const stored = await loadStored(options.indexDir, manifest);
      const dictionary = stored.ok ? await readServingDictionary(options.indexDir, manifest.buildId) : null;
      if (stored.ok && dictionary) {
        const gazetteer = learnNames(stored.corpus.bulletins, dictionary);
        return new Engine(manifest, stored.corpus, stored.index, gazetteer, { kind: "loaded" });
      }
      damage = reason = stored.ok ? "分词词典缺失或不属于这次建立的索引" : stored.reason;
    }
    if (damage && !options.rebuild) warn(`索引已损坏，正在重建：${damage}`);
    return Engine.build(options, warn, reason ?? "索引不存在", listing, thesaurus);
  }

  private static async build(
    options: OpenOptions,
    warn: (message: string) => void,
    reason: string,
    listing: SeedListing,
    thesaurus: Thesaurus,
  ): Promise<Engine> {
    // Building needs MiniSearch; a process serving a fresh index never loads it.
    const { buildIndexYielding, indexedTexts } = await import("./search/passage-index.js");
    const read = await readCorpus(options.seedsDir, warn, listing);
    const passages = read.bulletins.flatMap((b) => b.passages);
    const bulletins: BulletinSummary[] = read.bulletins.map((b) => ({
      source: b.source,
      year: b.year,
      title: b.title,
      encoding: b.encoding,
      orgs: b.orgs,
      authors: b.authors,
      passages: b.passages.length,
    }));
    // The segmenter must know the corpus's names before it cuts the corpus for the index.
    const gazetteer = learnNames(bulletins, { kind: "full" });
    // MiniSearch builds; the packed arrays are what is saved and served, and the MiniSearch
    // instance (nested Maps, most of the build's memory) is garbage once they exist.
    const index = CompactIndex.fromMiniSearch(await buildIndexYielding(passages, options.onProgress), passages);
    const buildId = newBuildId();
    const built: Omit<Manifest, "checksums"> = {
      schemaVersion: SCHEMA_VERSION,
      buildId,
      builtAt: new Date().toISOString(),
      passages: passages.length,
      files: read.files,
      skipped: read.skipped,
      thesaurus: thesaurusFingerprint(thesaurus.words),
    };
    const corpus: StoredCorpus = { buildId, bulletins, passages };
    // Serving needs only the words the corpus can use (src/text/dictionary.ts); saved before the
    // manifest (written last), stamped with the build id. Thesaurus words are kept too: a
    // question naming one must be cut as the full dictionary would.
    const trimmed = trimDictionary(readFullDictionary(), passages.flatMap(indexedTexts), { extraWords: thesaurus.words });
    await saveServingDictionary(options.indexDir, buildId, trimmed);
    const manifest = await saveIndex(options.indexDir, built, corpus, index);
    const served = await readServingDictionary(options.indexDir, buildId);
    if (!served) throw new EngineError(`索引目录无法写入：${options.indexDir}`);
    useDictionary(served, gazetteer.dictionary);
    return new Engine(manifest, corpus, index, gazetteer, { kind: "built", reason });
  }

  ask(question: string, options: AskOptions = {}): Answer {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const raw = typeof question === "string" ? question : "";
    const chars = [...raw.trim()];
    const cut = chars.length > MAX_QUESTION_CHARS;
    const asked = cut ? chars.slice(0, MAX_QUESTION_CHARS).join("") : chars.join("");
    const notices: string[] = cut ? [cutNotice(MAX_QUESTION_CHARS)] : [];
    const answer = (query: Query | null, hits: Hit[], notice: string | null, direct: Direct | null = null, byYear?: number[]): Answer => {
      const all = notice ? [...notices, notice] : notices;
      return {
        query: asked,
        filters: {
          places: query ? query.targets.map((t) => t.label) : [],
          years: query ? query.years.filter((y) => this.yearSet.has(y)) : [],
        },
        notice: all.length > 0 ? all.join(" ") : null,
        direct,
        ...(byYear ? { byYear } : {}),
        hits,
      };
    };

    const data = this.answeringData();
    const query = parseQuery(asked, {
      gazetteer: this.gazetteer,
      inCorpus: (word) => this.inCorpus(word),
      thesaurus: this.thesaurus,
      authors: data.authors,
      longerWords: (word) => this.index.longerWords(word),
      saysVerbatim: (phrase, word) => this.index.saysVerbatim(phrase, word, this.index.size * VERBATIM_SHARE),
    });
    const kind = questionKind(query.text, query.topical);
    if (query.terms.length === 0 && query.years.length === 0 && query.targets.length === 0 && query.missingPlaces.length === 0 && query.authors.length === 0) {
      if (kind === "catalogue") return answer(query, [], null, catalogueAnswer(query.text, data.catalogue, { years: [], labels: [] }));
      const example = this.examples()[0];
      return answer(null, [], example ? `${NOTHING_TO_SEARCH}比如：${example}` : NOTHING_TO_SEARCH);
    }

    const missingYears = query.years.filter((y) => !this.yearSet.has(y));
    const years = query.years.filter((y) => this.yearSet.has(y));
    const labels = query.targets.map((t) => t.label);
    const missing: string[] = [];
    if (missingYears.length > 0) missing.push(missingYearsNotice(missingYears, this.coverage));
    if (query.missingPlaces.length > 0) missing.push(missingPlacesNotice(query.missingPlaces, this.coverage));
    // A named year or place the corpus lacks must not be silently widened to everything else.
    const yearsGone = missingYears.length > 0 && years.length === 0;
    const placesGone = query.missingPlaces.length > 0 && labels.length === 0;
    if (yearsGone || placesGone) return answer(query, [], missing.join(" "));

    if (labels.length > 0 && years.length > 0) {
      const together = labels.some((label) => this.coverage.yearsOf(label).some((y) => years.includes(y)));
      if (!together) return answer(query, [], [...missing, noCombinationNotice(labels, years, this.coverage)].join(" "));
    }

    if (kind === "catalogue") {
      const direct = catalogueAnswer(query.text, data.catalogue, { years, labels });
      if (direct) return answer(query, [], missing.length > 0 ? missing.join(" ") : null, direct);
    }

    const filter = { years, targets: query.targets, authors: query.authors, mentionedYears: true };
    // A year, place or author narrows the question to an item: weak words are then enough.
    const filtered = years.length > 0 || labels.length > 0 || query.authors.length > 0;
    const context = { index: this.index, passages: this.corpus.passages };
    let ranked = withoutFooters((depth) => retrieve(query, context, filter, depth), query.text, limit);
    // A named place, organisation or author whose passages say none of the question's words (宝钢
    // 苏冶多长时间把工人叫到一起聊聊): the item itself, in reading order, is more use than nothing
    // found — the answer is in there, said in words the question did not use. No span is then sure
    // enough to be the answer, except whose item it is: its passages carry the byline (so a
    // who-question with a year alone is listed too). A year alone otherwise names a whole
    // bulletin, not an item: its opening passages would be no help.
    let unmatched = false;
    if (ranked.length === 0 && (labels.length > 0 || query.authors.length > 0 || (kind === "who" && filtered))) {
      ranked = retrieve({ ...query, terms: [] }, context, filter, limit);
      unmatched = ranked.length > 0 && kind !== "who";
    }
    const weights = termWeights(query, this.index);
    const floor = new RelevanceFloor(query, weights, unsaidWeight(this.index), (word) => termWeight(this.index, word));
    // A town the bulletins name (木渎镇) narrows the question as a place does: below the floor,
    // the passages that name it are listed (the answer may be there in other words: 木渎镇工会试办
    // 了啥 is answered by 创办职工法律服务站), with the notice and no direct answer.
    const town = query.topical.find((t) => TOWN.test(t) && ranked[0]?.matched.includes(t));
    let townOnly: string | null = null;
    // Judged once, on the ranking as retrieved.
    const belowFloor = query.terms.length > 0 && !filtered && floor.below(ranked[0]);
    // A coined name typed whole (企业工会建设年) is found though its words are everywhere.
    let quoted = false;
    if (belowFloor && mayNameOne(query)) {
      const quoting = quotingCoinedName(query, context, filter, limit);
      if (quoting.length > 0) {
        ranked = quoting;
        quoted = true;
      }
    }
    if (belowFloor && !quoted) {
      const unsaidWords = floor.unsaid(ranked[0]);
      if (town === undefined) return answer(query, [], [...missing, floorNotice(unsaidWords, this.coverage)].join(" "));
      ranked = ranked.filter((r) => r.matched.includes(town));
      townOnly = townNotice(unsaidWords, town);
    }
    // Weak hits (only ubiquitous words) after a specific one are noise, not results — unless a
    // place, year or author names the item: there its other passages are what was asked about,
    // and a paraphrase's answer may be among them in words the question did not use.
    if (!filtered) ranked = withoutWeak(ranked, floor);

    // Comparisons: the best passage of each year first, in year order, then the rest.
    let byYear: number[] | undefined;
    if (isComparison(query.text, years, kind) && query.terms.length > 0) {
      const compared = years.length >= 2 ? years : [...new Set(labels.length > 0 ? labels.flatMap((l) => this.coverage.yearsOf(l)) : this.coverage.years)];
      const best = bestOfEachYear(query, context, filter, compared, labels.length > 0);
      if (best.length >= 2) {
        const rest = ranked.filter((r) => !best.some((b) => b.passage.id === r.passage.id));
        ranked = [...best, ...rest].slice(0, limit);
        byYear = best.slice(0, limit).map((r) => r.passage.year!);
      }
    }

    const yesNo = kind === "what" && isYesNo(query.text) && query.topical.length > 0;
    // Words the bulletins never use (开店, 法院) weigh at most this much in a yes-no answer's cover:
    // each still counts against a clause, and one alone does not veto one that says the rest.
    const unsaid = (t: string) => !foundInIndex(query, t, (w) => this.inIndex(w));
    const directQuery = {
      question: query.text,
      // Whether the plan does something: what it does must say the question's own words, those
      // the bulletins never use too (流动的法院: no clause confirms a court the text never names).
      terms: yesNo ? query.topical : answerTerms(query, (t) => this.inIndex(t)),
      weights: yesNo ? Object.fromEntries(Object.entries(weights).map(([t, w]) => [t, unsaid(t) ? Math.min(w, UNSAID_IN_YES_NO) : w])) : weights,
      pieces: query.pieces,
      synonyms: query.synonyms,
      split: query.split,
    };
    const statesCount = kind === "figure" && !byYear ? statesAskedCount(query.text) : null;
    if (statesCount) ranked = countFirst(ranked, statesCount);
    const passages = ranked.map((r) => r.passage);
    // An item listed because its passages say none of the question's words still answers what is
    // its own evidence (常熟2008年三个所: the three items carrying 所).
    // A figure or time asked with only ubiquitous topic words and no measure (常熟2007年工会工作有
    // 多少, 2012年工会什么时候) names nothing a span could be the answer about: any clause saying
    // 工会 and a figure would do. Listed, yes (a year or place named the item); answered, no. A
    // measure asked for (几项, 多少项工作) says what is counted, and is answered.
    const vague = (kind === "figure" || kind === "when") && floor.specific.length === 0 && query.terms.length > 0 && !asksMeasure(query.text);
    // Two places or organisations named (常熟和吴中各有什么打算, 吴江和沧浪有啥区别): an answer read
    // from one passage speaks for one of them, and stated on top it would read as the answer
    // for both. The hits, best first, show each.
    const several = labels.length >= 2;
    // Which places or unions do something, none named (2012年哪些单位提到了“两个普遍”): the answer
    // is organisations, several, where a list read from one passage is that passage's items.
    // (Whom the bulletin went to is its footer's list of units.)
    const acrossUnits = labels.length === 0 && kind === "list" && asksUnits(query.text) && !(ranked[0] && isFooter(ranked[0].passage));
    // Which places or unions: the organisations of the passages that answer the question (above
    // the floor), read from ranking deeper than a page — each organisation has a few.
    const answering = acrossUnits ? answeringUnits(retrieve(query, context, filter, UNITS_DEPTH), query.text, floor, weights) : [];
    const units = acrossUnits ? unitsAnswer(answering.map((r) => r.passage), years.length > 0) : null;
    // Each organisation named is shown by its best passage, in the answer's order.
    if (units) {
      const shown = answering.filter((r) => units.sources.includes(r.passage));
      ranked = [...shown, ...ranked.filter((r) => !units.sources.includes(r.passage))].slice(0, limit);
    }
    const found: DirectSpan | null = units?.found ?? (byYear || townOnly || vague || several || acrossUnits ? null
      : unmatched ? evidentAnswer(kind, directQuery, passages, data.context)
      : directAnswer(kind, directQuery, passages, data.context));

    // Answered directly, a named item's weaker passages are noise after all.
    if (found && filtered) ranked = withoutWeak(ranked, floor, found.direct.hitId);
    const source = found?.direct.hitId ? this.byId.get(found.direct.hitId) : undefined;
    if (source) ranked = answerFirst(ranked, source, limit);
    const terms = [...query.terms, ...Object.values(query.pieces).flat(), ...Object.values(query.synonyms).flat(2)];
    const prefer = EXCERPT_PREFERENCE[kind ?? "what"];
    const hits: Hit[] = ranked.map(({ passage, score }) => ({
      id: passage.id,
      source: passage.source,
      org: passage.org,
      place: passage.place,
      year: passage.year,
      title: passage.title,
      section: passage.section,
      author: passage.author,
      paragraph: passage.paragraph,
      text: passage.text,
      excerpt: makeExcerpt(passage.text, terms, found?.span && found.direct.hitId === passage.id ? { span: found.span } : { prefer }),
      score: Math.round(score * 1000) / 1000,
    }));
    // Named an item, asked something specific its passages never say, and no answer read from
    // them: the passages follow, but not as though they answered. (Compared, each side's best
    // passage is shown for what it is.)
    const weakInItem = filtered && !found && !unmatched && !byYear && !several && ranked.length > 0 && floor.specific.length > 0 && !floor.saysSpecific(ranked[0]!);
    const note = hits.length === 0 ? NO_HITS : query.terms.length === 0 ? FILTERS_ONLY : unmatched && !found ? NO_WORDS_IN_ITEM
      : weakInItem ? itemNotice(floor.unsaid(ranked[0])) : townOnly;
    return answer(query, hits, [...missing, note].filter(Boolean).join(" ") || null, found?.direct ?? null, byYear);
  }

  /** What the ask path needs beyond the index: names, the catalogue, paragraphs and items. */
  private answeringData(): AnsweringData {
    if (this.answering) return this.answering;
    const context = directContext(this.corpus.passages);
    const catalogue: CatalogueEntry[] = this.corpus.bulletins.map((b) => ({
      source: b.source,
      year: b.year,
      title: b.title,
      orgs: b.orgs.map((o) => ({ name: o.name, place: o.place })),
    }));
    const authors = this.gazetteer.dictionary.filter((w) => w.tag === "nr").map((w) => w.word);
    this.answering = { context, catalogue, authors };
    return this.answering;
  }

  /** Whether any passage has the word, in any field. */
  private inIndex(word: string): boolean {
    return this.index.has(word);
  }

  /** Whether a word occurs in the corpus text at all. */
  private inCorpus(word: string): boolean {
    return this.index.has(word, "text");
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** The passage with the passages before and after it in the same file. */
  context(id: string, radius = 1): { before: Passage[]; passage: Passage; after: Passage[] } | undefined {
    const passage = this.byId.get(id);
    if (!passage) return undefined;
    const at = this.corpus.passages.indexOf(passage);
    const same = (p: Passage | undefined): p is Passage => p !== undefined && p.source === passage.source;
    const before = this.corpus.passages.slice(Math.max(0, at - radius), at).filter(same);
    const after = this.corpus.passages.slice(at + 1, at + 1 + radius).filter(same);
    return { before, passage, after };
  }

  sources(): SourceSummary[] {
    return this.corpus.bulletins.map((b) => ({
      source: b.source,
      year: b.year,
      title: b.title,
      orgs: b.orgs.map((o) => o.name),
      passages: b.passages,
    }));
  }

  info(): IndexInfo {
    return {
      schemaVersion: this.manifest.schemaVersion,
      builtAt: this.manifest.builtAt,
      passages: this.manifest.passages,
      files: this.corpus.bulletins.length,
    };
  }

  /** Identifies the build this engine serves (the manifest's build id). */
  buildId(): string {
    return this.manifest.buildId;
  }

  /** Files skipped at build time, with the reason. */
  skipped(): { name: string; reason: string }[] {
    return this.manifest.skipped;
  }

  /**
   * Example questions for welcome screens: a place, a year and a topic, one per bulletin, each
   * checked to have a top hit that quotes its topic, so a tapped example always lands well.
   * Computed once: the corpus does not change while the engine lives.
   */
  examples(): string[] {
    if (this.exampleCache) return this.exampleCache;
    const examples: string[] = [];
    for (const bulletin of this.corpus.bulletins) {
      if (bulletin.year === null) continue;
      // Different places make better examples than three questions about one city.
      const fresh = bulletin.orgs.filter((o) => o.place && !examples.some((e) => e.startsWith(`${o.place} `)));
      for (const org of fresh) {
        const topic = EXAMPLE_TOPICS.find((t) => {
          const question = `${org.place} ${bulletin.year} ${t}`;
          return !examples.includes(question) && this.ask(question, { limit: 1 }).hits[0]?.text.includes(t);
        });
        if (topic) {
          examples.push(`${org.place} ${bulletin.year} ${topic}`);
          break;
        }
      }
      if (examples.length === 3) break;
    }
    this.exampleCache = examples;
    return examples;
  }
}

/** What the ask path keeps beside the index. */
interface AnsweringData {
  context: DirectContext;
  catalogue: CatalogueEntry[];
  authors: string[];
}

/**
 * A synonym cut into words that lose a character of it (免费送电影 → 免费, 电影) stands only when
 * each of its words is in at most this share of the passages (工会 of 厂工会 is everywhere).
 */
const VERBATIM_SHARE = 0.2;
/** The most a word the bulletins never use weighs in a yes-no answer's cover (a mid-rare word's idf). */
const UNSAID_IN_YES_NO = 2;
/**
 * A town, street or village, by its form: a unit inside the districts the bulletins cover. (A
 * city such as 苏州 contains them all, so naming it narrows nothing.)
 */
const TOWN = /^[\u4e00-\u9fff]{2,4}(?:镇|乡|街道|社区|村)$/u;

/** The sentence shape each question kind wants its excerpt to show. */
const EXCERPT_PREFERENCE: Record<AnswerKind, RegExp | undefined> = {
  figure: FIGURE_PATTERN,
  when: TIME_PATTERN,
  list: undefined,
  who: undefined,
  what: undefined,
  catalogue: undefined,
};

/** Topics union cadres ask about, tried in order when picking example questions. */
const EXAMPLE_TOPICS = ["工作任务", "困难职工", "劳动竞赛", "重点工作", "工作目标", "职工书屋", "工资集体协商", "农民工"];

/** The corpus's names as filters, taught to the segmenter (queries and indexing both need them). */
function learnNames(bulletins: BulletinSummary[], dictionary: JiebaDictionary): Gazetteer {
  const gazetteer = buildGazetteer(
    mergeOrgs(bulletins.flatMap((b) => b.orgs)),
    [...new Set(bulletins.flatMap((b) => b.authors))],
  );
  useDictionary(dictionary, gazetteer.dictionary);
  return gazetteer;
}

/** The same organisation across bulletins: one record, every alias. */
function mergeOrgs(orgs: OrgRecord[]): OrgRecord[] {
  const merged = new Map<string, OrgRecord>();
  for (const org of orgs) {
    const known = merged.get(org.name);
    if (known) known.aliases = [...new Set([...known.aliases, ...org.aliases])];
    else merged.set(org.name, { ...org, aliases: [...org.aliases] });
  }
  return [...merged.values()];
}

async function assertDirectory(dir: string): Promise<void> {
  try {
    await readdir(dir);
  } catch {
    throw new EngineError(`找不到简报目录：${dir}`);
  }
}

export { Answer };
