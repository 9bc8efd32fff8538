import { finderFor } from "../text/word-finder.js";
import { normaliseQuestion } from "../text/normalise.js";
import { segmentQuery, subTerms, tagWords } from "../text/segment.js";
import { EMPTY_THESAURUS, type Thesaurus } from "../text/thesaurus.js";
import { toSimplified } from "../text/simplify.js";
import { findYears } from "../text/years.js";
import type { FilterTarget, Gazetteer } from "./gazetteer.js";
import { divisionsAbove, isDivisionName } from "./divisions.js";

/**
 * Query understanding: a question becomes filters (years, places/organisations) and the terms
 * left over. Names the corpus has become filters, not words; a year or place it lacks is kept
 * as `missing…` so the answer can say so instead of silently dropping it.
 */
export interface Query {
  /** The question after normalisation and 繁→简. */
  text: string;
  years: number[];
  targets: FilterTarget[];
  /** Place names recognised in the question that no organisation in the corpus has. */
  missingPlaces: string[];
  /** Authors (bylines, attributions) named in the question: a filter like a place. */
  authors: string[];
  /** Topic words, names kept whole. */
  terms: string[];
  /** For each term, its finer pieces as the index stores them (困难职工 → 困难, 职工). */
  pieces: Record<string, string[]>;
  /** Runs of the question (three or more characters) that a passage quoting it would contain verbatim. */
  phrases: string[];
  /**
   * For each term, the other ways the thesaurus writes it, each as the index terms it is made of
   * (劳资矛盾 → [[劳动争议], [劳资纠纷]]; a multi-word synonym counts only when all its words match).
   */
  synonyms: Record<string, string[][]>;
  /** Terms the index does not hold whole (a thesaurus word jieba splits): all their pieces together are the word. */
  split: string[];
  /** Terms that name a topic (jieba: nouns, verbs, idioms …), not a number, time or function word (一年, 以后). */
  topical: string[];
}

export interface QueryContext {
  gazetteer: Gazetteer;
  /** Whether a word occurs anywhere in the corpus text (a place the corpus merely mentions is a topic). */
  inCorpus: (word: string) => boolean;
  thesaurus?: Thesaurus;
  /** Byline and attribution names the corpus has. */
  authors?: readonly string[];
  /** Corpus words that begin with a word and run a little longer (木渎 → 木渎镇), for a word the corpus lacks whole. */
  longerWords?: (word: string) => string[];
  /**
   * Whether the bulletins say a phrase word for word, among the passages of one of its words,
   * when that word is not a common one (see CompactIndex.saysVerbatim).
   */
  saysVerbatim?: (phrase: string, word: string) => boolean;
}

/**
 * Words that say what kind of answer is wanted (who, when, a comparison), not what it is about;
 * they stay out of the terms (the index keeps them: they are ordinary words in a bulletin).
 */
const ASKING_WORDS = new Set([
  "什么样", "怎么样", "作者", "写的", "谁写", "署名", "时候", "什么时候", "何时", "多久", "几次", "哪年", "哪一年", "几年", "包括", "分别",
  "历年", "变化", "不同", "区别", "对比", "比较", "有何", "打算", "具体", "主要", "内容", "情况", "方面", "哪几", "哪几个",
  "哪几项", "多大", "比例", "百分之", "百分之几", "几成", "几大", "几级", "几类", "第几", "几批", "多少钱", "叫", "啥", "简报", "收录",
  // The same asked colloquially.
  "啥样", "咋样", "咋个", "咋整", "为啥", "啥事", "干嘛", "啥时候", "比一比", "比比",
  // A comparison asked another way (相比有什么变化, 比较起来有什么不同).
  "相比", "相较", "起来", "前后",
  // A total asked for (总数要过多少家, 一共几场): how a count is asked, not what is counted.
  "总数", "总共", "一共", "合计", "总计",
  // What the text says, asked about (哪些单位提到了…): the bulletins' words, not the question's.
  "提到", "提及", "说到", "讲到", "涉及",
  // How it is put or done, and which is most (各地提法比较, 有啥做法, 哪家定得最高): the asking, not the topic.
  "提法", "说法", "做法", "汇总", "各自", "定得", "最高", "最低", "最多", "最少",
  // Which years, asked over all of them (各地各年份怎么做的).
  "年份", "各年", "安排",
  // What the question is about, said as a relation (跟汽车厂有关的, 相关的规定): the asking.
  "有关", "相关",
  // Alternatives joined (职工书屋或者读书活动): the joining, not a topic.
  "或者", "或是",
]);

/** A question's own number words (几大类, 多少人, 第几批): what is asked, never what is searched. */
const ASKING_NUMBER = /^(?:几|多少|第几|哪)/u;

const regions = new WeakMap<Gazetteer, Set<string>>();

/** The divisions the collection's places lie in (苏州, 江苏), worked out once per gazetteer. */
function regionsOf(gazetteer: Gazetteer): Set<string> {
  let found = regions.get(gazetteer);
  if (!found) {
    found = divisionsAbove(gazetteer.places);
    regions.set(gazetteer, found);
  }
  return found;
}

/** Organisation suffixes: a word before one of these names an organisation (无锡市总工会, 园区总工会, 杭州市总). */
const ORG_SUFFIX = /^(?:市总工会|区总工会|县总工会|总工会|市总|区总|县总)$/u;
const ORG_WORD = /^(.{2,6}?)(?:市总工会|区总工会|县总工会|总工会|市总|区总|县总)$/u;

/** jieba tags place names `ns`; these are not places even when it thinks so. */
const NOT_PLACES = new Set(["全市", "全区", "全省", "全国", "各地", "基层", "本地", "当地", "市区", "城区", "地方"]);

/** jieba tags of words that never carry a topic: numerals, measures, time and place words, pronouns, function words. */
const NON_TOPICAL_TAGS = new Set(["m", "mq", "q", "t", "tg", "f", "r", "rr", "rz", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "dg", "y", "e", "o", "x", "k", "h", "zg"]);

/** Yes-no questions: the 能不 of 能不能, 有没 of 有没有, 扶不 of 扶不扶持 (the word asked about stays). */
const YES_NO = /([\u4e00-\u9fff])[不没](?=\1)/gu;
/** Can't and mustn't: a verb's 不到/不了/不着 (招不到: the verb stays), and 不能, 不会, 没有 …. */
const CANNOT = /[\u4e00-\u9fff]不(?:到|了|起|着|动|完|住)|[不没](?:能|会|要|用|行|是|有)/gu;
/**
 * The noun of a name question (叫什么名字, 什么口号), and colloquial asking frames (什么样子,
 * 啥意思, 啥新东西, 怎么回事, 多会儿, 啥玩意): what is asked, not what it is about.
 */
const NAME_ASKED = /(?<=什么|啥)(?:名字|名称|口号|称号|样子|意思|玩意儿?|新?东西|办法|法子|招儿?|手段|路子)|(?<=怎么|咋)回事|多会儿|(?<=哪些|哪个|哪几个|哪几家|哪家|什么|啥|几个|各个)(?:地方|单位|市区|区县|县区)|计划(?=[里中上])/gu;
/** What an HMM-made word ending in a particle or a place word is not: a word (做点, 担着, 城里, 镇上). */
const PARTICLE_END = /[点着了过些里上]$/u;

/** 这篇, 那份, 该项: a pointer and a measure word. */
const DEMONSTRATIVE = /^[这那哪该本此每各某][篇份期个项次条位些种样件批届年套家]/u;

/** Words for the unit a union belongs to (那个厂的工会, 跟厂里签合同): with an enterprise named, it. */
const UNIT_WORDS = new Set(["厂", "工厂", "厂里", "厂子", "厂方", "公司", "公司里", "单位", "国企", "企业里", "本厂"]);

/** What an enterprise or institution's name ends in, before its 工会 (…公司工会, …电厂工会). */
const UNIT_END = /(?:公司|集团|厂|医院|学校|学院|大学|中学|小学|银行|酒店|宾馆|研究所|研究院|局)$/u;
/** Longest enterprise name looked for before 工会 (characters). */
const UNIT_NAME_MAX = 14;

/**
 * The union of an enterprise the corpus lacks (苏州轨道交通公司工会), ending at the 工会 at
 * tagged[at]: the unit word before it (公司) and the nouns before that, back to the start of
 * the name. Known unions were blanked before; one still here is unknown when its name holds a
 * word the corpus never says (轨道交通) — a unit named only with the corpus's words (宝钢公司)
 * may be a known one said another way, and is left to the search.
 */
function enterpriseUnion(tagged: readonly { word: string; tag: string }[], at: number, context: QueryContext): string | null {
  const unit = tagged[at - 1];
  if (!unit || !UNIT_END.test(unit.word)) return null;
  const words: string[] = [];
  let length = unit.word.length;
  for (let k = at - 2; k >= 0; k--) {
    const { word, tag } = tagged[k]!;
    if (!/^[\u4e00-\u9fff]+$/u.test(word) || !/^(?:n|vn|j|l|x)/u.test(tag) || STOP_LIKE.has(word) || length + word.length > UNIT_NAME_MAX) break;
    words.unshift(word);
    length += word.length;
  }
  if (words.length === 0) return null;
  const unknown = words.some((word) => [...word].length >= 2 && !context.inCorpus(word));
  return unknown ? `${words.join("")}${unit.word}工会` : null;
}

/**
 * The union of a district or city the corpus never names, ending at tagged[at]: 金阊区工会 cut
 * as 金 阊 区工会 (the serving dictionary does not know the name, and may take a piece for a
 * person's), or 鼓楼区 工会. Up to four characters of name before 区/市/县, none of them a word
 * the corpus says as a whole name (社区工会, 开发区工会 are no such unions), nor a preposition.
 */
function placeUnion(tagged: readonly { word: string; tag: string }[], at: number, context: QueryContext): string | null {
  const word = tagged[at]!.word;
  let name = "";
  let suffix: string;
  if (/^[市区县]工会$/u.test(word)) {
    suffix = word;
    for (let k = at - 1; k >= 0; k--) {
      const piece = tagged[k]!.word;
      if (!/^[\u4e00-\u9fff]+$/u.test(piece) || name.length + piece.length > 4 || STOP_LIKE.has(piece) || context.inCorpus(piece + name)) break;
      name = piece + name;
    }
    if ([...name].length < 2) return null;
  } else if (word === "工会" && at > 0 && /^[\u4e00-\u9fff]{2,5}[市区县]$/u.test(tagged[at - 1]!.word)) {
    name = tagged[at - 1]!.word.slice(0, -1);
    suffix = tagged[at - 1]!.word.slice(-1) + word;
  } else return null;
  const place = name + suffix.slice(0, 1);
  if (PREPOSITION_START.test(name) || NOT_PLACES.has(place) || context.inCorpus(place) || context.inCorpus(name)) return null;
  return name + suffix;
}

/**
 * The known organisation an unknown-looking one is another name for: a thesaurus word in its
 * name whose synonym is one of the corpus's names for an organisation (自来水公司 => 水务).
 */
function knownInOtherWords(org: string, context: QueryContext): FilterTarget | null {
  const thesaurus = context.thesaurus ?? EMPTY_THESAURUS;
  for (const word of thesaurus.words) {
    if (!org.includes(word)) continue;
    for (const synonym of thesaurus.synonymsOf(word)) {
      const named = context.gazetteer.forms.find((f) => f.form === synonym);
      if (named) return named.target;
    }
  }
  return null;
}

/** A unit pointed at (那家发电厂, 这个重工公司): the kind of unit, after the pointing word. */
const POINTED_UNIT = /(?:那家|这家|那个|这个)([\u4e00-\u9fff]{0,4}?(?:公司|集团|厂|医院|学校|局))/gu;

/** 按市总…, 向区总…: a preposition glued to 市/区 by the cut, not a place. */
const PREPOSITION_START = /^[按在向对给由从经据与和跟把被为同往]/u;

/** Words before an organisation suffix that are not its name (请问市总…). */
const STOP_LIKE = new Set(["请问", "关于", "有关", "我们", "你们", "这个", "那个", "各级", "各地", "基层", "上级", "本级"]);

/** Where a numbered slogan may start (六好, 三有三好), and second characters that make a count, not a slogan (三年, 两个, 一是). */
const SLOGAN_START = /[一二两三四五六七八九十]/gu;
const SLOGAN_NOT_KEY = /[个年月日天次项件条名家位批期届是要的和在]/u;

const PHRASE = /[\u3400-\u4dbf\u4e00-\u9fff0-9a-z%]+/gu;
const EDGE_WORDS = /^(请问|关于|有关|如何|怎样|怎么|什么|哪些|多少|是否|要|将|的)+|(是什么|有哪些|是多少|有多少|多少|哪些|什么|怎么样|如何|吗|呢|的)+$/gu;

function trimStopWords(phrase: string): string {
  return phrase.replace(EDGE_WORDS, "");
}

/** jieba's words of a text (precise mode) with their offsets. */
function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const spans: { word: string; start: number; end: number }[] = [];
  let from = 0;
  for (const { word } of tagWords(text)) {
    const start = text.indexOf(word, from);
    if (start < 0) continue;
    from = start + word.length;
    spans.push({ word, start, end: from });
  }
  return spans;
}

/**
 * A name said short (木渎 for 木渎镇) that the corpus lacks whole: the one corpus word that begins
 * with it and runs a character or two longer stands for it. Two or more such words (a common
 * stem) leave it as it is.
 */
function longerName(term: string, context: QueryContext): string {
  if (context.inCorpus(term) || !/^[\u4e00-\u9fff]{2,}$/u.test(term)) return term;
  const longer = context.longerWords?.(term) ?? [];
  return longer.length === 1 ? longer[0]! : term;
}

/** Whether `words`, cut from `word`, leave out a lone character of it. */
function losesCharacter(word: string, words: readonly string[]): boolean {
  let rest = word;
  for (const w of words) rest = rest.replace(w, " ");
  return rest.split(" ").some((run) => [...run].length === 1);
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

export function parseQuery(question: string, context: QueryContext): Query {
  const text = toSimplified(normaliseQuestion(question));
  // Markup pasted from elsewhere (<b>…</b>) is not part of the question.
  let rest = text.replace(/<\/?[a-z][a-z0-9]*[^<>]{0,40}>/g, (tag) => " ".repeat(tag.length));

  const years: number[] = [];
  for (const mention of findYears(rest)) {
    if (!years.includes(mention.year)) years.push(mention.year);
    rest = blank(rest, mention.start, mention.end);
  }

  const targets: FilterTarget[] = [];
  // Only the names and words the question holds are gone through (WordFinder), in their
  // lists' order, which says which of two overlapping ones wins.
  const forms = context.gazetteer.forms;
  for (const f of finderFor(forms, () => forms.map((entry) => entry.form)).present(rest)) {
    const { form, target } = forms[f]!;
    for (let at = rest.indexOf(form); at >= 0; at = rest.indexOf(form)) {
      if (!targets.some((t) => t.label === target.label)) targets.push(target);
      rest = blank(rest, at, at + form.length);
    }
  }

  // 那家发电厂: a unit pointed at, whose kind only one organisation of the corpus is (望亭发电厂工会).
  // An organisation already named is what a pointer after it points at (宝钢苏冶重工那个厂); a
  // bare 厂 or 局 names no kind of unit (every enterprise is somebody's 厂).
  const orgNamed = targets.some((t) => t.by === "org");
  for (const m of [...rest.matchAll(POINTED_UNIT)]) {
    const labels = new Set(forms.filter((f) => f.target.by === "org" && f.form.includes(m[1]!)).map((f) => f.target.label));
    if (orgNamed || [...m[1]!].length < 2 || labels.size !== 1) continue;
    const target = forms.find((f) => f.target.label === [...labels][0])!.target;
    if (!targets.some((t) => t.label === target.label)) targets.push(target);
    rest = blank(rest, m.index!, m.index! + m[0].length);
  }

  const authors: string[] = [];
  const named = context.authors ?? [];
  for (const a of finderFor(named, () => named).present(rest)) {
    const author = named[a]!;
    for (let at = rest.indexOf(author); at >= 0; at = rest.indexOf(author)) {
      if (!authors.includes(author)) authors.push(author);
      rest = blank(rest, at, at + author.length);
    }
  }

  const missingPlaces: string[] = [];
  // Organisations the corpus lacks, recognised by their form: a name + 市总工会/区总/…, or
  // a word jieba tags as an organisation (nt). Known organisations were blanked above.
  const tagged = tagWords(rest);
  tagged.forEach(({ word, tag }, i) => {
    let org: string | null = null;
    const prev = tagged[i - 1];
    if (word === "总" && prev && /^[\u4e00-\u9fff]{1,5}[市区县]$/u.test(prev.word) && !PREPOSITION_START.test(prev.word)) {
      org = prev.word + word;
    } else if (ORG_SUFFIX.test(word) && prev && /^[\u4e00-\u9fff]{2,6}$/u.test(prev.word) && !NOT_PLACES.has(prev.word) && !STOP_LIKE.has(prev.word)) {
      org = prev.word + word;
    } else if (ORG_WORD.test(word) && !NOT_PLACES.has(ORG_WORD.exec(word)![1]!)) {
      org = word;
    } else if (tag === "nt" && [...word].length >= 4 && /工会|总$/u.test(word) && !context.inCorpus(word)) {
      org = word;
    } else if (word === "工会" && prev?.tag === "nt" && [...prev.word].length >= 2 && !context.inCorpus(prev.word)) {
      // An organisation jieba knows by name (苏州电信) and the corpus does not, and its union.
      org = prev.word + word;
    } else if (word === "工会" || /^[市区县]工会$/u.test(word)) {
      org = placeUnion(tagged, i, context) ?? enterpriseUnion(tagged, i, context);
    }
    if (!org || missingPlaces.includes(org)) return;
    // Named in other words (自来水公司工会: the thesaurus says 自来水公司 => 水务), it is a known one.
    const known = knownInOtherWords(org, context);
    if (known) {
      if (!targets.some((t) => t.label === known.label)) targets.push(known);
    } else missingPlaces.push(org);
    rest = rest.replace(org, " ".repeat(org.length));
  });
  for (const { word, tag } of tagWords(rest)) {
    if (tag !== "ns" || [...word].length < 2 || NOT_PLACES.has(word) || missingPlaces.includes(word)) continue;
    // jieba's ns alone is no place (东西, 英雄, 上市): a division of China is.
    if (context.inCorpus(word) || !isDivisionName(word)) continue;
    // The province or city the collection's places lie in (江苏, 苏州市) is where it is, not a
    // place it lacks: it narrows nothing, and is no topic either.
    if (!regionsOf(context.gazetteer).has(word)) missingPlaces.push(word);
    rest = rest.replace(word, " ".repeat(word.length));
  }

  // Thesaurus words are found in the question before it is cut: jieba would split 技术比武 into
  // 技术 + 比武 and the synonym group would never be reached.
  const thesaurus = context.thesaurus ?? EMPTY_THESAURUS;
  const unphrased = rest;
  const phrased: string[] = [];
  // A short entry inside a longer word the corpus has (指标 in 考核指标) must not break that
  // word: the question's own word is the better match. (jieba cuts the question only when some
  // entry is found in it.)
  let words: ReturnType<typeof wordSpans> | null = null;
  const breaksWord = (at: number, end: number) =>
    (words ??= wordSpans(unphrased)).some((w) => w.start < end && w.end > at && (w.start < at || w.end > end) && [...w.word].length > 1 && context.inCorpus(w.word));
  for (const w of finderFor(thesaurus.words, () => thesaurus.words).present(rest)) {
    const word = thesaurus.words[w]!;
    const at = rest.indexOf(word);
    if (at < 0 || breaksWord(at, at + word.length)) continue;
    // A unit the thesaurus names the corpus's way (自来水公司 => 水务) is that organisation: a filter.
    const known = UNIT_END.test(word) ? knownInOtherWords(word, context) : null;
    if (known) {
      if (!targets.some((t) => t.label === known.label)) targets.push(known);
    } else phrased.push(word);
    rest = blank(rest, at, at + word.length);
  }
  // Numbered slogans the bulletins coin (六好, 三有三好) are one term when the corpus says them:
  // jieba may cut 的六好 into 六 + 好, single characters no passage is found by.
  for (const m of [...rest.matchAll(SLOGAN_START)]) {
    for (const length of [4, 3, 2]) {
      const word = rest.slice(m.index!, m.index! + length);
      if ([...word].length !== length || !/^[\u4e00-\u9fff]+$/u.test(word) || SLOGAN_NOT_KEY.test(word[1]!)) continue;
      if (!context.inCorpus(word) || breaksWord(m.index!, m.index! + length)) continue;
      phrased.push(word);
      rest = blank(rest, m.index!, m.index! + length);
      break;
    }
  }
  // How a question is asked is not what it is about: 能不能, 有没有, 帮不帮 (yes-no), 招不到 (can't
  // do: the verb stays), 不能, 没有, the 口号 of 叫什么口号. Taken out after the thesaurus had its
  // look (招不到人 is an entry).
  rest = rest
    .replace(YES_NO, (m) => " ".repeat(m.length))
    .replace(CANNOT, (m) => m[0] + " ".repeat(m.length - 1))
    .replace(NAME_ASKED, (m) => " ".repeat(m.length));
  const terms = [...new Set([...phrased, ...segmentQuery(rest)])]
    .filter((t) => !ASKING_WORDS.has(t) && !ASKING_NUMBER.test(t))
    .map((t) => longerName(t, context));
  const pieces: Record<string, string[]> = {};
  for (const term of terms) {
    // A thesaurus word the index lacks as a whole is looked for by its words (技术比武 → 技术, 比武).
    const cut = phrased.includes(term) && !context.inCorpus(term) ? segmentQuery(term) : subTerms(term);
    const sub = [...new Set(cut)].filter((piece) => piece !== term && !terms.includes(piece));
    if (sub.length > 0) pieces[term] = sub;
  }
  const phrases = [...new Set(unphrased.match(PHRASE) ?? [])].map(trimStopWords).filter((p) => [...p].length >= 3);
  const synonyms: Record<string, string[][]> = {};
  for (const term of terms) {
    const ways: string[][] = [];
    for (const synonym of thesaurus.synonymsOf(term)) {
      const words = context.inCorpus(synonym) ? [synonym] : segmentQuery(synonym);
      if (words.length === 0 || !words.every((w) => context.inCorpus(w))) continue;
      // Cut into words, a synonym may lose a single character (用工荒 → 用工 + 荒, and 荒 is no
      // term): what is left says something else, far more common. (A stop word lost, 介绍 of
      // 职业介绍, leaves the rest as specific.)
      // Unless the bulletins say the synonym word for word (免费送电影, 特困证), and its words are
      // not common ones: then the words found together stand for it well enough.
      if (losesCharacter(synonym, words) && !words.every((w) => context.saysVerbatim?.(synonym, w) === true)) continue;
      // A synonym the question already says adds nothing (and must not count twice).
      if (words.every((w) => terms.includes(w))) continue;
      if (!ways.some((w) => w.join(" ") === words.join(" "))) ways.push(words);
    }
    if (ways.length > 0) synonyms[term] = ways;
  }
  // A word jieba only knows from its HMM (tag x: 病假 when the serving dictionary, trimmed to
  // the corpus, lacks it) is a word the corpus never says: still what the question is about.
  // (那篇, 这份 point at something; they name nothing. 做点, 担着, 城里: a verb or noun glued to a
  // particle or a place word by the HMM, no word at all.)
  const unknownWord = (term: string, tags: readonly { tag: string }[]) =>
    /^[\u4e00-\u9fff]{2,}$/u.test(term) && !DEMONSTRATIVE.test(term) && !PARTICLE_END.test(term) && !context.inCorpus(term) && tags.every(({ tag }) => tag === "x");
  // Named an enterprise's union (宝钢苏冶…), the question's 厂里, 工厂, 公司 point at it, as does a
  // word of its name (电厂 of 望亭发电厂工会): no topic.
  const units = targets.filter((t) => t.by === "org").map((t) => t.label);
  const topical = terms.filter((term) => {
    if (units.length > 0 && (UNIT_WORDS.has(term) || units.some((name) => name.includes(term)))) return false;
    if (phrased.includes(term)) return true;
    const tags = tagWords(term);
    return tags.some(({ tag }) => !NON_TOPICAL_TAGS.has(tag)) || unknownWord(term, tags);
  });
  const split = phrased.filter((term) => !context.inCorpus(term) && (pieces[term]?.length ?? 0) > 0);
  return { text, years, targets, missingPlaces, authors, terms, pieces, phrases, synonyms, topical, split };
}
