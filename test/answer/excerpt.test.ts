import { describe, expect, it } from "vitest";
import { excerptRuns } from "../../src/answer/schema.js";
import { EXCERPT_CHARS, makeExcerpt } from "../../src/answer/excerpt.js";

const TEN_THINGS =
  "“十件实事”是：1.为100名生产一线的劳模进行免费体检；2.为困难劳模发放慰问金，组织劳模疗休养；3.为100户困难职工家庭发放优惠证，按月提供免费粮油水电；4.发展壮大特困职工互助会，增加入会1000人次，按章程及时做好补助工作；5.开展为困难职工子女“金秋助学”行动；6.加大维护农民工权益工作力度，实施“维权十大行动”；7.选树工资集体协商工作典型50家；8.组织知名律师免费为职工提供法律服务；9.实施“女职工互助关爱计划”，扶持单亲女职工自主创业；10.为400名困难职工、特困女职工免费体检。";

const plain = (excerpt: string) => excerptRuns(excerpt).map((r) => r.text).join("");

describe("excerpts", () => {
  it("picks the sentence that covers the most terms and marks them", () => {
    const excerpt = makeExcerpt(TEN_THINGS, ["困难职工", "免费", "体检", "困难", "职工"]);
    expect(excerpt).toBe("…10.为400名**困难职工**、特困女**职工免费体检**。");
  });
  it("marks an ellipsis on each side that was cut, and none on a side that was not", () => {
    const start = makeExcerpt(TEN_THINGS, ["十件实事"]);
    expect(start.startsWith("…")).toBe(false);
    expect(start.endsWith("…")).toBe(true);
    expect(makeExcerpt("短句里有劳模。", ["劳模"])).toBe("短句里有**劳模**。");
  });
  it("stays within about 200 characters, even for one very long sentence", () => {
    const long = `${"开展劳动竞赛，".repeat(60)}组织劳模疗休养${"，推进建会工作".repeat(40)}。`;
    const excerpt = makeExcerpt(long, ["劳模"]);
    expect(plain(excerpt).length).toBeLessThanOrEqual(EXCERPT_CHARS + 2);
    expect(excerpt).toContain("**劳模**");
  });
  it("opens at the beginning when no term matched", () => {
    expect(makeExcerpt(TEN_THINGS, []).startsWith("“十件实事”是")).toBe(true);
  });
  it("prefers the longer term where terms overlap and joins adjacent marks", () => {
    expect(makeExcerpt("为困难职工服务。", ["职工", "困难职工", "服务"])).toBe("为**困难职工服务**。");
  });
  it("every mark opens and closes", () => {
    const excerpt = makeExcerpt(TEN_THINGS, ["劳模", "体检", "免费", "100"]);
    expect(excerpt.split("**").length % 2).toBe(1);
  });
});
