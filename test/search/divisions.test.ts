import { describe, expect, it } from "vitest";
import { isDivisionName } from "../../src/search/divisions.js";

describe("isDivisionName", () => {
  it("knows China's divisions by full and short name, and no common word jieba tags as a place", () => {
    for (const name of ["苏州市", "苏州", "吴中区", "吴中", "杭州", "内蒙古", "宁夏", "北京"]) expect(isDivisionName(name), name).toBe(true);
    for (const word of ["东西", "英雄", "上市", "治安", "城市", "工会"]) expect(isDivisionName(word), word).toBe(false);
  });
});
