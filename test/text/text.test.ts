import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBulletin } from "../../src/text/decode.js";
import { normaliseQuestion, normaliseText } from "../../src/text/normalise.js";
import { loadDictionary, segmentForIndex, segmentQuery, subTerms } from "../../src/text/segment.js";
import { toSimplified } from "../../src/text/simplify.js";
import { findYears, inferPlanYear } from "../../src/text/years.js";

const SAMPLE = "常熟市总工会确定“十大目标”，为400名困难职工免费体检，建会率90％以上。";

describe("decoding bulletin files", () => {
  it("reads UTF-8, with and without BOM", () => {
    const plain = decodeBulletin(Buffer.from(SAMPLE, "utf8"));
    const bom = decodeBulletin(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, "utf8")]));
    expect(plain).toEqual({ ok: true, text: SAMPLE, encoding: "utf-8" });
    expect(bom).toEqual({ ok: true, text: SAMPLE, encoding: "utf-8" });
  });
  it("detects GB18030/GBK and decodes it without mojibake", () => {
    for (const encoding of ["gbk", "gb18030"]) {
      expect(decodeBulletin(iconv.encode(SAMPLE, encoding))).toEqual({ ok: true, text: SAMPLE, encoding: "gb18030" });
    }
  });
  it("reads UTF-16 with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, "utf16le")]);
    expect(decodeBulletin(bytes)).toMatchObject({ ok: true, text: SAMPLE });
  });
  it("refuses empty, blank, binary and undecodable files with a reason", () => {
    expect(decodeBulletin(Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(decodeBulletin(Buffer.from(" \n\r\n　", "utf8"))).toMatchObject({ ok: false });
    expect(decodeBulletin(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({ ok: false });
    expect(decodeBulletin(Buffer.from([0xe5, 0x9c, 0x81, 0x20, 0xff, 0xfe, 0x81, 0x20]))).toMatchObject({ ok: false });
  });
});

describe("normalisation", () => {
  it("folds CRLF, odd spaces, full-width digits and ％ but keeps Chinese punctuation", () => {
    expect(normaliseText("２００７年\r\n建会率９０％，\u3000达到\u00a0１００家。")).toBe("2007年\n建会率90%， 达到 100家。");
  });
  it("keeps offsets stable: one character in, one character out (CRLF aside)", () => {
    const raw = "１２３　ＡＢＣ，％";
    expect(normaliseText(raw)).toHaveLength(raw.length);
  });
  it("never lets a literal asterisk look like an excerpt mark", () => {
    expect(normaliseText("**重点**")).not.toContain("*");
  });
  it("lowercases and collapses questions", () => {
    expect(normaliseQuestion("  ＡＢＣ   昆山\t２００７ ")).toBe("abc 昆山 2007");
  });
  it("converts traditional characters to simplified", () => {
    expect(toSimplified("崑山 蘇州 職工 體檢 勞模 會員 工作任務")).toBe("昆山 苏州 职工 体检 劳模 会员 工作任务");
  });
});

describe("years", () => {
  const cases: [string, number[]][] = [
    ["昆山 2007 工作任务", [2007]],
    ["2007年常熟", [2007]],
    ["07年常熟", [2007]],
    ["二〇〇七年 相城", [2007]],
    ["二零零八年吴中", [2008]],
    ["12年 宝钢", [2012]],
    ["2007年度考核", [2007]],
    ["免费送电影2000场", []],
    ["新入会超2万", []],
    ["为400名困难职工", []],
    ["吴中07 工会主要干部", [2007]],
    ["常熟08", [2008]],
    ["共18 项", []],
    ["昆山 12 项工作", []],
    ["女职工退休年龄是50还是55", []],
    ["98年 常熟", [1998]],
    ["常熟07、08年思路", [2007, 2008]],
    ["常熟07、08、12三年工会思路怎么变的", [2007, 2008, 2012]],
    ["07和12年比", [2007, 2012]],
    ["07年和12年比", [2007, 2012]],
    ["发了12、15份", []],
    ["发放12、15名", []],
  ];
  for (const [text, years] of cases) {
    it(`${text} → ${years.join(",") || "none"}`, () => expect(findYears(text).map((y) => y.year)).toEqual(years));
  }
  it("infers the plan year from the year named most, later on a tie", () => {
    expect(inferPlanYear("2008年是关键一年。在2007年检查验收的基础上，2008年要确保")).toBe(2008);
    expect(inferPlanYear("2007年总结，2008年计划")).toBe(2008);
    expect(inferPlanYear("没有年份")).toBeNull();
  });
});

describe("segmentation", () => {
  it("keeps digit runs whole, so 90% and 90％ are the same figure", () => {
    expect(segmentQuery(normaliseQuestion("90％以上"))).toEqual(segmentQuery("90%以上"));
    expect(segmentForIndex("为400名困难职工")).toContain("400");
  });
  it("drops question words and single characters", () => {
    const terms = segmentQuery("常熟为多少名困难职工免费体检");
    expect(terms).not.toContain("多少");
    expect(terms).not.toContain("名");
    expect(terms).toEqual(expect.arrayContaining(["困难职工", "免费", "体检"]));
  });
  it("keeps names from the user dictionary whole in queries", () => {
    // jieba's dictionary is process-wide and other files teach it the seeds' names, so this uses
    // names no seed has (海门, 沈卫东): the test holds whichever files ran before in this process.
    expect(segmentQuery("海门市总部署工作")).not.toContain("海门市总");
    expect(segmentQuery("沈卫东说")).not.toContain("沈卫东");
    loadDictionary([
      { word: "海门市总", tag: "nt" },
      { word: "沈卫东", tag: "nr" },
    ]);
    expect(segmentQuery("海门市总部署工作")).toContain("海门市总");
    expect(segmentQuery("沈卫东说")).toContain("沈卫东");
  });
  it("indexes fine-grained pieces beside whole words", () => {
    const terms = segmentForIndex("特困职工互助会");
    expect(terms).toEqual(expect.arrayContaining(["特困", "职工", "互助"]));
    expect(subTerms("困难职工")).toEqual(expect.arrayContaining(["困难", "职工"]));
  });
});
