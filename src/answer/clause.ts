import type { Passage } from "../corpus/passage.js";
import type { AnswerKind } from "./kind.js";
import { CLAUSE, SENTENCE, saysATerm, spans, textCover, trimClause, type DirectContext, type DirectQuery, type Span } from "./span.js";

/**
 * The clause a direct answer is cut from: of the top passages (and the other parts of their
 * paragraphs), the clause — or two neighbouring clauses — holding what the question kind needs,
 * scored by how much of the question it and its sentence cover. Shared by the figure, time and
 * what answers.
 */

/** How many top passages are read for a span. */
export const TOP = 3;
/** How much of its paragraph's cover of the question a sentence borrows (figure and time answers). */
export const PASSAGE_COVER_SHARE = 0.7;
/** A span must cover at least this share of the question (idf-weighted) to be said. */
export const MIN_COVER: Record<Exclude<AnswerKind, "catalogue" | "who" | "list">, number> = { figure: 0.4, when: 0.4, what: 0.6 };

/** A clause holding what the kind needs, scored by how much of the question it and its sentence cover. */
export function bestClause(
  q: DirectQuery,
  hits: readonly Passage[],
  context: DirectContext,
  needs: (clause: string) => number,
  minCover: number,
  cover: "sentence" | "clause" | "sentence-only" = "sentence",
): { hit: Passage; span: Span } | null {
  let best: { hit: Passage; span: Span; score: number } | null = null as { hit: Passage; span: Span; score: number } | null;
  // The ranked parts first; the other parts of their paragraphs too (the part that ranked
  // best need not be the one holding the figure), a little behind.
  const read = hits.slice(0, TOP).flatMap((hit, rank) =>
    context.parts(hit).map((part) => ({ hit: part, rank: part.id === hit.id ? rank : rank + 0.2 })),
  );
  read.forEach(({ hit, rank }) => {
    const text = hit.text;
    // A sentence may state the figure about "it" (这套指标…共15项20个指标) while the rest of its
    // passage — or its item's headline (…部署全年工作) — names what it is: their cover counts, discounted.
    const passageCover = cover === "sentence" ? PASSAGE_COVER_SHARE * textCover(q, `${hit.title ?? ""}\n${context.paragraph(hit).text}`) : 0;
    for (const sentence of spans(text, SENTENCE)) {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const sentenceCover = Math.max(textCover(q, sentenceText), passageCover);
      const clauses = spans(sentenceText, CLAUSE);
      // A clause, or two neighbouring clauses (建立困难职工生活状况档案，每年跟踪滚动 / 日前，昆山市总工会发布…):
      // what is counted or timed is often named in the clause next to the figure or time.
      const candidates = clauses.flatMap((c, i) => [
        { start: c.start, end: c.end, pair: false },
        ...(i > 0 ? [{ start: clauses[i - 1]!.start, end: c.end, pair: true }] : []),
      ]);
      for (const c of candidates) {
        const clause = { start: sentence.start + c.start, end: sentence.start + c.end };
        const clauseText = text.slice(clause.start, clause.end);
        const need = needs(clauseText);
        if (need <= 0) continue;
        const clauseCover = textCover(q, clauseText);
        // "clause": a what-answer must carry the question's words itself; "sentence": a figure or
        // a time may lean on its sentence; "sentence-only": a coined name may stand in a clause
        // of its own (积极推进常熟“山水文化之城”建设).
        const covered = cover === "clause" ? clauseCover : Math.max(sentenceCover, clauseCover);
        if (covered < minCover || (clauseCover === 0 && cover !== "sentence-only")) continue;
        // Leaning on its sentence, a clause must still say one of the question's words (or all of
        // a word's pieces, or a synonym): 劳动 of 五一劳动奖章 makes 100家和谐劳动关系示范企业 no
        // count of medals.
        if (cover === "sentence" && !saysATerm(q, clauseText)) continue;
        // Among equals, the shorter span: the answer, not its surroundings.
        // Alike in cover, the clause saying the question's words as asked, not only their pieces.
        const verbatim = VERBATIM_BONUS * verbatimShare(q, clauseText);
        const score = clauseCover * 2 + sentenceCover + need + verbatim - rank * 0.3 - (c.pair ? 0.35 : 0) - (clause.end - clause.start) * 0.003;
        if (!best || score > best.score) best = { hit, span: trimClause(text, clause), score };
      }
    }
  });
  return best && best.span.end > best.span.start ? { hit: best.hit, span: best.span } : null;
}

/**
 * The sentences of a top passage's paragraph (every part of it) that cover the question as a
 * figure's sentence must, its paragraph's cover counting, discounted, for each (with the item's
 * headline when `headline`): where a name, frame or session the question asks for is read.
 */
export function* coveredSentences(
  q: DirectQuery,
  top: Passage,
  context: DirectContext,
  headline = false,
): Generator<{ part: Passage; start: number; text: string; cover: number; own: number }> {
  const paragraph = context.paragraph(top).text;
  const paragraphCover = PASSAGE_COVER_SHARE * textCover(q, headline ? `${top.title ?? ""}\n${paragraph}` : paragraph);
  for (const part of context.parts(top)) {
    for (const sentence of spans(part.text, SENTENCE)) {
      const text = part.text.slice(sentence.start, sentence.end);
      const own = textCover(q, text);
      const cover = Math.max(own, paragraphCover);
      if (cover >= MIN_COVER.figure) yield { part, start: sentence.start, text, cover, own };
    }
  }
}

/** Among clauses covering a question alike, one saying its words as asked rather than in pieces (和谐劳动关系 for 劳动关系和谐) gets this much more. */
const VERBATIM_BONUS = 0.1;

/** The idf-weighted share of the question's words a text says whole, as asked (no piece or synonym counts). */
function verbatimShare(q: DirectQuery, text: string): number {
  return textCover({ ...q, pieces: {}, synonyms: {}, split: [] }, text);
}
