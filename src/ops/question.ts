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

/**
 * Lines of a stream, each cut to `maxBytes` while reading: a 20-million-character line is never
 * held whole (readline would buffer all of it). A trailing "\r" is dropped (CRLF input), and a
 * final line without "\n" still counts. A cut inside a UTF-8 sequence decodes to U+FFFD at the
 * end — past the engine's limit, so never part of the question retrieved on.
 */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxBytes = 8 * (MAX_QUESTION_CHARS + 1)): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let kept: Buffer[] = [];
  let size = 0;
  let pending = false;
  const take = (part: Buffer) => {
    pending = true;
    if (size >= maxBytes) return;
    const room = part.subarray(0, maxBytes - size);
    kept.push(room);
    size += room.length;
  };
  const finish = (): string => {
    const line = decoder.decode(Buffer.concat(kept)).replace(/\r$/, "");
    kept = [];
    size = 0;
    pending = false;
    return line;
  };
  for await (const chunk of input) {
    let bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10)) {
      take(bytes.subarray(0, newline));
      yield finish();
      bytes = bytes.subarray(newline + 1);
    }
    if (bytes.length > 0) take(bytes);
  }
  if (pending) yield finish();
}
