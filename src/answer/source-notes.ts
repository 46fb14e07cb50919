// "welke bronnen gebruikt actie 31?", "voetnoten bij actie 1", "waar komt dat vandaan?": the footnotes the list gives for an action, verbatim.
import type { StoredPassage } from '../repositories/passages-repository.js';
import { otherWords } from '../search/query-analysis.js';
import { foldText } from '../search/text.js';
import { FULL_TEXT_ACTIONS, moreActionsLine } from './full-text.js';

const ASKS_SOURCES = /\b(?:bron|bronnen|bronvermelding|voetnoot|voetnoten|referentie|referenties|vandaan|onderbouwing|onderbouwd|gebaseerd)\b/;
// What such a request says besides asking for sources and the actions' numbers. Not "actielijst" or "actiewijzer": "welke
// bronnen gebruikt de actielijst?" asks for the documents (about-actiewijzer.ts).
const SOURCE_WORDS = new Set(
  `bron bronnen bronvermelding voetnoot voetnoten referentie referenties vandaan onderbouwing onderbouwd gebaseerd gebruikt gebruiken
   gebruikte vermeld vermeldt vermelde komt komen staan geef toon noem waar waarop daarvan ervan hiervan daarvoor dat dit die deze
   cijfer cijfers bij van op en de het`.split(/\s+/),
);

/**
 * Whether a question asks for the sources of actions and nothing else: of the actions it names, or in a conversation of
 * the previous answer's ("waar komt dat vandaan?").
 */
export function asksForSources(question: string): boolean {
  if (!ASKS_SOURCES.test(foldText(question))) return false;
  return otherWords(question, SOURCE_WORDS).every((word) => /^\d+$/.test(word));
}

/**
 * For each action asked, in that order, the notes of its own text and of the findings before its group, by number; null
 * when none of the actions is in the list. The notes are quoted whole: a source is useless cut short.
 */
export function composeSourceNotes(asked: readonly number[], passages: readonly StoredPassage[]): string | null {
  const actions = new Map(passages.flatMap((passage) => (passage.kind === 'action' && passage.action !== null ? [[passage.action, passage]] : [])));
  const found = asked.filter((number) => actions.has(number));
  if (!found.length) return null;
  // As many actions as their full text gives, and the same line on the others.
  const blocks = found.slice(0, FULL_TEXT_ACTIONS).map((number) => {
    const own = new Set((actions.get(number) as StoredPassage).notes);
    const notes = passages
      .filter((passage) => passage.kind === 'note' && passage.number !== null && passage.actions.includes(number))
      .sort((a, b) => (a.number as number) - (b.number as number));
    if (!notes.length) return `Bij Actie ${number} staan in de actielijst geen voetnoten.`;
    const lines = notes.map((note) => `- voetnoot ${note.number} (${own.has(note.number as number) ? 'bij de actie' : 'bij de bevindingen'}): “${note.text}”`);
    return [`Voetnoten bij Actie ${number} in de actielijst:`, ...lines].join('\n');
  });
  const beyond = moreActionsLine(found, 'bronnen van actie');
  return [...blocks, ...(beyond ? [beyond] : [])].join('\n\n');
}
