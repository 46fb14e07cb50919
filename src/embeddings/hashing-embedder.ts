// The embedded default: hashed character n-gram TF-IDF vectors, deterministic and model-free.
import { createHash } from 'node:crypto';
import { tokenize } from '../search/text.js';
import type { Embedder } from './embedder.js';

// Under pgvector's 2000-dimension HNSW limit, and large enough that n-gram collisions stay rare.
export const HASHING_DIMENSIONS = 1536;
const NGRAM_SIZES = [3, 4];
const WORD_WEIGHT = 1;

export interface HashingState {
  /** Inverse document frequency per bucket, fitted on the corpus. */
  idf: number[];
}

/**
 * Dutch glues words into compounds ("arbeidsmarktparticipatie"), so whole-word matching misses
 * "participatie"; character n-grams of each word (with boundary marks) match the parts.
 */
export function featurize(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (feature: string, weight: number) => {
    const bucket = fnv1a(feature) % HASHING_DIMENSIONS;
    counts.set(bucket, (counts.get(bucket) ?? 0) + weight);
  };
  for (const token of tokenize(text)) {
    add(`w:${token}`, WORD_WEIGHT);
    const padded = `<${token}>`;
    for (const size of NGRAM_SIZES) {
      for (let start = 0; start + size <= padded.length; start += 1) add(padded.slice(start, start + size), 1);
    }
  }
  return counts;
}

export function fitHashingState(texts: string[]): HashingState {
  const documentFrequency = new Float64Array(HASHING_DIMENSIONS);
  for (const text of texts) for (const bucket of featurize(text).keys()) documentFrequency[bucket]! += 1;
  const n = texts.length;
  return { idf: Array.from(documentFrequency, (df) => round(Math.log((n + 1) / (df + 1)) + 1)) };
}

export function hashingModelId(state: HashingState): string {
  return `hashing-tfidf-v1:${createHash('sha256').update(JSON.stringify(state.idf)).digest('hex').slice(0, 12)}`;
}

export function createHashingEmbedder(state: HashingState): Embedder {
  const vectorize = (text: string): number[] => {
    const vector = new Array<number>(HASHING_DIMENSIONS).fill(0);
    const weights = [...featurize(text)].map(([bucket, count]) => [bucket, (1 + Math.log(count)) * (state.idf[bucket] ?? 1)] as const);
    // The norm over the buckets set, not over all 1536: a question sets 69 (median of the eval questions).
    const norm = Math.sqrt(weights.reduce((sum, [, weight]) => sum + weight * weight, 0));
    if (norm > 0) for (const [bucket, weight] of weights) vector[bucket] = weight / norm;
    return vector;
  };
  return {
    model: hashingModelId(state),
    dimensions: HASHING_DIMENSIONS,
    embedDocuments: async (texts) => texts.map(vectorize),
    embedQuery: async (text) => vectorize(text),
  };
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
