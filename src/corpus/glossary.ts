// Query expansion from the glossary: abbreviations and everyday words map to the document's terms.
import type { Glossary } from './schema.js';
import { foldText } from '../search/text.js';

export interface GlossaryExpander {
  /** Glossary phrases related to the query that the query does not already contain. */
  expand(query: string): string[];
}

export function createGlossaryExpander(glossaries: Glossary[]): GlossaryExpander {
  // Each entry is a set of equivalent phrases; a match on any of them brings in the others.
  const groups = glossaries.flatMap((glossary) =>
    glossary.entries.map((entry) => [entry.term, ...entry.expansions].map((phrase) => ({ phrase, folded: foldText(phrase) }))),
  );
  return {
    expand(query) {
      const folded = ` ${foldText(query)} `;
      const extra = new Set<string>();
      for (const group of groups) {
        if (!group.some(({ folded: phrase }) => phrase && folded.includes(` ${phrase} `))) continue;
        for (const { phrase, folded: f } of group) if (!folded.includes(` ${f} `)) extra.add(phrase);
      }
      return [...extra];
    },
  };
}
