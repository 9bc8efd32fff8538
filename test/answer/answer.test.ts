import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citation } from "../../src/answer/citation.js";
import { askedCount, askedHead, chineseNumber } from "../../src/answer/list-answer.js";
import { asksEachUnit, isComparison, questionKind } from "../../src/answer/kind.js";
import { Answer, MARK } from "../../src/answer/schema.js";
import { renderTerminal } from "../../src/answer/terminal.js";
import { Engine } from "../../src/engine.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { scratch } from "../support/seeds.js";

/** One engine over the real seeds for this file; its index folder is removed afterwards. */
let shared: Promise<{ engine: Engine; dir: string }> | null = null;
function seedEngine(): Promise<Engine> {
  shared ??= scratch().then(async (dir) => ({ engine: await Engine.open({ seedsDir: DEFAULT_SEEDS_DIR, indexDir: dir, onWarning: () => {} }), dir }));
  return shared.then((s) => s.engine);
}
afterAll(async () => {
  if (shared) await rm((await shared).dir, { recursive: true, force: true });
});

describe("question kinds, from the question's own words", () => {
  const table: [string, string | null][] = [
    ["常熟市总工会打算为多少名困难职工免费体检？", "figure"],
    ["相城区2012年建会率力争达到百分之几", "figure"],
    ["吴江职业技能竞赛是几级联动", "figure"],
    // 几 after 好, 着, 这, 那 … says "several", it asks no count: whether is asked.
    ["老板拖着几个月不发钱，工会管不管", "what"],
    ["吴江的技术比武是不是好几级一起搞", "what"],
    ["望亭发电厂工会重点抓几块工作", "figure"],
    ["常熟要办几件实事", "figure"],
    // A keyword search ending in what is counted asks the figure.
    ["张家港 免费送电影 场次", "figure"],
    ["常熟 困难职工 体检 人数", "figure"],
    ["相城区总工会给一线职工涨工资从哪下手", "what"],
    ["沧浪区要完善哪支队伍的管理制度", "what"],
    ["常熟工会一年跟市政府开几回会", "when"],
    ["常熟总工会08年那篇文章是哪个领导写的", "who"],
    ["吴中区对档案还没过关的镇级工会有何要求", "what"],
    ["常熟市总工会打算邀请哪家机构来视察", "what"],
    ["吴中区 五个二 工程是哪五个", "list"],
    ["吴中区实施的两项工程是什么", "list"],
    ["常熟 十件实事", "list"],
    ["昆山 2007 具体工作任务有哪些", "list"],
    ["吴中区总工会主席是谁", "who"],
    // 主席是 then how or when asks about the chair's election, not who the chair is.
    ["常熟直选工会主席是咋推的", "what"],
    // 谁 as whom one turns to or who pays is not who wrote it: no byline answers it.
    ["工人碰到劳资纠纷能找谁", null],
    ["吴中有没有常年请的律师，碰到纠纷找谁", "what"],
    ["产假工资谁发", null],
    // A yes-no question about the 主席 is no who-question: whether is answered by what the plan does.
    ["常熟工会主席是不是职工直选的", "what"],
    ["理清明年工作基本思路那篇作者是谁", "who"],
    ["张家港什么时候评选五一劳动奖状", "when"],
    ["常熟困难家庭免费粮油水电多久发一次", "when"],
    ["常熟评100名市劳模是在哪一年", "when"],
    ["张家港2012年工作思路是什么", "what"],
    ["吴中请律师来干嘛", "what"],
    ["宝钢苏冶那八个人指什么", "list"],
    ["简报收录了哪些单位", "catalogue"],
    ["有哪几年的简报", "catalogue"],
    ["2012年有哪些单位", "catalogue"],
    ["昆山 2007", null],
  ];
  it.each(table)("%s → %s", (question, kind) => {
    // Topic words as the query parser would leave them (names and years are filters).
    const topics = question.includes("劳模") ? ["劳模"] : [];
    expect(questionKind(question, topics)).toBe(kind);
  });

  it("takes 哪个月 for a when-question", () => {
    expect(questionKind("常熟和市政府联席会议哪个月开")).toBe("when");
  });

  it("takes 哪里 after a counted slogan for where, not for its items", () => {
    expect(questionKind("三服务三满意五坚持是哪里提的")).not.toBe("list");
    expect(questionKind("三服务三满意五坚持是哪几条")).toBe("list");
  });

  it("counts items the way people name them", () => {
    expect(chineseNumber("十二")).toBe(12);
    expect(chineseNumber("二十")).toBe(20);
    expect(askedCount("吴中区 五个二 工程是哪五个")).toBe(5);
    expect(askedCount("常熟十件实事是什么")).toBe(10);
    expect(askedCount("昆山 2007 工作任务有哪些")).toBeNull();
    // Units counted in 家 are counted too: 那38家 asks 38 names, not the four kinds they are of.
    expect(askedCount("吴中会员优惠卡那38家具体是哪几家店")).toBe(38);
    expect(askedCount("张家港工会有哪些打算")).toBeNull();
  });

  it("knows a comparison across years", () => {
    expect(isComparison("常熟 2007 和 2012 工作重点有什么不同", [2007, 2012], "what")).toBe(true);
    expect(isComparison("昆山 历年 目标", [], "what")).toBe(true);
    expect(isComparison("张家港每年评选几次劳动奖状", [], "when")).toBe(false);
    // Asked 有啥不同, 不一样, 差别 as often as 有什么不同.
    for (const q of ["常熟和吴中08年计划结构有啥不同", "常熟和吴中2008年思路哪里不一样", "两地劳动竞赛差别大吗"]) {
      expect(isComparison(q, [2008], "what"), q).toBe(true);
    }
    // Various (不同员工) is no comparison.
    expect(isComparison("望亭电厂工会怎么照顾不同员工的需要", [], "what")).toBe(false);
  });
});

describe("direct answers over the real seeds", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await seedEngine();
  });
  const ask = (q: string) => Answer.parse(engine.ask(q));

  it("states a figure as the clause holding it, and cites the passage", () => {
    const answer = ask("常熟市总工会打算为多少名困难职工免费体检？");
    expect(answer.direct).toEqual({ kind: "figure", text: "为400名困难职工、特困女职工免费体检", hitId: answer.hits[0]!.id });
    // The excerpt shows the answer.
    expect(answer.hits[0]!.excerpt.split("**").join("")).toContain("400名");
  });

  it("reads a quoted list as what its marks hold, and of two lists in a sentence the one its clause says", () => {
    // 健全“培训、帮带、竞赛、晋级”四位一体机制: the items, not the sentence around them.
    expect(ask("吴江四位一体机制是哪四个").direct?.text).toBe("培训、帮带、竞赛、晋级");
    // Two quoted lists of three; the one closed by what is asked (“…”的工会组织 for 什么样的工会).
    expect(ask("张家港2012年要建一个什么样的工会，哪三个").direct?.text).toBe("党委放心、企业欢迎、职工信任");
    // Counted and quoted whole in the top passage, a list is evidence of its own: the question may
    // say it all in other words (上级、老板、工人 for 党委、企业、职工).
    expect(ask("张家港工会12年要做成上级、老板、工人都认可的组织，是哪三句").direct?.text).toBe("党委放心、企业欢迎、职工信任");
    // Items quoting names of their own (由‘城市品牌’向‘品牌城市’、‘旅游城市’向‘休闲城市’、…).
    const cities = ask("常熟2008年说的城市三个转变是哪三个").direct?.text ?? "";
    for (const city of ["品牌城市", "休闲城市", "幸福城市"]) expect(cities).toContain(city);
    // A quoted slogan of comma-joined halves, counted (“党政所急，职工所需，工会所能”的原则).
    expect(ask("常熟08年工会工作按哪三句话的原则").direct?.text).toBe("党政所急、职工所需、工会所能");
    // 围绕南环新村解危改造、…的重点项目广泛组织开展劳动竞赛，重点在建筑、餐饮、酒店管理等行业…
    expect(ask("沧浪区工会围绕哪些改造整治工程组织工人比赛").direct?.text).toBe("南环新村解危改造、街巷综合整治、老新村无地队拆迁改造");
  });

  it("answers whether the plan does something (有没有, …吗) with what it does, and only with the question's own words", () => {
    expect(ask("吴中区总有没有自己的常年律师").direct?.text).toContain("聘请律师做区总法律顾问");
    expect(ask("07年常熟劳模能去疗养吗").direct?.text).toContain("组织劳模疗休养");
    // One word the bulletins never use (开店) weighs no more than a mid-rare word: the clause saying
    // the rest answers.
    expect(ask("常熟单亲妈妈想自己开店工会有扶持吗").direct?.text).toContain("女职工互助关爱计划");
    // Asked in everyday words the bulletins never use (日子难过, 报水电费), each weighs little more
    // than a ubiquitous word: the clause saying the rest answers.
    expect(ask("常熟家里日子难过的工人，每个月能领米油、报水电费吗").direct?.text).toContain("免费粮油水电");
    // Two such words (采纳, 奖金) still outweigh a clause that only mentions 合理化建议.
    expect(ask("宝钢合理化建议被采纳有奖金吗").direct).toBeNull();
    // 法院 and 官司 are words the bulletins never use: no clause can say yes to them.
    expect(ask("常熟要不要搞个流动的法院替工人断官司").direct).toBeNull();
  });

  it("fills in a question's blanks (让谁放心、谁欢迎) with the items that end in the words after them", () => {
    const answer = ask("张家港12年要建一个让谁放心、谁欢迎、谁信任的工会");
    expect(answer.direct).toMatchObject({ kind: "list", text: "党委放心、企业欢迎、职工信任" });
    // One blank is a who-question as before.
    expect(ask("吴中区总工会主席是谁").direct?.kind).toBe("who");
  });

  it("answers each count a question asks for, from the clauses beside the first", () => {
    const answer = ask("吴中2007年准备新建多少家工会，全区累计要超过多少家");
    expect(answer.direct?.text).toContain("300家");
    expect(answer.direct?.text).toContain("4000家");
    // One count asked: one clause.
    expect(ask("吴中区2007年新建多少家工会").direct?.text).toBe("2007年新建工会300家");
  });

  it("answers how many copies were printed and whom the bulletin went to from its footer, cited", () => {
    const printed = ask("07年那期简报一共印了几份");
    expect(printed.direct).toMatchObject({ kind: "figure", text: "共印100份", hitId: printed.hits[0]!.id });
    expect(printed.hits[0]).toMatchObject({ org: null, title: "本期印发", year: 2007 });
    // The whole distribution list, with its parenthesised parts (各市（县）、区、局（公司）工会), not the run after them.
    const sent = ask("2012年那期简报发给了哪些单位");
    expect(sent.direct?.text).toMatch(/^市四套班子有关领导、全总办公厅、.*各市（县）、区、局（公司）工会、各直属单位工会、市各有关部门$/u);
    expect(sent.direct?.hitId).toBe(sent.hits[0]!.id);
    // A place's question never reaches the footer: it belongs to no organisation.
    expect(ask("常熟市总工会 本期印发").hits.every((h) => !h.text.startsWith("本期印发"))).toBe(true);
    // Nor does a question about anything but the bulletin, though the footer names 市委、市政府.
    const support = ask("争取市委市政府支持");
    expect(support.hits.length).toBeGreaterThan(0);
    expect(support.hits.every((h) => !h.text.startsWith("本期印发"))).toBe(true);
    // Left out, a footer leaves no gap: as many hits come back as asked for.
    const page = engine.ask("2008 工会", { limit: 20 });
    expect(page.hits).toHaveLength(20);
    expect(page.hits.every((h) => !h.text.startsWith("本期印发"))).toBe(true);
  });

  it("leads a count asked by its measure word (几份, 多少条) with a passage stating a figure of that measure", () => {
    // The editor's note describes the bulletin in the question's words; the footer states the print run.
    expect(ask("2007年基层工会工作计划简报印了多少份").hits[0]).toMatchObject({ title: "本期印发", year: 2007 });
    // Of Kunshan's three passages on its targets, the one stating how many there are.
    expect(ask("昆山工会现代化指标体系共有多少条").hits[0]!.text).toContain("共15项20个指标");
    // 个 counts anything: no passage is preferred for it.
    const any = ask("昆山工会现代化指标体系共有多少个");
    expect(any.hits[0]!.text).not.toContain("共15项20个指标");
  });

  it("answers a paraphrased count with the one figure of its measure the top paragraph states, and with none of two or more", () => {
    // 打折 is not 优惠, 店 is not 单位: no clause covers the question, but one figure counts in 家.
    const card = ask("吴中会员卡能在几家店打折");
    expect(card.direct).toMatchObject({ kind: "figure", hitId: card.hits[0]!.id });
    expect(card.direct?.text).toContain("38家单位");
    expect(ask("张家港07年给厂里放几场片子看").direct?.text).toContain("200场");
    // 常熟's 十大目标 count people five times (2万名, 10000人, 10万职工 …): which is meant is a guess.
    expect(ask("常熟2007年让多少人上网学习").direct).toBeNull();
  });

  it("states no answer read from one passage when the question names two places or organisations", () => {
    // Each has its own plan; one passage's clause on top would read as the answer for both.
    for (const q of ["2012年吴江和沧浪工会重点工作有啥区别", "常熟和吴中2008年帮困难职工各打算怎么做"]) {
      const answer = ask(q);
      expect(answer.direct).toBeNull();
      expect(new Set(answer.hits.map((h) => h.place)).size).toBeGreaterThanOrEqual(2);
    }
  });

  it("answers which laws or documents with the titles and coined names the text joins, not another list", () => {
    const laws = ask("吴中区工会干部要学哪些法律");
    expect(laws.direct).toMatchObject({ kind: "list", text: "劳动合同法、一办法五条例", hitId: laws.hits[0]!.id });
  });

  it("keeps an item's short aside in parentheses (村村（社区）建工会) in an inline list", () => {
    expect(ask("张家港用哪些措施吸引农民工入会").direct?.text).toMatch(/、村村（社区）建工会$/u);
  });

  it("answers how with the measures of the plan's item when the clause found only restates the aim", () => {
    // 怎样提升民主管理水平 → not 不断提升民主管理水平, but the item saying how: 加强职代会制度建设.
    expect(ask("望亭电厂工会怎样提升民主管理水平").direct?.text).toContain("加强职代会制度建设");
    // 开展工会法律援助工程 says the question back but for the plan's padding (开展): what follows says how.
    expect(ask("吴中法律援助工程怎么搞").direct?.text).toContain("聘请律师做区总法律顾问");
    // A numbered item's headline restated (二是要…积极推进基层直选工会主席): the sentence after it,
    // in the same item, says how.
    expect(ask("常熟基层工会主席直选怎么推").direct?.text).toContain("成熟一家，直选一家");
    // What it does (具体干些啥, 都做些啥) is asked the same way.
    for (const q of ["吴中法律援助工程具体干些啥", "吴中区总的工会法律援助工程都做些啥？", "吴中区总的法律援助工程都管些啥"]) {
      expect(ask(q).direct?.text, q).toContain("聘请律师做区总法律顾问");
    }
  });

  it("says so when a named item's passages say nothing specific of the question, and still lists them", () => {
    const wage = ask("张家港现在最低工资标准是多少钱一个月");
    expect(wage.notice).toContain("最低工资标准");
    expect(wage.hits.length).toBeGreaterThan(0);
    expect(wage.hits.every((h) => h.place === "张家港")).toBe(true);
    expect(wage.direct).toBeNull();
    // A passage saying the question's specific word (百十) is an answer: no notice.
    expect(ask("吴中2008年的“百十”工程具体要求是什么？").notice).toBeNull();
  });

  it("takes 啥地方, 哪些地方 for asking where, not for the bulletins' word 地方, and 计划里 for the plan itself", () => {
    expect(ask("常熟工会想把活动场所办成职工爱去的啥地方").direct?.text).toBe("学校和乐园");
    // 昆山07年计划里: the plan the question is about, no topic its passages must say.
    const middle = ask("昆山07年计划里有没有提到中间层次工会建设？");
    expect(middle.notice).toBeNull();
    expect(middle.direct?.text).toBe("切实加强中间层次工会建设");
  });

  it("answers how each place does something (各地…怎么做, 有啥不同) with each one's passage, not one's answer", () => {
    const answer = ask("各地对农民工入会分别怎么做");
    expect(answer.direct).toBeNull();
    const orgs = answer.hits.slice(0, 3).map((h) => h.org);
    expect(new Set(orgs).size).toBe(orgs.length);
    expect(ask("各地工会干部培训有啥不同").direct).toBeNull();
    // 有啥安排 asks each one's plans; 安排 is the asking (the bulletins never say it), not a topic
    // the floor finds unsaid.
    const safety = ask("安全生产劳动保护各地有啥安排");
    expect(safety.direct).toBeNull();
    expect(new Set(safety.hits.slice(0, 3).map((h) => h.org)).size).toBeGreaterThan(1);
    // 各地 naming who did one shared thing is no comparison: it is answered.
    expect(ask("2007年各地工会谋划新一年工作是按照哪次会议的精神").direct?.text).toContain("十三届四次全委会");
    expect(asksEachUnit("各地工会按市总全委会精神谋划工作")).toBe(false);
    // 几个地方 asks about each place as 各地 does; 地方 is no topic word the floor looks for.
    const several = ask("几个地方在职工法律服务上都咋做的");
    expect(several.notice).toBeNull();
    expect(several.direct).toBeNull();
    expect(new Set(several.hits.slice(0, 2).map((h) => h.org)).size).toBe(2);
  });

  it("answers which places or unions do something with the organisations whose passages answer it", () => {
    // Organisations (吴中, 常熟), not the items of whichever passage ranked first.
    const lawyers = ask("有哪些工会提到请律师给职工提供法律服务");
    expect(lawyers.direct).toMatchObject({ kind: "list", text: "吴中区总工会、常熟市总工会", hitId: lawyers.hits[0]!.id });
    // Every 2012 organisation that names the slogan, and no other.
    const slogan = ask("2012年哪些单位提到了“两个普遍”");
    expect(slogan.direct?.text.split("、").sort()).toEqual(["吴江市总工会", "昆山市总工会", "沧浪区总工会", "相城区总工会"].sort());
    // Each shown by its best passage, in the answer's order.
    expect(slogan.hits.slice(0, 4).map((h) => h.org)).toEqual(slogan.direct?.text.split("、"));
    // A quoted phrase is what they must say, word for word; else the question's most specific
    // word (职代会), not only the common ones (完善, 制度) other plans say of other things.
    expect(ask("2012年哪些单位提出要推进“两个普遍”？").direct?.text.split("、").sort()).toEqual(["吴江市总工会", "昆山市总工会", "沧浪区总工会", "相城区总工会"].sort());
    const congress = ask("2012年哪些单位提到要完善职代会制度");
    expect(congress.direct?.text).not.toMatch(/沧浪|相城/u);
    expect(congress.direct?.text).toContain("水务投资公司工会");
    // Across years, each organisation's years.
    expect(ask("哪些地方给会员或困难职工发过优惠卡").direct?.text).toMatch(/吴中区总工会（2007、2008年）/u);
  });

  it("answers which place does something most by showing each one, not by naming all that do it", () => {
    // 张家港 (300家, 90%), 常熟 and 昆山 each set a 两争一树 target: which is highest is theirs to compare.
    const answer = ask("07年哪个地方两争一树目标定得最高");
    expect(answer.direct).toBeNull();
    const orgs = answer.hits.slice(0, 3).map((h) => h.org);
    expect(new Set(orgs).size).toBe(3);
    expect(orgs).toContain("张家港市总工会");
  });

  it("never ends an answer inside a quotation it opens", () => {
    const answer = ask("水务投资公司工会2012年要带领职工做什么");
    expect(answer.direct?.text).toContain("“建设宜居新苏州、打造创业新天堂，共筑幸福新家园”");
  });

  it("states no figure or time for a question naming only ubiquitous words, but still lists the item", () => {
    for (const q of ["常熟2007年工会工作有多少", "吴江2012年职工多少", "2012年工会什么时候"]) {
      const answer = ask(q);
      expect(answer.direct, q).toBeNull();
      expect(answer.hits.length, q).toBeGreaterThan(0);
    }
    // A measure asked for says what is counted: 几项 is answered by 十八项工作.
    expect(ask("昆山 工作 几项").direct?.text).toContain("十八项工作");
  });

  it("answers a keyword search ending in what is counted (场次, 人数) with the figure in that measure", () => {
    expect(ask("张家港 免费送电影 场次").direct?.text).toContain("200场");
    expect(ask("常熟 困难职工 体检 人数").direct?.text).toContain("400名");
  });

  it("answers 按什么思路 with the saying the text adopts (两 halves too), not a quoted 思路 of another sentence", () => {
    // The paragraph also has “党政重视、工会运作、各方配合”的建会思路, in a sentence about 建会.
    const answer = ask("常熟基层工会主席直选按什么思路推进");
    expect(answer.direct?.text).toBe("成熟一家，直选一家");
    expect(answer.hits[0]!.id).toBe(answer.direct!.hitId);
    // One-piece methods are read as before.
    expect(ask("吴中区指导基层工会用的是什么方法").direct?.text).toBe("抓两头带中间");
  });

  it("answers a figure with what it counts (份, not 个)", () => {
    const answer = ask("吴中区总工会会员优惠卡能在多少家单位享受优惠");
    expect(answer.direct?.text).toContain("38家单位");
  });

  it("takes a figure from a sentence that says it of \"this\" when its passage names the topic", () => {
    // 该指标分…5大类，共15项20个指标: the sentence never says 现代化; its passage does.
    const answer = ask("昆山工会现代化量化指标共有多少个");
    expect(answer.direct?.text).toContain("20个");
    expect(answer.hits[0]!.id).toBe(answer.direct?.hitId);
  });

  it("counts in 方面 when asked in 块 (people's measure word for areas of work)", () => {
    expect(ask("望亭发电厂工会2012年重点抓几块工作").direct?.text).toContain("五方面");
  });

  it("states no figure for a sum of money the text never gives, nor another batch's count", () => {
    // 待遇 is pay, as 工资 and 津贴 are: 评选100名常熟市劳动模范 counts the model workers, it pays none.
    expect(ask("常熟2008年劳模待遇每月多少").direct).toBeNull();
    // 慰问金每人多少 is money: 100户, 100名 count households and people, not 元.
    expect(ask("常熟2007年给困难劳模的慰问金每人发多少").direct).toBeNull();
    expect(ask("张家港会员优惠制能给农民工优惠多少钱").direct).toBeNull();
    // The third batch is not the second (第二批37名).
    expect(ask("吴中区第三批特困证发给多少人").direct).toBeNull();
    expect(ask("吴中区第二批特困证发给多少人").direct?.text).toContain("37名");
  });

  it("answers 几个 X with a figure of another measure only from a clause naming X", () => {
    // 吴江 plans service centres but counts none; 四级联动 counts levels of a contest.
    expect(ask("吴江2012年打算建几个职工服务中心").direct).toBeNull();
    expect(ask("常熟2008年要评几个市劳模").direct?.text).toContain("100名");
  });

  it("answers a day asked for (几月几号, 哪天) only with a month or a day, never a bare year", () => {
    // 哪个月: 年内与市政府召开一次联席会议 says within the year, not which month.
    expect(ask("常熟和市政府联席会议哪个月开").direct).toBeNull();
    // The session is dated only by its year (2012年): no date is stated.
    expect(ask("张家港十届七次全委扩大会是几月几号开的").direct).toBeNull();
    expect(ask("吴中会员优惠卡哪天开始启动").direct?.text).toContain("春节过后");
  });

  it("takes a figure for the year asked, not from a clause naming only another year", () => {
    // 在2007年检查验收100家三有三好企业工会的基础上，2008年要确保100个基层工会达到…“三有三好”标准
    const figure = ask("吴中2008年三有三好企业工会要达标多少家").direct?.text ?? "";
    expect(figure).toContain("2008年要确保100个基层工会达到");
    expect(figure).not.toContain("2007年检查验收");
  });

  it("says so when a figure or a time asked is read from none of the passages it lists", () => {
    // 为困难劳模发放慰问金 says no sum: the passage follows, not as though it held one.
    const sum = ask("常熟困难劳模慰问金发多少");
    expect(sum.direct).toBeNull();
    expect(sum.hits.length).toBeGreaterThan(0);
    expect(sum.notice).toContain("没能从简报里直接读出这个数字");
    // A figure read is stated without it.
    expect(ask("常熟市总工会打算为多少名困难职工免费体检？").notice).toBeNull();
  });

  it("answers no procedure (怎么报名, 去哪里办) from a work plan, and says none was read", () => {
    // 评选100名常熟市劳动模范 says who is elected, not how to apply.
    const apply = ask("常熟08年劳模评选怎么报名");
    expect(apply.direct).toBeNull();
    expect(apply.notice).toContain("没能从简报里直接读出办理的方法");
    expect(ask("吴中会员卡去哪里办").notice).toContain("没能从简报里直接读出办理的方法");
    // Where to collect it is a procedure too: 实施工会“会员优惠卡”工程 is no answer to it.
    const collect = ask("吴中会员优惠卡咋办 去哪领");
    expect(collect.direct).toBeNull();
    expect(collect.notice).toContain("没能从简报里直接读出办理的方法");
    // Whom to call, where to log in, whether one may apply oneself: no plan says, and a sentence
    // naming the scheme is no answer.
    for (const q of ["张家港农民工有困难找工会 打哪个电话", "常熟职工代表网上培训在哪个网站上 怎么登录", "张家港五一劳动奖章评选条件是啥 个人能自己报吗", "常熟的职工巡回法庭在哪，咋去立案"]) {
      const contact = ask(q);
      expect(contact.direct, q).toBeNull();
      expect(contact.notice, q).toBe("没能从简报里直接读出办理的方法或联系方式，下面是最相关的段落，请在其中查找。");
    }
  });

  it("does not take an ordinal (第三批) for a count", () => {
    // 完成第三批特困职工特困证的发放工作 … 在认真总结第二批37名特困职工特困证发放情况的基础上
    expect(ask("吴中第二批特困证一共发给多少个职工").direct?.text).toContain("37名");
  });

  it("answers 做到什么程度 with a figure in digits, never an idiom's 一家", () => {
    const migrants = ask("张家港的农民工入会要做到什么程度");
    expect(migrants.direct?.kind).toBe("figure");
    expect(migrants.direct?.text).toContain("2万");
    // 成熟一家、直选一家 says no degree.
    expect(ask("常熟工会推进厂务公开要做到什么程度").direct?.text ?? "").not.toContain("一家");
  });

  it("closes a list at the text's word for places when asked for 哪些地方, and cuts the lead-in off its first item", () => {
    // …娱乐场所等38家单位享受优惠待遇: 单位 is what 地方 asks for; 工会会员持卡到全区选择的 leads in.
    expect(ask("吴中区的会员优惠卡在哪些地方能用上").direct?.text).toBe("医疗机构、图书阅览、商业场所、娱乐场所");
  });

  it("counts people asked for with 个 in 名, not 家 (多少个…职工)", () => {
    // 新增十家…职工读书站 and 评选百名读书先进职工 are in one sentence.
    expect(ask("沧浪区总打算评多少个爱读书的职工？").direct?.text).toBe("评选百名读书先进职工");
    // Also when the question's other words (看书) are said by neither clause: 十家 counts no people.
    expect(ask("沧浪区打算评几个喜欢看书的职工").direct?.text).toBe("评选百名读书先进职工");
    // 先进 are people too (评选百名读书先进职工, not 新增十家…读书站).
    expect(ask("沧浪读书活动要评多少个先进").direct?.text).toBe("评选百名读书先进职工");
    // 一次 of 每年评选一次 says how often, not how many 场: no answer rather than that one.
    expect(ask("张家港职工放片子 一年多少场").direct?.text ?? "").not.toContain("每年评选一次");
    // The people said first, the count last (…的职工评几个).
    expect(ask("沧浪区喜欢看书的职工要评几个").direct?.text).toBe("评选百名读书先进职工");
    expect(ask("沧浪喜欢看书的职工 评几个").direct?.text).toBe("评选百名读书先进职工");
  });

  it("takes 个 as everyone's measure word, and 一批 as no count", () => {
    // The bulletin counts 劳动模范 in 名 and also says 选树一批 in the same sentence.
    const answer = ask("常熟2008年要评选多少个市劳动模范");
    expect(answer.direct?.text).toContain("100名");
  });

  it("keeps a quoted item in an inline list, the lead-in off the first item and the count off the last", () => {
    // 该指标分发挥主力军作用、推进“两个普遍”、…、加强自身建设5大类 (a count in digits is asked for too).
    for (const q of ["昆山工会现代化指标分成哪几大类", "昆山现代化量化指标分哪5大类"]) {
      const items = ask(q).direct?.text.split("、") ?? [];
      expect(items, q).toHaveLength(5);
      expect(items[0], q).toBe("发挥主力军作用");
      expect(items[1], q).toBe("推进“两个普遍”");
      expect(items[4], q).toBe("加强自身建设");
    }
  });

  it("prefers, among clauses covering a question alike, the one saying its words as asked", () => {
    // 300家合格劳动关系和谐企业 says 劳动关系和谐企业; 100家和谐劳动关系示范企业 only its pieces.
    expect(ask("张家港07年评多少家劳动关系和谐企业").direct?.text).toContain("300家合格劳动关系和谐企业");
  });

  it("does not take a figure from a clause that says only a piece of the question's word", () => {
    // The paragraph names 五一劳动奖章 (every year, from 2007) and, in another part, 100家和谐劳动关系
    // 示范企业: 劳动 alone does not make that a count of medals, which the plan never gives.
    const answer = ask("张家港五一劳动奖章每年评多少个");
    expect(answer.hits[0]?.text).toContain("五一劳动奖章");
    expect(answer.direct).toBeNull();
    // Said whole, the word lets the clause lean on its sentence as before.
    expect(ask("常熟给多少户困难职工家庭发优惠证").direct?.text).toContain("100户");
  });

  it("answers a figure asked with something else about it by its short numbered item whole", () => {
    // 3.为100户困难职工家庭发放优惠证，按月提供免费粮油水电: how many, and what the card gives.
    expect(ask("常熟困难职工优惠证发多少户，拿了有啥好处").direct?.text).toBe("为100户困难职工家庭发放优惠证，按月提供免费粮油水电");
    // Asked only how many, the clause with the figure stays the answer.
    expect(ask("常熟困难职工优惠证发多少户").direct?.text).toBe("为100户困难职工家庭发放优惠证");
  });

  it("reads a fee asked as money, and a figure asked as it stands now as no target", () => {
    // 交多少会费 asks money: 增加入会1000人次 counts people.
    expect(ask("常熟特困职工互助会一年交多少会费").direct).toBeNull();
    // The plan sets a target (力争…达到90%以上); where things stand now it never says.
    expect(ask("相城12年现在建会率已经多少了").direct).toBeNull();
    expect(ask("相城12年建会率要达到多少").direct?.text).toContain("90%以上");
    // An outcome (实际建成多少) no plan reports: 2007年新建工会300家 is what it set out to do.
    const outcome = ask("吴中07年新建300家工会实际建成多少家");
    expect(outcome.direct).toBeNull();
    expect(outcome.notice).toContain("没能从简报里直接读出这个数字");
  });

  it("does not answer how many with a share (100%通过达标 for 六好工会评几个)", () => {
    // 吴中 will 评选一批“六好”工会: a batch, never a number; the share is of archives passing.
    const answer = ask("吴中08年六好工会评几个");
    expect(answer.direct).toBeNull();
    expect(answer.notice).toContain("没能从简报里直接读出这个数字");
    // A count asked in 个 is still read where one is stated.
    expect(ask("张家港2007年要建多少个两争一树示范基地").direct?.text).toContain("300家");
  });

  it("does not answer a counted name with the list of another name of the same count (十大行动 → 十大目标)", () => {
    // 常熟 实施“维权十大行动” names them and lists none; its “十大目标” are ten other things.
    expect(ask("常熟维权十大行动具体是哪十个").direct).toBeNull();
    // Asked by that name, the ten goals are still its list.
    expect(ask("常熟十大目标是哪十个").direct?.text.split("\n")).toHaveLength(10);
  });

  it("does not answer which places meet a slogan (六好) with the slogan's items", () => {
    // Which towns' unions were rated 六好: the plan names none; 六 counts the slogan's items.
    const towns = ask("吴中08年评上六好工会的是哪几个镇");
    expect(towns.direct).toBeNull();
    expect(towns.notice).toContain("没能从简报里直接读出所问的各项");
    expect(ask("吴中六好工会是哪六好").direct?.text.split("、")).toHaveLength(6);
  });

  it("does not answer which of a counted set with a list of another length (38家 → four kinds of unit)", () => {
    // 工会会员持卡到全区选择的医疗机构、图书阅览、商业场所、娱乐场所等38家单位: the 38 are never named.
    const answer = ask("吴中会员优惠卡那38家具体是哪几家店");
    expect(answer.hits[0]?.text).toContain("38家单位");
    expect(answer.direct).toBeNull();
    // Its passages follow under a notice that no list was read, so they are not taken as one.
    expect(answer.notice).toBe("没能从简报里直接读出所问的各项，下面是最相关的段落，请在其中查找。");
  });

  it("reads the levels of a network, joined by 、 or a dash and counted in 级, as a list", () => {
    // 健全镇—村—企业“小三级”工会网络 (the passage's other list, 专业市场、写字楼…, is no level).
    expect(ask("张家港说的小三级网络是哪三级").direct?.text).toBe("镇、村、企业");
    // 健全区、镇、村（社区、行业）、企业四级工会组织网络: an aside's 、 stays inside its level.
    expect(ask("吴中四级工会网络是哪四级").direct?.text).toBe("区、镇、村（社区、行业）、企业");
  });

  it("takes the list counted in the measure asked (…5大类 for 分哪几大类) over another of the same length", () => {
    // The paragraph after lists five 硬性指标 too, and ranks first for 那套指标 (这套指标 opens it).
    const answer = ask("昆山那套指标分哪几大类");
    expect(answer.direct?.text.split("、")).toEqual(["发挥主力军作用", "推进“两个普遍”", "参与社会管理创新", "健全扶贫帮困机制", "加强自身建设"]);
  });

  it("answers what a clause introduces (…新目标：…) with the rest of its sentence", () => {
    const answer = ask("张家港2007年新目标是什么");
    expect(answer.direct?.text).toContain("以发展和谐劳动关系为主线");
    expect(answer.direct?.text).toMatch(/增强工会组织凝聚力$/u);
  });

  it("answers what something is called with the name the bulletin coins", () => {
    expect(ask("吴江把新生代农民工称作什么").direct?.text).toBe("新吴江人");
    // 啥城: the one quoted name there that is a 城.
    expect(ask("常熟工会文体活动要推进啥城建设").direct?.text).toBe("山水文化之城");
  });

  it("answers a theme or a name with the quoted name the question's words stand next to", async () => {
    const engine = await seedEngine();
    // A slogan of two halves is one name; the noun asked about (主题) must stand next to it.
    expect(engine.ask("水务投资公司劳动竞赛以什么为主题").direct?.text).toBe("建功立业十二五，转型升级争先锋");
    // Three names in one sentence: the one next to 合理化建议 and 活动.
    expect(engine.ask("吴中区的合理化建议活动叫什么名字").direct?.text).toBe("金点子");
    // A theme said without quotation marks is answered by its clause, not by a nearby name.
    expect(engine.ask("相城区2012年工作主题是什么").direct?.text).toContain("后发崛起");
    // Names joined by 、 are one answer (创建“一镇一品”、“一企一特”的工会工作品牌).
    expect(engine.ask("吴江镇级工会要创建的工作品牌叫什么").direct?.text).toBe("一镇一品、一企一特");
    // The paragraph may say what the name belongs to (工人先锋号活动), its sentence the name.
    expect(engine.ask("吴中工人先锋号活动中的合理化建议活动叫什么名字").direct?.text).toBe("金点子");
    // Which law or document: a title in book marks (更重要的是要学习好《劳动合同法》), never a clause.
    expect(engine.ask("吴中工会干部培训要学好哪部法").direct?.text).toBe("劳动合同法");
    expect(engine.ask("昆山那套工会指标是参照什么制定的").direct?.text).toBe("昆山率先基本实现现代化指标体系");
    // A bare 哪个 asks for no document (哪部, 哪份 do): the other answers stay open to it.
    expect(engine.ask("常熟市总2012年四大工程里排第一的是哪个？").direct).not.toBeNull();
    // 按照什么原则 asks for a principle, not a document.
    expect(engine.ask("常熟服务大局按照什么原则").direct?.text).toBe("党政所急，职工所需，工会所能");
    // Asked for a name outright, a quoted one needs its sentence to say only as much as a figure's.
    expect(engine.ask("吴江市总机关干部去企业挂钩，这叫什么做法").direct?.text).toBe("部室联片、干部联企");
  });

  it("takes a list's own count off its last item, splits a last 和, and the introducing verb off the first", () => {
    // 全力推进建功立业、文化繁荣、维权保障、固本强基四大工程
    expect(ask("常熟2012年推进的四大工程有哪些").direct?.text).toBe("建功立业、文化繁荣、维权保障、固本强基");
    // 深化竞赛创优、科技创新和素质提升三大工程
    expect(ask("吴江要深化哪三大工程").direct?.text).toBe("竞赛创优、科技创新、素质提升");
    // 开展四项活动 is an item with a count of its own, not the list's count.
    expect(ask("吴中区2008年的基本思路有哪几条").direct?.text).toContain("开展四项活动");
  });

  it("answers X的什么 with what the text says after X的, and 哪次会议 as a what-question", () => {
    expect(ask("吴江关怀新生代农民工要增强新吴江人的什么").direct?.text).toBe("归属感");
    expect(ask("张家港是在哪次会议上确定2012年工作的").direct?.text).toContain("十届七次全委");
  });

  it("answers what a heading or a saying means with what follows it, and a principle with its quoted name", () => {
    // （一）、贯穿一条主线。区总机关要把…与践行“三服务”活动紧密结合起来 — not the summary listing it.
    expect(ask("吴中区明年要贯穿的一条主线是什么").direct?.text).toContain("三服务");
    // The saying itself repeats the question: its meaning is the sentence after it.
    expect(ask("“火车跑得快，全靠车头带”这句话指的是什么").direct?.text).toContain("工会干部队伍建设");
    expect(ask("常熟工会服务大局按什么原则").direct?.text).toBe("党政所急，职工所需，工会所能");
  });

  it("reads a list's title as what it is of, and takes the count a question says after 哪", () => {
    expect(ask("昆山工会决胜现代化量化指标分为哪几大类").direct?.text.split("、")).toHaveLength(5);
    expect(askedCount("吴中区五个二里实施的两项工程是哪两个")).toBe(2);
  });

  it("ends a list where the text names what the question asks a list of", () => {
    // …签订好工资专项集体合同、劳动安全卫生及女职工特殊保护等专项合同: two 、-items, closed by the
    // asked 专项合同, the last joined by 及 — not the 做好…人的工作 clauses around them.
    const contracts = ask("宝钢苏冶工会要签订哪些专项合同").direct;
    expect(contracts?.kind).toBe("list");
    expect(contracts!.text.split("、").slice(1)).toEqual(["劳动安全卫生", "女职工特殊保护"]);
    expect(contracts!.text).toContain("工资专项集体合同");
    // …改造、街巷综合整治和老新村无地队拆迁改造的重点项目广泛组织开展劳动竞赛，重点在建筑、餐饮、
    // 酒店管理等行业…: the list before 的重点项目, not the one after the word 重点.
    const projects = ask("沧浪区围绕哪些重点项目开展劳动竞赛").direct;
    expect(projects!.text.split("、").slice(1)).toEqual(["街巷综合整治", "老新村无地队拆迁改造"]);
    // Not closed by what was asked, an over-long last item still ends at the 的 that makes the
    // list a modifier (…拆迁改造的重点项目…).
    expect(ask("沧浪区的劳动竞赛围绕哪些改造工程").direct?.text.split("、").slice(1)).toEqual(["街巷综合整治", "老新村无地队拆迁改造"]);
    expect(askedHead("常熟工会有什么新举措")).toBe("新举措");
    expect(askedHead("常熟工会的新举措是什么")).toBeNull();
  });

  it("takes a list whose every item names what is asked (…能力、…能力) as that list", () => {
    // 一是提升工会主要干部的工作能力。即提高“四个能力”参与能力、协调能力、…。二是提升工会干部的服务能力。
    // …即提升服务经济、服务基层、服务职工的能力: both are lists of 能力; the one the clause of 主要干部 holds.
    expect(ask("吴中区工会主要干部要提高哪几个能力？").direct?.text).toBe("参与能力、协调能力、策划能力、创新能力");
  });

  it("never answers which items a counted name holds with the list that names it (…、开展四项活动)", () => {
    // 理清明年工作的基本思路：即贯穿一条主线、夯实两项基础、加强三大建设、开展四项活动: four items, and
    // the fourth is the thing asked about.
    const frame = ask("吴中2008年明年工作思路：一条主线、两项基础、三大建设、四项活动，四项活动是哪四个？").direct;
    expect(frame?.text ?? "").not.toContain("四项活动");
  });

  it("answers which hospitals, villages or enterprises only with a list that names such things", () => {
    // 医疗机构、图书阅览、商业场所、娱乐场所等38家单位 are kinds of venue, not hospitals; asked for kinds,
    // they answer.
    expect(ask("吴中优惠卡那38家单位是哪些医院").direct).toBeNull();
    expect(ask("吴中区会员优惠卡可以在哪些类型的场所用？").direct?.text).toContain("医疗机构");
    // The care activities of the sentence are no list of enterprises.
    expect(ask("吴江职工服务中心建在哪些企业").direct?.kind ?? null).not.toBe("list");
  });

  it("starts a list's first item at the word its other items open with", () => {
    // 努力做到工会工作与政府工作同步研究部署、同步检查考评、同步表彰奖励: the words before the first
    // 同步 introduce the list.
    expect(ask("沧浪区总工会要求和政府工作同步的是哪三个方面").direct?.text.split("、")).toEqual(["同步研究部署", "同步检查考评", "同步表彰奖励"]);
  });

  it("names the thing asked about by a name ending in it, on a figure's share of the question", () => {
    // 积极推进常熟“山水文化之城”建设: the sentence never says 城市, the name ends in 城.
    expect(ask("常熟工会搞文体活动，要推进什么城市建设").direct?.text).toBe("山水文化之城");
  });

  it("takes a name the item's headline coins (宝钢苏冶公司工会提出“八个人”工作思路)", () => {
    const answer = ask("宝钢苏冶工会那套工作思路叫什么名字");
    expect(answer.direct?.text).toBe("八个人");
    expect(answer.hits.find((h) => h.id === answer.direct?.hitId)?.title).toContain("“八个人”");
  });

  it("takes a name followed by 的 and the kind asked for, and never a name the question says", () => {
    // 按照“党政重视、工会运作、各方配合”的建会思路: the name, then 的建会思路.
    expect(ask("常熟市总工会推进非公企业建会按照什么思路").direct?.text).toBe("党政重视、工会运作、各方配合");
    // 开展以“创新、创造在岗位”为主题的合理化建议“金点子”活动: 金点子 is what is asked about.
    expect(ask("吴中区总工会的金点子活动以什么为主题").direct?.text).toBe("创新、创造在岗位");
    // What follows 什么 is matched as text, not as a pattern: a bracket there is no error.
    expect(ask("常熟工会开展文体活动是为了推进什么城(市)建设").direct?.text).toBe("山水文化之城");
    expect(ask("常熟市总工会推进非公企业建会按照什么思[路").notice ?? "").not.toContain("错误");
  });

  it("answers what with a short numbered item whole, not half of it", () => {
    // 9.实施“女职工互助关爱计划”，扶持单亲女职工自主创业；
    expect(ask("常熟2007年怎么扶持单亲女职工").direct?.text).toBe("实施“女职工互助关爱计划”，扶持单亲女职工自主创业");
  });

  it("answers what kind of X (啥样的组织) with the name coined for that kind, not a clause that says X", () => {
    // 组织千名基层工会主席上岗培训 says 组织 and 工会 as well; the answer is the coined description.
    expect(ask("相城区总想把工会建成啥样的组织").direct?.text).toBe("学习型、服务型、创新型");
    expect(ask("相城区2012年要在全区形成什么样的社会氛围？").direct?.text).toBe("工人伟大、劳动光荣");
    // A kind of one character (什么样的城), and a kind the name is joined to by a word (“四有”职工队伍).
    expect(ask("常熟工会搞文体活动是为了把常熟建成个什么样的城").direct?.text).toBe("山水文化之城");
    expect(ask("水务公司工会要建一支什么样的队伍").direct?.text).toBe("四有");
    // Names closed by 等…活动 are examples of a kind (“工人先锋号”、“五一文明岗”等创先争优活动), not what
    // the question asks the 活动 of: the clause with the answer (…组织开展劳动竞赛) is.
    expect(ask("沧浪区旧小区改造工地上工会组织啥活动").direct?.text).toContain("劳动竞赛");
  });

  it("finds a keyed slogan's list elsewhere in the top passage's item, and leads with it", () => {
    // 三个所: no passage says it; its items (党政所急，职工所需，工会所能) are in another paragraph of
    // the article the top passage belongs to, and a three-item list nearer (党政重视、工会运作、各方配合) is not it.
    for (const q of ["常熟工会工作讲究的三个所是啥", "常熟市总2008年工作讲的三个所是哪三个？"]) {
      const answer = ask(q);
      expect(answer.direct?.text, q).toBe("党政所急、职工所需、工会所能");
      expect(answer.hits[0]!.id, q).toBe(answer.direct!.hitId);
      expect(answer.hits[0]!.text, q).toContain("党政所急");
    }
  });

  it("still answers what is its own evidence when the item's passages say none of the question's words", () => {
    // Listed in reading order (no passage says 三个所 or 百): the keyed list and the definition.
    const keyed = ask("常熟2008年三个所");
    expect(keyed.direct?.text).toBe("党政所急、职工所需、工会所能");
    expect(keyed.hits[0]!.id).toBe(keyed.direct!.hitId);
    expect(keyed.notice ?? "").not.toContain("没有找到问题中的词");
    expect(ask("相城区一十百千万里的百指什么").direct?.text).toContain("创建百家");
    // Anything else stays unsaid there (no passage of 宝钢苏冶 says 过节费).
    const unsaid = ask("宝钢苏冶一年发几次过节费？");
    expect(unsaid.notice).toContain("没有找到问题中的词");
    expect(unsaid.direct).toBeNull();
    // Said in other words the thesaurus knows (坐下来聊 => 座谈会), it is answered.
    expect(ask("宝钢苏冶多长时间把大伙叫到一起坐下来聊聊？").direct?.text).toBe("每季召开一次职工座谈会");
  });

  it("answers what a label means with the text's definition of it (“千”：即…), and leads with its passage", () => {
    const thousand = ask("相城区一十百千万目标中千是指啥");
    expect(thousand.direct?.text).toBe("规范建设千家“有班子、有制度、有活动、有阵地、有作用”的合格基层工会");
    expect(thousand.hits[0]!.id).toBe(thousand.direct!.hitId);
    expect(ask("相城的万是什么意思").direct?.text).toContain("使万名职工技能素质有新提升");
    // The label quoted in the question (“百”是什么意思).
    expect(ask("相城区“一十百千万”里的“百”是什么意思").direct?.text).toContain("创建百家");
  });

  it("answers what a plan singles out (把…作为重点) and a method by its name (…的方法)", () => {
    // 坚持把提高普通职工尤其是一线职工工资水平作为关键，把劳动定额标准制定和管理作为重点: the one asked for.
    expect(ask("相城区2012年工资协商把什么作为关键").direct?.text).toBe("提高普通职工尤其是一线职工工资水平");
    expect(ask("相城区谈工资把啥当重点").direct?.text).toBe("劳动定额标准制定和管理");
    // 将采取抓两头带中间的方法: the method's name, without the verb of adopting it.
    expect(ask("吴中区夯实基层工会工作用的是什么方法").direct?.text).toBe("抓两头带中间");
  });

  it("answers which town with the town the text names, and with nothing else", () => {
    // 木渎镇工会对创办职工法律服务站和职工职业介绍所进行了有益的探索 (one word); 郭巷 街道 (a name, then the unit).
    const town = ask("吴中哪个镇的工会开了帮职工找工作的中介");
    expect(town.direct?.text).toBe("木渎镇");
    expect(town.hits[0]!.id).toBe(town.direct?.hitId);
    expect(ask("吴中区哪个街道在摸索汽车这一行的工资谈判").direct?.text).toBe("郭巷街道");
    // No town in a sentence saying the question: no answer, never 加强镇级… or a clause.
    expect(ask("吴中哪个镇的工会开了帮人找工作的地方").direct).toBeNull();
  });

  it("answers a search ending in 主题/理念 as the question it is", () => {
    expect(ask("相城区总2012年工作主题").direct?.text).toBe("推进相城区后发崛起");
    expect(ask("水务投资公司工会的工作理念").direct?.text).toBe("水惠民生、造福于民");
    // A 思路 is named the same way (按照“党政重视、工会运作、各方配合”的建会思路).
    expect(ask("常熟推进非公企业建会的思路是什么").direct?.text).toBe("党政重视、工会运作、各方配合");
    // A search ending in a broad plan noun stays a search.
    expect(ask("昆山 2007 工作任务").direct).toBeNull();
  });

  it("answers 以什么为主线 with what the text frames so, not a neighbouring frame", () => {
    // 以推进相城区后发崛起为主题，以发展和谐劳动关系为主线，以服务职工群众为主旨: three frames in one sentence.
    expect(ask("相城区总2012年以什么为主线").direct?.text).toBe("发展和谐劳动关系");
    expect(ask("相城区总2012年以什么为主旨").direct?.text).toBe("服务职工群众");
    expect(ask("相城区总2012年工作主题是什么").direct?.text).toBe("推进相城区后发崛起");
  });

  it("reads a name of the kind asked for (啥城) from the next passages when the top one has none", () => {
    // 唱歌跳舞打球 ranks a passage on 文体活动 first; the one naming “山水文化之城” second.
    const answer = ask("常熟工会搞唱歌跳舞打球这些活动，说是为了建成什么城");
    expect(answer.direct?.text).toBe("山水文化之城");
    expect(answer.hits[0]!.id).toBe(answer.direct!.hitId);
  });

  it("takes 叫个啥名 for a name question", () => {
    expect(ask("吴中区合理化建议活动叫个啥名").direct?.text).toBe("金点子");
  });

  it("answers 什么比赛 with the quoted name the kind asked for follows (its synonym too)", () => {
    // 深入开展“安康杯”竞赛活动，维护广大职工的生命健康权益 — not the clause repeating the question.
    expect(ask("吴江用什么比赛维护职工生命健康权益").direct?.text).toBe("安康杯");
  });

  it("lists a section's numbered paragraphs, and only that section's", () => {
    // （三）、加强三大建设 heads 1、2、3、; （四）'s 4、开展工会创新活动 is no fourth item of it.
    expect(ask("吴中区2008年加强哪三大建设").direct?.text.split("\n")).toEqual(["1、加强维权机制建设", "2、加强工会组织建设", "3、加强工会干部队伍建设"]);
    expect(ask("吴中区2008年夯实哪两项基础").direct?.text.split("\n")).toEqual(["1、夯实工会基础管理", "2、夯实基层工会基础"]);
  });

  it("takes 新年伊始 for a time, and a search ending in a rate for a figure question", () => {
    expect(ask("苏州各地工会什么时候谋划新一年的工作").direct?.text).toMatch(/^新年伊始/);
    expect(ask("相城 2012 建会率").direct).toMatchObject({ kind: "figure", text: expect.stringContaining("90%") });
  });

  it("cites the section a passage sits under", () => {
    const hit = ask("吴中区2008年要开展的四项活动是什么").hits.find((h) => h.text.startsWith("1、开展“工人先锋号”活动"));
    expect(hit?.section).toBe("（四）、开展四项活动");
    expect(citation(hit!)).toContain("（四）、开展四项活动 · 第34段");
  });

  it("lists every item, across paragraphs and inside one", () => {
    const wuzhong = ask("吴中区 五个二 工程是哪五个");
    expect(wuzhong.direct?.kind).toBe("list");
    expect(wuzhong.direct!.text.split("\n")).toEqual(["一、加大两个力度", "二、夯实两项基础", "三、打造两个品牌", "四、实施两项工程", "五、提升两个能力"]);
    const kunshan = ask("昆山 2007 具体工作任务有哪些");
    const items = kunshan.direct!.text.split("\n");
    expect(items).toHaveLength(18);
    expect(items[17]).toBe("18.转变作风强化工会效能建设");
    // The list ends where what is asked for follows it, matched by its head (关爱活动 → …等活动).
    const cared = ask("吴江12年对年轻一代外来打工仔搞哪些关爱活动").direct?.text ?? "";
    for (const item of ["交友联谊", "心理健康教育", "职业技能培训", "学历教育提升"]) expect(cared).toContain(item);
    // 等 closes an enumeration whose last two items 及 joins (…、劳动安全卫生及女职工特殊保护等专项合同).
    expect(ask("宝钢苏冶12年要签哪些合同").direct?.text).toBe("签订好工资专项集体合同、劳动安全卫生、女职工特殊保护");
    // A sentence opening with 即 spells out the one before it, which says what the list is.
    expect(ask("吴中区总07年要求干部在哪三个服务上下功夫").direct?.text).toBe("服务经济、服务基层、服务职工的能力");
    const abilities = ask("吴中07年工会干部要提高哪四个能力");
    expect(abilities.direct?.text).toBe("参与能力、协调能力、策划能力、创新能力");
  });

  it("cites, and shows first, the part of a cut paragraph where the list starts", () => {
    // The paragraph is cut into parts; the one that ranks by the question's words holds the
    // last of the eight items. The answer's source is the part that opens the list.
    const answer = ask("宝钢苏冶工会八个人 分别是哪八个");
    expect(answer.direct?.text).toBe("依靠人、规范人、提高人、激励人、尊重人、了解人、关心人、凝聚人");
    const top = answer.hits[0]!;
    expect(top.id).toBe(answer.direct!.hitId);
    expect(top.text).toContain("做好依靠人的工作");
    expect(top.excerpt.split(MARK).join("")).toContain("依靠人");
  });

  it("reads 工人 and 员工 as the bulletins' 职工, and still finds nothing on statutory topics", () => {
    expect(ask("常熟07年要求多大比例的工人学安全常识").direct?.text).toContain("50%");
    expect(ask("宝钢苏冶多久跟工人坐下来聊一次").direct?.text).toContain("每季召开一次职工座谈会");
    const floor = ask("工人病假工资怎么发");
    expect(floor.hits).toHaveLength(0);
    expect(floor.notice).toContain("病假");
  });

  it("answers 哪个 + a kind with the name of that kind (哪个杯赛 → 新风杯), and 名称是什么 with a name", () => {
    expect(ask("常熟给乡镇工会打分跟哪个杯赛挂钩").direct?.text).toBe("新风杯");
    expect(ask("昆山市总工会2007年计划大力开展的职工技能练兵活动名称是什么？").direct?.text).toBe("万名职工技术大练兵");
  });

  it("answers a total and the part of it counted with 其中 together", () => {
    // 总数 asks how a count is asked, not what is counted; 其中… counts part of the clause before it.
    expect(ask("吴中区到年底工会总数要过多少家，其中单独成立的又有多少家").direct?.text).toBe("全区累计建会超过4000家，其中独立建会达到1600家");
  });

  it("answers what something is to be made into with the name the plan coins (打造…“学校和乐园”)", () => {
    const made = ask("常熟工会2012年想把给员工用的文体场地办成什么样子");
    expect(made.direct?.text).toBe("学校和乐园");
    expect(made.hits[0]!.id).toBe(made.direct!.hitId);
    // A name of the kind asked for still answers first (建成什么城 → 山水文化之城).
    expect(ask("常熟工会搞职工文体活动，是要推进常熟建成什么城").direct?.text).toBe("山水文化之城");
    // 建设 alone makes one too: 努力建设“党委放心、企业欢迎、职工信任”的工会组织.
    expect(ask("张家港12年要把工会建成啥样").direct?.text).toBe("党委放心、企业欢迎、职工信任");
  });

  it("answers with every counted measure of a sentence when the clause found is one of them", () => {
    // 树立十家…典型，推荐十本好书，评选百名读书先进职工，举办十场读书报告会和文艺晚会，新增十家…
    const answer = ask("沧浪区今年读书活动怎么搞");
    for (const part of ["推荐十本好书", "评选百名读书先进职工", "举办十场读书报告会", "新增十家有特色上水平的职工读书站"]) {
      expect(answer.direct?.text).toContain(part);
    }
  });

  it("answers a plan noun asked (工作思路是啥) with what follows it and a colon, words between the question's allowed", () => {
    // 理清明年工作的基本思路：即贯穿一条主线… — 工作 and 思路 with 的基本 between; another passage
    // says 工作思路 whole (…工作思路适应新形势) and ranks first.
    const answer = ask("吴中08年工作思路是啥");
    expect(answer.direct?.text).toBe("贯穿一条主线、夯实两项基础、加强三大建设、开展四项活动");
    expect(ask("吴中08年工作思路一句话是啥").direct?.text).toBe("贯穿一条主线、夯实两项基础、加强三大建设、开展四项活动");
    expect(answer.hits[0]!.id).toBe(answer.direct?.hitId);
  });

  it("answers which meeting with the session's name", () => {
    expect(ask("2007年各地工会谋划新一年工作是按照哪次会议的精神").direct?.text).toBe("十三届四次全委会");
    expect(ask("张家港市总是在哪次会议上定的2012年工作？").direct?.text).toBe("十届七次全委（扩大）会议");
  });

  it("answers 围绕什么 with what the plan is built around", () => {
    expect(ask("张家港总工会零七年定的新目标，主要是围绕什么来抓的？").direct?.text).toBe("发展和谐劳动关系");
    expect(ask("水务投资公司工会2012年围绕什么理念开展工作").direct?.text).toContain("水惠民生、造福于民");
    // A long quoted slogan is taken whole, not cut at a length.
    expect(ask("常熟08年工会紧紧围绕的是什么建设目标").direct?.text).toMatch(/^“推进常熟由.*向‘幸福城市’转变”/u);
    // Of two sentences of the paragraph saying 围绕, the one saying the question's words: 重点围绕
    // 品质提升…组织职工开展劳动竞赛, not 紧紧围绕公司…工作主线 before it.
    expect(ask("宝钢苏冶劳动竞赛围绕什么").direct?.text).toBe("品质提升、合同履约、成本控制、服务改善");
  });

  it("reads 啥办法 as how a question asks, and takes a method only from a sentence saying the question's words", () => {
    // 办法 is the asking frame (the plan says 措施): 通过实行会员优惠制…等措施，吸引和组织农民工入会.
    expect(ask("张家港那边靠啥办法拉农民工入会的").direct?.text).toContain("会员优惠制");
    // 采取抓两头带中间的方法 leans on its paragraph for 条例; the sentence after it says how.
    expect(ask("吴中区想让厂里老板也弄明白工会那个条例，有啥办法").direct?.text).toContain("要大张旗鼓地宣传《企业工会工作条例》");
    // A method sentence that says the question's words still answers.
    expect(ask("吴中区2007年对基层工会实行分类指导用的是什么方法").direct?.text).toBe("抓两头带中间");
  });

  it("answers 搞什么内容 with what the plan makes its main content (“…”为主要内容的职工素质工程建设)", () => {
    expect(ask("水务工会职工素质工程搞什么内容").direct?.text).toBe("“争创学习型企业、争做知识型职工，树新时代职工形象”");
    expect(ask("水务公司职工素质工程主要搞啥").direct?.text).toBe("“争创学习型企业、争做知识型职工，树新时代职工形象”");
  });

  it("fills the question's blank with what the text says between its words", () => {
    // 大力开展 | 什么 | 活动 → 大力开展群众性技术创新活动: the blank, not the clause around it.
    const blank = ask("望亭电厂工会12年要大力开展什么活动？");
    expect(blank.direct?.text).toBe("群众性技术创新活动");
    expect(blank.hits[0]!.id).toBe(blank.direct!.hitId);
    expect(ask("相城区要扶持十家什么样的村").direct?.text).toBe("工会工作模范村");
  });

  it("answers how with the means the plan names (通过…) beside the clause that matched", () => {
    const how = ask("张家港07年拿啥招吸引外来打工的进工会");
    expect(how.direct?.text).toMatch(/^通过实行会员优惠制/);
    expect(how.direct?.text).toContain("吸引和组织农民工入会");
    // …，使企业老板了解《条例》精神 says what it is for; the action is the clause before it.
    expect(ask("吴中区打算怎么让企业老板也弄懂企业工会那个条例？").direct?.text).toMatch(/^要大张旗鼓地宣传《企业工会工作条例》/);
  });

  it("answers why with the reason the sentence gives before its claim", () => {
    const why = ask("吴中区为啥特别要把镇上工会的领导班子配强？");
    expect(why.direct?.kind).toBe("what");
    expect(why.direct?.text).toContain("双重职能");
    expect(why.direct?.text).toContain("必须加强镇级工会领导班子建设");
  });

  it("lets a span lean on its item's headline for what the question says (…部署全年工作)", () => {
    // 部署 is only in the headline 张家港市总 “三服务、三满意、五坚持”部署全年工作.
    const answer = ask("张家港十届七次全委会部署哪一年的工作");
    expect(answer.direct?.kind).toBe("when");
    expect(answer.direct?.text).toContain("2012年");
  });

  it("answers who from the byline", () => {
    const answer = ask("吴中区总工会主席是谁");
    expect(answer.direct?.kind).toBe("who");
    expect(answer.direct?.text).toBe("杨伟根（吴中区总工会主席）");
    // Asked by another role (the lawyer it hires), the byline's author is no answer.
    expect(ask("吴中区总聘的法律顾问是哪位律师").direct).toBeNull();
    // Asked as who wrote it, the author is, whatever role the question names.
    expect(ask("写吴中区聘律师当法律顾问那篇文章的作者是谁").direct?.text).toContain("杨伟根");
    // Who units counted are (那100家…企业工会都有谁) asks for the units: no byline names them.
    expect(ask("吴中07年验收的100家三有三好企业工会都有谁").direct).toBeNull();
    // A slogan's count (三家标准) counts no units: who proposed it is the author.
    expect(ask("提出按三家标准带工会干部队伍的是谁").direct?.text).toContain("徐建国");
  });

  it("cites where the name is written for a who-question naming only the role, and the described passage otherwise", () => {
    // 吴中区总工会主席叫什么名字: the byline (吴中区总工会主席   杨伟根) is the evidence, and leads.
    const role = ask("吴中区总工会主席叫什么名字");
    expect(role.direct?.text).toBe("杨伟根（吴中区总工会主席）");
    expect(role.hits[0]!.id).toBe(role.direct?.hitId);
    expect(role.hits[0]!.text).toContain("杨伟根");
    // The role's own word (主席) said by another passage does not make that passage the one described.
    const chair = ask("2007年底吴中区总工会的主席叫啥");
    expect(chair.direct?.text).toBe("杨伟根（吴中区总工会主席）");
    expect(chair.hits[0]!.text).toContain("杨伟根");
    // A trailing attribution was cut off its item's last paragraph: that paragraph is cited.
    const reported = ask("昆山市总2007年那份工作计划是谁报的");
    expect(reported.direct?.text).toContain("顾粮");
    expect(reported.hits[0]!.text).toContain("转变作风强化工会效能建设");
    // Named by what it says, the article's passage saying it is the source.
    const described = ask("吴中区那篇谈十七大三方面体会的文章是谁写的");
    expect(described.direct?.text).toContain("杨伟根");
    expect(described.hits[0]!.text).not.toContain("杨伟根");
    expect(described.hits[0]!.text).toContain("十七大");
  });

  it("answers whose instruction the text follows from the text, not the byline", () => {
    const answer = ask("常熟工会维护农民工合法权益是按照谁的批示精神");
    expect(answer.direct?.text).toBe("胡锦涛总书记");
    expect(answer.hits[0]!.id).toBe(answer.direct?.hitId);
    // Who put forward (提出) what the text cites: the person named there, not the article's author.
    expect(ask("扩大覆盖面增强凝聚力这个要求是谁提出来的").direct?.text).toBe("胡锦涛总书记");
    // Said plainly (谁提的, 谁说的), and no titled person in the text: the byline's author.
    expect(ask("扩大覆盖面增强凝聚力这话是谁说的").direct?.text).toBe("胡锦涛总书记");
    expect(ask("火车跑得快全靠车头带是谁说的").direct?.text).toBe("杨伟根（吴中区总工会主席）");
  });

  it("answers when with the time phrase and what it is about", () => {
    const answer = ask("张家港什么时候评选五一劳动奖状");
    expect(answer.direct?.kind).toBe("when");
    expect(answer.direct?.text).toContain("从2007年开始以后每年评选一次");
    // A coined name asked about (“十佳”) must be in the clause: 年内 is when the 300 are chosen.
    const top = ask("张家港十佳和谐企业什么时候评出来");
    expect(top.direct).toBeNull();
    expect(top.notice).toContain("没能从简报里直接读出时间");
  });

  it("answers questions about the collection from the index's metadata", () => {
    const units = ask("2012年有哪些单位");
    expect(units.direct?.kind).toBe("catalogue");
    expect(units.direct?.hitId).toBeNull();
    for (const org of engine.sources().find((s) => s.year === 2012)!.orgs) expect(units.direct!.text).toContain(org);
    expect(ask("有哪几年的简报").direct?.text).toContain("2007年、2008年、2012年");
    expect(ask("沧浪区总的计划是哪年的").direct?.text).toContain("2012年");
  });

  it("never answers a person's name asked by role (律师叫啥) with a clause or a coined name", () => {
    // The bulletins name no lawyer: 聘请律师做区总法律顾问 is all they say, and “五个二” is no name of one.
    expect(ask("吴中区总请的法律顾问律师叫啥").direct).toBeNull();
    // Which lawyer: 组织知名律师免费为职工提供法律服务 says one is engaged, not who.
    expect(ask("常熟免费法律服务请的哪个律师").direct).toBeNull();
    // Which firm: a name too.
    expect(ask("常熟给职工免费法律服务请的哪个律所").direct).toBeNull();
  });

  it("says nothing rather than something wrong", () => {
    // No bulletin gives 昆山's membership: a nearby figure must not pass for it.
    expect(ask("昆山市总工会有多少个会员").direct).toBeNull();
    expect(ask("昆山 2007").direct).toBeNull();
  });

  it("groups a comparison by year, the best passage of each year first", () => {
    const answer = ask("常熟 2007 和 2012 工作重点有什么不同");
    expect(answer.byYear).toEqual([2007, 2012]);
    expect(answer.hits.slice(0, 2).map((h) => h.year)).toEqual([2007, 2012]);
    expect(answer.hits.every((h) => h.place === "常熟")).toBe(true);
  });

  it("compares two places named in one year place by place, within that year", () => {
    // Even when neither place's passages say the question's words (计划结构): how each one's plan opens.
    const structure = ask("常熟和吴中08年计划结构有啥不同");
    expect(structure.hits[0]!.text).not.toContain("徐建国");
    expect(new Set(structure.hits.slice(0, 2).map((h) => h.place))).toEqual(new Set(["常熟", "吴中"]));
    // Compared by year, 2008年常熟和吴中 showed 2007 and 2012 passages the question never asked about.
    const answer = ask("2008年常熟和吴中学习十七大精神，侧重点有什么不同");
    expect(answer.byYear).toBeUndefined();
    expect(answer.hits.slice(0, 2).map((h) => h.year)).toEqual([2008, 2008]);
    expect(new Set(answer.hits.slice(0, 2).map((h) => h.place))).toEqual(new Set(["常熟", "吴中"]));
    // Both sides lead (吴江's 职业技能竞赛 and 沧浪's 解危改造 contests), not two passages of one.
    const contests = ask("12年吴江和沧浪搞劳动竞赛有啥区别");
    expect(new Set(contests.hits.slice(0, 2).map((h) => h.place))).toEqual(new Set(["吴江", "沧浪"]));
  });

  it("compares how each year's plan opens when the question is about the plans as a whole", () => {
    const plans = ask("昆山2007和2012年的工作安排比较");
    expect(plans.byYear).toEqual([2007, 2012]);
    expect(plans.hits[0]!.text).toContain("四大方面十八项工作");
    expect(plans.hits[1]!.text).toContain("昆山工会决胜现代化量化指标");
    // A year's best passage is never a byline, which says the organisation's name and nothing else.
    const bylineless = ask("常熟总工会08年和12年的工作计划前后有什么变化");
    expect(bylineless.byYear).toEqual([2008, 2012]);
    expect(bylineless.hits[0]!.text).not.toContain("徐建国");
    // Asked 相比有什么变化 / 比较起来: how a comparison is asked is no topic word of it.
    const changed = ask("常熟2008年和2012年的工作重点相比有什么变化");
    expect(changed.byYear).toEqual([2008, 2012]);
    expect(changed.hits[0]!.text).toContain("党的十七大报告强调");
    // The union named short (常熟总工会) leaves 总工会 as a word: it names whose plans, no topic.
    const named = ask("常熟总工会2007年和2012年的工作重点有什么不一样？");
    expect(named.byYear).toEqual([2007, 2012]);
    expect(named.hits[0]!.text).toMatch(/^“十大目标”是/u);
    // About a topic, each year's best passage on it.
    const topic = ask("吴中区2007年和2008年送温暖有什么不同");
    expect(topic.byYear).toEqual([2007, 2008]);
    expect(topic.hits.slice(0, 2).some((h) => h.text.includes("送温暖"))).toBe(true);
  });

  it("shows the answer first on the terminal", () => {
    const text = renderTerminal(engine.ask("吴中区 五个二 工程是哪五个", { limit: 3 }));
    const lines = text.split("\n");
    expect(lines[1]).toBe("💡 一、加大两个力度");
    expect(lines.slice(2, 6)).toEqual(["   二、夯实两项基础", "   三、打造两个品牌", "   四、实施两项工程", "   五、提升两个能力"]);
    expect(lines[6]).toMatch(/^ {3}—— 吴中区总工会 · 2007年 · .* · 第\d+段$/);
  });
});

describe("understanding questions as people word them", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await seedEngine();
  });
  /** The question gets a notice saying `says`, and neither hits nor a stated answer. */
  const noticeOnly = (q: string, says: string) => {
    const answer = engine.ask(q);
    expect(answer.hits, q).toEqual([]);
    expect(answer.direct, q).toBeNull();
    expect(answer.notice, q).toContain(says);
  };

  it("answers only-ubiquitous-words questions with a notice, not weak hits", () => {
    for (const q of ["工伤保险怎么报", "年休假有几天", "工会 职工", "退休以后养老金怎么算"]) {
      const answer = engine.ask(q);
      expect(answer.hits, q).toEqual([]);
      expect(answer.notice, q).toContain("简报里没有");
      expect(answer.notice, q).toContain("2007、2008、2012");
    }
  });

  it("uses a synonym the bulletins say word for word though its words lose a character (特困证 → 特困)", () => {
    // The thesaurus says 困难证 => 特困证; the index keeps 特困证 as 特困 + 证, and 证 is no term.
    expect(engine.ask("吴中区困难证发到第几批了").direct?.text).toContain("第三批");
    // 比武大赛 => 技术大练兵 (技术 + 练兵 + 大).
    expect(engine.ask("昆山那个上万工人比手艺的活动叫什么").direct?.text).toBe("万名职工技术大练兵");
  });

  it("weighs the words that name no topic (特别, 现在, 一批) below the topic's", () => {
    // Before: the passage saying 特别 (特别是要加快进城务工人员…) led; the topic is the 困难职工's 证.
    const answer = engine.ask("吴中给特别困难的职工发证，现在发到哪一批");
    expect(answer.hits[0]!.text).toContain("第三批特困职工特困证");
  });

  it("finds a coined name typed whole though its words are everywhere (企业工会建设年), and only its passages", () => {
    for (const limit of [1, 3]) {
      const answer = engine.ask("企业工会建设年", { limit });
      expect(answer.notice, String(limit)).toBeNull();
      expect(answer.hits.length).toBeGreaterThan(0);
      expect(answer.hits.every((h) => h.text.includes("企业工会建设年"))).toBe(true);
    }
  });

  it("lists more of a named item's passages though they say only common words of the question", () => {
    // 吴中 names the item; two of its passages say 律师 or 顾问, the others only 工会-like words, and
    // they are listed after them (before, two hits): a paraphrase's answer may be among them.
    const answer = engine.ask("吴中区工会有没有请个懂法的专业人士当顾问");
    expect(answer.hits).toHaveLength(5);
    expect(answer.hits.every((h) => h.place === "吴中")).toBe(true);
    expect(answer.hits[0]!.text).toContain("聘请律师做区总法律顾问");
    // Answered directly, the item's weaker passages are noise after all: no passage saying only 职工.
    const answered = engine.ask("常熟市总工会打算为多少名困难职工免费体检？");
    expect(answered.direct?.text).toContain("400名");
    expect(answered.hits.every((h) => h.text.includes("困难") || h.text.includes("体检"))).toBe(true);
  });

  it("takes 工资 for the ubiquitous word the issue names, alone or in 职工工资, not inside a topic", () => {
    for (const q of ["职工 工资", "职工工资怎么算"]) noticeOnly(q, "没有");
    // Nor does a word the thesaurus says by 工资 (月工资): its synonym names no topic either.
    noticeOnly("被公司裁员了能补几个月工资", "没有");
    // A topic built on it is still a topic; a place still lists its item.
    expect(engine.ask("工资集体协商").hits[0]!.text).toContain("工资");
    expect(engine.ask("常熟 工资").hits.length).toBeGreaterThan(0);
  });

  it("does not count words a list says in unrelated items as the question said together", () => {
    // 常熟's 十件实事 has 疗休养 in one item and 工资集体协商 in another: no answer to 病假工资.
    const answer = engine.ask("病假在家休养期间单位工资怎么发");
    expect(answer.hits).toEqual([]);
    expect(answer.notice).toContain("病假");
    // Said in one sentence, the same kind of words pass (一线, 劳模, 体检 in one item).
    expect(engine.ask("一线劳模体检要自己掏钱吗").hits[0]!.text).toContain("劳模进行免费体检");
  });

  it("lists, below the floor, the passages naming a town the question names, with a notice and no direct answer", () => {
    for (const q of ["木渎镇工会试办了啥新东西", "木渎镇工会会费怎么交"]) {
      const answer = engine.ask(q);
      expect(answer.hits.length, q).toBeGreaterThan(0);
      expect(answer.hits.every((h) => h.text.includes("木渎镇")), q).toBe(true);
      expect(answer.direct, q).toBeNull();
      expect(answer.notice, q).toContain("木渎镇");
    }
    // A city contains every town: naming it narrows nothing.
    expect(engine.ask("苏州工会会费怎么交").hits).toEqual([]);
    // The town's passage need not rank first: 点子's synonyms (金点子, 合理化建议) lift another
    // above it, and the notice must not say the bulletins lack the town.
    const second = engine.ask("木渎那边工会搞了什么新点子");
    expect(second.hits[0]?.text).toContain("木渎镇工会对创办职工法律服务站");
    expect(second.notice).toContain("下面是提到木渎镇的段落");
    expect(second.notice).not.toContain("没有关于“木渎镇”");
    // 有关 says how the question relates, not what it is about: it is no unsaid topic word.
    expect(engine.ask("郭巷那边跟汽车厂有关的搞了啥").direct?.text).toContain("郭巷街道工会对汽车行业集体协商");
  });

  it("counts a word said only by a synonym at the synonym's credit on the floor (帮忙 by 志愿者)", () => {
    // 年终奖 is nowhere; 帮忙's everyday-speech synonyms (志愿者, 办实事) are everywhere.
    for (const q of ["年终奖怎么算，工会能帮忙要吗", "加班工资怎么算，工会能不能帮忙讨"]) noticeOnly(q, "简报里没有");
  });

  it("counts a word said by a synonym of ubiquitous words only as much as they weigh (工人 by 职工, 厂里 by 企业)", () => {
    // Every passage says 职工 and 企业: saying them is no sign of being about 工伤 or 年终奖.
    for (const q of ["厂里工人受了工伤怎么赔", "厂里工人的年终奖发多少", "老板给工人发多少高温补贴"]) {
      const answer = engine.ask(q);
      expect(answer.hits, q).toEqual([]);
      expect(answer.direct, q).toBeNull();
      expect(answer.notice, q).toContain("简报里没有");
    }
    // A synonym of substance still says its word: 女工 by 女职工.
    expect(engine.ask("一个人带孩子的女工想自己开店做点生意，工会帮不帮").hits.length).toBeGreaterThan(0);
  });

  it("takes an organisation named in the thesaurus's other words for the known one, not for one the corpus lacks", () => {
    // The thesaurus says 自来水公司 => 水务, a name of 水务投资公司工会.
    const answer = engine.ask("自来水公司工会2012年工作理念");
    expect(answer.filters.places).toEqual(["水务投资公司工会"]);
    expect(answer.notice).toBeNull();
    expect(answer.direct?.text).toContain("水惠民生");
    // The unit alone, said so (自来水公司), filters the same way.
    expect(engine.ask("自来水公司2012年工作理念").filters.places).toEqual(["水务投资公司工会"]);
    // A union no thesaurus word names is still one the corpus lacks.
    expect(engine.ask("苏州轨道交通公司工会2012年工作理念").notice).toContain("简报里没有苏州轨道交通公司工会");
  });

  it("does not let how a question is asked (能不能, 快点, 城里) trip the relevance floor", () => {
    // Before: 简报里没有关于“城里”“不能”“快点”的具体内容 — and no hits.
    const answer = engine.ask("乡下来的打工的到城里能不能快点入会");
    expect(answer.notice).toBeNull();
    expect(answer.hits[0]!.text).toContain("农民工");
  });

  it("lets specific words worth more than any one word pass the floor, however much the question says around them", () => {
    // 一线 + 劳模 + 体检 outweigh one unknown word; 看病, 干活, 掏钱 kept the share under half.
    const answer = engine.ask("一线干活的劳模看病体检得自己掏钱吗");
    expect(answer.notice).toBeNull();
    expect(answer.hits[0]!.text).toContain("劳模进行免费体检");
    // Two common words (公司, 工资) are not enough: still a notice.
    expect(engine.ask("周末被叫去加班，公司应该给几倍工资？").hits).toHaveLength(0);
  });

  it("counts a word the corpus never says as what the question is about", () => {
    // 丧假 and 病假 are in no bulletin, so the serving dictionary (trimmed to the corpus) lacks
    // them and jieba tags them x; 工资 and 职工 alone are no answer.
    for (const q of ["职工丧假工资怎么发", "请病假扣不扣工资"]) {
      const answer = engine.ask(q);
      expect(answer.hits, q).toEqual([]);
      expect(answer.notice, q).toContain("简报里没有");
    }
  });

  it("finds a name said short (木渎 for 木渎镇) by the one corpus word that begins with it", () => {
    const answer = engine.ask("木渎 职工法律服务站");
    expect(answer.notice).toBeNull();
    expect(answer.hits[0]!.text).toContain("木渎镇");
  });

  it("recognises organisations the corpus lacks by their form", () => {
    for (const [q, name] of [
      ["无锡市总工会2012年重点工作", "无锡市总工会"],
      ["杭州市总 劳动竞赛", "杭州市总"],
      ["园区总工会 困难职工", "园区总工会"],
      // An enterprise's union, named with a word the corpus never says.
      ["苏州地铁集团工会有什么活动", "地铁集团工会"],
      // An organisation jieba knows by name (nt), and its union.
      ["中国移动工会 劳动竞赛", "中国移动工会"],
      // A district the dictionary does not know (cut 鼓楼 区工会), and its union.
      ["鼓楼区工会 劳动竞赛", "鼓楼区工会"],
    ] as const) {
      const answer = engine.ask(q);
      expect(answer.hits, q).toEqual([]);
      expect(answer.notice, q).toContain(name);
    }
    // A union of a kind the corpus names (社区, 开发区) is no unknown organisation.
    expect(engine.ask("开发区工会怎么建").notice ?? "").not.toContain("开发区工会");
    // Named only with the corpus's words, it may be a known union said another way.
    expect(engine.ask("宝钢公司工会的工作思路").hits[0]?.org).toBe("宝钢苏冶重工公司工会");
  });

  it("filters to an author's article", () => {
    const answer = engine.ask("徐建国 劳模评选");
    expect(answer.hits.length).toBeGreaterThan(0);
    expect(answer.hits.every((h) => h.author === "徐建国")).toBe(true);
  });

  it("lists a named item in reading order, with a notice and no direct answer, when it says none of the question's words", () => {
    const answer = engine.ask("宝钢苏冶的师傅们平时咋唠嗑");
    expect(answer.hits.length).toBeGreaterThan(0);
    expect(answer.hits.every((h) => h.org === "宝钢苏冶重工公司工会")).toBe(true);
    const order = answer.hits.map((h) => h.paragraph * 100 + Number(h.id.split("-").at(-1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(answer.notice).toContain("没有找到问题中的词");
    expect(answer.direct).toBeNull();
    // A year alone names a whole bulletin, not an item: nothing found stays nothing found.
    expect(engine.ask("2012年 地铁").hits).toEqual([]);
  });

  it("lists an item's passages in reading order for a place and a year alone", () => {
    const answer = engine.ask("吴江 2012");
    expect(answer.hits.length).toBeGreaterThan(1);
    expect(answer.hits.every((h) => h.place === "吴江" && h.year === 2012)).toBe(true);
    const order = answer.hits.map((h) => h.paragraph * 100 + Number(h.id.split("-").at(-1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("weighs the rare word a question is about over common ones", () => {
    // 工会 and 工作 are everywhere; 书屋 is the point of the question.
    const answer = engine.ask("工会 工作 职工书屋");
    expect(answer.hits[0]!.text).toContain("职工书屋");
  });
});
