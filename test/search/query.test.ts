import { beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../src/corpus/read.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { buildGazetteer, type Gazetteer } from "../../src/search/gazetteer.js";
import { parseQuery } from "../../src/search/query.js";
import { loadDictionary } from "../../src/text/segment.js";

let gazetteer: Gazetteer;
let corpusText = "";

beforeAll(async () => {
  const corpus = await readCorpus(DEFAULT_SEEDS_DIR, () => {});
  gazetteer = buildGazetteer(corpus.bulletins.flatMap((b) => b.orgs), corpus.bulletins.flatMap((b) => b.authors));
  loadDictionary(gazetteer.dictionary);
  corpusText = corpus.bulletins.flatMap((b) => b.passages.map((p) => p.text)).join("\n");
});

const parse = (q: string) => parseQuery(q, { gazetteer, inCorpus: (w) => corpusText.includes(w) });

describe("query parses", () => {
  const table: { q: string; years?: number[]; places?: string[]; missing?: string[]; terms?: string[]; noTerms?: string[] }[] = [
    { q: "昆山 2007 工作任务", years: [2007], places: ["昆山"], terms: ["工作", "任务"] },
    { q: "常熟市总工会打算为多少名困难职工免费体检？", years: [], places: ["常熟"], terms: ["困难职工", "免费", "体检"], noTerms: ["多少", "常熟市"] },
    { q: "张家港市总 企业工会建设年", places: ["张家港"], noTerms: ["张家港市总", "张家港"] },
    { q: "吴中区总 档案升级达标", places: ["吴中"] },
    { q: "吴中 六好工会", places: ["吴中"] },
    { q: "吴中区2007年新建多少家工会", years: [2007], places: ["吴中"] },
    { q: "崑山 2007 工作任務", years: [2007], places: ["昆山"], terms: ["工作", "任务"] },
    { q: "07年 常熟 体检", years: [2007], places: ["常熟"], terms: ["体检"] },
    { q: "二〇〇八年 常熟 维权", years: [2008], places: ["常熟"], terms: ["维权"] },
    { q: "水务公司工会的工作理念", places: ["水务投资公司工会"], terms: ["工作", "理念"] },
    { q: "宝钢苏冶 八个人", places: ["宝钢苏冶重工公司工会"] },
    // Half the brand, as people type it; the bulletin never says 苏冶 but in the union's name.
    { q: "苏冶职工座谈会多久开一次", places: ["宝钢苏冶重工公司工会"], noTerms: ["苏冶"] },
    // A unit pointed at (那家发电厂): the one organisation of that kind; a kind two have (公司) is no name.
    { q: "那家发电厂的工会2012年做哪五方面工作", places: ["望亭发电厂工会"], noTerms: ["发电厂"] },
    // After a named enterprise, a pointer points at it, not at the one unit of its kind (发电厂);
    // a bare 厂 is no kind of unit at all.
    { q: "宝钢苏冶重工那个厂的工会围着哪条主线转", places: ["宝钢苏冶重工公司工会"] },
    { q: "那个厂的工会2012年做哪五方面工作", places: [] },
    { q: "那家公司的工会12年干啥", places: [] },
    { q: "徐建国 劳模评选", places: [], terms: ["徐建国"] },
    { q: "北京工会2012年计划", years: [2012], places: [], missing: ["北京"] },
    { q: "南京 2007 工会", years: [2007], missing: ["南京"] },
    { q: "2020 昆山", years: [2020], places: ["昆山"] },
    { q: "苏州 工会", places: [], missing: [], terms: ["苏州"] },
    // Colloquial asking words and frames are not what a question is about.
    { q: "常熟工会想把职工活动场地办成啥样", places: ["常熟"], noTerms: ["啥样"] },
    { q: "吴中区的五个二是啥意思", places: ["吴中"], noTerms: ["意思", "啥意思"] },
    { q: "吴江工会为啥要搞职工服务中心", places: ["吴江"], noTerms: ["为啥"] },
    { q: "木渎镇工会试办了啥新东西", noTerms: ["东西", "新东西"] },
    { q: "相城区工会07年和12年定的工作目标比一比", places: ["相城"], noTerms: ["比一比"] },
    { q: "郭巷那边跟汽车厂有关的搞了啥", noTerms: ["有关"] },
    { q: "2012年哪些地方提到职工书屋或者读书活动", years: [2012], noTerms: ["或者"] },
    { q: "吴江有没有职工安全相关的竞赛", places: ["吴江"], noTerms: ["相关"] },
    // jieba tags 东西 and 英雄 as place names: they are not places the corpus lacks.
    { q: "常熟工会过年给困难职工送什么东西", places: ["常熟"], missing: [] },
    { q: "张家港工会怎么表彰劳动英雄", places: ["张家港"], missing: [] },
    { q: "太仓市总工会2012年重点", missing: ["太仓市总工会"] },
    { q: "杭州 2012 工会", years: [2012], missing: ["杭州"] },
    // The province and city the collection lies in are no places it lacks, and no topic.
    { q: "江苏产假多少天", places: [], missing: [], noTerms: ["江苏"] },
    { q: "江苏省工会2012年计划", years: [2012], missing: [], noTerms: ["江苏省"] },
    { q: "<b>昆山</b> & *2007*", years: [2007], places: ["昆山"], noTerms: ["b"] },
    { q: "建会率90％以上", terms: ["90"] },
    // How a question is asked is not what it is about: yes-no forms and can't-forms leave their word.
    { q: "工会主席能不能让工人投票选", terms: ["工会主席", "投票"], noTerms: ["不能", "能不能"] },
    { q: "常熟工会扶不扶持单亲女工创业", terms: ["扶持"], noTerms: ["不扶"] },
    { q: "厂里招不到技术工人有没有办法", terms: ["技术", "工人"], noTerms: ["不到", "没有"] },
    { q: "工会不能帮职工维权吗", terms: ["维权"], noTerms: ["不能"] },
    { q: "张家港一共送了多少场电影", terms: ["电影"], noTerms: ["一共"] },
    { q: "吴江的工作品牌叫什么口号", terms: ["品牌"], noTerms: ["口号"] },
    // How something is put or done, and which is most, is asked, not what it is about.
    { q: "劳动安全这块各地提法比较", terms: ["安全"], noTerms: ["提法"] },
    { q: "各地建会率目标哪家定得最高", terms: ["建会率"], noTerms: ["定得", "最高"] },
    { q: "农民工工作各地各年份怎么做的", terms: ["农民工"], noTerms: ["年份"] },
    // 按市 is a preposition glued to 市 by the cut: 按市总… names no organisation.
    { q: "各地工会按市总全委会精神谋划工作", missing: [] },
  ];
  it("takes the words pointing at a named enterprise (厂里, 工厂, 电厂) for no topic", () => {
    const baosteel = parse("宝钢苏冶跟厂里签了哪些合同");
    expect(baosteel.terms).toContain("厂里");
    expect(baosteel.topical).toEqual(["合同"]);
    expect(parse("望亭电厂那个厂的工会12年重点抓几块").topical).not.toContain("电厂");
    // A place named (常熟), 厂里 is the factories of that place: a topic.
    expect(parse("常熟厂里招不到技术工人").topical).toContain("厂里");
  });

  for (const row of table) {
    it(row.q, () => {
      const query = parse(row.q);
      if (row.years) expect(query.years).toEqual(row.years);
      if (row.places) expect(query.targets.map((t) => t.label)).toEqual(row.places);
      if (row.missing) expect(query.missingPlaces).toEqual(row.missing);
      if (row.terms) expect(query.terms).toEqual(expect.arrayContaining(row.terms));
      for (const term of row.noTerms ?? []) expect(query.terms).not.toContain(term);
    });
  }
});
