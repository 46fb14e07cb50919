// Typo repair for queries: a word the corpus does not know is replaced by the nearest corpus word.
import { foldText } from './text.js';

export interface SpellingCorrector {
  /** Corpus words for the query's unknown words (one per unknown word that has a close match). */
  corrections(query: string): { from: string; to: string }[];
  /** In how many passages a folded word occurs (0 when the corpus does not know it). */
  documentFrequency(word: string): number;
  readonly documents: number;
}

const MIN_LENGTH = 5;

export function createSpellingCorrector(texts: Iterable<string>): SpellingCorrector {
  const frequency = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents += 1;
    for (const word of new Set(foldText(text).split(' '))) {
      if (word.length >= 3 && !/\d/.test(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const byLength = new Map<number, string[]>();
  for (const word of frequency.keys()) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

  return {
    documents,
    documentFrequency: (word) => frequency.get(word) ?? 0,
    corrections(query) {
      const result: { from: string; to: string }[] = [];
      for (const word of new Set(foldText(query).split(' '))) {
        if (word.length < MIN_LENGTH || frequency.has(word) || /\d/.test(word)) continue;
        // Longer words tolerate more edits: "huiswerkbegeleidng" is one edit, "tarrief" one as well.
        const budget = word.length >= 9 ? 2 : 1;
        let best: { word: string; distance: number; count: number } | null = null;
        for (let length = word.length - budget; length <= word.length + budget; length += 1) {
          for (const candidate of byLength.get(length) ?? []) {
            const distance = editDistance(word, candidate, budget);
            if (distance > budget) continue;
            const count = frequency.get(candidate) ?? 0;
            if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
          }
        }
        if (best) result.push({ from: word, to: best.word });
      }
      return result;
    },
  };
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] as number) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] as number;
}
