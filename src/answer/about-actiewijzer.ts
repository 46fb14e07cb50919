// Questions about Actiewijzer itself, answered without a search: how to export what it shows, and which documents it answers from.
import type { DocumentRow } from '../repositories/documents-repository.js';
import { otherWords } from '../search/query-analysis.js';
import { foldText } from '../search/text.js';

// "hoe kan ik dit gesprek exporteren?" asks how to use Actiewijzer, not the list: it quoted actions on job interviews
// ("gesprek"). Only when the question says nothing else: "kopie" or "opslaan" are left out, a diploma can be copied.
const TOOL = /\b(?:exporte\w*|download\w*|markdown|afdruk\w*|printen|print)\b/;
// The export verbs themselves are question words (query-analysis.ts), which otherWords leaves out already.
const TOOL_WORDS = new Set(
  `gesprek gesprekken chat antwoord antwoorden acties actie lijst actielijst overzicht resultaat resultaten sectoren sector convenant
   sectorconvenant bestand pdf word exporteert markdown alles dit deze`.split(/\s+/),
);

/** A question that asks for an export or a print, of whatever else it names ("exporteer alle acties over taal"). */
export const asksToExport = (question: string): boolean => TOOL.test(foldText(question));

/** A question about exporting or printing what Actiewijzer shows, and about nothing else. */
export const asksAboutTheTool = (question: string): boolean => asksToExport(question) && otherWords(question, TOOL_WORDS).length === 0;

/** Said after an answer to such a question: the answer itself is what it asked for, the buttons keep it. */
export const EXPORT_HINT =
  'Bewaren kan in de webpagina met ‘Kopiëren’ onder dit antwoord of ‘Exporteren (Markdown)’ boven het gesprek; ' +
  'voor een sectorconvenant zet het tabblad ‘Sectorconvenant voorbereiden’ de acties per thema klaar.';

/** Where the page and the API export what Actiewijzer shows. */
export const EXPORT_HELP =
  'Exporteren kan in de webpagina: de knop ‘Exporteren (Markdown)’ boven het gesprek bewaart het hele gesprek met de geciteerde acties, ' +
  '‘Kopiëren’ onder een antwoord kopieert dat antwoord, en het tabblad ‘Sectorconvenant voorbereiden’ zet de acties voor sectoren en ' +
  'werkgevers per thema klaar, te downloaden met ‘Exporteren als Markdown’. Zonder webpagina: GET /api/conversations/{id} geeft een ' +
  'gesprek, POST /api/covenant/outline met Accept: text/markdown het overzicht voor een sectorconvenant.';

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
  return asks && otherWords(question, ORIGIN_WORDS).length === 0;
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
