// Citation checks: which action numbers an answer cites, whether they were allowed, and verbatim quotes for them.
import { tokenize } from '../search/text.js';

export interface Citation {
  action: number;
  section: string | null;
  quote: string;
  /** The document the quote comes from (the action list, unless another document is cited). */
  document: string;
}

export interface CitationSource {
  action: number;
  section: string | null;
  document: string;
  /** The action's own text first, then its context: quotes are taken from these, verbatim. */
  texts: string[];
}

const CITED = /\bActies?\s+((?:\d{1,3})(?:\s*(?:,|en|&|of|t\/m|tot|–|-)\s*\d{1,3})*)/gi;

/** Every action number the text names as "Actie N" / "Acties N en M" / "Acties N–M", in order of appearance. */
export function citedActions(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(CITED)) {
    const list = match[1] ?? '';
    for (const range of list.matchAll(/(\d{1,3})\s*(?:t\/m|tot|–|-)\s*(\d{1,3})/g)) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from <= 60) for (let n = from; n <= to; n += 1) numbers.push(n);
    }
    for (const single of list.replace(/(\d{1,3})\s*(?:t\/m|tot|–|-)\s*(\d{1,3})/g, ' ').matchAll(/\d{1,3}/g)) numbers.push(Number(single[0]));
  }
  return [...new Set(numbers)];
}

export type CitationProblem = { kind: 'none' } | { kind: 'not-given'; numbers: number[] } | { kind: 'nonexistent'; numbers: number[] };

export interface CitationCheck {
  ok: boolean;
  cited: number[];
  problem: CitationProblem | null;
}

/** An answer passes when it cites at least one action and only actions given to it (which therefore exist). */
export function checkCitations(answer: string, given: Set<number>, existing: Set<number>): CitationCheck {
  const cited = citedActions(answer);
  if (!cited.length) return { ok: false, cited, problem: { kind: 'none' } };
  const nonexistent = cited.filter((n) => !existing.has(n));
  if (nonexistent.length) return { ok: false, cited, problem: { kind: 'nonexistent', numbers: nonexistent } };
  const notGiven = cited.filter((n) => !given.has(n));
  if (notGiven.length) return { ok: false, cited, problem: { kind: 'not-given', numbers: notGiven } };
  return { ok: true, cited, problem: null };
}

export function describeProblem(problem: CitationProblem): string {
  if (problem.kind === 'none') return 'er stond geen enkel actienummer in.';
  if (problem.kind === 'nonexistent') return `de acties ${problem.numbers.join(', ')} bestaan niet.`;
  return `de acties ${problem.numbers.join(', ')} stonden niet in de fragmenten.`;
}

/** Sentences as they stand in the text, so a quote is always a verbatim span. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/^[-*]\s+/, '').split(/(?<=[.!?…])\s+(?=[A-Z0-9“‘"(])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** For each cited action, the sentence of its text (or context) closest to what the answer says about it. */
export function buildCitations(answer: string, cited: number[], sources: Map<number, CitationSource>): Citation[] {
  const answerSentences = sentences(answer);
  return cited.flatMap((action) => {
    const source = sources.get(action);
    if (!source) return [];
    const claims = answerSentences.filter((sentence) => citedActions(sentence).includes(action));
    const claimTokens = new Set(tokenize(claims.join(' ') || answer));
    let best = { quote: '', score: -1 };
    source.texts.forEach((text, index) => {
      for (const sentence of sentences(text)) {
        const tokens = tokenize(sentence);
        // The action's own words are preferred over its context's when they match equally well.
        const overlap = tokens.filter((token) => claimTokens.has(token)).length + (index === 0 ? 0.5 : 0);
        if (overlap > best.score) best = { quote: sentence, score: overlap };
      }
    });
    return best.quote ? [{ action, section: source.section, quote: best.quote, document: source.document }] : [];
  });
}

/** True when `quote` occurs in `text` (whitespace aside): used by tests and as a last guard. */
export function isVerbatim(quote: string, text: string): boolean {
  const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
  return squeeze(text).includes(squeeze(quote));
}

