import { MAX_QUESTION_CHARS } from "../engine.js";

/**
 * Cuts a question down before anything walks it character by character: a 20-million-character
 * line must cost what a 200-character one does. What is kept is still longer than the engine's
 * limit (a code point is at most two UTF-16 units), so the engine still sees that the question
 * was cut and says so.
 */
export function boundQuestion(question: string): string {
  const keep = 2 * (MAX_QUESTION_CHARS + 1);
  if (question.length <= keep) return question;
  // Leading blanks do not count towards the limit; trimStart on a huge string is one scan, no copy.
  return question.trimStart().slice(0, keep);
}
