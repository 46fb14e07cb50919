// Citation checks: which action numbers an answer cites, whether they were allowed, and verbatim quotes for them (and for other documents' labels).
import { SENTENCE_BOUNDARY } from '../corpus/sentences.js';
import { foldText, tokenize, withoutWebAddresses } from '../search/text.js';

export interface Citation {
  /** The action-list number; null for a passage of another document, which `label` names. */
  action: number | null;
  section: string | null;
  quote: string;
  /** The document the quote comes from (the action list, unless another document is cited). */
  document: string;
  /** The document's version when the answer was given (absent in turns stored before versions were kept). */
  version?: number;
  /** Another document's own item number, or null. */
  number?: number | null;
  /** The label an answer cites another document's passage by, e.g. "Advies vluchtelingen (2016), aanbeveling 3". */
  label?: string | null;
}

export interface CitationSource {
  action: number;
  section: string | null;
  document: string;
  version?: number;
  /** The action's own text first, then its context: quotes are taken from these, verbatim. */
  texts: string[];
}

/** A passage group of another document that an answer may cite by its label in square brackets. */
export interface LabelSource {
  label: string;
  number: number | null;
  section: string | null;
  document: string;
  version: number;
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
export function checkCitations(answer: string, given: ReadonlySet<number>, existing: ReadonlySet<number>): CitationCheck {
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

/**
 * Sentences as they stand in the text, so a quote is always a verbatim span. "art. 10" is no sentence end: the legal
 * document's references ("[Antiracismewet art. 10 §2]") stay whole.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/^[-*]\s+/, '').split(SENTENCE_BOUNDARY))
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
    const quote = closestSentence(claims.join(' ') || answer, source.texts);
    if (!quote) return [];
    const version = source.version === undefined ? {} : { version: source.version };
    return [{ action, section: source.section, quote, document: source.document, ...version, number: null, label: null }];
  });
}

/** Citations for the other documents' passages the answer names by "[label]", in order of first mention. */
export function buildLabelCitations(answer: string, sources: LabelSource[]): Citation[] {
  const answerSentences = sentences(answer);
  return sources
    .map((source) => ({ source, at: answer.indexOf(`[${source.label}]`) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at)
    .flatMap(({ source }) => {
      const claims = answerSentences.filter((sentence) => sentence.includes(`[${source.label}]`));
      const quote = closestSentence(claims.join(' ') || answer, source.texts);
      if (!quote) return [];
      return [{ action: null, section: source.section, quote, document: source.document, version: source.version, number: source.number, label: source.label }];
    });
}

/** The sentence of `texts` sharing most words with the claim; the first text wins ties (an action's own words over its context's). */
function closestSentence(claim: string, texts: string[]): string {
  const claimTokens = new Set(tokenize(claim));
  let best = { quote: '', score: -1 };
  texts.forEach((text, index) => {
    for (const { sentence, tokens } of tokenizedSentences(text)) {
      const overlap = tokens.filter((token) => claimTokens.has(token)).length + (index === 0 ? 0.5 : 0);
      if (overlap > best.score) best = { quote: sentence, score: overlap };
    }
  });
  return best.quote;
}

// "[Advies vluchtelingen](http://…)": the title of another document, which like a footnote naming a source says nothing
// of the list's own; its words quoted the sentence listing earlier advices for "vrouwen" and "vluchtelingen".
const LINKED_TITLE = /\[[^\]]*\]\([^)\s]*\)/g;

export interface TokenizedSentence {
  sentence: string;
  /** tokenize(sentence) without its web addresses and linked titles, repeats kept. */
  tokens: readonly string[];
  words: ReadonlySet<string>;
  /** The sentence folded (see foldText) and padded with spaces, for phrase tests. */
  folded: string;
}

// The same passages are quoted and cited answer after answer: their texts are split and tokenized once, not for every
// answer. Bounded because uploaded documents come and go; starting over when full is cheap.
const TOKENIZED_TEXTS_LIMIT = 2_000;
const tokenizedTexts = new Map<string, TokenizedSentence[]>();

/** `sentences(text)` with each sentence's tokens; the result is shared between callers and must not be changed. */
export function tokenizedSentences(text: string): readonly TokenizedSentence[] {
  let split = tokenizedTexts.get(text);
  if (!split) {
    if (tokenizedTexts.size >= TOKENIZED_TEXTS_LIMIT) tokenizedTexts.clear();
    split = sentences(text).map((sentence) => {
      const tokens = tokenize(withoutWebAddresses(sentence.replace(LINKED_TITLE, ' ')));
      return { sentence, tokens, words: new Set(tokens), folded: ` ${foldText(sentence)} ` };
    });
    tokenizedTexts.set(text, split);
  }
  return split;
}

/** True when `quote` occurs in `text` (whitespace aside): used by tests and as a last guard. */
export function isVerbatim(quote: string, text: string): boolean {
  const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
  return squeeze(text).includes(squeeze(quote));
}

