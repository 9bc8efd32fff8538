import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isFooter, recipients, type Passage } from "../../src/corpus/passage.js";
import { parseBulletin } from "../../src/corpus/parse.js";
import { brandHalves } from "../../src/corpus/orgs.js";
import { MAX_CHARS } from "../../src/corpus/split.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { normaliseText } from "../../src/text/normalise.js";
import { inferPlanYear } from "../../src/text/years.js";

function parseSeed(name: string) {
  const text = normaliseText(readFileSync(join(DEFAULT_SEEDS_DIR, name), "utf8"));
  return { text, bulletin: parseBulletin(name, text, { year: inferPlanYear(text) }) };
}

function passageWith(passages: Passage[], snippet: string): Passage {
  const found = passages.filter((p) => p.text.includes(snippet));
  expect(found, `one passage containing ${snippet}`).toHaveLength(1);
  return found[0]!;
}

const SEEDS = ["000_d8c112c12d809796.txt", "002_0fe32b2dc6c3665a.txt", "004_f5dc9353ca6598d8.txt"];

describe("every seed", () => {
  for (const name of SEEDS) {
    const { text, bulletin } = parseSeed(name);
    it(`${name}: offsets point at the passage text, ids are unique, passages are short`, () => {
      expect(bulletin.passages.length).toBeGreaterThan(10);
      for (const p of bulletin.passages) {
        expect(text.slice(p.start, p.end)).toBe(p.text);
        expect(p.text.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(p.text).toBe(p.text.trim());
      }
      expect(new Set(bulletin.passages.map((p) => p.id)).size).toBe(bulletin.passages.length);
    });
    it(`${name}: the footer is one passage of the bulletin itself; bare attributions are never passages`, () => {
      const footers = bulletin.passages.filter((p) => p.text.startsWith("本期印发"));
      expect(footers).toHaveLength(1);
      expect(footers[0]).toMatchObject({ org: null, place: null, author: null, title: "本期印发" });
      expect(isFooter(footers[0]!)).toBe(true);
      // Whom it went to, whole: no label, no print run (共印100份).
      expect(recipients(footers[0]!)).toMatch(/^[^：:共]*全总办公厅[^：:共]*各直属单位工会[^：:共]*$/u);
      for (const p of bulletin.passages) {
        if (p !== footers[0]) expect(isFooter(p)).toBe(false);
        expect(p.text).not.toMatch(/^[（(][^（）()]*工会[^（）()]*[)）]$/);
        // A trailing attribution is cut off the paragraph it ends.
        expect(p.text).not.toMatch(/\s[（(][^（）()]*工会[)）]$/);
      }
    });
  }
});

describe("000: items opened by an organisation line, closed by an attribution (2007)", () => {
  const { bulletin } = parseSeed(SEEDS[0]!);
  it("infers the plan year", () => expect(bulletin.year).toBe(2007));
  it("gives a paragraph that never names its organisation the item's organisation", () => {
    const p = passageWith(bulletin.passages, "为400名困难职工");
    expect(p).toMatchObject({ org: "常熟市总工会", place: "常熟", year: 2007, title: "常熟市总工会确定“十大目标”，办好“十件实事”。" });
    expect(passageWith(bulletin.passages, "“十件实事”是").org).toBe("常熟市总工会");
  });
  it("takes the author from an ASCII-parenthesised attribution with a person's name", () => {
    expect(passageWith(bulletin.passages, "具体工作任务为")).toMatchObject({ org: "昆山市总工会", place: "昆山", author: "顾粮", authorRole: "昆山市总工会" });
  });
  it("derives a title from an opening paragraph's first clause", () => {
    expect(passageWith(bulletin.passages, "实现外资企业建会90%以上").title).toBe("张家港市总工会确定新目标");
  });
  it("keeps the editor's note apart, without an organisation", () => {
    expect(passageWith(bulletin.passages, "编者按")).toMatchObject({ org: null, title: "编者按", year: 2007 });
  });
  it("assigns the last item (相城区) its own passages", () => {
    expect(passageWith(bulletin.passages, "百分考核指标")).toMatchObject({ org: "相城区总工会", place: "相城" });
  });
});

describe("002: column heading, short-form title lines, trailing attributions (2012)", () => {
  const { bulletin } = parseSeed(SEEDS[1]!);
  it("infers the plan year", () => expect(bulletin.year).toBe(2012));
  it("expands a short-form title (常熟市总) to the full organisation", () => {
    expect(passageWith(bulletin.passages, "固本强基四大工程")).toMatchObject({
      org: "常熟市总工会",
      place: "常熟",
      title: "常熟市总四大工程明确全年目标",
    });
  });
  it("cuts an attribution after a run of spaces off the paragraph", () => {
    const p = passageWith(bulletin.passages, "发挥工会作用上展现新作为");
    expect(p.text.endsWith("展现新作为。")).toBe(true);
    expect(p.org).toBe("张家港市总工会");
  });
  it("names a company union by its fuller form and keeps the other as an alias", () => {
    expect(passageWith(bulletin.passages, "做好尊重人的工作").org).toBe("宝钢苏冶重工公司工会");
    const water = bulletin.orgs.find((o) => o.name === "水务投资公司工会")!;
    expect(water.place).toBeNull();
    expect(water.aliases).toContain("水务公司工会");
  });
  it("lets a company union be typed by half its brand, but not by a word its bulletin uses alone", () => {
    const suye = bulletin.orgs.find((o) => o.name === "宝钢苏冶重工公司工会")!;
    expect(suye.aliases).toEqual(expect.arrayContaining(["宝钢", "苏冶"]));
    // 新区建设 halves to 新区 and 建设; the text says 建设 on its own, so only 新区 names the company.
    expect(brandHalves(["新区建设公司工会", "新区建设"], "新区建设公司工会要加强自身建设。")).toEqual(["新区"]);
  });
  it("does not let one item's attribution leak into the next item", () => {
    expect(passageWith(bulletin.passages, "牢牢站稳群众立场").org).toBe("望亭发电厂工会");
    expect(passageWith(bulletin.passages, "南环新村解危改造").org).toBe("沧浪区总工会");
  });
});

describe("004: articles with title lines, bylines and numbered sections (written 2007 for 2008)", () => {
  const { bulletin } = parseSeed(SEEDS[2]!);
  it("infers the year the plan is for, not the year it was written", () => expect(bulletin.year).toBe(2008));
  it("reads a two-line title and a byline with organisation and person", () => {
    expect(passageWith(bulletin.passages, "评选100名常熟市劳动模范")).toMatchObject({
      org: "常熟市总工会",
      place: "常熟",
      author: "徐建国",
      authorRole: "常熟市总工会",
      title: "贯彻落实党的十七大精神 推动常熟工会工作再上新台阶",
      section: "二、围绕中心，服务大局，团结动员全市职工为我市又好又快发展建功立业",
    });
  });
  it("starts the second article at its title, with a byline carrying a role", () => {
    expect(passageWith(bulletin.passages, "档案升级达标")).toMatchObject({
      org: "吴中区总工会",
      place: "吴中",
      author: "杨伟根",
      authorRole: "吴中区总工会主席",
      title: "认真学习党的十七大精神 理清明年工作的基本思路",
      section: "（二）、夯实两项基础",
    });
  });
  it("splits a 1,300-character paragraph at its numbered items, keeping the paragraph number", () => {
    const p = passageWith(bulletin.passages, "四是要进一步深化送温暖");
    expect(p.text.startsWith("四是要进一步深化送温暖")).toBe(true);
    const siblings = bulletin.passages.filter((q) => q.paragraph === p.paragraph);
    expect(siblings.length).toBeGreaterThanOrEqual(5);
    expect(siblings.map((q) => q.part)).toEqual(siblings.map((_, i) => i + 1));
    expect(siblings.every((q) => q.parts === siblings.length)).toBe(true);
  });
});
