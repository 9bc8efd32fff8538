import { catalogueAnswer, type CatalogueEntry } from "./answer/catalogue.js";
import { asksMeasure, directAnswer, evidentAnswer, FIGURE_PATTERN, statesAskedCount, TIME_PATTERN, type DirectContext, type DirectQuery, type DirectSpan } from "./answer/direct.js";
import { makeExcerpt } from "./answer/excerpt.js";
import { asksEachUnit, asksProcedure, asksUnits, asksWhichUnitMost, isComparison, isYesNo, questionKind, type AnswerKind } from "./answer/kind.js";
import {
  FILTERS_ONLY, NO_HITS, NO_WORDS_IN_ITEM, NOTHING_TO_SEARCH, cutNotice, floorNotice, itemNotice, missingPlacesNotice, missingYearsNotice, noCombinationNotice, townNotice, unstatedNotice,
  type Coverage,
} from "./answer/notices.js";
import type { Answer, Direct, Hit } from "./answer/schema.js";
import { unitsAnswer } from "./answer/units-answer.js";
import { isFooter, type Passage } from "./corpus/passage.js";
import { mayNameOne, quotingCoinedName } from "./search/coined-name.js";
import type { CompactIndex } from "./search/compact-index.js";
import { bestOfEachPlace, bestOfEachYear } from "./search/comparison.js";
import { RelevanceFloor } from "./search/floor.js";
import type { Gazetteer } from "./search/gazetteer.js";
import { parseQuery, type Query } from "./search/query.js";
import { answerFirst, answeringUnits, bestOfEachOrg, countFirst, leadWith, withoutFooters, withoutWeak } from "./search/reorder.js";
import { retrieve, termWeight, termWeights, unsaidWeight, type Ranked } from "./search/retrieve.js";
import type { Thesaurus } from "./text/thesaurus.js";

/**
 * Answering one question over an opened library, in stages: read the question (cut when too
 * long), understand it (years, places, kind), say at once when it names what the collection
 * lacks, rank passages (with the relevance floor, a named item's fallbacks and comparisons by
 * year), read a direct answer from the top ones, and show the hits with their excerpts and a
 * notice. The engine (engine.ts) opens the library; this never throws, whatever the question.
 */

/** Longest question the engine retrieves on; longer ones are cut, with a notice. */
export const MAX_QUESTION_CHARS = 200;

/** What answering reads: the index, and what the engine learnt of the collection when opening it. */
export interface Library {
  index: CompactIndex;
  /** Every passage, in reading order. */
  passages: readonly Passage[];
  byId: ReadonlyMap<string, Passage>;
  gazetteer: Gazetteer;
  /** Which years and places the collection covers (for notices). */
  coverage: Coverage;
  years: ReadonlySet<number>;
  thesaurus: Thesaurus;
  answering: AnsweringData;
  /** A question to suggest when one has nothing to search for. */
  example: () => string | undefined;
}

/** What the ask path keeps beside the index: paragraphs and items, the catalogue, authors' names. */
export interface AnsweringData {
  context: DirectContext;
  catalogue: CatalogueEntry[];
  authors: string[];
}

/** The answer to `question`, with at most `limit` hits. */
export function answerQuestion(library: Library, question: string, limit: number): Answer {
  const { asked, notices } = readQuestion(question);
  const respond = (query: Query | null, hits: Hit[], notice: string | null, direct: Direct | null = null, byYear?: number[]): Answer => {
    const all = notice ? [...notices, notice] : notices;
    return {
      query: asked,
      filters: {
        places: query ? query.targets.map((t) => t.label) : [],
        years: query ? query.years.filter((y) => library.years.has(y)) : [],
      },
      notice: all.length > 0 ? all.join(" ") : null,
      direct,
      ...(byYear ? { byYear } : {}),
      hits,
    };
  };

  const { index, answering } = library;
  const query = parseQuery(asked, {
    gazetteer: library.gazetteer,
    inCorpus: (word) => index.has(word, "text"),
    thesaurus: library.thesaurus,
    authors: answering.authors,
    longerWords: (word) => index.longerWords(word),
    saysVerbatim: (phrase, word) => index.saysVerbatim(phrase, word, index.size * VERBATIM_SHARE),
  });
  const kind = questionKind(query.text, query.topical);
  if (query.terms.length === 0 && query.years.length === 0 && query.targets.length === 0 && query.missingPlaces.length === 0 && query.authors.length === 0) {
    if (kind === "catalogue") return respond(query, [], null, catalogueAnswer(query.text, answering.catalogue, { years: [], labels: [] }));
    const example = library.example();
    return respond(null, [], example ? `${NOTHING_TO_SEARCH}比如：${example}` : NOTHING_TO_SEARCH);
  }

  const scope = scopeOf(library, query);
  if ("notice" in scope) return respond(query, [], scope.notice);
  const { years, labels, missing } = scope;

  if (kind === "catalogue") {
    const direct = catalogueAnswer(query.text, answering.catalogue, { years, labels });
    if (direct) return respond(query, [], missing.length > 0 ? missing.join(" ") : null, direct);
  }

  const ranking = rankPassages(library, query, kind, years, labels, limit);
  if ("notice" in ranking) return respond(query, [], [...missing, ranking.notice].join(" "));
  const { floor, filtered, unmatched, townOnly, byYear, several } = ranking;
  const { ranked, found, sought } = readDirect(library, query, kind, ranking, limit);

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
  // A figure, a time or a list asked, sought in the top passages and not found: mostly a near
  // miss, a number or names the bulletins never state (金秋助学每个学生资助多少钱, 那38家是哪几家)
  // — its passages follow, but not as though they held it.
  const unstated = sought && !found && hits.length > 0 ? (kind === "figure" || kind === "when" || kind === "list" ? kind : asksProcedure(query.text) ? "procedure" : null) : null;
  const note = hits.length === 0 ? NO_HITS : query.terms.length === 0 ? FILTERS_ONLY : unmatched && !found ? NO_WORDS_IN_ITEM
    : weakInItem ? itemNotice(floor.unsaid(ranked[0])) : townOnly ?? (unstated ? unstatedNotice(unstated) : null);
  return respond(query, hits, [...missing, note].filter(Boolean).join(" ") || null, found?.direct ?? null, byYear);
}

/** The question as searched: trimmed, and cut to MAX_QUESTION_CHARS with a notice when longer. */
function readQuestion(question: unknown): { asked: string; notices: string[] } {
  const raw = typeof question === "string" ? question : "";
  const chars = [...raw.trim()];
  const cut = chars.length > MAX_QUESTION_CHARS;
  return {
    asked: cut ? chars.slice(0, MAX_QUESTION_CHARS).join("") : chars.join(""),
    notices: cut ? [cutNotice(MAX_QUESTION_CHARS)] : [],
  };
}

/**
 * The years and places the question narrows to, those of them the collection has, and notices
 * for those it lacks; or, when what it names is not there at all (only missing years, only
 * missing places, or a place and a year never together), the notice alone — a named year or
 * place the corpus lacks must not be silently widened to everything else.
 */
function scopeOf(library: Library, query: Query): { years: number[]; labels: string[]; missing: string[] } | { notice: string } {
  const missingYears = query.years.filter((y) => !library.years.has(y));
  const years = query.years.filter((y) => library.years.has(y));
  const labels = query.targets.map((t) => t.label);
  const missing: string[] = [];
  if (missingYears.length > 0) missing.push(missingYearsNotice(missingYears, library.coverage));
  if (query.missingPlaces.length > 0) missing.push(missingPlacesNotice(query.missingPlaces, library.coverage));
  const yearsGone = missingYears.length > 0 && years.length === 0;
  const placesGone = query.missingPlaces.length > 0 && labels.length === 0;
  if (yearsGone || placesGone) return { notice: missing.join(" ") };
  if (labels.length > 0 && years.length > 0) {
    const together = labels.some((label) => library.coverage.yearsOf(label).some((y) => years.includes(y)));
    if (!together) return { notice: [...missing, noCombinationNotice(labels, years, library.coverage)].join(" ") };
  }
  return { years, labels, missing };
}

/** Passages ranked for a question, and what ranking learnt on the way. */
interface Ranking {
  ranked: Ranked[];
  /** The years and places (labels) the question names that the collection has. */
  years: number[];
  labels: string[];
  filter: { years: number[]; targets: Query["targets"]; authors: string[]; mentionedYears: boolean };
  weights: Record<string, number>;
  floor: RelevanceFloor;
  /** A year, place or author narrows the question to an item. */
  filtered: boolean;
  /** The named item's passages, listed because none says the question's words. */
  unmatched: boolean;
  /** The notice for passages listed because they name a town, below the floor. */
  townOnly: string | null;
  /** Comparisons: the year of each leading hit, one per year. */
  byYear: number[] | undefined;
  /**
   * Two places or organisations named (常熟和吴中各有什么打算, 吴江和沧浪有啥区别): a passage speaks
   * for one of them, and an answer read from it would read as the answer for both.
   */
  several: boolean;
}

/**
 * Ranks the passages: retrieval without the bulletins' footers, then the named item's passages
 * in reading order when none says the question's words, the relevance floor (a notice instead
 * of weak hits, unless a quoted coined name or a town the question names is found), weak hits
 * after a specific one dropped, and for comparisons the best passage of each year first.
 */
function rankPassages(library: Library, query: Query, kind: AnswerKind | null, years: number[], labels: string[], limit: number): Ranking | { notice: string } {
  const filter = { years, targets: query.targets, authors: query.authors, mentionedYears: true };
  // A year, place or author narrows the question to an item: weak words are then enough.
  const filtered = years.length > 0 || labels.length > 0 || query.authors.length > 0;
  const context = { index: library.index, passages: library.passages };
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
  const weights = termWeights(query, library.index);
  const floor = new RelevanceFloor(query, weights, unsaidWeight(library.index), (word) => termWeight(library.index, word));
  // A town the bulletins name (木渎镇) narrows the question as a place does: below the floor,
  // the passages that name it are listed (the answer may be there in other words: 木渎镇工会试办
  // 了啥 is answered by 创办职工法律服务站), with the notice and no direct answer.
  // (Named by any passage retrieved, not only the first: a synonym of another word can lift a
  // passage that never names the town above the one that does.)
  const town = query.topical.find((t) => TOWN.test(t) && ranked.some((r) => r.matched.includes(t)));
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
    if (town === undefined) return { notice: floorNotice(floor.unsaid(ranked[0]), library.coverage) };
    ranked = ranked.filter((r) => r.matched.includes(town));
    townOnly = townNotice(floor.unsaid(ranked[0]), town);
  }
  // Weak hits (only ubiquitous words) after a specific one are noise, not results — unless a
  // place, year or author names the item: there its other passages are what was asked about,
  // and a paraphrase's answer may be among them in words the question did not use.
  if (!filtered) ranked = withoutWeak(ranked, floor);

  // Comparisons: the best passage of each year first, in year order, then the rest — or, of
  // two or more places named in one year or none, of each place.
  let byYear: number[] | undefined;
  const compared = isComparison(query.text, years, kind) && query.terms.length > 0;
  const several = labels.length >= 2;
  if (compared && several && years.length < 2) {
    const best = bestOfEachPlace(query, context, filter);
    if (best.length >= 2) ranked = leadWith(ranked, best, limit);
  } else if (compared) {
    const eachYear = years.length >= 2 ? years : [...new Set(labels.length > 0 ? labels.flatMap((l) => library.coverage.yearsOf(l)) : library.coverage.years)];
    const best = bestOfEachYear(query, context, filter, eachYear, labels.length > 0);
    if (best.length >= 2) {
      const rest = ranked.filter((r) => !best.some((b) => b.passage.id === r.passage.id));
      ranked = [...best, ...rest].slice(0, limit);
      byYear = best.slice(0, limit).map((r) => r.passage.year!);
    }
  }
  return { ranked, years, labels, filter, weights, floor, filtered, unmatched, townOnly, byYear, several };
}

/**
 * The direct answer read from the ranked passages, when one is sure enough, and the ranking it
 * leaves: the answer's passage first, a which-units answer's organisations each by its best
 * passage, and a named item's weaker passages dropped once answered.
 */
function readDirect(library: Library, query: Query, kind: AnswerKind | null, ranking: Ranking, limit: number): { ranked: Ranked[]; found: DirectSpan | null; sought: boolean } {
  const { years, labels, filter, weights, floor, filtered, unmatched, townOnly, byYear, several } = ranking;
  let ranked = ranking.ranked;
  const context = { index: library.index, passages: library.passages };
  const inIndex = (word: string) => library.index.has(word);
  const yesNo = kind === "what" && isYesNo(query.text) && query.topical.length > 0;
  // Words the bulletins never use (开店, 法院) weigh at most this much in a yes-no answer's cover:
  // each still counts against a clause, and one alone does not veto one that says the rest.
  const unsaid = (t: string) => !foundInIndex(query, t, inIndex);
  const directQuery: DirectQuery = {
    question: query.text,
    // Whether the plan does something: what it does must say the question's own words, those
    // the bulletins never use too (流动的法院: no clause confirms a court the text never names).
    terms: yesNo ? query.topical : answerTerms(query, inIndex),
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
  // Which places or unions do something, none named (2012年哪些单位提到了“两个普遍”): the answer
  // is organisations, several, where a list read from one passage is that passage's items.
  // (Whom the bulletin went to is its footer's list of units.)
  // (Which one does it most is answered by comparing them, below, not by all that do it.)
  const acrossUnits = labels.length === 0 && kind === "list" && asksUnits(query.text) && !asksWhichUnitMost(query.text) && !(ranked[0] && isFooter(ranked[0].passage));
  // How each place or union does something, or how they compare (各地对农民工入会分别怎么做): each
  // organisation's best answering passage, in ranking order, and no answer read from one of them.
  const eachUnit = labels.length === 0 && !acrossUnits && (asksEachUnit(query.text) || asksWhichUnitMost(query.text));
  // Which places or unions, or how each does it: the passages that answer the question (above
  // the floor), read from ranking deeper than a page — each organisation has a few.
  const answering = acrossUnits || eachUnit ? answeringUnits(retrieve(query, context, filter, UNITS_DEPTH), query.text, floor, weights) : [];
  const units = acrossUnits ? unitsAnswer(answering.map((r) => r.passage), years.length > 0) : null;
  // Each organisation named, or compared, is shown by its best passage, in ranking order (the
  // answer's order); compared, only when there are two to compare.
  const leading = units || eachUnit ? bestOfEachOrg(answering) : [];
  if (units || leading.length >= 2) ranked = leadWith(ranked, leading, limit);
  const data = library.answering;
  const withheld = Boolean(byYear || townOnly || vague || several || acrossUnits || eachUnit);
  const found: DirectSpan | null = units?.found ?? (withheld ? null
    : unmatched ? evidentAnswer(kind, directQuery, passages, data.context)
    : directAnswer(kind, directQuery, passages, data.context));

  // Answered directly, a named item's weaker passages are noise after all.
  if (found && filtered) ranked = withoutWeak(ranked, floor, found.direct.hitId);
  const source = found?.direct.hitId ? library.byId.get(found.direct.hitId) : undefined;
  if (source) ranked = answerFirst(ranked, source, limit);
  return { ranked, found, sought: !withheld && !units && !unmatched };
}

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

/**
 * A synonym cut into words that lose a character of it (免费送电影 → 免费, 电影) stands only when
 * each of its words is in at most this share of the passages (工会 of 厂工会 is everywhere).
 */
const VERBATIM_SHARE = 0.2;
/**
 * The most a word the bulletins never use weighs in a yes-no answer's cover: a little over a
 * ubiquitous word (the floor's 1.2), under any specific word the bulletins say (工人 2.3, 扶持 3.4).
 * People ask 有没有 in their own words (日子难过, 报水电费); the clause saying the rest answers
 * (为100户困难职工家庭…按月提供免费粮油水电). At 2 such words vetoed it; at 1, two of them (采纳,
 * 奖金 of 合理化建议被采纳有奖金吗) let a clause that only mentions 合理化建议 say yes.
 */
const UNSAID_IN_YES_NO = 1.5;
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
