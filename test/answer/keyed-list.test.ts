import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { askedKeys, keyedList } from "../../src/answer/keyed-list.js";

/** A paragraph of a seed bulletin holding `marker`. */
const paragraph = (file: string, marker: string) =>
  readFileSync(new URL(`../../seeds/${file}`, import.meta.url), "utf8").split("\n").find((line) => line.includes(marker))!;

describe("keyed slogan lists (六好, 五力, 三有三好)", () => {
  it("reads the count and key a question names, not plain counts", () => {
    expect(askedKeys("吴中六好工会是哪六好")).toEqual([{ key: "好", count: 6 }]);
    expect(askedKeys("宝钢苏冶八个人都有哪些")).toEqual([{ key: "人", count: 8 }]);
    expect(askedKeys("三有三好标准")).toEqual([{ key: "有", count: 3 }, { key: "好", count: 3 }]);
    expect(askedKeys("常熟十件实事是什么")).toEqual([]);
    expect(askedKeys("相城区总2012年具体抓好哪四方面工作")).toEqual([]);
    expect(askedKeys("四位一体")).toEqual([]);
  });

  it("finds items that end in the key, without the slogan's own name", () => {
    const text = paragraph("004_f5dc9353ca6598d8.txt", "“六好”工会");
    expect(keyedList(text, [{ key: "好", count: 6 }])?.items).toEqual([
      "党委政府重视支持好", "组织网络健全好", "履行基本职责好", "指导帮助基层好", "服务职工群众好", "围绕中心开展工作好",
    ]);
  });

  it("takes off the frame the items share (做好…的工作, 进一步增强…的)", () => {
    const people = paragraph("002_0fe32b2dc6c3665a.txt", "依靠人");
    expect(keyedList(people, [{ key: "人", count: 8 }])?.items).toEqual(["依靠人", "规范人", "提高人", "激励人", "尊重人", "了解人", "关心人", "凝聚人"]);
    // Other words end in 力 there too (能力): the five that share their opening are the list.
    const forces = paragraph("002_0fe32b2dc6c3665a.txt", "带动力");
    expect(keyedList(forces, [{ key: "力", count: 5 }])?.items).toEqual(["带动力", "凝聚力", "推动力", "联动力", "战斗力"]);
    // What the items share after the key without a 的 ends the key's word (两个能力): it stays.
    const abilities = paragraph("000_d8c112c12d809796.txt", "提升两个能力");
    expect(keyedList(abilities, [{ key: "能", count: 2 }])?.items).toEqual(["工作能力", "服务能力"]);
  });

  it("joins two keys in text order, and says nothing when a count does not fit", () => {
    const text = paragraph("004_f5dc9353ca6598d8.txt", "有组织、有制度");
    const both = keyedList(text, [{ key: "有", count: 3 }, { key: "好", count: 3 }]);
    expect(both?.items).toEqual(["有组织", "有制度", "有活动", "服务企业发展好", "维护职工权益好", "主席履行职责好"]);
    expect(keyedList(text, [{ key: "好", count: 4 }])).toBeNull();
  });

  it("never takes part of a run of items joined by 、", () => {
    // 服务能力 (two sentences before) and the first two of 服务经济、服务基层、服务职工的能力 all carry
    // 服 four characters from their end: three of them, but no slogan's items.
    const text = paragraph("000_d8c112c12d809796.txt", "“三个服务”");
    expect(keyedList(text, [{ key: "服", count: 3 }])).toBeNull();
  });

  it("splits two items joined by 和, never the 和 of 和谐", () => {
    const text = "开展“三好”班组活动（劳动关系和谐好、安全生产好、技术创新好）。";
    expect(keyedList(text, [{ key: "好", count: 3 }])?.items).toEqual(["劳动关系和谐好", "安全生产好", "技术创新好"]);
  });
});
