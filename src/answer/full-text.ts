// "geef de volledige tekst van actie 15": a mediator who wants the exact words of an action gets all of them, verbatim.
import type { StoredPassage } from '../repositories/passages-repository.js';
import { otherWords } from '../search/query-analysis.js';
import { foldText } from '../search/text.js';

// "de volledige tekst", "letterlijk", "voluit", "citeer": the action's words are wanted, not the sentences nearest the question.
const ASKS_WORDING = /\b(?:(?:volledige?|hele|gehele|integrale?|letterlijke?|complete?|exacte?|precieze)\s+(?:tekst|teksten|formulering|bewoording)|letterlijk|woordelijk|voluit|volledig|integraal|citeer|citeren)\b/;
// What such a request may say besides the action, that wish and the question words ("volledige", "letterlijk" are among
// them): "toon de hele tekst van actie 15 eens".
const REQUEST_WORDS = new Set(
  `hele gehele compleet complete exact exacte precies precieze teksten formulering bewoording toon lees laat zien eens even
   daarvan ervan hiervan nummer nr`.split(/\s+/),
);

/** Most actions given whole in one answer: the longest run to a few screens. */
export const FULL_TEXT_ACTIONS = 5;

/**
 * Whether a question asks for the wording of actions and nothing else ("volledige tekst van actie 15", "actie 44
 * letterlijk", "geef de hele tekst"): the actions come from the question or, in a conversation, the previous answer.
 */
export function asksFullText(question: string): boolean {
  if (!ASKS_WORDING.test(foldText(question))) return false;
  return otherWords(question, REQUEST_WORDS).every((word) => /^\d+$/.test(word));
}

/** Each action's whole text, in the order asked, under its number and section; null when none of them is in the list. */
export function composeFullText(asked: readonly number[], passages: readonly StoredPassage[]): string | null {
  const byAction = new Map(passages.flatMap((passage) => (passage.kind === 'action' && passage.action !== null ? [[passage.action, passage]] : [])));
  const found = asked.flatMap((number) => {
    const passage = byAction.get(number);
    return passage ? [passage] : [];
  });
  if (!found.length) return null;
  const blocks = found.slice(0, FULL_TEXT_ACTIONS).map((passage) => {
    const where = [passage.section.number, passage.section.title].filter(Boolean).join(' ');
    return `Actie ${passage.action}${where ? ` (${where})` : ''}, volledige tekst: “${passage.text}”`;
  });
  const beyond = moreActionsLine(found.map((passage) => passage.action as number), 'volledige tekst van actie');
  return [...blocks, ...(beyond ? [beyond] : [])].join('\n\n');
}

/** When more than FULL_TEXT_ACTIONS actions were asked, how to ask for the others ("… bijvoorbeeld "<ask> 23"); else null. */
export function moreActionsLine(found: readonly number[], ask: string): string | null {
  if (found.length <= FULL_TEXT_ACTIONS) return null;
  return `Dat zijn de eerste ${FULL_TEXT_ACTIONS} van ${found.length} acties; vraag de andere apart op (bijvoorbeeld "${ask} ${found[FULL_TEXT_ACTIONS]}").`;
}
