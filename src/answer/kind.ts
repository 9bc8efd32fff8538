/**
 * What kind of answer a question wants, from its own words (the table of cues). Pure
 * and explainable: the first matching rule wins, in the order below, because the rules overlap
 * (每年几次 is a when-question although it says 几; 有哪几年 is about the collection).
 */

import { askedKeys } from "./keyed-list.js";

export type AnswerKind = "figure" | "list" | "who" | "when" | "what" | "catalogue";

/** Words that make a question about the collection itself, not about its contents. */
const CATALOGUE = [
  /(哪些|哪几份|几份|多少份|什么)简报/u,
  /简报(有|收录|包括|包含)/u,
  /收录(了)?(哪些|哪几|什么|多少)/u,
  /(有|包括)(哪些|哪几个|多少个?|几个)(单位|地区|地方|工会|组织)(的)?(简报|内容|材料|计划)?[？?]?$/u,
  /(有|收录了?)(哪几|哪些|多少)年/u,
  /(哪几年|哪些年份?)(的)?(简报|内容|材料)?/u,
  /(是|在)哪一?年的?(简报|计划|内容|材料)?[？?]?$/u,
];
/**
 * 谁, 作者, 哪位, and 哪个 + a person (哪个领导写的). Not 谁 as whom one turns to or who pays
 * (能找谁, 让谁放心, 工资谁发): a bulletin names no such person, and its byline is no answer to it.
 */
const WHO = /(?<![找问靠求让给为对帮向归跟])谁(?!发|来发|管|来管|负责|出钱|掏钱|买单)|作者|署名|执笔|哪位|何人|哪一?个(?:领导|人|同志|干部)|(主席|书记|负责人)(是(?!不是|咋|怎么|怎样|如何|什么时候|何时|哪年|多少|几)|叫)/u;
/** 从哪年 asks when; 从哪下手 / 从哪入手 / 从哪方面 ask how. */
const WHEN = /什么时候|啥时候|何时|多久|几[次回趟]|哪一?年|什么时间|几月|哪一?天|哪个?月|几号|(从|自)哪(?:一?年|天|月|时)|多长时间|频率/u;
const LIST = /哪些|哪几|哪[两二三四五六七八九十0-9]|[两二三四五六七八九十][个项条大种类]什么|[两二三四五六七八九十][个项条大种类件点][\u4e00-\u9fff]{1,6}?(?:是|指|包括|包含)(?:的是)?(?:什么|啥)|有几项|有几个方面|是哪.个|是哪.项|是哪.条|包括什么|包括哪|分别是|都有什么|有什么(措施|活动|工程|目标|任务|内容|举措)|列出/u;
/** Figure cues; a search that ends in a rate (张家港 2007 外资企业建会率 目标) asks for its value too. */
const FIGURE = /多少|(?:什么|啥|多大)程度|(?<![好着这那前头])几(?:方面|[名个家项场户人次万本所条次批期天%％级大类成倍届位份块件种支座处篇套台部册回趟遍])|百分之几|比例|多大|几成|比率|占比|[率数量额]是?多少|达到多少|有多高|几个百分点|[\u4e00-\u9fff]率\s*(?:的)?\s*(?:目标|指标|要求)?\s*[？?]?\s*$/u;
/**
 * A keyword search ending in what is counted (张家港 免费送电影 场次, 常熟 体检 人数) asks the figure,
 * in the measure its count noun names (数量, 总数: any measure).
 */
const COUNT_NOUN_MEASURE: Readonly<Record<string, string | null>> = { 场次: "场", 人数: "名", 户数: "户", 家数: "家", 次数: "次", 名额: "名", 数量: null, 总数: null };
const COUNT_SEARCH = new RegExp(`(${Object.keys(COUNT_NOUN_MEASURE).join("|")})\\s*[？?]?\\s*$`, "u");

/** The measure a keyword search's count noun asks in (场次 → 场), null when it names none. */
export function countNounMeasure(question: string): string | null {
  const noun = COUNT_SEARCH.exec(question)?.[1];
  return noun ? COUNT_NOUN_MEASURE[noun]! : null;
}
/** 干嘛, 咋: how people ask what on a phone; 从哪下手 asks how; 哪支队伍, 哪家机构 ask which one. */
const WHAT = /什么|哪一?[个种次届部份本套支家条项门所座]|啥|如何|怎么|怎样|干嘛|咋|有何|何种|从哪(?:里|儿)?(?:下手|入手|着手|抓起)/u;
/** Nouns that ask for a what-answer only in a question (相城区总2012年建会率目标 is a search, not a question). */
const WHAT_NOUN = /目标|思路|主题|主线|理念|重点|要点|任务|措施|意义/u;
const ASKED = /[？?吗呢]\s*$/u;
/** 有没有, 是否, 能不能, 帮不帮, …吗: whether the plan does something — answered by what it does. */
const YES_NO = /有没有|是否|([\u4e00-\u9fff])[不没]\1|吗[？?]?\s*$/u;
/** A search ending in the noun of a plan's frame (相城区总2012年工作主题) asks for that one thing. */
const FRAME_SEARCH = /(?:主题|主线|主旨|宗旨|理念|口号)\s*$/u;
/** A question ending in a count and what it counts: 四项活动, 十件实事, 五个方面. */
const COUNTED_END = /[两二三四五六七八九十][个项条大种件][\u4e00-\u9fff]{1,4}\s*$/u;

/** Words a question about the collection uses besides names and years (2012年有哪些单位). */
const CATALOGUE_WORDS = new Set(["单位", "地区", "地方", "工会", "组织", "简报", "计划", "内容", "材料", "年份", "收录", "包括", "期", "工作计划", "总工会"]);

/**
 * `topics`: the question's topic words (after names and years became filters). A question
 * about something in particular (常熟评100名市劳模是在哪一年) is not about the collection.
 */
export function questionKind(question: string, topics: readonly string[] = []): AnswerKind | null {
  const aboutCollection = topics.every((t) => CATALOGUE_WORDS.has(t));
  if (aboutCollection && CATALOGUE.some((re) => re.test(question))) return "catalogue";
  if (WHO.test(question)) return "who";
  if (WHEN.test(question)) return "when";
  // A counted slogan (那三个所是啥, 六好指什么) asks for its items.
  if (LIST.test(question) || (askedKeys(question).length > 0 && /什么|啥|哪(?![里儿])|指/u.test(question))) return "list";
  // A search that ends in a counted thing (吴中区2008年要开展的四项活动, 常熟 十件实事) wants its items.
  if (COUNTED_END.test(question)) return "list";
  if (FIGURE.test(question) || COUNT_SEARCH.test(question)) return "figure";
  if (WHAT.test(question) || (WHAT_NOUN.test(question) && ASKED.test(question)) || FRAME_SEARCH.test(question)) return "what";
  // Whether the plan does something is answered by what it does (扶持单亲女职工自主创业).
  if (isYesNo(question)) return "what";
  return null;
}

/** A question asking whether (有没有, 是否, 帮不帮, …吗) and not what, who, when or how much. */
export function isYesNo(question: string): boolean {
  return YES_NO.test(question) && ![WHAT, WHO, WHEN, LIST, FIGURE].some((cue) => cue.test(question));
}

/** A comparison across years: two or more years named, or 历年/每年/变化/对比 (昆山 历年 目标). */
export function isComparison(question: string, years: readonly number[], kind: AnswerKind | null): boolean {
  if (years.length >= 2) return true;
  if (/历年|历次|各年|变化|对比|比较|有(?:何|什么|啥|哪些)不同|不一样|区别|差别|异同/u.test(question)) return true;
  // 每年 compares years when it asks about the plans themselves (每年的工作重点), not how often
  // something happens (每年评选一次, 每年涨工资).
  return /每年(?:的)?(?:工作)?(?:目标|重点|思路|任务|计划|主题|要点)/u.test(question) && kind !== "when" && kind !== "figure";
}

/** Which places or unions (哪些地方, 哪几个区, 哪家工会, 谁家): organisations asked for, not items. */
const ASKS_UNITS = /(?:哪些|哪几个?|哪几家|哪个|哪家|谁家)(?:地方|单位|工会|地区|区县|区|县|市|家)|(?:哪些|哪几个?)(?:基层)?(?:总工会|市总|区总)/u;

/** Whether a question asks which places or unions (哪些单位提到了…): its answer is organisations. */
export function asksUnits(question: string): boolean {
  return ASKS_UNITS.test(question);
}

/** A superlative (最高, 最多, 最早): which one is most, read by comparing them. */
const SUPERLATIVE = /最(?:高|多|少|低|大|小|早|晚|快|好|强|先)/u;

/**
 * Whether a question asks which place or union does something most (哪个地方…目标定得最高): the
 * answer is one of them, found by comparing each one's figure — not every one that states it.
 */
export function asksWhichUnitMost(question: string): boolean {
  return ASKS_UNITS.test(question) && SUPERLATIVE.test(question);
}

/** Every place or union (各地, 各区县, 各家, 几个地方), compared or each asked how: 各地对农民工入会分别怎么做. */
const EACH_UNIT = /各(?:地|区县?|县市?|市区?|家|单位|个(?:地方|单位|区|市))|几个(?:地方|单位|区县?|县市?|市区)/u;
/** …and compared, or asked how each does it (not 各地工会按照…精神谋划, which asks one shared fact). */
const COMPARED_OR_HOW = /有(?:啥|什么)|比较|对比|比一比|比比|不同|区别|分别|各自|一样|都(?:是)?(?:怎么|咋|如何)|怎么(?:做|搞|抓|弄|干|提)|咋(?:做|搞|抓|弄|干|样|提)|如何(?:做|搞|抓)|做法|提法|汇总|哪家|谁家|最/u;

/**
 * Whether a question asks how each place or union does something, or compares them (各地工会干部
 * 培训有啥不同, 法律服务这块各地都怎么做): one passage answers for one of them only.
 */
export function asksEachUnit(question: string): boolean {
  return EACH_UNIT.test(question) && COMPARED_OR_HOW.test(question);
}

/**
 * How to apply or where to go (怎么报名, 去哪里办, 去哪领, 要啥手续, 什么流程), or whom to call and
 * where to log in (打哪个电话, 哪个网站, 怎么登录): a procedure or contact, which plans never give.
 */
const ASKS_PROCEDURE = /(?:怎么|如何|怎样|咋)去?(?:报名|申请|办理|预约|登记|领取?|登录|联系|立案|投诉)|(?:去|到|在)哪[里儿]?(?:办|领|申请|报名)|(?:啥|什么|哪些)(?:手续|流程|材料)|手续|流程|(?:哪个|什么|啥)(?:电话|网站|网址)|电话(?:是?多少|号码?)|联系方式|能(?:自己|个人)报/u;

/**
 * Whether a question asks a procedure. The bulletins are work plans: they say what a union will
 * do, never how a member applies, so no clause of theirs is such an answer.
 */
export function asksProcedure(question: string): boolean {
  return ASKS_PROCEDURE.test(question);
}
