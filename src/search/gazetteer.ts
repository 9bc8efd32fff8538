import type { DictionaryWord } from "../text/segment.js";

/**
 * The names a query can filter on, learnt from the corpus: places (昆山, with 昆山市, 昆山市总,
 * 昆山市总工会) and organisations without a place (水务投资公司工会, 水务公司工会, 水务公司).
 * A filter is a label: the place name for place-bound organisations, the organisation name
 * otherwise.
 */

export interface OrgRecord {
  name: string;
  place: string | null;
  aliases: string[];
}

export interface FilterTarget {
  /** What the answer's `filters.places` shows. */
  label: string;
  /** A place filter matches passages by place; an organisation filter by organisation. */
  by: "place" | "org";
}

export interface Gazetteer {
  /** Every written form, longest first, with the filter it stands for. */
  forms: { form: string; target: FilterTarget }[];
  /** Place names the corpus has, for notices. */
  places: string[];
  /** Organisations without a place, for notices. */
  placelessOrgs: string[];
  /** Words for jieba's user dictionary. */
  dictionary: DictionaryWord[];
}

/** Generic short forms people type (市总 = a city federation), kept whole by the segmenter. */
const GENERIC_SHORT_FORMS = ["市总", "区总", "县总", "总工会"];

export function buildGazetteer(orgs: OrgRecord[], authors: string[]): Gazetteer {
  const forms = new Map<string, FilterTarget>();
  const dictionary = new Map<string, DictionaryWord>();
  const places: string[] = [];
  const placelessOrgs: string[] = [];
  const addWord = (word: string, tag: DictionaryWord["tag"]) => {
    if (!dictionary.has(word)) dictionary.set(word, { word, tag });
  };

  for (const org of orgs) {
    const target: FilterTarget = org.place ? { label: org.place, by: "place" } : { label: org.name, by: "org" };
    if (org.place) {
      if (!places.includes(org.place)) places.push(org.place);
    } else if (!placelessOrgs.includes(org.name)) {
      placelessOrgs.push(org.name);
    }
    const written = new Set([org.name, ...org.aliases]);
    if (org.place) {
      written.add(org.place);
      // 张家港市总工会 → 张家港市, 吴中区总工会 → 吴中区
      const suffixed = /^(.+?[市区县])总/.exec(org.name)?.[1];
      if (suffixed) written.add(suffixed);
    }
    for (const form of written) {
      if (!forms.has(form)) forms.set(form, target);
      addWord(form, form === org.place ? "ns" : "nt");
    }
  }
  for (const word of GENERIC_SHORT_FORMS) addWord(word, "nt");
  for (const author of authors) addWord(author, "nr");

  return {
    forms: [...forms.entries()]
      .map(([form, target]) => ({ form, target }))
      .sort((a, b) => b.form.length - a.form.length),
    places,
    placelessOrgs,
    dictionary: [...dictionary.values()],
  };
}
