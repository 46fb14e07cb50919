// Recognises follow-up questions ("en wat zegt actie 45 daarover?", "geef een voorbeeld") that lean on the previous turn,
// and which of its actions "de tweede" means.
import { namedNumbers, otherWords } from '../search/query-analysis.js';
import { tokenize } from '../search/text.js';

// "wat is het verschil met actie 20?" compares with what the previous answer said.
const REFERRING = /\b(verschil met|verschillen met|vergeleken met|in vergelijking met|daar|daarover|daarvan|daarbij|daarmee|daarin|daarop|hierover|hiervan|hierbij|hierin|hierop|erover|ervan|erbij|erin|erop|dat|die|dit|deze|het vorige|zo'n|zulke|voorbeeld|voorbeelden|meer|verder|ook|nog)\b/i;
const OPENING = /^\s*(en|maar|ook|of|dus|waarom|hoe dan|geef|toon|vertel)\b/i;

/** A short question that refers back, or has too few words of its own to stand alone. */
export function isFollowUp(question: string): boolean {
  const words = question.trim().split(/\s+/).length;
  if (words > 16) return false;
  return OPENING.test(question) || REFERRING.test(question) || tokenize(question).length <= 1;
}

// "welke andere acties gaan daarover?", "nog acties?": the previous answer's actions are the ones the asker already has.
const OTHER_ACTIONS = /\b(andere|overige|bijkomende|verdere|nog)\s+(\p{L}+\s+)?(acties|maatregelen|aanbevelingen)\b/iu;
/** Whether a follow-up asks for actions besides those the previous answer cited. */
export const asksForOtherActions = (question: string): boolean => OTHER_ACTIONS.test(question);
/** The question without asking for other actions: searched, "andere acties" quoted "… en andere acties mogelijk zijn". */
export const withoutOtherActions = (question: string): string => question.replace(OTHER_ACTIONS, ' ');

// Words that may follow the ordinal besides function and question words: "leg de tweede eens uit", "de eerste daarvan",
// "leg de eerste actie wat meer uit".
// Asking to explain an action further: "meer", "beter".
const MORE = ['meer', 'beter', 'verder', 'duidelijker', 'nader'];
const AFTER_ORDINAL = new Set(['eens', 'even', 'nog', 'dan', 'precies', 'daarvan', 'ervan', 'hiervan', 'wat', ...MORE]);
const ORDINALS = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende'];
/** An ordinal word as a capturing group, as `ordinalIndex` reads it: "tweede", "3de", "laatste", "voorlaatste". */
export const ORDINAL_WORD = String.raw`(${ORDINALS.join('|')}|laatste|voorlaatste|\d{1,2}\s?(?:e|de|ste)\b)`;
// "de tweede", "die eerste", "de 3de", "de laatste": the answer's actions in the order it cited them. Not "het eerste dat ik
// moet doen", and not "nummer 2", which reads as Actie 2 (see spellOutBareNumber): the answer shows every action by its number.
const ORDINAL = new RegExp(
  String.raw`\b(?:de|die)\s+${ORDINAL_WORD}(?:\s+(?:actie|maatregel|punt|aanbeveling))?(?=\s+(\p{L}+)|[\s?.!,]*$)`,
  'iu',
);

/**
 * The question with an ordinal reference to the previous answer's actions spelled out ("meer over de tweede" → "meer over
 * actie 41"), or null. Only when the ordinal ends the question or is followed by a function word ("wat houdt de tweede
 * in?", "de eerste actie"): "de eerste generatie" is a topic.
 */
export function resolveOrdinal(question: string, previousActions: readonly number[]): string | null {
  const match = ordinalMatch(question);
  if (!match) return null;
  const index = ordinalIndex(match[1] ?? '', previousActions.length);
  const action = index === null ? undefined : previousActions[index];
  if (action === undefined) return null;
  return withActionSpelled(question, match.index, match.index + match[0].length, action);
}

/** The question with the words from `start` to `end`, which name an action some other way, replaced by "actie N". */
export const withActionSpelled = (question: string, start: number, end: number, action: number): string =>
  `${question.slice(0, start)}actie ${action}${question.slice(end)}`;

// What a question about one action may say besides naming it: "wat houdt actie 20 in?", "leg de laatste actie eens uit".
export const ABOUT_ONE_ACTION = new Set([...AFTER_ORDINAL, 'houdt', 'inhoudt', 'waarover', 'leg', 'uitleggen', 'licht', 'toe', 'vraagt', 'toon', 'luidt', 'uitvoeren']);

/**
 * A question about the actions it names and nothing else, without pointing back: "en actie 4?", and "en de tweede?" once
 * spelled out. It stands alone: read as a follow-up, the previous question's words were searched with it, and its answer
 * quoted the actions counted in after the one asked for. Returned as it is searched, without a request to explain the
 * actions further ("leg actie 18 wat beter uit" → "leg actie 18 uit"); null for any other question.
 */
export function onlyAboutNamed(question: string): string | null {
  const plain = question.replace(EXPLAIN_MORE, '$1');
  return namedNumbers(plain).length > 0 && !REFERRING.test(plain) && otherWords(plain, ABOUT_ONE_ACTION).every((word) => /^\d+$/.test(word)) ? plain : null;
}

// Asking to explain an action further ("leg de eerste actie meer uit", "leg actie 18 wat beter uit") refers to nothing before
// it: read as a follow-up, it was searched with the previous question and quoted that answer again, "beter" matched too.
const EXPLAIN_MORE = new RegExp(String.raw`\b(?:wat\s+)?(?:${MORE.join('|')})\s+(uit|uitleggen|toelichten|toe)\b`, 'giu');

/** Which of `count` items "eerste", "3de", "laatste" or "voorlaatste" stands for; null when there is no such item. */
export function ordinalIndex(ordinal: string, count: number): number | null {
  const word = ordinal.toLowerCase().replace(/\s/g, '');
  const index =
    word === 'laatste' ? count - 1 : word === 'voorlaatste' ? count - 2 : ORDINALS.includes(word) ? ORDINALS.indexOf(word) : Number.parseInt(word, 10) - 1;
  return Number.isInteger(index) && index >= 0 && index < count ? index : null;
}

/** Whether a question names an action by its place in an earlier answer ("wat houdt de eerste in?", "en de laatste?"). */
export const refersByOrdinal = (question: string): boolean => ordinalMatch(question) !== null;

function ordinalMatch(question: string): RegExpExecArray | null {
  const match = ORDINAL.exec(question);
  if (!match) return null;
  const next = match[2];
  return next !== undefined && otherWords(next, AFTER_ORDINAL).length > 0 ? null : match;
}
