// CONTRACT STUB — being implemented by the lead; signatures are fixed.
import type { Answer } from "./answer/schema.js";
import type { Passage } from "./corpus/passage.js";

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
}

/** Longest question the engine retrieves on; longer ones are cut, with a notice. */
export const MAX_QUESTION_CHARS = 200;

export declare class Engine {
  /** Loads the index from disk, rebuilding it first when missing or stale. */
  static open(options: OpenOptions): Promise<Engine>;
  ask(question: string, options?: AskOptions): Answer;
  passage(id: string): Passage | undefined;
  /** The passage with the paragraphs before and after it in the same file. */
  context(id: string): { before: Passage[]; passage: Passage; after: Passage[] } | undefined;
  sources(): SourceSummary[];
  info(): IndexInfo;
  /** Example questions for welcome screens, drawn from the corpus. */
  examples(): string[];
}
