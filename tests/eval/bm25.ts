// The plain BM25 baseline for the retrieval evaluation: same passages, folded tokens, no glossary, no vectors.
import { tokenize } from '../../src/search/text.js';

export interface Bm25Doc {
  id: string;
  text: string;
}

export function createBm25(docs: Bm25Doc[], k1 = 1.2, b = 0.75) {
  const tokenized = docs.map((doc) => tokenize(doc.text));
  const avgLength = tokenized.reduce((sum, tokens) => sum + tokens.length, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const tokens of tokenized) for (const token of new Set(tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  const tf = tokenized.map((tokens) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  });
  const idf = (token: string) => {
    const n = df.get(token) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    search(query: string, k: number): { id: string; score: number }[] {
      const terms = [...new Set(tokenize(query))];
      return docs
        .map((doc, index) => {
          const counts = tf[index] as Map<string, number>;
          const length = (tokenized[index] as string[]).length;
          let score = 0;
          for (const term of terms) {
            const f = counts.get(term) ?? 0;
            if (f) score += idf(term) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * length) / avgLength)));
          }
          return { id: doc.id, score };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
  };
}
