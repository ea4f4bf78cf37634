// Turns what a user typed into an FTS5 query that cannot be a syntax error:
// every word becomes a quoted phrase (quotes doubled), words are ANDed, and
// the last one matches as a prefix so results follow the typing. Input made
// only of punctuation (`"`, `*`, `(`, `-`) yields no query at all.

const WORD = /[\p{L}\p{N}]/u;
const MAX_TERMS = 16;

export function toFtsQuery(text: string): string | null {
  const terms = text
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((term) => WORD.test(term))
    .slice(0, MAX_TERMS)
    .map((term) => `"${term.replace(/"/g, '""')}"`);
  if (terms.length === 0) return null;
  terms[terms.length - 1] += '*';
  return terms.join(' ');
}
