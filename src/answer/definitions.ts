// "wat betekent EAD?": what an abbreviation of the field stands for, from the glossary, said before the answer and marked as the glossary's.
import type { GlossaryExpander } from '../corpus/glossary.js';
import { otherWords } from '../search/query-analysis.js';
import { foldText } from '../search/text.js';

const ASKS_MEANING = /\b(?:wat (?:betekent|betekenen|is|zijn|wil zeggen)|waar ?voor staat|waar staat|betekenis|definitie|staat voor|afkorting)\b/;
const MEANING_WORDS = new Set(['betekent', 'betekenen', 'betekenis', 'definitie', 'afkorting', 'staat', 'waarvoor', 'zeggen', 'wil', 'eigenlijk']);

/** The line that says what the one abbreviation a question asks the meaning of stands for; null for any other question. */
export function definitionLine(question: string, glossary: Pick<GlossaryExpander, 'abbreviations' | 'definition'>): string | null {
  const folded = ` ${foldText(question)} `;
  if (!ASKS_MEANING.test(folded)) return null;
  // "K-IBO" also names "IBO": the longest abbreviation is the one asked about, and the others must be inside it.
  const terms = glossary.abbreviations(question).sort((a, b) => b.length - a.length);
  const [term] = terms;
  if (term === undefined) return null;
  const own = ` ${foldText(term)} `;
  if (terms.some((other) => !own.includes(` ${foldText(other)} `))) return null;
  const rest = otherWords(folded.replace(own, ' '), MEANING_WORDS);
  if (rest.length) return null;
  const meaning = glossary.definition(term);
  return meaning ? `${term} staat voor “${meaning}” (volgens het glossarium van Actiewijzer, niet de tekst van de actielijst).` : null;
}
