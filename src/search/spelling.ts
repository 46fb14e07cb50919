// Typo repair for queries: a word the corpus does not know is replaced by the nearest corpus word.
import { DISTINCT_WORDS, foldText, withoutWebAddresses } from './text.js';

/** A word of a query (folded) and what it is read as: a corpus word, or two for a compound written as one. */
export interface Correction {
  from: string;
  to: string;
}

export interface SpellingCorrector {
  /**
   * Corpus words for the query's unknown words, one per unknown word that has a close match; failing that, a compound
   * written as its two corpus words ("diplomaerkenning" → "diploma erkenning"), one of them repaired if need be.
   */
  corrections(query: string): Correction[];
  /** In how many passages a folded word occurs (0 when the corpus does not know it). */
  documentFrequency(word: string): number;
  readonly documents: number;
}

const MIN_LENGTH = 5;
// From this length on a word tolerates two edits: "huiswerkbegeleidng" is one edit, "tarrief" one as well.
export const LONG_WORD = 9;

const budgetFor = (length: number): 1 | 2 => (length >= LONG_WORD ? 2 : 1);
// Each part of a split compound has at least this many letters: shorter corpus words ("de", "een", "ter") split anything.
const COMPOUND_PART = 4;
// Dutch joins some compounds with a linking s or e(n): "arbeid·s·markt", "pann·en·koek" (the rarer "kind·er·opvang" is left out).
const LINKERS = ['', 's', 'e', 'en'];

/**
 * The nearest corpus word is the one with the smallest edit distance, then one that starts with the same letter (people
 * seldom mistype a word's first letter: "erkening" is "erkenning", not the more frequent "rekening"), then the most
 * passages, then the shortest, then the first seen in the corpus: the order in which a plain scan over the words by
 * length would meet them.
 *
 * Candidates come from a symmetric-delete index: two words within k edits (optimal string alignment) always share
 * a string reachable from each with at most k deletions, so looking up the query's deletion variants finds every
 * word within reach, and the exact distance decides. Variants are stored as 32-bit hashes only; a collision merely
 * adds a candidate that the distance check then rejects.
 */
export function createSpellingCorrector(texts: Iterable<string>): SpellingCorrector {
  const { ids, words, counts, documents } = countWords(texts);
  let maxLength = 0;
  for (const word of words) maxLength = Math.max(maxLength, word.length);

  const hasher = createVariantHasher(maxLength + 2);
  // One index per budget, each holding only the words a query with that budget can reach.
  const oneEdit = buildDeletionIndex(words, hasher, 1, MIN_LENGTH - 1, LONG_WORD);
  const twoEdits = buildDeletionIndex(words, hasher, 2, LONG_WORD - 2, Infinity);
  const variants = new Int32Array(variantCount(maxLength + 2, 2));
  // Marks the words already checked for the current query word, without clearing a set per word.
  const seen = new Int32Array(words.length);
  let round = 0;

  const nearest = (word: string): number => {
    const budget = budgetFor(word.length);
    // Nothing is within reach, and the hash buffers only have room up to here.
    if (word.length > maxLength + budget) return -1;
    const index = budget === 1 ? oneEdit : twoEdits;
    const total = hasher.variants(word, budget, variants);
    if (round === 0x7fffffff) {
      seen.fill(0);
      round = 0;
    }
    round += 1;
    let best = -1;
    let bestDistance = 0;
    for (let v = 0; v < total; v += 1) {
      const key = variants[v] as number;
      const bucket = key >>> index.shift;
      for (let entry = index.starts[bucket] as number, end = index.starts[bucket + 1] as number; entry < end; entry += 1) {
        if (index.keys[entry] !== key) continue;
        const id = index.ids[entry] as number;
        if (seen[id] === round) continue;
        seen[id] = round;
        const candidate = words[id] as string;
        // A word without its first letters is another word, not a typo: "omscholen" (retraining) is no "scholen".
        if (candidate.length <= word.length - 2 && word.endsWith(candidate)) continue;
        const distance = editDistance(word, candidate, budget);
        if (distance > budget) continue;
        if (best < 0 || isCloser(word, distance, id, bestDistance, best)) {
          best = id;
          bestDistance = distance;
        }
      }
    }
    return best;
  };

  const isCloser = (word: string, distance: number, id: number, bestDistance: number, best: number): boolean => {
    if (distance !== bestDistance) return distance < bestDistance;
    const sameStart = (words[id] as string)[0] === word[0];
    if (sameStart !== ((words[best] as string)[0] === word[0])) return sameStart;
    const count = counts[id] as number;
    const bestCount = counts[best] as number;
    if (count !== bestCount) return count > bestCount;
    const length = (words[id] as string).length;
    const bestLength = (words[best] as string).length;
    return length !== bestLength ? length < bestLength : id < best;
  };

  const count = (word: string): number => {
    const id = ids.get(word);
    return id === undefined ? 0 : (counts[id] as number);
  };
  /**
   * The split into two corpus words whose rarer part is in the most passages, or null. With `repair`, one part may be a
   * typo of a corpus word instead, the other exact: "diplomaerkening" is "diploma" and "erkening", so "diploma erkenning".
   */
  const split = (word: string, repair: boolean): string | null => {
    let best: string | null = null;
    let bestCount = 0;
    for (let cut = COMPOUND_PART; cut <= word.length - COMPOUND_PART; cut += 1) {
      const right = word.slice(cut);
      for (const linker of LINKERS) {
        const left = word.slice(0, cut);
        if (!left.endsWith(linker) || left.length - linker.length < COMPOUND_PART) continue;
        const stem = left.slice(0, left.length - linker.length);
        const parts = repair ? repairedParts(stem, right) : count(stem) > 0 && count(right) > 0 ? [stem, right] : null;
        if (!parts) continue;
        const both = Math.min(count(parts[0] as string), count(parts[1] as string));
        if (both > bestCount) {
          best = parts.join(' ');
          bestCount = both;
        }
      }
    }
    return best;
  };
  const repairedParts = (left: string, right: string): string[] | null => {
    const leftKnown = count(left) > 0;
    if (leftKnown === count(right) > 0) return null;
    const unknown = leftKnown ? right : left;
    const near = unknown.length >= MIN_LENGTH ? nearest(unknown) : -1;
    if (near < 0) return null;
    return leftKnown ? [left, words[near] as string] : [words[near] as string, right];
  };

  return {
    documents,
    documentFrequency: count,
    corrections(query) {
      const result: Correction[] = [];
      for (const word of new Set(foldText(query).split(' '))) {
        if (word.length < MIN_LENGTH || ids.has(word) || /\d/.test(word) || DISTINCT_WORDS.has(word)) continue;
        const best = nearest(word);
        if (best >= 0) result.push({ from: word, to: words[best] as string });
        else {
          const parts = split(word, false) ?? split(word, true);
          if (parts) result.push({ from: word, to: parts });
        }
      }
      return result;
    },
  };
}

interface WordCounts {
  /** Folded word → its position in `words`, which is the order of first appearance in the corpus. */
  ids: Map<string, number>;
  words: string[];
  /** Passages per word. */
  counts: number[];
  documents: number;
}

/**
 * Folding whole passages dominates construction on large corpora, so the text is cut into pieces at ASCII
 * punctuation and spaces, and each distinct piece is folded once. That yields the same words as folding the whole
 * text: those characters are separators after folding too, and neither decomposition, accent stripping nor the
 * possessive rule ("jan's" → "jans") reaches across them. Letters, digits, "_" and the apostrophe stay inside a piece
 * because the possessive rule looks at them, and anything non-ASCII because its decomposition could.
 */
function countWords(texts: Iterable<string>): WordCounts {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  const lastDocument: number[] = [];
  const pieces = createPieceCache((piece) => {
    const pieceIds: number[] = [];
    for (const word of foldText(piece).split(' ')) {
      if (word.length < 3 || /\d/.test(word)) continue;
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
        counts.push(0);
        lastDocument.push(0);
      }
      pieceIds.push(id);
    }
    return pieceIds;
  });
  let documents = 0;
  for (const raw of texts) {
    documents += 1;
    const text = withoutWebAddresses(raw);
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= text.length; i += 1) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      if (code < 128 && SEPARATOR[code] === 1) {
        if (start < 0) continue;
        const pieceIds = pieces.get(text, start, i, hash);
        for (let k = 0; k < pieceIds.length; k += 1) {
          const id = pieceIds[k] as number;
          if (lastDocument[id] === documents) continue;
          lastDocument[id] = documents;
          counts[id] = (counts[id] as number) + 1;
        }
        start = -1;
      } else {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = (Math.imul(hash, 31) + code) | 0;
      }
    }
  }
  return { ids, words, counts, documents };
}

const SEPARATOR = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9_']/.test(String.fromCharCode(code)) ? 0 : 1));

/** Distinct pieces in an open-addressing table probed in place, so a piece seen before costs no substring or Map lookup. */
function createPieceCache(fold: (piece: string) => number[]) {
  const texts: string[] = [];
  const hashes: number[] = [];
  const values: number[][] = [];
  let slots = new Int32Array(1 << 12).fill(-1);
  const place = (hash: number) => {
    let slot = mix(hash) & (slots.length - 1);
    while ((slots[slot] as number) >= 0) slot = (slot + 1) & (slots.length - 1);
    return slot;
  };
  return {
    get(text: string, start: number, end: number, hash: number): number[] {
      const mask = slots.length - 1;
      let slot = mix(hash) & mask;
      for (let entry = slots[slot] as number; entry >= 0; entry = slots[slot] as number) {
        const piece = texts[entry] as string;
        if (hashes[entry] === hash && piece.length === end - start && samePiece(text, start, piece)) return values[entry] as number[];
        slot = (slot + 1) & mask;
      }
      const piece = text.slice(start, end);
      const value = fold(piece);
      slots[slot] = texts.length;
      texts.push(piece);
      hashes.push(hash);
      values.push(value);
      if (texts.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        hashes.forEach((entryHash, entry) => (slots[place(entryHash)] = entry));
      }
      return value;
    },
  };
}

// A plain loop: pieces are a few letters long, and String.prototype.startsWith costs more than comparing them here.
function samePiece(text: string, start: number, piece: string): boolean {
  for (let k = 0; k < piece.length; k += 1) if (text.charCodeAt(start + k) !== piece.charCodeAt(k)) return false;
  return true;
}

/** Hashed deletion variants → word ids, bucketed by the hash's top bits (compressed rows, no per-entry objects). */
interface DeletionIndex {
  shift: number;
  /** Bucket b holds entries starts[b] to starts[b + 1]. */
  starts: Int32Array;
  keys: Int32Array;
  ids: Int32Array;
}

function buildDeletionIndex(words: string[], hasher: VariantHasher, deletions: 1 | 2, minLength: number, maxLength: number): DeletionIndex {
  const members: number[] = [];
  let total = 0;
  words.forEach((word, id) => {
    if (word.length < minLength || word.length > maxLength) return;
    members.push(id);
    total += variantCount(word.length, deletions);
  });
  // About four entries a bucket: a smaller bucket table is cheaper to fill and scanning a few keys costs little.
  const bits = Math.max(4, Math.ceil(Math.log2(Math.max(total, 1))) - 2);
  const shift = 32 - bits;
  const keys = new Int32Array(total);
  const owners = new Int32Array(total);
  let filled = 0;
  for (const id of members) {
    const count = hasher.variants(words[id] as string, deletions, keys.subarray(filled));
    owners.fill(id, filled, filled + count);
    filled += count;
  }
  const starts = new Int32Array((1 << bits) + 1);
  for (let entry = 0; entry < total; entry += 1) {
    const bucket = ((keys[entry] as number) >>> shift) + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  for (let bucket = 1; bucket < starts.length; bucket += 1) starts[bucket] = (starts[bucket] as number) + (starts[bucket - 1] as number);
  const next = starts.slice(0, -1);
  const sortedKeys = new Int32Array(total);
  const sortedIds = new Int32Array(total);
  for (let entry = 0; entry < total; entry += 1) {
    const key = keys[entry] as number;
    const slot = next[key >>> shift] as number;
    next[key >>> shift] = slot + 1;
    sortedKeys[slot] = key;
    sortedIds[slot] = owners[entry] as number;
  }
  return { shift, starts, keys: sortedKeys, ids: sortedIds };
}

/** The word itself, every single deletion and, with two, every pair of deletions (duplicates included). */
function variantCount(length: number, deletions: 1 | 2): number {
  return 1 + length + (deletions === 2 ? (length * (length - 1)) / 2 : 0);
}

interface VariantHasher {
  /** Writes the hashes of the word's deletion variants to `out` and returns how many there are. */
  variants(word: string, deletions: 1 | 2, out: Int32Array): number;
}

/** Polynomial hashes modulo 2^32 over prefix hashes, so each variant costs O(1) and no variant string is built. */
function createVariantHasher(longest: number): VariantHasher {
  const BASE = 0x01000193;
  const prefix = new Int32Array(longest + 1);
  const power = new Int32Array(longest + 1);
  power[0] = 1;
  for (let i = 1; i <= longest; i += 1) power[i] = Math.imul(power[i - 1] as number, BASE);
  // Hash of word[from, to), from the prefix hashes.
  const part = (from: number, to: number) => ((prefix[to] as number) - Math.imul(prefix[from] as number, power[to - from] as number)) | 0;
  return {
    variants(word, deletions, out) {
      const length = word.length;
      for (let i = 0; i < length; i += 1) prefix[i + 1] = (Math.imul(prefix[i] as number, BASE) + word.charCodeAt(i)) | 0;
      let count = 0;
      out[count++] = mix(prefix[length] as number);
      for (let i = 0; i < length; i += 1) {
        out[count++] = mix((Math.imul(prefix[i] as number, power[length - 1 - i] as number) + part(i + 1, length)) | 0);
        if (deletions === 1) continue;
        for (let j = i + 1; j < length; j += 1) {
          const head = (Math.imul(prefix[i] as number, power[j - i - 1] as number) + part(i + 1, j)) | 0;
          out[count++] = mix((Math.imul(head, power[length - 1 - j] as number) + part(j + 1, length)) | 0);
        }
      }
      return count;
    },
  };
}

/** Murmur3's finaliser: a bare polynomial hash spreads its input poorly over the bits the tables bucket by. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
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
