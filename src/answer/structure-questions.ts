// Questions about the list's structure: "acties in 3.2" lists a section's actions, "hoeveel acties zijn er?" gives the sections and their actions.
import type { StoredPassage } from '../repositories/passages-repository.js';
import { groupNamesAsked, namedNumbers, otherWords, withoutPointers } from '../search/query-analysis.js';
import { foldText, tokenize } from '../search/text.js';
import { sentences } from './citations.js';
import { joinDutch } from './dutch-list.js';
import { ABOUT_ONE_ACTION, ORDINAL_WORD, ordinalIndex, withActionSpelled } from './follow-up.js';

// "3.2", "sectie 3.3.2", "hoofdstuk 3.4": a section number as the list writes it.
const SECTION_NUMBER = /(?<![\d.,])(\d{1,2}(?:\.\d{1,2}){1,2})(?![\d,]|\.\d)/g;
// The same without the global flag, whose lastIndex would carry over from one test() to the next.
const ANY_SECTION_NUMBER = new RegExp(SECTION_NUMBER.source);
// A summary of a section is its actions: "geef een samenvatting van hoofdstuk 3.3" got the whole list's overview.
const SECTION_WORDS = new Set(['sectie', 'secties', 'hoofdstuk', 'hoofdstukken', 'deel', 'onderdeel', 'paragraaf', 'punt', 'staat', 'staan', 'inhoud', 'samenvatting', 'samenvatten', 'vat', 'samen', 'overzicht', 'geef', 'toon']);
// What asks for the list as a whole: its size, its parts, a summary (also with the separable verb: "vat de lijst samen").
// "de belangrijkste acties": the list ranks none, so its parts are the answer.
// "geef alle acties", "lijst van alle acties": sixty actions quoted at once would bury the answer, so their sections are it.
const OVERVIEW = /\b(?:hoeveel acties|samenvatting|samenvatten|vat\b.{0,40}\bsamen|overzicht|inhoud|inhoudstafel|structuur|opbouw|hoofdstukken|secties|onderdelen|(?:belangrijkste|voornaamste) acties|kernpunten|hoofdpunten|alle (?:\d+ )?acties)\b/;
const OVERVIEW_WORDS = new Set(['samenvatting', 'samenvatten', 'vat', 'samen', 'kort', 'beknopt', 'overzicht', 'inhoud', 'inhoudstafel', 'structuur', 'opbouw', 'hoofdstukken', 'secties', 'onderdelen', 'delen', 'telt', 'bevat', 'heeft', 'totaal', 'kernpunten', 'hoofdpunten', 'alle', 'toon', 'geef', 'opsommen', 'oplijsten']);

const leftOver = (text: string, allowed: ReadonlySet<string>): string[] => otherWords(text, allowed).filter((word) => !/^\d+$/.test(word));

/**
 * The sections a question asks the actions of, when it asks nothing else: by number ("acties in 3.2", "acties 3.5 en
 * 3.6") or by title ("het hoofdstuk over antidiscriminatiebeleid", "welke acties staan onder methodieken").
 */
export function askedSections(question: string, actions: readonly StoredPassage[]): string[] {
  const topic = withoutPointers(question);
  const numbers = sectionNumbersOnly(topic);
  if (numbers === null) return sectionsByTitle(topic, actions);
  // A number no action stands in is said apart (missingSections): "acties 3.2 en 3.8" lists 3.2.
  return numbers.filter((number) => actions.some((passage) => inSection(passage, number)));
}

/**
 * The section numbers a question asks about, and nothing else, that no action stands in: "acties in 3.9", "wat staat er
 * in 2.1?". They were refused as naming no topic.
 */
export function missingSections(question: string, actions: readonly StoredPassage[]): string[] {
  const numbers = sectionNumbersOnly(withoutPointers(question)) ?? [];
  return numbers.filter((number) => !actions.some((passage) => inSection(passage, number)));
}

/** The section numbers a topic names: null when it names none, none when it says something besides them. */
function sectionNumbersOnly(topic: string): string[] | null {
  const numbers = [...new Set([...topic.matchAll(SECTION_NUMBER)].map((match) => match[1] as string))];
  if (!numbers.length) return null;
  return leftOver(topic.replace(SECTION_NUMBER, ' '), SECTION_WORDS).length === 0 ? numbers : [];
}

/** "De actielijst heeft geen sectie 3.9 met acties.", said before the sections that do exist, or the overview. */
export function missingSectionsLine(missing: readonly string[]): string {
  const names = `${missing.length === 1 ? 'sectie' : 'secties'} ${joinDutch(missing)}`;
  return `De actielijst heeft geen ${names} met acties.`;
}

/** Whether a question names a section number at all: a follow-up of it ("en 3.4?") is asked the same way. */
export const namesSection = (question: string): boolean => ANY_SECTION_NUMBER.test(withoutPointers(question));

// How a question points at a part of the list by its title: "het hoofdstuk over …", "het onderdeel …", "staan onder …".
const SECTION_REFERENCE = /\b(?:sectie|secties|hoofdstuk|hoofdstukken|onderdeel|onderdelen|paragraaf|(?:staan|staat|vallen|valt) onder)\b/;

/** Whether a question points at a part of the list in words ("het hoofdstuk over …"), so the sections are read to see which. */
export const refersToSection = (question: string): boolean => SECTION_REFERENCE.test(foldText(withoutPointers(question)));

/**
 * The sections whose title the question names by a word no other title has ("antidiscriminatiebeleid", "methodieken",
 * "flankerend"), when it points at a part of the list and says nothing besides the titles' words.
 */
function sectionsByTitle(topic: string, actions: readonly StoredPassage[]): string[] {
  if (!refersToSection(topic)) return [];
  const titles = sectionsOf(actions).map((section) => ({ number: section.number, words: new Set(tokenize(section.title)) }));
  const asked = new Set(tokenize(topic));
  const distinctive = (word: string) => titles.filter((title) => title.words.has(word)).length === 1;
  const named = titles.filter((title) => [...title.words].some((word) => asked.has(word) && distinctive(word)));
  if (!named.length) return [];
  const allowed = new Set([...SECTION_WORDS, 'onder', 'vallen', 'valt', ...named.flatMap((title) => [...title.words])]);
  return leftOver(topic, allowed).length === 0 ? named.map((title) => title.number) : [];
}

/** "hoeveel acties zijn er?", "welke hoofdstukken heeft de actielijst?", "geef een samenvatting van de actielijst". */
export function asksOverview(question: string): boolean {
  const topic = withoutPointers(question);
  // "samenvatting actie 44" asks about the action it names ("actie" is a stopword, its number no word).
  if (namedNumbers(question).length) return false;
  return (OVERVIEW.test(foldText(question)) && leftOver(topic, OVERVIEW_WORDS).length === 0) || asksForTheGroup(topic);
}

// The actions for the group and nothing else: every action is for it, so the whole list answers. Searched, "welke acties
// zijn er voor allochtonen?" and "wat doet de lijst voor migranten?" found nothing of their own and were refused, as if
// the list said nothing about the people it is about. "wat is een migratieachtergrond?" asks what the name means.
const FOR_WHOM = /\b(?:acties|maatregelen|aanbevelingen|voorstellen|doet de (?:actie)?lijst|biedt de (?:actie)?lijst)\b/;
const FOR_WHOM_WORDS = new Set(['maatregelen', 'aanbevelingen', 'voorstellen', 'doet', 'biedt']);

function asksForTheGroup(topic: string): boolean {
  const words = leftOver(topic, FOR_WHOM_WORDS);
  const group = groupNamesAsked(topic);
  return FOR_WHOM.test(foldText(topic)) && words.length > 0 && words.every((word) => group.has(word));
}

// "de eerste actie", "de laatste actie van de lijst", "de tweede aanbeveling in 3.4", "de voorlaatste uit sectie 3.2".
const PLACE = new RegExp(
  String.raw`\b(?:(?:de|die)\s+)?(?:aller)?${ORDINAL_WORD}(\s+(?:actie|maatregel|aanbeveling))?` +
    String.raw`(?:\s+(?:van|in|uit|op)\s+(?:de\s+)?(?:(actielijst|lijst)\b|(?:(?:sectie|hoofdstuk|onderdeel|deel|paragraaf)\s+)?(\d{1,2}(?:\.\d{1,2}){1,2})(?![\d.,]\d|\d)))?`,
  'iu',
);

/** An action named by its place: the ordinal, the section it counts in (null: the whole list), and the words that name it. */
export interface ListPlace {
  ordinal: string;
  section: string | null;
  /** The list or a section was named ("van de lijst", "in 3.4"): no earlier answer is meant. */
  named: boolean;
  /** Only the ordinal ("en de tweede?"), which counts on from a place asked before. */
  bare: boolean;
  start: number;
  end: number;
}

export interface ListPlaceOptions {
  /** No earlier answer to count in, so "de eerste actie" can only mean the list's. */
  alone: boolean;
  /** Counting on from a previous question's place ("en de tweede?"): a bare ordinal counts, in this section if none is named. */
  after?: { section: string | null };
}

/**
 * An action named by its place in the list or in a section: "wat is de laatste actie van de lijst?", "de eerste actie in
 * 3.4". Without the list or a section, only a question that asks nothing besides ("wat is de eerste actie?"; not "de
 * tweede generatie"), and only when there is no earlier answer that "de eerste" would count in.
 */
export function listPlace(question: string, options: ListPlaceOptions): ListPlace | null {
  const match = PLACE.exec(question);
  if (!match) return null;
  const named = match[3] !== undefined || match[4] !== undefined;
  const bare = !named && match[2] === undefined;
  const place = { ordinal: match[1] as string, section: match[4] ?? options.after?.section ?? null, named, bare, start: match.index, end: match.index + match[0].length };
  if (named) return place;
  if (otherWords(`${question.slice(0, place.start)} ${question.slice(place.end)}`, ABOUT_ONE_ACTION).length) return null;
  return options.after || (options.alone && !bare) ? place : null;
}

/** The action at a place among `actions` (in list order), or null when the list or the section has no such place. */
export function actionAt(place: ListPlace, actions: readonly StoredPassage[]): number | null {
  const counted = actions.filter((passage) => passage.action !== null && (place.section === null || inSection(passage, place.section)));
  const index = ordinalIndex(place.ordinal, counted.length);
  return index === null ? null : (counted[index]?.action ?? null);
}

/** The question with the place spelled out as the action: "wat is de laatste actie van de lijst?" → "wat is actie 60?". */
export const withActionAt = (question: string, place: ListPlace, action: number): string => withActionSpelled(question, place.start, place.end, action);

const inSection = (passage: StoredPassage, number: string): boolean =>
  passage.section.number === number || (passage.section.number ?? '').startsWith(`${number}.`);

/** Sections in the order of their actions, each with its title and its actions. */
function sectionsOf(actions: readonly StoredPassage[]): { number: string; title: string; actions: StoredPassage[] }[] {
  const sections: { number: string; title: string; actions: StoredPassage[] }[] = [];
  for (const passage of actions) {
    if (passage.action === null || passage.section.number === null) continue;
    const last = sections.at(-1);
    if (last?.number === passage.section.number) last.actions.push(passage);
    else sections.push({ number: passage.section.number, title: passage.section.title, actions: [passage] });
  }
  return sections;
}

const span = (actions: readonly StoredPassage[]): string => {
  const first = actions[0]?.action;
  const last = actions.at(-1)?.action;
  return first === last ? `Actie ${first}` : `Actie ${first} tot en met Actie ${last}`;
};

/** Every action of a section (and its subsections), each by its first sentence, under its subsection when there are several. */
export function composeSectionList(number: string, actions: readonly StoredPassage[]): string | null {
  const sections = sectionsOf(actions).filter((section) => section.number === number || section.number.startsWith(`${number}.`));
  const count = sections.reduce((sum, section) => sum + section.actions.length, 0);
  if (!count) return null;
  const own = sections.length === 1 && sections[0]?.number === number ? ` ${sections[0].title}` : '';
  const lines = sections.flatMap((section) => [
    ...(sections.length > 1 ? [`${section.number} ${section.title}:`] : []),
    ...section.actions.flatMap((passage) => {
      const first = sentences(passage.text)[0];
      return first ? [`- “${first}” (Actie ${passage.action})`] : [];
    }),
  ]);
  return [`Sectie ${number}${own} telt ${count === 1 ? '1 actie' : `${count} acties`}:`, ...lines].join('\n');
}

/** The list's sections with their titles and the actions in each: an overview, since it has no summary of its own. */
export function composeOverview(actions: readonly StoredPassage[]): string | null {
  const sections = sectionsOf(actions);
  const count = sections.reduce((sum, section) => sum + section.actions.length, 0);
  if (!count) return null;
  return [
    `De actielijst telt ${count} acties, in deze secties:`,
    ...sections.map((section) => `- ${section.number} ${section.title}: ${span(section.actions)}`),
    'Vraag naar een sectie ("acties in 3.2") of een thema ("welke acties gaan over taal?") voor de acties zelf.',
  ].join('\n');
}

// "in welke sectie staat dat?", "onder welk hoofdstuk valt actie 57?", "waar staat dat in de lijst?". Not "waar staat EAD
// voor?", which asks what it means.
const WHERE = /\b(?:(?:in|onder|uit)\s+)?welke?\s+(?:sectie|hoofdstuk|onderdeel|deel|paragraaf)\b|\bwaar\s+(?:staat|staan|vind ik)\b(?!.*\bvoor$)/;

/** The question asks where in the list something stands: the answer then names each cited action's section. */
export const asksWhere = (question: string): boolean => WHERE.test(foldText(question));

// What a where question says besides asking where: "in welk onderdeel vind ik die terug?" has no topic of its own.
const WHERE_WORDS = new Set([...SECTION_WORDS, 'onderdelen', 'valt', 'vallen', 'vind', 'vinden', 'terug', 'ergens', 'actielijst']);

/** "in welke sectie staat dat?": a where question with no topic of its own, which asks about the previous answer's actions. */
export const asksOnlyWhere = (question: string): boolean => asksWhere(question) && otherWords(question, WHERE_WORDS).length === 0;

/**
 * "- Actie 57: 3.6 Flankerend beleid", "- Actie 28: 3.3.2 Kansen op de arbeidsmarkt › Geïntegreerde trajecten" (as the
 * page places an action) for each of the actions, in their order; null when none is found.
 */
export function sectionLines(actions: readonly number[], passages: readonly StoredPassage[]): string | null {
  const lines = actions.flatMap((number) => {
    const place = placeOf(passages.find((passage) => passage.kind === 'action' && passage.action === number));
    return place ? [`- Actie ${number}: ${place}`] : [];
  });
  return lines.length ? ['Waar deze acties in de actielijst staan:', ...lines].join('\n') : null;
}

/** "3.3.2 Kansen op de arbeidsmarkt › Geïntegreerde trajecten": a passage's numbered section and its sub-heading; null outside one. */
export function placeOf(passage: StoredPassage | undefined): string | null {
  if (!passage?.section.number) return null;
  const part = `${passage.section.number} ${passage.section.title}`;
  return passage.heading ? `${part} › ${passage.heading}` : part;
}
