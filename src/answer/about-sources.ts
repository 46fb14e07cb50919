// "wanneer is de actielijst verschenen?", "wie heeft de lijst opgesteld?": who wrote the documents Actiewijzer answers from, and when.
import type { DocumentRow } from '../repositories/documents-repository.js';
import { QUESTION_WORDS } from '../search/query-analysis.js';
import { foldText, tokenize } from '../search/text.js';

// Who made a document or when, asked with a word for the document ("wanneer is de actielijst verschenen?", "wie heeft de
// lijst opgesteld?"), or the sources themselves ("welke bronnen gebruikt Actiewijzer?", "wie is de auteur?").
const WHO_OR_WHEN = /\b(?:wanneer|welk jaar|datum|hoe oud|wie)\b/;
const MADE = /\b(?:gepubliceerd|verschenen|uitgebracht|geschreven|opgesteld|uitgewerkt|gemaakt|dateert|datum|jaar|oud|afkomstig)\b/;
const DOCUMENT = /\b(?:actielijst|lijst|document|advies|tekst)\b/;
const SOURCES = /\b(?:auteurs?|bronnen|documenten)\b/;
const ORIGIN_WORDS = new Set(
  `gepubliceerd verschenen uitgebracht geschreven opgesteld uitgewerkt gemaakt dateert datum auteur auteurs jaar oud afkomstig actielijst
   document documenten advies bron bronnen actiewijzer gebruikt gebruik gebruiken eigenlijk precies deze`.split(/\s+/),
);

/** Whether a question asks who wrote the documents or when, or what they are, and nothing else. */
export function asksAboutSources(question: string): boolean {
  const folded = foldText(question);
  const asks = SOURCES.test(folded) || (WHO_OR_WHEN.test(folded) && MADE.test(folded) && DOCUMENT.test(folded));
  return asks && tokenize(question).every((word) => QUESTION_WORDS.has(word) || ORIGIN_WORDS.has(word));
}

/** Each document's title, publisher and date, the action list first, from the stored front matter. */
export function describeSources(documents: readonly DocumentRow[]): string {
  const ordered = [...documents].sort((a, b) => Number(b.kind === 'action-list') - Number(a.kind === 'action-list'));
  const lines = ordered.map((document) => {
    const by = [document.publisher, document.published].filter(Boolean).join(', ');
    const link = document.sourceUrl ? ` ${document.sourceUrl}` : '';
    return `- ${document.title}${by ? ` (${by})` : ''}${document.origin === 'upload' ? ', opgeladen' : ''}${link}`;
  });
  return ['Actiewijzer beantwoordt vragen uit deze documenten (titel, uitgever, datum):', ...lines].join('\n');
}
