import { Random } from "./random.js";
import type { CorpusManifest } from "./synth.js";

/**
 * The fixed question mix: topic only, with a year, with a place, with both, and full questions
 * as people type them (from the eval set, answered by the seed files every corpus includes).
 * Places and years come from the corpus's own manifest, so filtered questions have answers.
 */

export type QuestionKind = "topic" | "year" | "place" | "place+year" | "sentence";

export interface BenchQuestion {
  q: string;
  kind: QuestionKind;
}

/** Topics every seed layout talks about. */
const TOPICS = [
  "劳动竞赛", "外资企业工会组建", "困难职工免费体检", "职工书屋", "工资集体协商", "农民工权益维护",
  "送温暖", "工人先锋号", "职代会制度", "法律援助", "职工之家", "技术创新", "工会干部培训", "考核指标",
  "读书活动", "和谐劳动关系", "重点工作", "工作思路",
];

const SENTENCES = [
  "常熟市总工会打算为多少名困难职工免费体检？",
  "吴中区2007年新建多少家工会",
  "张家港2007年免费送电影多少场",
  "宝钢苏冶重工公司多久召开一次职工座谈会？",
  "吴江市总工会2012年怎么关心新生代农民工？",
  "张家港市总工会从哪一年开始每年评选五一劳动奖状？",
  "沧浪区总工会2012年围绕哪些重点项目开展劳动竞赛？",
  "望亭发电厂工会打算怎样提升民主管理水平？",
];

export const QUESTIONS_PER_KIND = 10;

export function questionMix(manifest: Pick<CorpusManifest, "files">, seed = 7): BenchQuestion[] {
  const rng = new Random(seed);
  const placed = manifest.files.flatMap((f) => f.items.filter((i) => i.place).map((i) => ({ place: i.place!, year: f.year })));
  const years = [...new Set(manifest.files.map((f) => f.year))].sort((a, b) => a - b);
  const out: BenchQuestion[] = [];
  for (let i = 0; i < QUESTIONS_PER_KIND; i++) out.push({ q: TOPICS[i % TOPICS.length]!, kind: "topic" });
  for (let i = 0; i < QUESTIONS_PER_KIND; i++) {
    const year = years.length > 0 ? rng.pick(years) : 2007;
    const form = i % 2 === 0 ? `${year} ${rng.pick(TOPICS)}` : `${year}年${rng.pick(TOPICS)}`;
    out.push({ q: form, kind: "year" });
  }
  for (let i = 0; i < QUESTIONS_PER_KIND; i++) {
    const place = placed.length > 0 ? rng.pick(placed).place : "昆山";
    out.push({ q: `${place} ${rng.pick(TOPICS)}`, kind: "place" });
  }
  for (let i = 0; i < QUESTIONS_PER_KIND; i++) {
    const { place, year } = placed.length > 0 ? rng.pick(placed) : { place: "昆山", year: 2007 };
    const form = i % 2 === 0 ? `${place} ${year} ${rng.pick(TOPICS)}` : `${place}${year}年${rng.pick(TOPICS)}`;
    out.push({ q: form, kind: "place+year" });
  }
  for (const q of SENTENCES) out.push({ q, kind: "sentence" });
  return out;
}
