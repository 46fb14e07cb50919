// Questions about Actiewijzer itself, answered without a search: how to export what it shows, which documents it answers
// from, and whether the actions have been carried out (which no document says).
import type { DocumentRow } from '../repositories/documents-repository.js';
import { otherWords, withoutMatches } from '../search/query-analysis.js';
import { foldText } from '../search/text.js';

// "hoe kan ik dit gesprek exporteren?" asks how to use Actiewijzer, not the list: it quoted actions on job interviews
// ("gesprek"). Only when the question says nothing else: "kopie" or "opslaan" are left out, a diploma can be copied.
// Sharing with colleagues is an export too: "hoe deel ik deze acties met collega's?" quoted the soft skill "omgang met collega's".
const TOOL = /\b(?:exporte\w*|download\w*|markdown|afdruk\w*|printen|print|deel ik|delen met|doorsturen|door te sturen|stuur ik|e-?mailen|mail ik|mailen)\b/;
// The export verbs themselves are question words (query-analysis.ts), which otherWords leaves out already.
const TOOL_WORDS = new Set(
  `gesprek gesprekken chat antwoord antwoorden acties actie lijst actielijst overzicht resultaat resultaten sectoren sector convenant
   sectorconvenant bestand pdf word exporteert markdown alles dit deze deel delen doorsturen sturen stuur door mail mailen collega collegas
   team teamleden`.split(/\s+/),
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
const MADE = /\b(?:gepubliceerd|publiceerde|verschenen|uitgebracht|geschreven|schreef|schreven|opgesteld|uitgewerkt|gemaakt|maakte|maakten|dateert|datum|jaar|oud|afkomstig)\b/;
const DOCUMENT = /\b(?:actielijst|lijst|document|advies|tekst)\b/;
const SOURCES = /\b(?:auteurs?|bronnen|documenten)\b/;
const ORIGIN_WORDS = new Set(
  `gepubliceerd publiceerde verschenen uitgebracht geschreven schreef schreven opgesteld uitgewerkt gemaakt maakte maakten dateert datum auteur
   auteurs jaar oud afkomstig actielijst
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

// Whether the actions have been carried out: the list is an advice and follows nothing up. "welke acties zijn al
// uitgevoerd?" quoted Actie 7's "de recent uitgevoerde evaluatie van spoor 3" as if it answered. Asked as done by now
// ("al", "reeds", "intussen" … with a participle, or "zijn … uitgevoerd?" at the end) or as a state of affairs; "hoe moet
// actie 18 uitgevoerd worden?" and "opvolging van mentoren" ask what the list says.
const PARTICIPLE = String.raw`(?:uitgevoerd|gerealiseerd|verwezenlijkt|ge[iï]mplementeerd|gebeurd)`;
const STATE = String.raw`stand van zaken|in uitvoering|hoe ?ver sta(?:a?t|an)`;
const PROGRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:al|reeds|intussen|inmiddels|ondertussen|sindsdien|nog niet)(?![\p{L}\p{N}])[^.?!]{0,40}(?<![\p{L}\p{N}])${PARTICIPLE}` +
    String.raw`|(?:is|zijn|werd|werden)\s+${PARTICIPLE}\s*[?.!]*\s*$|${STATE})(?![\p{L}\p{N}])`,
  'iu',
);
// What the search leaves out of such a question: the participles and the phrases, not the topic between them.
const PROGRESS_ALL = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PARTICIPLE}|${STATE})(?![\p{L}\p{N}])`, 'giu');
const PROGRESS_WORDS = new Set(
  `uitgevoerd gerealiseerd verwezenlijkt geimplementeerd uitvoering stand zaken gebeurd ver hoever staat staan acties actie lijst
   actielijst reeds intussen inmiddels sindsdien ondertussen effectief echt`.split(/\s+/),
);

/** A question about whether or how far actions have been carried out. */
export const asksAboutProgress = (question: string): boolean => PROGRESS.test(question);

/**
 * The question without its words on progress, for the search: left in, "uitgevoerd" found Actie 7's "recent uitgevoerde
 * evaluatie" for "is actie 18 al uitgevoerd?". The question itself when nothing else would remain.
 */
export function withoutProgress(question: string): string {
  return asksAboutProgress(question) ? withoutMatches(question, PROGRESS_ALL) : question;
}

/** The same, about no topic and no action in particular: "welke acties zijn al uitgevoerd?". */
export const asksOnlyAboutProgress = (question: string): boolean =>
  asksAboutProgress(question) && !/\d/.test(question) && otherWords(question, PROGRESS_WORDS).length === 0;

/** Said with every answer to such a question: what the list proposes is all the documents hold. */
export const PROGRESS_NOTE = 'Of en hoe ver de acties al uitgevoerd zijn, zegt de actielijst niet: ze is een advies aan de minister met voorstellen, geen opvolgingsrapport.';
