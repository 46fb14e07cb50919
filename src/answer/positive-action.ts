// Positive-action questions: recognising them, the legal document's items they need, its conditions quoted verbatim, and the disclaimer.
import { REFERENCES } from '../positive-action/references.js';
import type { StoredPassage } from '../repositories/passages-repository.js';
import type { SpellingCorrector } from '../search/spelling.js';
import { tokenize } from '../search/text.js';
import { sentences } from './citations.js';

export const POSITIVE_ACTION = /\b(positieve? acties?|voorkeursbehandeling|voorrang (geven|bij)|streefcijfers?|quota|voorbehouden)\b/i;
/** The stored legal document on positive action (corpus/positieve-actie-kader.md). */
export const LEGAL_DOCUMENT_ID = 'positieve-actie-kader';
export const LEGAL_DISCLAIMER = 'Dit is oriëntatie, geen juridisch advies: vraag Unia om een oordeel.';
/** The legal conditions are those of art. 10 §2; the item stating them cites it. */
const CONDITIONS_REFERENCE = REFERENCES.antiracismArt10Par2;
const BARE_REFERENCE = /^\[[^\]\n]+\]$/;

export const isPositiveActionQuestion = (question: string): boolean => POSITIVE_ACTION.test(question);

const isItem = (passage: StoredPassage) => passage.kind === 'action' && passage.action === null;

/** The item that states the legal conditions: it cites art. 10 §2 and lists them; else the first item citing art. 10 §2. */
export function conditionsItem(passages: readonly StoredPassage[]): StoredPassage | null {
  const citing = passages.filter((passage) => isItem(passage) && passage.refs.includes(CONDITIONS_REFERENCE));
  return citing.find((passage) => /^\s*[-*]\s+/m.test(passage.text)) ?? citing[0] ?? null;
}

/** The document's items by how well their text matches the question (rarer shared words weigh more); ties keep document order. */
export function rankLegalItems(question: string, passages: readonly StoredPassage[], vocabulary: Pick<SpellingCorrector, 'documentFrequency' | 'documents'>): StoredPassage[] {
  const wanted = [...new Set(tokenize(question))];
  const idf = (token: string) => {
    const df = vocabulary.documentFrequency(token);
    return df > 0 ? Math.log((vocabulary.documents + 1) / df) : 0;
  };
  return passages
    .filter(isItem)
    .map((passage, index) => {
      const tokens = new Set(tokenize(passage.text));
      return { passage, index, score: wanted.reduce((sum, token) => sum + (tokens.has(token) ? idf(token) : 0), 0) };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.passage);
}

/**
 * Extractive lines quoting the conditions item sentence by sentence, verbatim: its label on the first line, its
 * bracketed reference after the last. Sentences the answer already quotes are not repeated.
 */
export function conditionLines(item: StoredPassage, label: string | null, answer: string): string[] {
  const all = sentences(item.text);
  const reference = all.filter((sentence) => BARE_REFERENCE.test(sentence)).at(-1) ?? null;
  const quoted = all.filter((sentence) => !BARE_REFERENCE.test(sentence) && !answer.includes(`“${sentence}”`));
  if (!quoted.length) return [];
  return quoted.map((sentence, index) => {
    const tags = [index === 0 && label ? `[${label}]` : null, index === quoted.length - 1 ? reference : null].filter(Boolean);
    return `- “${sentence}”${tags.length ? ` ${tags.join(' ')}` : ''}`;
  });
}
