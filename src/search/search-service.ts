// Hybrid search over the stored corpus: named actions first, then full-text and vector results fused in Postgres.
import type { Database } from '../db/database.js';
import type { GlossaryExpander } from '../corpus/glossary.js';
import type { Embedder } from '../embeddings/embedder.js';
import { createPassageReader, type StoredPassage } from '../repositories/passages-repository.js';
import { hybridSearch, type HybridHit } from '../repositories/search-repository.js';
import { embeddedText, GROUP_NAME_WORDS, groupNamesAsked, namedActions, QUESTION_WORDS, withoutGroupNames, withoutPointers } from './query-analysis.js';
import { createSpellingCorrector, type Correction, type SpellingCorrector } from './spelling.js';
import { foldText, tokenize } from './text.js';

export interface SearchHit {
  passage: StoredPassage;
  /** 0–1: 1 for a named action, else the fused rank score relative to being first in both rankers. */
  score: number;
  ftsRank: number | null;
  vectorRank: number | null;
  similarity: number | null;
  named: boolean;
}

export interface SearchOptions {
  k?: number;
  /** Actors whose actions get a modest boost (the user's role). */
  preferActors?: string[];
}

export interface SearchService {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /**
   * What the search adds to the query's own words: repairs of misspelt words, then the glossary's terms for its words;
   * with `about`, only for those words (see GlossaryExpander.expand).
   */
  expansions(query: string, about?: readonly string[]): string[];
  /**
   * The query with the repairs that are no guess: a compound written apart joined when the corpus or the glossary writes
   * it as one word ("interim kantoren", "taal coaching"), and misspelt words repaired in place when that completes a
   * situation the glossary reads ("discrimminatie melden" is the reporting of discrimination, as "discriminatie melden" is).
   */
  repaired(query: string): string;
  /** Actions ranked by their best evidence: their own passage, (discounted) a context or note of theirs, or a passage of a document that elaborates them. */
  rankActions(hits: SearchHit[]): { action: number; score: number }[];
}

export interface SearchDeps {
  db: Database;
  glossary: GlossaryExpander;
  /** The current embedder: it changes when the corpus is re-ingested. */
  embedder: () => Embedder;
  actionListId: () => string | null;
  spelling?: () => SpellingCorrector;
  /** Documents that elaborate actions (document id → action numbers); see CorpusIndex.relatedActions. */
  relatedActions?: () => ReadonlyMap<string, number[]>;
}

const CANDIDATES = 60;
const ROLE_BOOST = 1.15;
const KIND_WEIGHT = { action: 1, context: 1, note: 0.5, intro: 0 } as const;
const OWN_TIEBREAK = 0.05;
// A point of a document that elaborates an action (the legal framework for Actie 44) is evidence for it, a little
// less direct than the action's own words or its group's findings.
const RELATED_WEIGHT = 0.95;
// Passages kept in memory between searches: all of the real corpus (184), and a few MB of text for a large one.
const REMEMBERED_PASSAGES = 5_000;

export function createSearchService(deps: SearchDeps): SearchService {
  const passages = createPassageReader(REMEMBERED_PASSAGES);
  const expand = (topic: string, about?: readonly string[]): string[] => {
    // A word of a glossary phrase the topic has is spelt right: "peter" in "peter- en meterschap" was repaired to
    // "pieter", and the letter's signature ("Pieter Kerremans, administrateur-generaal") was quoted.
    const phraseWords = deps.glossary.matchedWords(topic);
    const all = (deps.spelling?.().corrections(topic) ?? []).filter((c) => !phraseWords.has(c.from));
    const corrections = about ? all.filter((c) => about.includes(c.from)) : all;
    // A correction is a guess ("bereiden" is a word, not a typo of "bereiken"), so it is searched
    // at the expansions' lower weight, beside the typed word.
    const repaired = corrections.map((c) => c.to);
    const corrected = corrections.length ? `${topic} ${repaired.join(' ')}` : topic;
    // Asked about some words, the group's names in their repairs are no topic: "migrantenjongeren", read as "migranten
    // jongeren", brought every name of the group ("etnisch-culturele minderheden"), and the answer to "studiekeuze begeleiding
    // migrantenjongeren" quoted Actie 49 on organisations of ethnic-cultural minorities first.
    const repairedWords = repaired.flatMap((to) => to.split(' ')).filter((word) => !GROUP_NAME_WORDS.has(foldText(word)));
    return [...repaired, ...deps.glossary.expand(corrected, about ? [...about, ...repairedWords] : undefined)];
  };
  // The terms of the situation the topic names, when every word of it that the passages have belongs to a one-way
  // glossary phrase (question words and the group's names aside: "zelfstandigen met migratieachtergrond" is asked about
  // the self-employed, and quoted Actie 49 with the name alone at full weight); else none.
  const situationTerms = (topic: string): string[] => {
    const { words, terms } = deps.glossary.situation(topic);
    if (!words.size) return [];
    const vocabulary = deps.spelling?.();
    const group = groupNamesAsked(topic);
    const only = tokenize(topic).every(
      (word) => QUESTION_WORDS.has(word) || group.has(word) || words.has(word) || vocabulary?.documentFrequency(word) === 0,
    );
    return only ? terms : [];
  };
  // "interim kantoren" is "interimkantoren" (the glossary's), "taal coaching" "taalcoaching" (Actie 35): apart, one word
  // was unknown and the other found everything on "taal". Two words that say what is asked about are joined only into a
  // word the passages or the glossary have, and only when the passages lack one of them: "lokale besturen", both words
  // of the list, became "lokalebesturen", a file name in one of its web addresses, and the question was refused.
  const inPassages = (word: string): boolean => (deps.spelling?.().documentFrequency(foldText(word)) ?? 0) > 0;
  const knownWord = (word: string): boolean => inPassages(word) || deps.glossary.matchedWords(word).has(word);
  // Function words make words too: "met een" is "meteen", "voor al" "vooral".
  const saysWhat = (word: string): boolean => tokenize(word).length === 1 && !QUESTION_WORDS.has(foldText(word));
  const joinedCompounds = (query: string): string => {
    // Words and what separates them, alternating; only words apart by spaces are joined.
    const parts = query.split(/([^\p{L}]+)/u);
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const [first, between, second] = [parts[i] as string, parts[i + 1] as string, parts[i + 2] as string];
      if (!saysWhat(first) || !saysWhat(second) || !/^\s+$/.test(between) || (inPassages(first) && inPassages(second))) continue;
      if (!knownWord(foldText(first + second))) continue;
      parts.splice(i, 3, first + second);
    }
    return parts.join('');
  };
  // Elsewhere a repair stays a guess, searched beside the typed word; here it completes a phrase the typo broke. Each
  // repair is kept only if it does: "melden" is no word of the passages, and its repair "gelden" would break the phrase.
  const repairedSituation = (query: string, corrections: readonly Correction[]): string => {
    let best = query;
    let covered = deps.glossary.situation(query).words.size;
    for (const { from, to } of corrections) {
      const repaired = replaceWords(best, new Map([[from, to]]));
      const words = deps.glossary.situation(repaired).words.size;
      if (words > covered) [best, covered] = [repaired, words];
    }
    return best;
  };
  // An abbreviation the passages never write ("TWE", "OCMW") names the topic only through what it stands for: at the
  // expansions' half weight, "anderstaligen" outweighed it in "TWE voor anderstaligen", and Actie 37 (temporary work
  // experience) was not found. One with a digit or a hyphen ("NT2", "K-IBO") is written in the passages in compounds.
  const spelledOut = (topic: string): string[] =>
    deps.glossary
      .abbreviations(topic)
      .filter((term) => /^\p{L}{3,}$/u.test(term) && deps.spelling !== undefined && !inPassages(term))
      .flatMap((term) => deps.glossary.definition(term) ?? []);
  // A typo of a word that only the glossary has ("cursiten" for "cursisten", "werkvergunnig") has no repair among the
  // passages' words, and an unknown word counts as the rarest: "kinderopvang voor cursiten" was refused. Such a word is
  // read as the glossary's word when one is within reach. A word the passages have, or one they have a repair for, is
  // left to them: "vereniging", read as the glossary's "verenigingen", refused a question the passages answer.
  // Built on first use: ranking actions needs none of the query's words.
  let glossarySpelling: SpellingCorrector | null = null;
  const glossaryTypos = (query: string, corrections: readonly Correction[]): Map<string, string> => {
    glossarySpelling ??= createSpellingCorrector(deps.glossary.words());
    const repairable = new Set(corrections.map(({ from }) => from));
    const known = (word: string) => inPassages(word) || repairable.has(word);
    return new Map(
      glossarySpelling
        .corrections(query)
        .filter(({ from, to }) => !to.includes(' ') && !known(from) && !inflected(from, to))
        .map(({ from, to }) => [from, to]),
    );
  };
  // The passages' repairs are looked up once: two neighbouring letters typed in the wrong order ("discriminatei", "wordne")
  // make no other word, so that repair is no guess and the word counts in full (searched as a guess beside the typo,
  // "werkvloer" outweighed it in "discriminatei op de werkvloer", and the first quote was on learning Dutch at work); the
  // glossary's words then repair what the passages cannot; the other repairs stay guesses unless they complete a situation.
  const repaired = (query: string): string => {
    const joined = joinedCompounds(query);
    const corrections = deps.spelling?.().corrections(joined) ?? [];
    const swaps = corrections.filter(({ from, to }) => isSwap(from, to));
    const fixed = replaceWords(joined, new Map([...swaps.map(({ from, to }) => [from, to] as const), ...glossaryTypos(joined, corrections)]));
    return repairedSituation(fixed, corrections.filter((correction) => !swaps.includes(correction)));
  };
  return {
    expansions: (query, about) => expand(withoutPointers(query), about),
    repaired,
    async search(query, options = {}) {
      const k = options.k ?? 10;
      const named = namedActions(query);
      const listId = deps.actionListId();
      // Both rankers get the topic only: "wat zegt de lijst over …" is about what follows "over".
      const topic = withoutPointers(repaired(query));
      // Expansions go to full-text search only, at a lower weight: embedding them drowns the query's own n-grams. But a
      // question in the words of a one-way glossary phrase only ("klant is analfabeet", "wil lasser worden") has no words
      // of its own the passages use: the terms the glossary reads it as are then what it asks, for both rankers.
      const situation = situationTerms(topic);
      const spelled = spelledOut(topic);
      const searched = [topic, ...situation, ...spelled].join(' ');
      const expansions = expand(topic).filter((phrase) => !situation.includes(phrase) && !spelled.includes(phrase));
      const embedder = deps.embedder();
      // Held-out R@1 0.754 → 0.789 against embedding the group's names too.
      const vector = await embedder.embedQuery(embeddedText(searched));
      const hits = await hybridSearch(deps.db.pool, {
        text: withoutGroupNames(searched),
        expansions: expansions.join(' '),
        vector: vector.some((value) => value !== 0) ? vector : null,
        model: embedder.model,
        dimensions: embedder.dimensions,
        limit: Math.max(k, 20),
        candidates: CANDIDATES,
        named: listId ? named.map((n) => `${listId}:actie-${n}`) : [],
      }, passages);
      const prefer = new Set(options.preferActors ?? []);
      const scored = hits
        .filter((hit) => !hit.named)
        .map((hit) => toSearchHit(hit, prefer.size > 0 && hit.passage.actors.some((actor) => prefer.has(actor)) ? ROLE_BOOST : 1))
        .sort((a, b) => b.score - a.score);
      const first = hits
        .filter((hit) => hit.named)
        .map((hit) => ({ passage: hit.passage, score: 1, ftsRank: null, vectorRank: null, similarity: null, named: true }));
      return [...first, ...scored].slice(0, Math.max(k, first.length));
    },
    rankActions(hits) {
      const own = new Map<number, number>();
      const best = new Map<number, number>();
      const related = deps.relatedActions?.() ?? new Map<string, number[]>();
      for (const hit of hits) {
        if (hit.passage.kind === 'action' && hit.passage.action !== null) own.set(hit.passage.action, Math.max(own.get(hit.passage.action) ?? 0, hit.score));
        const weight = KIND_WEIGHT[hit.passage.kind];
        const actions = hit.passage.actions.length ? hit.passage.actions : related.get(hit.passage.documentId) ?? [];
        const discount = hit.passage.actions.length ? 1 : RELATED_WEIGHT;
        for (const action of actions) best.set(action, Math.max(best.get(action) ?? 0, hit.score * weight * discount));
      }
      // A context passage lifts its whole group; within the group, the action's own evidence decides.
      return [...best.entries()]
        .map(([action, score]) => ({ action, score: score + OWN_TIEBREAK * (own.get(action) ?? 0) }))
        .sort((a, b) => b.score - a.score || a.action - b.action);
    },
  };
}

/**
 * Whether two words differ by an ending only ("sollicitaties", "sollicitatie"): another form of the word, not a typo of
 * it. Read as the glossary's "sollicitatie", "anonieme sollicitaties" was answered with Actie 52's sollicitatietraining.
 */
function inflected(from: string, to: string): boolean {
  const [short, long] = from.length <= to.length ? [from, to] : [to, from];
  return long.startsWith(short) && long.length - short.length <= 2;
}

/** The query with each word whose folded form `replacements` has replaced by it; other text as it was. */
function replaceWords(query: string, replacements: ReadonlyMap<string, string>): string {
  return replacements.size ? query.replace(/[\p{L}\p{N}]+/gu, (word) => replacements.get(foldText(word)) ?? word) : query;
}

/** Whether `to` is `from` with two neighbouring letters exchanged. */
export function isSwap(from: string, to: string): boolean {
  if (from.length !== to.length) return false;
  let first = 0;
  while (first < from.length && from[first] === to[first]) first += 1;
  return first + 1 < from.length && from[first] === to[first + 1] && from[first + 1] === to[first] && from.slice(first + 2) === to.slice(first + 2);
}

function toSearchHit(hit: HybridHit, boost: number): SearchHit {
  return {
    passage: hit.passage,
    score: Math.min(1, hit.rrf * boost),
    ftsRank: hit.ftsRank,
    vectorRank: hit.vectorRank,
    similarity: hit.similarity,
    named: false,
  };
}
