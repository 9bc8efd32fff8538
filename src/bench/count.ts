import { parseBulletin, type ParsedBulletin } from "../corpus/parse.js";
import { normaliseText } from "../text/normalise.js";
import { inferPlanYear } from "../text/years.js";

/** Parses one generated file the way the corpus reader does (text already UTF-8, no catalogue). */
export function parseGenerated(name: string, text: string): ParsedBulletin {
  const normalised = normaliseText(text);
  return parseBulletin(name, normalised, { year: inferPlanYear(normalised) });
}

export function countPassages(name: string, text: string): number {
  return parseGenerated(name, text).passages.length;
}
