// Query expansion from the glossary: abbreviations and everyday words map to the document's terms.
import { GLOSSARY_GAP, type Glossary } from './schema.js';
import { foldText, lightStem } from '../search/text.js';

export interface GlossaryExpander {
  /**
   * Glossary phrases related to the query that the query does not already contain; with `about`, only for the phrases
   * of the query that contain one of those words ("geen buitenlanders" for "buitenlanders").
   */
  expand(query: string, about?: Iterable<string>): string[];
  /** Folded words of the query that belong to a glossary phrase it contains, with the words in the gaps of one-way phrases. */
  matchedWords(query: string): Set<string>;
  /** The situation the query's one-way phrases name ("hoeveel … werken", "klant is analfabeet"), read in one pass. */
  situation(query: string): Situation;
  /** The field's abbreviations the query names: glossary terms written with two or more capitals (EVC, IBO, NT2, K-IBO). */
  abbreviations(query: string): string[];
  /** What an abbreviation stands for: the first phrase of its own entry that does not contain it ("NEET-jongeren" does). */
  definition(term: string): string | null;
  /** Every folded word of the glossary's phrases, each once. */
  words(): readonly string[];
}

export interface Situation {
  /** Folded words of the one-way phrases, without the words in their gaps: the glossary reads them as the situation. */
  words: Set<string>;
  /** The searched phrases of the entries those phrases find ("klant is analfabeet": NT2, "Nederlands als tweede taal" …). */
  terms: string[];
}

export const NO_SITUATION: Situation = { words: new Set(), terms: [] };

// A phrase written with "iemand" ("wat iemand kan") also matches the same phrase with a pronoun ("wat hij kan").
const PERSON = new Set(['iemand', 'hij', 'zij', 'ze', 'je', 'jij', 'u', 'men', 'ik', 'we', 'wij']);
// In a one-way phrase, "…" stands for up to this many words: "wil … worden" reads "wil graag lasser worden", not "ik wil
// weten wat er moet worden gedaan" (four words apart), and "hoeveel … werken" no long question that only ends on "werken".
const MAX_GAP_WORDS = 3;
// The list's subject is named in many questions and says nothing of the situation: in a gap its words do not count, so
// "hoeveel procent van de mensen met een migratie-achtergrond werkt" reads as "procent … werkt" (three words apart).
const SUBJECT_PHRASES = ['met een migratieachtergrond', 'met migratieachtergrond', 'met een migratie-achtergrond', 'met migratie-achtergrond'];

interface Phrase {
  group: number;
  /** The folded, stemmed phrase between spaces; for a phrase with gaps, its first part. */
  key: string;
  stems: Set<string>;
  /** False for a one-way phrase. */
  searched: boolean;
  /** The parts of a phrase with gaps, each as stems; null for a phrase matched as a whole. */
  parts: string[][] | null;
}

export function createGlossaryExpander(glossaries: Glossary[]): GlossaryExpander {
  // Each entry is a set of equivalent phrases; a match on any of them brings in the others.
  // Phrases are compared on lightly stemmed words, so "leerkrachten" finds the entry "leerkracht".
  const stemOf = (word: string) => (PERSON.has(word) ? 'iemand' : lightStem(word));
  const key = (text: string) => ` ${foldText(text).split(' ').map(stemOf).join(' ')} `;
  const subjectPhrases = SUBJECT_PHRASES.map((phrase) => key(phrase).trim().split(' '));
  /** For each of the query's words, whether it is part of the list's subject. */
  const subjectMask = (words: readonly string[]): boolean[] => {
    const mask = words.map(() => false);
    words.forEach((_, start) => {
      for (const phrase of subjectPhrases) {
        if (phrase.every((stem, offset) => words[start + offset] === stem)) phrase.forEach((_stem, offset) => (mask[start + offset] = true));
      }
    });
    return mask;
  };
  // A one-way phrase (readAs) finds its entry but is never added to a query: it names a situation, not the passages' words.
  const groups = glossaries.flatMap((glossary) =>
    glossary.entries.map((entry) => [
      ...[entry.term, ...entry.expansions].map((phrase) => ({ phrase, key: key(phrase), searched: true })),
      ...entry.readAs.map((phrase) => ({ phrase, key: key(phrase), searched: false })),
    ]),
  );
  // A phrase can only occur in a query that has its first word: looking phrases up by the query's words costs a few
  // probes instead of a substring search for every phrase (a tenth of a millisecond per question, twice per question).
  // A phrase of only function words has an empty key, which every query would contain: it matches nothing.
  const byFirstWord = new Map<string, Phrase[]>();
  groups.forEach((group, index) => {
    for (const { phrase: text, key: phraseKey, searched } of group) {
      const parts = text.includes(GLOSSARY_GAP) ? text.split(GLOSSARY_GAP).map((part) => key(part).trim().split(' ')) : null;
      const stems = parts ? parts.flat() : phraseKey.trim().split(' ');
      if (!stems[0]) continue;
      const phrase = { group: index, key: parts ? ` ${parts[0]?.join(' ')} ` : phraseKey, stems: new Set(stems), searched, parts };
      byFirstWord.set(stems[0], [...(byFirstWord.get(stems[0]) ?? []), phrase]);
    }
  });
  // Each phrase the query contains; for one with gaps, also the words it spans, gaps included.
  type Found = { phrase: Phrase; span: [number, number] | null };
  const phrasesIn = (folded: string): Found[] => {
    const words = folded.trim().split(' ');
    let subject: boolean[] | undefined;
    return [...new Set(words)].flatMap((word) =>
      (byFirstWord.get(word) ?? []).flatMap((phrase): Found[] => {
        if (!folded.includes(phrase.key)) return [];
        if (!phrase.parts) return [{ phrase, span: null }];
        subject ??= subjectMask(words);
        const span = spanOf(words, phrase.parts, subject);
        return span ? [{ phrase, span }] : [];
      }),
    );
  };
  // The searched phrases of the entries of the phrases found in the folded query, minus those it contains.
  const phrasesOf = (folded: string, found: readonly Found[]): string[] => {
    const extra = new Set<string>();
    for (const index of [...new Set(found.map(({ phrase }) => phrase.group))].sort((a, b) => a - b)) {
      for (const entry of groups[index] ?? []) if (entry.searched && !folded.includes(entry.key)) extra.add(entry.phrase);
    }
    return [...extra];
  };
  // The query's words that the phrases found contain; with `gaps`, also the words in the gaps of phrases with gaps.
  const wordsOf = (query: string, found: readonly Found[], gaps: boolean): Set<string> => {
    const words = new Set<string>();
    const raw = foldText(query).split(' ');
    for (const { phrase, span } of found) {
      for (const word of raw) if (phrase.stems.has(stemOf(word))) words.add(word);
      // The words in a gap are the details of the situation ("lasser" in "wil lasser worden"): the glossary knows them as
      // part of it, but they still say what it is about ("vluchtelingen" in "hoeveel vluchtelingen werken").
      if (span && gaps) for (const word of raw.slice(span[0], span[1])) words.add(word);
    }
    return words;
  };
  const abbreviations = glossaries
    .flatMap((glossary) => glossary.entries.map((entry) => entry.term))
    .filter((term) => !/\s/.test(term) && (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2)
    .map((term) => ({ term, folded: ` ${foldText(term)} ` }));
  const longestFirst = [...abbreviations].sort((a, b) => b.folded.length - a.folded.length);
  const entries = glossaries.flatMap((glossary) => glossary.entries);
  const vocabulary = [...new Set(groups.flat().flatMap(({ phrase }) => foldText(phrase).split(' ').filter(Boolean)))];
  return {
    words: () => vocabulary,
    definition(term) {
      const own = ` ${foldText(term)} `;
      const entry = entries.find((candidate) => candidate.term === term);
      return entry?.expansions.find((phrase) => !` ${foldText(phrase)} `.includes(own)) ?? null;
    },
    abbreviations(query) {
      // The longest first, each taken out once found: "k-ibo" names K-IBO, not IBO as well. Read as both, the answer to
      // "k-ibo voorwaarden" took any sentence on IBO for one on the instrument asked about, and left out Actie 36.
      let folded = ` ${foldText(query)} `;
      const named = new Set<string>();
      for (const entry of longestFirst) {
        if (!folded.includes(entry.folded)) continue;
        named.add(entry.term);
        folded = folded.split(entry.folded).join(' ');
      }
      return abbreviations.filter((entry) => named.has(entry.term)).map((entry) => entry.term);
    },
    expand(query, about) {
      const folded = key(query);
      const stems = about ? new Set([...about].map(stemOf)) : null;
      return phrasesOf(folded, phrasesIn(folded).filter(({ phrase }) => !stems || [...phrase.stems].some((stem) => stems.has(stem))));
    },
    matchedWords: (query) => wordsOf(query, phrasesIn(key(query)), true),
    situation(query) {
      const folded = key(query);
      const found = phrasesIn(folded).filter(({ phrase }) => !phrase.searched);
      return found.length ? { words: wordsOf(query, found, false), terms: phrasesOf(folded, found) } : NO_SITUATION;
    },
  };
}

/**
 * Where the words hold each part in turn, each starting at most MAX_GAP_WORDS words after the one before it ends, not
 * counting the words `subject` marks: the first such span (start, end), or null.
 */
function spanOf(
  words: readonly string[],
  parts: readonly string[][],
  subject: readonly boolean[],
  from = 0,
  part = 0,
  within = Number.POSITIVE_INFINITY,
): [number, number] | null {
  const wanted = parts[part];
  if (!wanted) return [from, from];
  let gap = 0;
  for (let start = from; start + wanted.length <= words.length; start += 1) {
    if (start > from && !subject[start - 1]) gap += 1;
    if (gap > within) break;
    if (!wanted.every((stem, offset) => words[start + offset] === stem)) continue;
    const rest = spanOf(words, parts, subject, start + wanted.length, part + 1, MAX_GAP_WORDS);
    if (rest) return [start, rest[1]];
  }
  return null;
}
