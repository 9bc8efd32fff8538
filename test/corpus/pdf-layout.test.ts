import { describe, expect, it } from "vitest";
import { layoutBlocks, type Line } from "../../src/corpus/formats/pdf.js";

/**
 * The PDF layout rules on hand-placed lines: A4 (842 pt high), body text 12 pt from x 57 to 567,
 * 20 pt between baselines, 27 pt between paragraphs.
 */

const HEIGHT = 842;
const full = (page: number, y: number, text: string, x = 57): Line => ({ page, x, right: 567, y, size: 12, text });
const short = (page: number, y: number, text: string, x = 57): Line => ({ page, x, right: x + 12 * text.length, y, size: 12, text });
const header = (page: number): Line => ({ page, x: 250, right: 346, y: 40, size: 9, text: "苏州工会工作简报" });
const footer = (page: number): Line => ({ page, x: 280, right: 310, y: 815, size: 9, text: `— ${page} —` });

describe("PDF layout", () => {
  it("joins lines the layout broke, across a page too, and drops the running header and page numbers", () => {
    const pages = [
      [header(1), full(1, 100, "张家港市总工会确定新目标：以发展和谐劳动关系为主线，以健全完善工会维权机"), full(1, 120, "制建设为重点，加强企业工会建设，增强工会组织凝聚力，推进外资企业工会组建"), footer(1)],
      [header(2), short(2, 100, "工作。"), short(2, 127, "常熟市总工会确定十大目标。"), footer(2)],
    ];
    expect(layoutBlocks(pages, [HEIGHT, HEIGHT]).map((b) => b.text)).toEqual([
      "张家港市总工会确定新目标：以发展和谐劳动关系为主线，以健全完善工会维权机制建设为重点，加强企业工会建设，增强工会组织凝聚力，推进外资企业工会组建工作。",
      "常熟市总工会确定十大目标。",
    ]);
  });

  it("starts a paragraph at an indented line, after paragraph spacing, and after a short line", () => {
    const lines = [
      full(1, 100, "一是实施建功立业工程，继续广泛开展劳动竞赛活动，组织动员职工为全市发展作贡献。"),
      full(1, 120, "二是实施素质提升工程。", 81), // indented first line
      full(1, 140, "三是实施维权帮扶工程，健全工会三级维权体系，"),
      full(1, 167, "四是实施固本强基工程，夯实基层基础，"), // paragraph spacing above
      short(1, 187, "增强凝聚力。"),
      short(1, 207, "五是。"),
      short(1, 227, "六是。"),
    ];
    expect(layoutBlocks([lines], [HEIGHT]).map((b) => b.text.slice(0, 2))).toEqual(["一是", "二是", "四是", "五是", "六是"]);
  });

  it("keeps an inline list together after ；, but starts a numbered item after a finished sentence", () => {
    const lines = [
      full(1, 100, "“十大目标”是：1.新建企业工会组建率稳定在90%以上；"),
      full(1, 120, "2.职工入会率稳定在95%以上。"),
      full(1, 140, "一、加大两个力度。"),
    ];
    expect(layoutBlocks([lines], [HEIGHT]).map((b) => b.text)).toEqual(["“十大目标”是：1.新建企业工会组建率稳定在90%以上；2.职工入会率稳定在95%以上。", "一、加大两个力度。"]);
  });

  it("marks lines set larger than the body as headings, the largest first", () => {
    const lines = [
      { ...short(1, 80, "学习贯彻十七大精神专刊", 200), size: 22 },
      { ...short(1, 120, "常熟市总四大工程明确全年目标", 200), size: 16 },
      full(1, 150, "2012年，常熟市工会工作将以科学发展观为指导，深入贯彻落实党的十七届六中全会精神。"),
      short(1, 170, "深入实施四大工程。"),
    ];
    expect(layoutBlocks([lines], [HEIGHT]).map((b) => b.heading)).toEqual([1, 2, undefined]);
  });
});
