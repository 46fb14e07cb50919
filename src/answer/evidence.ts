// Decides from retrieval evidence alone whether the action list covers a question (so it works without a model).
import { QUESTION_WORDS, withoutPointers } from '../search/query-analysis.js';
import type { SearchHit } from '../search/search-service.js';
import { LONG_WORD, type SpellingCorrector } from '../search/spelling.js';
import { foldText, lightStem, tokenize } from '../search/text.js';

export interface Evidence {
  inScope: boolean;
  /** IDF-weighted share of the question's words found in the best passages (0–1). */
  coverage: number;
  maxSimilarity: number;
  /** Whether full-text and vector search agree on one of their first passages. */
  agreement: boolean;
  injection: boolean;
  reason: 'named-action' | 'evidence' | 'weak-evidence' | 'no-topic' | 'injection' | 'greeting' | 'tool' | 'sources' | 'progress' | 'empty';
}

// Instruction-override phrasing in Dutch and English; the question is then refused, whatever else it asks.
const INJECTION = [
  /\b(negeer|vergeet|overschrijf)\b.{0,40}\b(instructies|regels|opdracht|beperkingen|actielijst|bovenstaande|prompt)/i,
  /\b(instructies|regels|opdracht)\b.{0,30}\b(negeren|vergeten|overboord)\b/i,
  /\bignore\b.{0,40}\b(instructions|rules|previous|prior|above|restrictions)/i,
  /\b(systeemprompt|system prompt|systeem-?instructies|hidden (configuration|instructions))\b/i,
  /\b(je bent nu|vanaf nu ben je|you are now|from now on|doe alsof|pretend (to be|you))\b/i,
  /\b(developer mode|jailbreak|DAN)\b/,
  /^\s*#{2,}\s*(systeem|system)\b/im,
  /\bherhaal (alle|de) tekst\b/i,
];

// A greeting, thanks or "wat kun je?" asks nothing of the list: "wat kun je allemaal?" quoted "… die allemaal tegelijk
// vervuld moeten zijn" from the legal conditions.
const GREETING =
  /^\s*(hallo|hoi|hey|hi|hello|dag|goeiedag|goedendag|goedemorgen|goedemiddag|goedenavond|help|bedankt|dank\s*(je|u)(\s*wel)?|merci|wat\s+(kan|kun)\s+(je|jij|u)(\s+allemaal)?(\s+doen)?|wie\s+ben\s+(je|jij)|wat\s+ben\s+(je|jij))(\s+(allemaal|eigenlijk|zoal))?\s*[?!.]*\s*$/i;

const MIN_COVERAGE = 0.45;
// A word in at most this many passages names one thing of the list ("DISCO", "co-teaching"), not a topic of many.
const RARE_WORD_PASSAGES = 3;
const GLOSSARY_CREDIT = 1;
const MIN_SIMILARITY = 0.22;
const GLOSSARY_COVERAGE = 0.6;
const ABBREVIATION_COVERAGE = 0.25;
const SPECIFIC_SHARE = 0.05;

// The search service hands out the same passage objects from search to search: each is folded once, not for every question.
const folded = new WeakMap<SearchHit['passage'], string>();
/** A passage's heading and text, folded (see foldText), computed once per passage object. */
export function foldedPassage(passage: SearchHit['passage']): string {
  let text = folded.get(passage);
  if (text === undefined) {
    text = foldText(`${passage.heading ?? ''} ${passage.text}`);
    folded.set(passage, text);
  }
  return text;
}

/**
 * Compounds hide words: "diploma" is covered by "diplomaerkenning", "erkenning" by it too. Long words
 * may sit anywhere in a word; short ones only at its start or end ("gent" is not in "agentschap").
 */
function occursIn(text: string, word: string): boolean {
  if (word.length >= 7) return text.includes(word.slice(0, -1));
  if (new RegExp(`\\b${word}|${word}\\b`).test(text)) return true;
  // An inflected verb or plural finds its stem at the start of a word: "melden" in "meldpunten", "werkt" in "werkvloer"
  // ("klant werkt maar wil beter nederlands leren" was refused: "werkt" is in few passages, none of them the ones found),
  // a participle its verb's: "erkend" in "erkenning" ("… diploma niet erkend wat kan vdab doen" was refused).
  const stem = lightStem(word);
  if (stem !== word) return new RegExp(`\\b${stem}`).test(text);
  return word.length >= 5 && /[dt]$/.test(word) && new RegExp(`\\b${word.slice(0, -1)}`).test(text);
}

/** Whether an abbreviation of the field names an instrument (IBO, EVC) rather than an organisation found everywhere (VDAB). */
export function namesInstrument(term: string, vocabulary: SpellingCorrector): boolean {
  const word = foldText(term).split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  return vocabulary.documentFrequency(word) <= SPECIFIC_SHARE * vocabulary.documents;
}

/** "hallo", "bedankt", "wat kun je allemaal?": no question about the list, also not as a follow-up. */
export const isGreeting = (question: string): boolean => GREETING.test(question);

/** Whether a greeting thanks ("bedankt", "dank je wel", "merci"): it is answered as thanks before saying what the tool does. */
export const isThanks = (question: string): boolean => isGreeting(question) && /^\s*(bedankt|dank|merci)/i.test(question);

export function looksLikeInjection(question: string): boolean {
  return INJECTION.some((pattern) => pattern.test(question));
}

export function assessEvidence(
  question: string,
  hits: SearchHit[],
  vocabulary: SpellingCorrector,
  glossaryWords: Set<string> = new Set(),
  abbreviations: string[] = [],
): Evidence {
  const injection = looksLikeInjection(question);
  const topical = hits.filter((hit) => !hit.named);
  const maxSimilarity = Math.max(0, ...topical.map((hit) => hit.similarity ?? 0));
  const agreement = topical.some((hit) => hit.ftsRank !== null && hit.vectorRank !== null && hit.ftsRank <= 3 && hit.vectorRank <= 3);
  // What the question is about, read once: the coverage, the no-topic check and the one-rare-word check all need it.
  const words = topicWords(question);
  const coverage = queryCoverage(question, words, topical.slice(0, 5), vocabulary, glossaryWords);
  const base = { coverage, maxSimilarity, agreement, injection };
  if (injection) return { ...base, inScope: false, reason: 'injection' };
  if (hits.some((hit) => hit.named)) return { ...base, inScope: true, reason: 'named-action' };
  if (!words.length) return { ...base, inScope: false, reason: 'no-topic' };
  if (!topical.length) return { ...base, inScope: false, reason: 'empty' };
  // A question in the glossary's words ("mystery calls") is found through the terms those words stand for, which the
  // n-gram vectors cannot see; full-text search finding them is then the agreement.
  // Only when most of its (idf-weighted) words are found or glossary words: a price or a date the corpus does not know
  // still refuses it ("Hoeveel kost een jaarabonnement bij De Lijn?", 0.50).
  const fullTextFound = topical.some((hit) => hit.ftsRank !== null && hit.ftsRank <= 3);
  const throughGlossary = glossaryWords.size > 0 && coverage >= GLOSSARY_COVERAGE && fullTextFound;
  // The field's own abbreviations (EVC, IBO, NT2) say what a mediator's question is about, between details of the person
  // the corpus cannot know ("klant uit Afghanistan wil lasser worden, evc?"): they lower the bar, they do not remove it.
  // Only one the corpus uses in few passages names an instrument; VDAB, in one passage of seven, names the organisation.
  const specific = abbreviations.some((term) => namesInstrument(term, vocabulary));
  const namesTheField = specific && coverage >= ABBREVIATION_COVERAGE && fullTextFound;
  // A question about one word that few passages have, found by full-text search first: "wat is disco?" names DISCO
  // (Actie 13), which the n-gram vectors of so short a question do not find.
  const named = namesRareWord(words, topical, vocabulary);
  const inScope = namesTheField || named || (coverage >= MIN_COVERAGE && (agreement || maxSimilarity >= MIN_SIMILARITY || throughGlossary));
  return { ...base, inScope, reason: inScope ? 'evidence' : 'weak-evidence' };
}

function namesRareWord(words: readonly string[], topical: readonly SearchHit[], vocabulary: SpellingCorrector): boolean {
  if (words.length !== 1) return false;
  const word = words[0] as string;
  const df = vocabulary.documentFrequency(word);
  const first = topical.find((hit) => hit.ftsRank === 1);
  return df > 0 && df <= RARE_WORD_PASSAGES && first !== undefined && tokenize(foldedPassage(first.passage)).includes(word);
}

/**
 * A repair that changes the first letter of a word shorter than the corrector's long words is another word, not a typo:
 * "morgen" is not "zorgen", and with it "Wat is het weer morgen in Gent?" counted as fully covered. The search still tries
 * it; the coverage does not count it.
 */
function trustedCorrection(word: string, correction: string | undefined): string | undefined {
  if (correction === undefined || word.length >= LONG_WORD || correction.includes(' ')) return correction;
  return correction[0] === word[0] ? correction : undefined;
}

// Asking for help says nothing of what with: "hoe help ik mijn klant?" names no topic.
const HELP_WORDS = new Set(['help', 'helpen', 'hulp', 'advies', 'tip', 'tips', 'raad', 'vraagje', 'probleem']);

/** The words that can say what a question is about: not how it asks, not a number, not a plea for help. */
function topicWords(question: string): string[] {
  return [...new Set(tokenize(withoutPointers(question)).filter((word) => word.length >= 3 && !QUESTION_WORDS.has(word) && !HELP_WORDS.has(word) && !/^\d+$/.test(word)))];
}

/**
 * How much of what the question is about (its rarer words weigh more) the best passages contain.
 * A word the corpus does not know at all counts as the rarest possible word: "minimumloon" and
 * "stoofvlees" pull an out-of-scope question's coverage down however well the rest matches.
 */
function queryCoverage(
  question: string,
  words: readonly string[],
  hits: SearchHit[],
  vocabulary: SpellingCorrector,
  glossaryWords: Set<string>,
): number {
  if (!words.length) return 0;
  const corrections = new Map(vocabulary.corrections(question).map((c) => [c.from, c.to]));
  const passageText = ` ${hits.map((hit) => foldedPassage(hit.passage)).join(' ')} `;
  const maxIdf = Math.log(vocabulary.documents + 1);
  let total = 0;
  let covered = 0;
  for (const word of words) {
    // A spelling correction is for words the passages lack: "melden" is found in "meldpunten", not corrected to "gelden".
    const found = occursIn(passageText, word);
    const known = found ? word : trustedCorrection(word, corrections.get(word)) ?? word;
    // A compound the corpus writes apart ("diplomaerkenning" → "diploma erkenning") is as rare as an unknown word, and
    // found when both its parts are.
    const parts = known.split(' ');
    const df = parts.length > 1 ? 0 : vocabulary.documentFrequency(known);
    // Short everyday words ("rest", "zin") missing from the corpus say little about the topic; a short glossary word is
    // the field's abbreviation ("TWE", "NT2" as the corpus writes it in compounds only) and says what the question is about.
    if (df === 0 && known.length < 5 && !glossaryWords.has(word)) continue;
    const idf = df > 0 ? Math.log((vocabulary.documents + 1) / df) : maxIdf;
    total += idf;
    if (found || (known !== word && parts.every((part) => occursIn(passageText, part)))) covered += idf;
    // A glossary word is the field's own vocabulary, even when the passage says it differently.
    else if (glossaryWords.has(word)) covered += GLOSSARY_CREDIT * idf;
  }
  return total > 0 ? covered / total : 0;
}
