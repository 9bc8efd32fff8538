import { describe, expect, it } from "vitest";
import { buildGazetteer } from "../../src/search/gazetteer.js";
import { THESAURUS_FILE } from "../../src/paths.js";
import { loadThesaurus } from "../../src/text/thesaurus.js";
import { WordFinder } from "../../src/text/word-finder.js";

describe("WordFinder", () => {
  it("reports the words a text holds, in the list's order, each once", () => {
    const finder = new WordFinder(["市总工会", "昆山", "昆山市总工会", "常熟", "工会"]);
    expect(finder.present("昆山市总工会和昆山、常熟的工会")).toEqual([0, 1, 2, 3, 4]);
    expect(finder.present("吴江 2012")).toEqual([]);
    expect(finder.present("")).toEqual([]);
  });

  it("finds exactly what indexOf finds, over the shipped thesaurus and a gazetteer", () => {
    const thesaurus = loadThesaurus(THESAURUS_FILE, null, () => {});
    const gazetteer = buildGazetteer([{ name: "昆山市总工会", place: "昆山", aliases: ["昆山市总"] }, { name: "吴中区总工会", place: "吴中", aliases: [] }], []);
    const lists = [thesaurus.words, gazetteer.forms.map((f) => f.form)];
    const texts = ["单位拖欠工资不给怎么办", "昆山市总2007年技术比武", "吴中区总工会主席是谁", "职代会、职工代表大会和厂务公开", "abc 123"];
    for (const words of lists) {
      const finder = new WordFinder(words);
      for (const text of texts) {
        const expected = words.flatMap((w, i) => (text.includes(w) ? [i] : []));
        expect(finder.present(text)).toEqual(expected);
      }
    }
  });
});
