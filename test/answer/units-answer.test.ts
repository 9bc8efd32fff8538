import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/corpus/passage.js";
import { MAX_UNITS, unitsAnswer } from "../../src/answer/units-answer.js";

const passage = (id: string, org: string | null, year: number | null): Passage =>
  ({ id, org, year, source: "s.txt", place: null, title: null, section: null, author: null, authorRole: null, paragraph: 1, part: 1, parts: 1, start: 0, end: 1, text: "…" }) as Passage;

describe("which units (unitsAnswer)", () => {
  it("names each organisation once, in rank order, with its years when they differ, citing the best passage", () => {
    const answer = unitsAnswer([passage("a", "吴中区总工会", 2007), passage("b", "常熟市总工会", 2007), passage("c", "吴中区总工会", 2008)], false);
    expect(answer?.found.direct).toEqual({ kind: "list", text: "吴中区总工会（2007、2008年）、常熟市总工会（2007年）", hitId: "a" });
    expect(answer?.sources.map((p) => p.id)).toEqual(["a", "b"]);
    // A year named, or one year among them all: no years.
    expect(unitsAnswer([passage("a", "吴中区总工会", 2007), passage("b", "常熟市总工会", 2007)], false)?.found.direct.text).toBe("吴中区总工会、常熟市总工会");
  });

  it("says nothing without an organisation, or with more than a short answer holds", () => {
    expect(unitsAnswer([passage("f", null, 2007)], false)).toBeNull();
    const many = Array.from({ length: MAX_UNITS + 1 }, (_, i) => passage(`p${i}`, `单位${i}`, 2012));
    expect(unitsAnswer(many, true)).toBeNull();
  });
});
