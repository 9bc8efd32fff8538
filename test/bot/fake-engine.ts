import type { Answer, Hit } from "../../src/answer/schema.js";
import type { EngineLike } from "../../src/bot/deps.js";
import type { Passage } from "../../src/corpus/passage.js";

/** For pure rendering/codec tests only; end-to-end tests use the real engine over the seeds. */
export function makeHit(overrides: Partial<Hit> = {}): Hit {
  return {
    id: "k3x9a2-12-1",
    source: "000_d8c112c12d809796.txt",
    org: "昆山市总工会",
    place: "昆山",
    year: 2007,
    title: "昆山市总工会工作计划",
    section: null,
    author: null,
    paragraph: 12,
    text: "昆山市总工会将加大职工创新能手的评选表彰力度。",
    excerpt: "**昆山**市总工会将加大职工创新能手的评选表彰力度。",
    score: 1,
    ...overrides,
  };
}

export function makeAnswer(hits: Hit[], overrides: Partial<Answer> = {}): Answer {
  return { query: "昆山 2007", filters: { places: [], years: [] }, notice: null, direct: null, hits, ...overrides };
}

export function makePassage(overrides: Partial<Passage> = {}): Passage {
  return {
    id: "k3x9a2-12-1",
    source: "000_d8c112c12d809796.txt",
    year: 2007,
    org: "昆山市总工会",
    place: "昆山",
    title: "昆山市总工会工作计划",
    section: null,
    author: null,
    authorRole: null,
    paragraph: 12,
    part: 1,
    parts: 1,
    start: 0,
    end: 10,
    text: "昆山市总工会将加大职工创新能手的评选表彰力度。",
    ...overrides,
  };
}

export function fakeEngine(answer: (q: string) => Answer): EngineLike {
  return {
    ask: (q) => answer(q),
    passage: () => makePassage(),
    context: (id) => (id === "k3x9a2-12-1" ? { before: [], passage: makePassage(), after: [] } : undefined),
    sources: () => [],
    info: () => ({ schemaVersion: 1, builtAt: new Date(0).toISOString(), passages: 1, files: 1 }),
    examples: () => ["昆山 2007 年工会工作重点", "张家港 农民工入会", "常熟 四大工程"],
  };
}
