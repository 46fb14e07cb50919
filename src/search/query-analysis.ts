// Reads a query beyond its words: the actions it names ("acties 44 en 45"), and words that only point at the document or say how it is asked.
import { editDistance, type SpellingCorrector } from './spelling.js';
import { tokenize } from './text.js';

// Numbers of four digits or more are not action numbers: "actie 2020" is a year, not Actie 202. Nor is a section
// number: "acties 3.5 en 3.6" are the actions of two sections, not Actie 3.
const NAMED = /\bacties?\s*(?:nr\.?|nummer)?\s*(\d{1,3}(?!\d|\.\d)(?:\s*(?:,|\/|&|en|of|t\/m|tot en met|tot|-|–)\s*\d{1,3}(?!\d|\.\d))*)/gi;
const RANGE = /(\d{1,3})\s*(?:t\/m|tot en met|tot|-|–)\s*(\d{1,3})/g;
// A number and nothing else ("12", "nr. 12", "#12?") asks for that action: in a chat about a numbered list, it is how a
// mediator looks one up. So does a number after a short lead ("wat zegt 45?", "toon 45", "en 46?"): that was refused as
// naming no topic.
const BARE_NUMBER =
  /^\s*(?:(?:wat\s+(?:zegt|is|was|staat\s+er\s+in|houdt)|toon|geef|en)\s+)?(?:(?:nr\.?|nummer|#)\s*)?(\d{1,3})(?:\s+in)?\s*[?.!]*\s*$/i;
const LONGEST_RANGE = 60;

/** Every number the query names as an action, in the order named, ranges expanded; whether the list has it is not checked. */
export function namedNumbers(query: string): number[] {
  const bare = BARE_NUMBER.exec(query);
  if (bare) return [Number(bare[1])];
  const numbers: number[] = [];
  for (const match of query.matchAll(NAMED)) {
    const list = match[1] ?? '';
    const ranges = [...list.matchAll(RANGE)];
    for (const range of ranges) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from < LONGEST_RANGE) for (let n = from; n <= to; n += 1) numbers.push(n);
    }
    const rest = list.replace(RANGE, ' ');
    for (const single of rest.matchAll(/\d{1,3}/g)) numbers.push(Number(single[0]));
  }
  return [...new Set(numbers)];
}

/** "12" or "nr. 12" as "actie 12", so it keeps naming the action when a follow-up adds the previous question's words. */
export function spellOutBareNumber(query: string): string {
  const bare = BARE_NUMBER.exec(query);
  return bare ? `actie ${bare[1]}` : query;
}

/**
 * The query with a mistyped "actie", "acties" or "welke" spelled right ("hoeveel aciteis zijn er?", "welke acites zijn voor
 * vdab", "wlke acties voor de bouwsector"): the lists of actions by actor, theme or section are recognised by those words,
 * and a typo was searched as a topic instead, or refused. Only a word that no passage has: "actief" and "actieve" are words
 * of their own.
 */
export function withAskingWordsSpelled(query: string, vocabulary: SpellingCorrector): string {
  return query.replace(/(?<![\p{L}\p{N}])[aAwW][\p{L}]{3,7}(?![\p{L}\p{N}])/gu, (word) => {
    const lower = word.toLowerCase();
    if (['actie', 'acties', 'welk', 'welke'].includes(lower) || vocabulary.documentFrequency(lower) > 0) return word;
    // A typo of another word stays for the spelling repair: "aktief" is "actief".
    const repair = vocabulary.corrections(lower)[0]?.to;
    if (repair !== undefined && repair !== 'actie' && repair !== 'acties' && repair !== 'welke') return word;
    if (lower.startsWith('w')) return editDistance(lower, 'welke', 1) <= 1 ? 'welke' : word;
    if (editDistance(lower, 'actie', 1) <= 1) return 'actie';
    return editDistance(lower, 'acties', 2) <= 2 ? 'acties' : word;
  });
}

/** Action numbers named in the query, in the order named, within 1–`maxNumber`. */
export function namedActions(query: string, maxNumber = 60): number[] {
  return namedNumbers(query).filter((n) => n >= 1 && n <= maxNumber);
}

// A person's age ("klant is 55 jaar", "een 58-jarige", "(45j)") describes the case, not what is asked: the list says nothing
// on age, and "jaar" found its figures ("leerlingen van 15 jaar", "om de drie jaar"). "25-54-jarigen", the list's own age
// band, stays.
const AGE = /(?<![\p{L}\p{N}]|\d\s*-\s*)(?:1[4-9]|[2-9]\d)\s*-?\s*(?:jaar(?:\s+oud)?|jarigen?|jr|j)(?![\p{L}\p{N}])\.?/giu;

/** The query without the ages it gives; the query itself when nothing else would remain. */
export const withoutAges = (query: string): string => withoutMatches(query, AGE);

/** The query with what `pattern` (global) matches taken out; the query itself when no word would remain. */
export function withoutMatches(query: string, pattern: RegExp): string {
  const rest = query.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
  return tokenize(rest).length > 0 ? rest : query;
}

// "Wat zegt de lijst over …", "wat vraagt de commissie …": the document and its author, not the topic. Left in, a rare word
// such as "lijst" outweighs the topic and brings up the one action that asks for a list. "Een lijst", "de lijst van …" stay.
const POINTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:zegt|zeggen|vraagt|vragen|stelt|stellen|doet|vermeldt|schrijft|bepleit|wil|staat|staan)\s+(?:er\s+)?)?` +
    String.raw`(?:(?:in|volgens|uit|van|door|bij)\s+)?(?:de|het|deze|die)\s+` +
    String.raw`(?:(?:actie)?lijst(?!\s+(?:van|met|voor|per)(?![\p{L}\p{N}]))|commissie(?:\s+diversiteit)?|serv|tekst|document)(?![\p{L}\p{N}-])`,
  'giu',
);

// "Wat is het verschil tussen EVC en EKV?" compares what follows: "verschil" chose "Het verschil kan niet worden verklaard …"
// (on the employment gap) and the PISA scores' "verschil tussen de twee groepen". So does a bare "wat is het verschil?" after
// "ibo" and "en k-ibo?", which quoted HIVA's "7 verschillende trajecttypes" first. "Het verschil in … tussen" asks about a gap.
const COMPARISON =
  /(?<![\p{L}\p{N}])(?:wat\s+(?:is|zijn)\s+)?(?:(?:het|de)?\s*verschil(?:len)?\s+(?:tussen|met)(?![\p{L}\p{N}])|(?:het|de)\s+verschil(?:len)?(?=\s*[?!.]*\s*(?:$|[\n?!.])))/giu;

// "Ik zoek de actie over ouderbetrokkenheid" is the asker looking, not the topic: "zoek", in a single footnote ("niet op zoek
// zijn naar werk"), outweighed the topic and put that footnote's sentence on the latent labour reserve first. "Klant zoekt
// werk" stays.
const ASKER_LOOKS = /(?<![\p{L}\p{N}])(?:ik\s+(?:zoek|ben\s+op\s+zoek\s+naar)|zoek\s+(?:me|mij|eens|even))(?![\p{L}\p{N}])/giu;

/**
 * The query without the words that say how it asks rather than what about: those pointing at the document, the asker
 * looking, and a comparison's frame. The query itself when nothing else would remain.
 */
export function withoutPointers(query: string): string {
  return withoutMatches(withoutMatches(withoutMatches(query, POINTER), ASKER_LOOKS), COMPARISON);
}

/** Words that say how something is asked, not what about: they decide neither whether nor with which sentences to answer. */
export const QUESTION_WORDS = new Set(
  `hoeveel hoelang waarom waarmee waarvoor welk welke wie wat wanneer hoe kan kun kunnen moet moeten zou zouden mijn onze ons jullie jij jouw iemand iets
   mensen persoon personen klant klanten lijst document tekst volgens vraag vragen antwoord uitleg uitleggen samenvatten toelichten graag bedraagt bestaat zeggen staat
   betekent betekenen betekenis doen gebeuren gebeurt rond omtrent inzake aangaande betreffende nodig weten voorgesteld voorgestelde voorstellen
   volledig volledige letterlijk letterlijke woordelijk integraal integrale voluit citeer citeren willen wilt belangrijkste voornaamste
   hoofdstuk hoofdstukken sectie secties paragraaf exporteer exporteren download downloaden print printen afdrukken
   noemen noemt vermelden vermeldt verwijzen verwijst
   waar precies eigenlijk juist begin beginnen vat samen
   please tell what which how who why when can could should`.split(/\s+/),
);

const NONE: ReadonlySet<string> = new Set();

/**
 * What a text says besides how it asks: its words that are neither question words nor in `allowed` (the words of the
 * one kind of question being recognised). "Nothing else" is an empty result.
 */
export function otherWords(text: string, allowed: ReadonlySet<string> = NONE): string[] {
  return tokenize(text).filter((word) => !QUESTION_WORDS.has(word) && !allowed.has(word));
}

/** The (folded) words that name the group every passage is about: a question about its actions asks for all of them. */
export const GROUP_NAME_WORDS: ReadonlySet<string> = new Set(['migratieachtergrond', 'migratie', 'achtergrond', 'allochtoon', 'allochtonen', 'allochtone', 'migrant', 'migranten']);
/**
 * Wanting no one of the group ("geen allochtonen", "geen mensen met een migratieachtergrond", "niemand met een accent"), or
 * only the others ("enkel Belgen"): discrimination.
 */
export const EXCLUDED_GROUP =
  String.raw`(?:geen (?:buitenlanders|allochtonen|migranten|vreemdelingen|nieuwkomers|vluchtelingen|anderstaligen|moslims|zwarten|marokkanen|turken|afrikanen` +
  String.raw`|(?:mensen|personen|kandidaten) (?:met een|van) (?:migratie-?achtergrond|andere afkomst|vreemde afkomst|buitenlandse afkomst|accent|buitenlandse naam))` +
  String.raw`|niemand (?:met een|van) (?:migratie-?achtergrond|andere afkomst|vreemde afkomst|buitenlandse afkomst|accent|buitenlandse naam)` +
  String.raw`|(?:enkel|alleen|uitsluitend) (?:belgen|vlamingen|autochtonen|blanken|witte (?:mensen|kandidaten)|(?:mensen|personen|kandidaten) van (?:belgische|vlaamse) (?:afkomst|origine)))`;
const EXCLUDES_GROUP = new RegExp(String.raw`\b${EXCLUDED_GROUP}\b`, 'i');

/**
 * The group's names that say nothing beside an actor or a theme ("wat moet VDAB doen voor migranten?"): none when the
 * question keeps the group out ("werkgever zegt: geen allochtonen" is about discrimination, not the employers' actions).
 */
export const groupNamesAsked = (question: string): ReadonlySet<string> => (EXCLUDES_GROUP.test(question) ? NONE : GROUP_NAME_WORDS);

// The names of the group every passage is about. As words to match they choose the passages that merely name it.
const GROUP_NAMES = /(?<![\p{L}\p{N}])(?:migratie-?achtergrond(?:en)?|allochto\p{L}*|migrant(?:en)?)(?![\p{L}\p{N}])/giu;

/**
 * The text without the group's names, unless they are all it asks about ("wat is een migratieachtergrond?"): full-text
 * search matches it. Only the findings on schools write "migratieachtergrond" as one word, and they came among the first
 * three for "stages voor jongeren met migratieachtergrond".
 */
export function withoutGroupNames(text: string): string {
  const rest = text.replace(GROUP_NAMES, ' ');
  return tokenize(rest).some((word) => !QUESTION_WORDS.has(word)) ? rest : text;
}

// A staff, a share or a target the group is counted in ("leraren met een migratieachtergrond" is Actie 32's diverse
// teaching staff, "quota allochtonen" Actie 31's target figure): beside these words the group's names say what is counted.
const COUNTS_THE_GROUP = /\b(leraren|leerkracht|docent|personeel|ambtena|medewerker|rolmodel|quota|quotum|streefcijfer|aandeel|vertegenwoordig|weerspiegel)/iu;

/**
 * The text the question's vector is made of: without the group's names, as for full-text search, unless the question counts
 * the group. Embedded, "vrouwen met migratieachtergrond" was nearest to the footnotes titled with those words and to the
 * definition, not to the actions on women.
 */
export const embeddedText = (text: string): string => (COUNTS_THE_GROUP.test(text) ? text : withoutGroupNames(text));
