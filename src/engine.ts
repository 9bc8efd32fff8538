import { readdir } from "node:fs/promises";
import { answerQuestion, type AnsweringData, type Library } from "./ask.js";
import type { CatalogueEntry } from "./answer/catalogue.js";
import { directContext } from "./answer/context.js";
import type { Coverage } from "./answer/notices.js";
import { Answer } from "./answer/schema.js";
import type { Passage } from "./corpus/passage.js";
import { listSeeds, readCorpus, type SeedListing } from "./corpus/read.js";
import { buildGazetteer, type Gazetteer, type OrgRecord } from "./search/gazetteer.js";
import { CompactIndex } from "./search/compact-index.js";
import {
  SCHEMA_VERSION, loadStored, newBuildId, readManifest, saveIndex, staleReason, thesaurusFingerprint,
  type BulletinSummary, type Manifest, type StoredCorpus,
} from "./search/store.js";
import { readFullDictionary, readServingDictionary, saveServingDictionary, trimDictionary } from "./text/dictionary.js";
import { useDictionary, type JiebaDictionary } from "./text/segment.js";
import { EMPTY_THESAURUS, loadThesaurus, type Thesaurus } from "./text/thesaurus.js";
import { OPERATOR_THESAURUS_NAME, THESAURUS_FILE } from "./paths.js";
import { join } from "node:path";

export interface SourceSummary {
  source: string;
  year: number | null;
  title: string | null;
  orgs: string[];
  passages: number;
}

export interface IndexInfo {
  schemaVersion: number;
  /** ISO time of the build. */
  builtAt: string;
  passages: number;
  files: number;
}

export interface AskOptions {
  /** How many hits at most (default 5). */
  limit?: number;
}

export interface OpenOptions {
  seedsDir: string;
  indexDir: string;
  /** Warnings such as a skipped file; default writes to stderr. */
  onWarning?: (message: string) => void;
  /** Build progress (passages indexed so far), for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Rebuild even when the saved index is fresh. */
  rebuild?: boolean;
}

/** How the engine came to be: loaded from disk, or built (and why). */
export type OpenedFrom = { kind: "loaded" } | { kind: "built"; reason: string };

export { MAX_QUESTION_CHARS } from "./ask.js";
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

export class EngineError extends Error {
  override name = "EngineError";
}

/**
 * The answer engine: bulletins in, cited answers out. Opening it loads the saved index, or
 * rebuilds it when it is missing or stale; asking never throws, whatever the question.
 */
export class Engine {
  readonly openedFrom: OpenedFrom;
  private readonly byId: Map<string, Passage>;
  private readonly gazetteer: Gazetteer;
  private readonly coverage: Coverage;
  private readonly yearSet: Set<number>;
  private readonly index: CompactIndex;
  private exampleCache: string[] | null = null;
  private thesaurus: Thesaurus = EMPTY_THESAURUS;
  /** Built on first use by the ask path (direct answers, catalogue). */
  private answering: AnsweringData | null = null;

  private constructor(
    private readonly manifest: Manifest,
    private readonly corpus: StoredCorpus,
    index: CompactIndex,
    gazetteer: Gazetteer,
    openedFrom: OpenedFrom,
  ) {
    this.openedFrom = openedFrom;
    this.byId = new Map(corpus.passages.map((p) => [p.id, p]));
    // Served from flat arrays, not MiniSearch's Maps: see compact-index.ts.
    this.index = index;
    this.gazetteer = gazetteer;
    this.yearSet = new Set(corpus.bulletins.map((b) => b.year).filter((y): y is number => y !== null));
    const yearsByLabel = new Map<string, Set<number>>();
    for (const p of corpus.passages) {
      const label = p.place ?? p.org;
      if (!label || p.year === null) continue;
      if (!yearsByLabel.has(label)) yearsByLabel.set(label, new Set());
      yearsByLabel.get(label)!.add(p.year);
    }
    this.coverage = {
      years: [...this.yearSet].sort((a, b) => a - b),
      labels: [...this.gazetteer.places, ...this.gazetteer.placelessOrgs],
      yearsOf: (label) => [...(yearsByLabel.get(label) ?? [])].sort((a, b) => a - b),
    };
  }

  /**
   * Loads the thesaurus, then the index from disk, rebuilding it first when missing, stale or
   * damaged. Damage (a manifest or data file that fails its checks) is reported once through
   * onWarning; it is never fatal and never served.
   */
  static async open(options: OpenOptions): Promise<Engine> {
    const warn = options.onWarning ?? ((message: string) => process.stderr.write(`${message}\n`));
    const thesaurus = loadThesaurus(THESAURUS_FILE, join(options.seedsDir, OPERATOR_THESAURUS_NAME), warn);
    const engine = await Engine.openIndex(options, thesaurus);
    engine.thesaurus = thesaurus;
    return engine;
  }

  private static async openIndex(options: OpenOptions, thesaurus: Thesaurus): Promise<Engine> {
    const warn = options.onWarning ?? ((message: string) => process.stderr.write(`${message}\n`));
    await assertDirectory(options.seedsDir);
    const listing = await listSeeds(options.seedsDir);
    const saved = await readManifest(options.indexDir);
    const manifest = saved.kind === "ok" ? saved.manifest : null;
    let damage = saved.kind === "damaged" ? saved.reason : null;
    let reason = options.rebuild ? "要求重建" : damage ?? staleReason(manifest, listing.seeds.map((s) => s.file), thesaurusFingerprint(thesaurus.words));
    if (!reason && manifest) {
      const stored = await loadStored(options.indexDir, manifest);
      const dictionary = stored.ok ? await readServingDictionary(options.indexDir, manifest.buildId) : null;
      if (stored.ok && dictionary) {
        const gazetteer = learnNames(stored.corpus.bulletins, dictionary);
        return new Engine(manifest, stored.corpus, stored.index, gazetteer, { kind: "loaded" });
      }
      damage = reason = stored.ok ? "分词词典缺失或不属于这次建立的索引" : stored.reason;
    }
    if (damage && !options.rebuild) warn(`索引已损坏，正在重建：${damage}`);
    return Engine.build(options, warn, reason ?? "索引不存在", listing, thesaurus);
  }

  private static async build(
    options: OpenOptions,
    warn: (message: string) => void,
    reason: string,
    listing: SeedListing,
    thesaurus: Thesaurus,
  ): Promise<Engine> {
    // Building needs MiniSearch; a process serving a fresh index never loads it.
    const { buildIndexYielding, indexedTexts } = await import("./search/passage-index.js");
    const read = await readCorpus(options.seedsDir, warn, listing);
    const passages = read.bulletins.flatMap((b) => b.passages);
    const bulletins: BulletinSummary[] = read.bulletins.map((b) => ({
      source: b.source,
      year: b.year,
      title: b.title,
      encoding: b.encoding,
      orgs: b.orgs,
      authors: b.authors,
      passages: b.passages.length,
    }));
    // The segmenter must know the corpus's names before it cuts the corpus for the index.
    const gazetteer = learnNames(bulletins, { kind: "full" });
    // MiniSearch builds; the packed arrays are what is saved and served, and the MiniSearch
    // instance (nested Maps, most of the build's memory) is garbage once they exist.
    const index = CompactIndex.fromMiniSearch(await buildIndexYielding(passages, options.onProgress), passages);
    const buildId = newBuildId();
    const built: Omit<Manifest, "checksums"> = {
      schemaVersion: SCHEMA_VERSION,
      buildId,
      builtAt: new Date().toISOString(),
      passages: passages.length,
      files: read.files,
      skipped: read.skipped,
      thesaurus: thesaurusFingerprint(thesaurus.words),
    };
    const corpus: StoredCorpus = { buildId, bulletins, passages };
    // Serving needs only the words the corpus can use (src/text/dictionary.ts); saved before the
    // manifest (written last), stamped with the build id. Thesaurus words are kept too: a
    // question naming one must be cut as the full dictionary would.
    const trimmed = trimDictionary(readFullDictionary(), passages.flatMap(indexedTexts), { extraWords: thesaurus.words });
    await saveServingDictionary(options.indexDir, buildId, trimmed);
    const manifest = await saveIndex(options.indexDir, built, corpus, index);
    const served = await readServingDictionary(options.indexDir, buildId);
    if (!served) throw new EngineError(`索引目录无法写入：${options.indexDir}`);
    useDictionary(served, gazetteer.dictionary);
    return new Engine(manifest, corpus, index, gazetteer, { kind: "built", reason });
  }

  ask(question: string, options: AskOptions = {}): Answer {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    return answerQuestion(this.library(), question, limit);
  }

  /** What answering reads (ask.ts): the index and what the engine learnt of the collection. */
  private library(): Library {
    return {
      index: this.index,
      passages: this.corpus.passages,
      byId: this.byId,
      gazetteer: this.gazetteer,
      coverage: this.coverage,
      years: this.yearSet,
      thesaurus: this.thesaurus,
      answering: this.answeringData(),
      example: () => this.examples()[0],
    };
  }

  /** What the ask path needs beyond the index: names, the catalogue, paragraphs and items. */
  private answeringData(): AnsweringData {
    if (this.answering) return this.answering;
    const context = directContext(this.corpus.passages);
    const catalogue: CatalogueEntry[] = this.corpus.bulletins.map((b) => ({
      source: b.source,
      year: b.year,
      title: b.title,
      orgs: b.orgs.map((o) => ({ name: o.name, place: o.place })),
    }));
    const authors = this.gazetteer.dictionary.filter((w) => w.tag === "nr").map((w) => w.word);
    this.answering = { context, catalogue, authors };
    return this.answering;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** The passage with the passages before and after it in the same file. */
  context(id: string, radius = 1): { before: Passage[]; passage: Passage; after: Passage[] } | undefined {
    const passage = this.byId.get(id);
    if (!passage) return undefined;
    const at = this.corpus.passages.indexOf(passage);
    const same = (p: Passage | undefined): p is Passage => p !== undefined && p.source === passage.source;
    const before = this.corpus.passages.slice(Math.max(0, at - radius), at).filter(same);
    const after = this.corpus.passages.slice(at + 1, at + 1 + radius).filter(same);
    return { before, passage, after };
  }

  sources(): SourceSummary[] {
    return this.corpus.bulletins.map((b) => ({
      source: b.source,
      year: b.year,
      title: b.title,
      orgs: b.orgs.map((o) => o.name),
      passages: b.passages,
    }));
  }

  info(): IndexInfo {
    return {
      schemaVersion: this.manifest.schemaVersion,
      builtAt: this.manifest.builtAt,
      passages: this.manifest.passages,
      files: this.corpus.bulletins.length,
    };
  }

  /** Identifies the build this engine serves (the manifest's build id). */
  buildId(): string {
    return this.manifest.buildId;
  }

  /** Files skipped at build time, with the reason. */
  skipped(): { name: string; reason: string }[] {
    return this.manifest.skipped;
  }

  /**
   * Example questions for welcome screens: a place, a year and a topic, one per bulletin, each
   * checked to have a top hit that quotes its topic, so a tapped example always lands well.
   * Computed once: the corpus does not change while the engine lives.
   */
  examples(): string[] {
    if (this.exampleCache) return this.exampleCache;
    const examples: string[] = [];
    for (const bulletin of this.corpus.bulletins) {
      if (bulletin.year === null) continue;
      // Different places make better examples than three questions about one city.
      const fresh = bulletin.orgs.filter((o) => o.place && !examples.some((e) => e.startsWith(`${o.place} `)));
      for (const org of fresh) {
        const topic = EXAMPLE_TOPICS.find((t) => {
          const question = `${org.place} ${bulletin.year} ${t}`;
          return !examples.includes(question) && this.ask(question, { limit: 1 }).hits[0]?.text.includes(t);
        });
        if (topic) {
          examples.push(`${org.place} ${bulletin.year} ${topic}`);
          break;
        }
      }
      if (examples.length === 3) break;
    }
    this.exampleCache = examples;
    return examples;
  }
}

/** Topics union cadres ask about, tried in order when picking example questions. */
const EXAMPLE_TOPICS = ["工作任务", "困难职工", "劳动竞赛", "重点工作", "工作目标", "职工书屋", "工资集体协商", "农民工"];

/** The corpus's names as filters, taught to the segmenter (queries and indexing both need them). */
function learnNames(bulletins: BulletinSummary[], dictionary: JiebaDictionary): Gazetteer {
  const gazetteer = buildGazetteer(
    mergeOrgs(bulletins.flatMap((b) => b.orgs)),
    [...new Set(bulletins.flatMap((b) => b.authors))],
  );
  useDictionary(dictionary, gazetteer.dictionary);
  return gazetteer;
}

/** The same organisation across bulletins: one record, every alias. */
function mergeOrgs(orgs: OrgRecord[]): OrgRecord[] {
  const merged = new Map<string, OrgRecord>();
  for (const org of orgs) {
    const known = merged.get(org.name);
    if (known) known.aliases = [...new Set([...known.aliases, ...org.aliases])];
    else merged.set(org.name, { ...org, aliases: [...org.aliases] });
  }
  return [...merged.values()];
}

async function assertDirectory(dir: string): Promise<void> {
  try {
    await readdir(dir);
  } catch {
    throw new EngineError(`找不到简报目录：${dir}`);
  }
}

export { Answer };
