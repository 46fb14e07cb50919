// Query expansion from the glossary: abbreviations and everyday words map to the document's terms.
import type { Glossary } from './schema.js';
import { foldText, lightStem } from '../search/text.js';

export interface GlossaryExpander {
  /**
   * Glossary phrases related to the query that the query does not already contain; with `about`, only for the phrases
   * of the query that contain one of those words ("geen buitenlanders" for "buitenlanders").
   */
  expand(query: string, about?: Iterable<string>): string[];
  /** Folded words of the query that belong to a glossary phrase it contains. */
  matchedWords(query: string): Set<string>;
  /** The field's abbreviations the query names: glossary terms written with two or more capitals (EVC, IBO, NT2, K-IBO). */
  abbreviations(query: string): string[];
  /** What an abbreviation stands for: the first phrase of its own entry that does not contain it ("NEET-jongeren" does). */
  definition(term: string): string | null;
}

// A phrase written with "iemand" ("wat iemand kan") also matches the same phrase with a pronoun ("wat hij kan").
const PERSON = new Set(['iemand', 'hij', 'zij', 'ze', 'je', 'jij', 'u', 'men', 'ik', 'we', 'wij']);

export function createGlossaryExpander(glossaries: Glossary[]): GlossaryExpander {
  // Each entry is a set of equivalent phrases; a match on any of them brings in the others.
  // Phrases are compared on lightly stemmed words, so "leerkrachten" finds the entry "leerkracht".
  const stemOf = (word: string) => (PERSON.has(word) ? 'iemand' : lightStem(word));
  const key = (text: string) => ` ${foldText(text).split(' ').map(stemOf).join(' ')} `;
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
  const byFirstWord = new Map<string, { group: number; key: string; stems: Set<string> }[]>();
  groups.forEach((group, index) => {
    for (const { key: phraseKey } of group) {
      const stems = phraseKey.trim().split(' ');
      if (!stems[0]) continue;
      byFirstWord.set(stems[0], [...(byFirstWord.get(stems[0]) ?? []), { group: index, key: phraseKey, stems: new Set(stems) }]);
    }
  });
  const phrasesIn = (folded: string) =>
    [...new Set(folded.trim().split(' '))].flatMap((word) => (byFirstWord.get(word) ?? []).filter((phrase) => folded.includes(phrase.key)));
  const abbreviations = glossaries
    .flatMap((glossary) => glossary.entries.map((entry) => entry.term))
    .filter((term) => !/\s/.test(term) && (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2)
    .map((term) => ({ term, folded: ` ${foldText(term)} ` }));
  const entries = glossaries.flatMap((glossary) => glossary.entries);
  return {
    definition(term) {
      const own = ` ${foldText(term)} `;
      const entry = entries.find((candidate) => candidate.term === term);
      return entry?.expansions.find((phrase) => !` ${foldText(phrase)} `.includes(own)) ?? null;
    },
    abbreviations(query) {
      const folded = ` ${foldText(query)} `;
      return abbreviations.filter((entry) => folded.includes(entry.folded)).map((entry) => entry.term);
    },
    expand(query, about) {
      const folded = key(query);
      const extra = new Set<string>();
      const stems = about ? new Set([...about].map(stemOf)) : null;
      const found = phrasesIn(folded).filter((phrase) => !stems || [...phrase.stems].some((stem) => stems.has(stem)));
      const matched = [...new Set(found.map((phrase) => phrase.group))].sort((a, b) => a - b);
      for (const index of matched) for (const entry of groups[index] ?? []) if (entry.searched && !folded.includes(entry.key)) extra.add(entry.phrase);
      return [...extra];
    },
    matchedWords(query) {
      const folded = key(query);
      const words = new Set<string>();
      const raw = foldText(query).split(' ');
      for (const phrase of phrasesIn(folded)) {
        for (const word of raw) if (phrase.stems.has(stemOf(word))) words.add(word);
      }
      return words;
    },
  };
}
