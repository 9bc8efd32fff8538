import type { Direct } from "./schema.js";

/**
 * Answers about the collection itself (有哪些简报, 收录了哪些单位, 2012年有哪些单位, 有哪几年),
 * built from the index's own metadata — never from passage text, so they are always exact.
 */

export interface CatalogueEntry {
  source: string;
  year: number | null;
  title: string | null;
  /** Organisations with their place (null for placeless ones such as 水务投资公司工会). */
  orgs: { name: string; place: string | null }[];
}

export interface CatalogueFilter {
  years: readonly number[];
  /** Place labels or organisation names from the question. */
  labels: readonly string[];
}

const join = (items: readonly (string | number)[]) => items.join("、");

function matches(org: { name: string; place: string | null }, labels: readonly string[]): boolean {
  return labels.length === 0 || labels.includes(org.place ?? "") || labels.includes(org.name);
}

export function catalogueAnswer(question: string, entries: readonly CatalogueEntry[], filter: CatalogueFilter): Direct | null {
  const chosen = entries.filter((e) => filter.years.length === 0 || (e.year !== null && filter.years.includes(e.year)));
  const relevant = chosen
    .map((e) => ({ ...e, orgs: e.orgs.filter((o) => matches(o, filter.labels)) }))
    .filter((e) => e.orgs.length > 0 || filter.labels.length === 0);
  if (relevant.length === 0) return null;
  const years = [...new Set(relevant.map((e) => e.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const orgs = [...new Set(relevant.flatMap((e) => e.orgs.map((o) => o.name)))];

  let text: string;
  if (/年份|哪几年|哪些年|几年|哪一年|哪年/u.test(question)) {
    const who = filter.labels.length > 0 ? join(filter.labels) : "简报";
    text = `${who}收录的年份：${join(years.map((y) => `${y}年`))}`;
  } else if (/简报|几份|多少份|哪几份|几期/u.test(question) && !/单位|地区|工会|组织/u.test(question.replace(/简报/gu, ""))) {
    text = [`共${relevant.length}份简报：`, ...relevant.map((e) => `${e.year ?? "年份不详"}年${e.title ? `《${e.title}》` : ""}：${join(e.orgs.map((o) => o.name))}`)].join("\n");
  } else {
    const scope = years.length > 0 && filter.years.length > 0 ? `${join(years)}年` : "简报";
    text = `${scope}收录的单位（${orgs.length}个）：${join(orgs)}`;
  }
  return { kind: "catalogue", text, hitId: null };
}
