/**
 * Character-level normalisation shared by the corpus and queries. Chinese punctuation is kept
 * (it is what people read); only forms that mean the same thing are folded: full-width digits
 * and letters, ％, odd spaces, line ends.
 */

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// Full-width ASCII block (！ to ～) except the Chinese punctuation people expect to see as-is.
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0b\uff0d]/g;

/** Folds one full-width alphanumeric (or ％．＋－) to ASCII. */
function foldFullwidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * Normalises bulletin text. Offsets into the result are what passages cite, so this is the
 * one place that changes characters; every fold maps one character to one character, except
 * CRLF → LF and the removal of zero-width characters.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ")
    .replace(FULLWIDTH_ALNUM, foldFullwidth)
    .replace(/\t/g, " ")
    // `**` marks matched terms in excerpts; a literal asterisk in the corpus must not look like one.
    .replace(/\*/g, "＊");
}

/** Normalises a user's question: the same folds, plus lowercase, trimmed, whitespace collapsed. */
export function normaliseQuestion(raw: string): string {
  return normaliseText(raw).replace(/\s+/g, " ").trim().toLowerCase();
}
