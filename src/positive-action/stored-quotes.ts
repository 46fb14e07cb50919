// Keeps the check's citations verbatim against the action texts actually stored, whatever corpus the server runs on.
import { isVerbatim, sentences } from '../answer/citations.js';
import { tokenize } from '../search/text.js';
import type { Citation } from './schema.js';

/**
 * A quote that is a span of its stored action stays as it is; one that is not (a differently worded corpus) is
 * replaced by the stored action's sentence sharing most words with it. Without a stored text the quote is kept:
 * it is the official wording, and the check must always cite something.
 */
export function anchorQuotes(citations: readonly Citation[], storedTexts: ReadonlyMap<number, string>): Citation[] {
  const anchored = citations.map((citation) => {
    const text = storedTexts.get(citation.action);
    if (text === undefined || isVerbatim(citation.quote, text)) return citation;
    const wanted = new Set(tokenize(citation.quote));
    let best = { quote: '', overlap: 0 };
    for (const sentence of sentences(text)) {
      const overlap = tokenize(sentence).filter((token) => wanted.has(token)).length;
      if (overlap > best.overlap) best = { quote: sentence, overlap };
    }
    return best.quote ? { action: citation.action, quote: best.quote } : null;
  });
  const kept = anchored.filter((citation): citation is Citation => citation !== null);
  // Two official quotes may fall back onto the same stored sentence.
  const unique = kept.filter((citation, index) => kept.findIndex((other) => other.action === citation.action && other.quote === citation.quote) === index);
  return unique.length ? unique : [...citations];
}
