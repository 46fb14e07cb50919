// Positive-action questions: recognising them, the legal document's items they need, its conditions quoted verbatim, and the disclaimer.
import { REFERENCES } from '../positive-action/references.js';
import type { StoredPassage } from '../repositories/passages-repository.js';
import { EXCLUDED_GROUP } from '../search/query-analysis.js';
import type { SpellingCorrector } from '../search/spelling.js';
import { tokenize } from '../search/text.js';
import { sentences } from './citations.js';

// Reserving a job for the group is asked in everyday words too: "een vacature enkel openstellen voor mensen met een migratieachtergrond".
const TARGET_GROUP = String.raw`(migratie-?achtergrond|allochto\w*|migrant(en)?|buitenlanders?|buitenlandse (herkomst|afkomst|roots)|etnisch\w*|afkomst|herkomst|nieuwkomers?|vluchteling(en)?|doelgroep)`;
const ONLY = String.raw`(enkel|alleen|uitsluitend|exclusief)`;
const JOB = String.raw`(vacatures?|jobs?|functies?|betrekkingen|betrekking|(stage)?plaats(en)?|stages?|(werk|stage)plek(ken)?|aanwerving)`;
const HIRE = String.raw`(aanwerven|aannemen|rekruteren|werven|selecteren|kiezen|uitnodigen|in dienst nemen)`;
// A job only for the group ("een stage enkel voor vluchtelingen", "een job voor enkel nieuwkomers"), or hiring only from it;
// "opleidingen alleen voor nieuwkomers" is not a question about the law.
const RESERVED_FOR_GROUP =
  String.raw`${JOB}\b[^.?!]{0,40}\b(${ONLY}\b[^.?!]{0,40}\bvoor|voor\s+${ONLY})\b[^.?!]{0,60}\b${TARGET_GROUP}` +
  String.raw`|${ONLY}\b[^.?!]{0,60}\b${TARGET_GROUP}\b[^.?!]{0,40}\b${HIRE}`;
// The legal framework's condition for a preference, as HR staff ask about it: "bij gelijke geschiktheid".
const EQUAL_COMPETENCE = String.raw`(bij|met) gelijke (geschiktheid|competenties?|kwalificaties?|bekwaamheid|verdiensten?)|bij gelijkwaardigheid`;
// The group as a vacancy would name those it seeks; "afkomst" alone is a criterion asked about ("naar de afkomst vragen").
const SOUGHT_GROUP = String.raw`(migratie-?achtergrond|allochto\w*|migrant(en)?|buitenlanders|buitenlandse (herkomst|afkomst|roots)|nieuwkomers|vluchtelingen)`;
const VACANCY = String.raw`(vacatures?|vacaturetekst(en)?|(job|personeels)advertenties?)`;
// Recruitment aimed at the group, which the framework lists among positive actions ("gerichte wervingscampagnes"): a
// campaign, a diversity clause, a vacancy that encourages the group to apply ("… dat kandidaten met migratieachtergrond
// aangemoedigd worden te solliciteren"), or one that says it seeks them ("mag ik in een vacature zetten dat we mensen met
// migratieachtergrond zoeken?", "een jobadvertentie richten op nieuwkomers"); a vacancy that wants "geen buitenlanders" is
// the opposite, discrimination, and one "enkel voor" the group reserves a job.
const RECRUITMENT =
  String.raw`gerichte? (werving|rekrutering)|(wervings|rekruterings)campagnes?|diversiteits(clausule|verklaring|statement)s?` +
  String.raw`|${VACANCY}\b[^.?!]{0,80}\b(aan(ge)?moedig\w*|moedig\w*|aan(ge)?spo+r\w*|op(ge)?roep\w*|uit(ge)?nodig\w*|aantrekken)` +
  String.raw`|(mag|mogen|toegelaten|toegestaan|legaal)\b[^.?!]{0,40}\b${VACANCY}\b(?:(?!\b(?:geen|naar|enkel|alleen|uitsluitend|exclusief)\b)[^.?!]){0,80}\b${SOUGHT_GROUP}` +
  String.raw`|${VACANCY}\b[^.?!]{0,30}\b(richten|gericht)\s+op\b[^.?!]{0,30}\b${SOUGHT_GROUP}`;
// Asking whether something may be offered to the group alone ("mag een sectorfonds een opleiding enkel voor nieuwkomers
// organiseren?"): a training or a coaching programme for the group is one of the framework's examples of positive action.
// Without the permission it is a mediator's question about what exists ("welke opleidingen zijn er alleen voor nieuwkomers?").
// The permission may come last, right after the group: "is een opleiding enkel voor nieuwkomers toegestaan?", "… alleen
// voor vluchtelingen, mag dat?"; further on, "mag" is about something else ("… die je mag volgen met een leefloon").
const ONLY_FOR_GROUP_ALLOWED =
  String.raw`(mag|mogen|toegelaten|toegestaan|legaal)\b[^.?!]{0,80}\b(${ONLY}\s+voor|voor\s+${ONLY})\b[^.?!]{0,40}\b${TARGET_GROUP}` +
  String.raw`|(${ONLY}\s+voor|voor\s+${ONLY})\b[^.?!]{0,40}\b${TARGET_GROUP}\b[^.?!]{0,12}\b(toegelaten|toegestaan|legaal|wettelijk|mag dat|mag dit|mag het)`;
// "positieve actie", the misspelling "positive actie", the framework's instruments "positief actieplan" and "toetredingsakte",
// its first condition ("kennelijke ongelijkheid") and the royal decree on it, the only one the documents know ("geldt het KB
// ook voor gemeenten?" quoted Acties 34 and 35 on local employers).
export const POSITIVE_ACTION = new RegExp(
  String.raw`\b(positie?[fv]e? actie(s|plan|plannen)?|toetredingsakte|kennelijke ongelijkheid|kb|koninklijk besluit|voorkeursbehandeling|voorrang (geven|bij)|streefcijfers?|quota|quotums?|voorbehouden|${EQUAL_COMPETENCE}|${RESERVED_FOR_GROUP}|${RECRUITMENT}|${ONLY_FOR_GROUP_ALLOWED})\b`,
  'i',
);
const ABOUT_TARGET_GROUP = new RegExp(String.raw`\b${TARGET_GROUP}\b`, 'i');
// Groups the anti-racism law and the framework do not cover: positive action for them is another law's.
const OTHER_GROUP = /\b(vrouw(en|elijke)?|mannen|gender|handicap|beperking|arbeidsbeperking|ouderen|oudere|\d{2}-?plussers?|jongeren|leeftijd|holebi\w*|lgbt\w*)\b/i;
/** The stored legal document on positive action (corpus/positieve-actie-kader.md). */
export const LEGAL_DOCUMENT_ID = 'positieve-actie-kader';
export const LEGAL_DISCLAIMER = 'Dit is oriëntatie, geen juridisch advies: vraag Unia om een oordeel.';
/** Said before UNIA_REFERRAL when only the action list answered a question of law: its actions are policy, not law. */
export const POLICY_NOT_LAW = 'De actielijst doet beleidsvoorstellen en zegt niet wat de wet toelaat.';
/** Where to ask a legal question on equal treatment at work that the list does not answer. */
export const UNIA_REFERRAL = 'Voor een juridisch oordeel over gelijke behandeling bij werving, selectie of op het werk kun je terecht bij Unia.';
// What may be done at work, asked as a question of law: "is het legaal …", "mag ik als werkgever …", "mag ik bij een sollicitatie …",
// "mag ik cv's anoniem maken?";
// a headscarf or other religious sign at work always is ("werkgever wil geen hoofddoek, wat nu?"), and the list says nothing on it;
// so is a client's request to send no one of a group ("uitzendbureau vraagt geen buitenlanders", "werkgever zegt: geen
// allochtonen"), which a mediator must refuse, and a requirement or refusal on language ("mag ik Nederlands als vereiste stellen?");
// so is what an employer can impose or refuse ("kan een werkgever een taaltest verplichten bij aanwerving?").
const RELIGIOUS_SIGN = String.raw`hoofddoek\w*|religieuze? (?:symbol\w*|kledij|tekens)`;
const ASKS_THE_LAW = new RegExp(
  String.raw`\b(legaal|illegaal|wettelijk|toegelaten|toegestaan|verboden|strafbaar|juridisch\w*|antidiscriminatiewet\w*|antiracismewet|${RELIGIOUS_SIGN}|(?:vraagt|vragen|vroeg|wil|wilt|willen|zegt|zei|zeggen):?\s+["“‘']?${EXCLUDED_GROUP}|discriminerende? (?:vraag|vragen|verzoek\w*)|(?:kan|kunnen) (?:(?:een|de|mijn|onze|die|als) )?werkgevers?\b[^.?!]{0,60}\b(?:verplicht\w*|eisen|eist|weiger\w*|verbied\w*)|(?:mag (?:ik|je|men|een|de|het|hij|zij|we)|mogen (?:we|wij|jullie|ze|werkgevers))\b[^.?!]{0,50}\b(werkgever\w*|sollicit\w*|kandida\w*|vacature\w*|aanwerv\w*|personeel\w*|werknemer\w*|interim\w*|uitzend\w*|cv(?:['’]?s)?|selectie\w*|rekrut\w*|anonie?m\w*|vereiste\w*|taaleis\w*|taaltest\w*|weigeren (?:omdat|wegens|vanwege|op basis)))\b`,
  'i',
);

/** A question about what the law allows at work: a refusal still says where to ask it. */
export const asksTheLaw = (question: string): boolean => ASKS_THE_LAW.test(question);
const ABOUT_RELIGIOUS_SIGN = new RegExp(String.raw`\b(${RELIGIOUS_SIGN})`, 'i');
/**
 * A headscarf or another religious sign at work: religion is a criterion of the anti-discrimination law, and neither the
 * list nor the framework says anything on it. "werkgever wil geen vrouwen met hoofddoek" was answered from the mentoring
 * actions, on "vrouwen" and "werkgever", where "werkgever wil geen hoofddoek" was refused.
 */
export const asksAboutReligiousSign = (question: string): boolean => ABOUT_RELIGIOUS_SIGN.test(question);
// The anti-racism law's criteria, as HR staff name them in a question of law: "mag ik bij een sollicitatie naar de nationaliteit
// vragen?"; so is wanting no one of the group ("mag ik in een vacature zetten dat we geen buitenlanders willen?"). A mother
// tongue is asked with them: the item on the criteria also says that the anti-discrimination law covers the others, and "mag
// ik vragen naar de moedertaal van een kandidaat" quoted a finding on entrepreneurship instead.
const PROTECTED_CRITERION = new RegExp(
  String.raw`\b(nationaliteit\w*|afkomst|herkomst|huidskleur|ras|etnisch\w*|afstamming|moedertaal|thuistaal|${EXCLUDED_GROUP})\b`,
  'i',
);
// What finds the legal item listing those criteria, whichever one of them a question names.
const CRITERIA_WORDS = 'criteria antiracismewet nationaliteit huidskleur afkomst afstamming';

/** A question of law on one of the anti-racism law's criteria: "mag ik als werkgever vragen naar iemands afkomst?". */
export const asksAboutProtectedCriterion = (question: string): boolean => asksTheLaw(question) && PROTECTED_CRITERION.test(question);

/** The legal conditions are those of art. 10 §2; the item stating them cites it. */
const CONDITIONS_REFERENCE = REFERENCES.antiracismArt10Par2;
const BARE_REFERENCE = /^\[[^\]\n]+\]$/;

const RESERVED = new RegExp(RESERVED_FOR_GROUP, 'i');
/**
 * The legal framework's own words for a job kept for the group. A question that asks it in everyday words ("een vacature enkel
 * openstellen voor …") shares none of them, so the item that answers it (a job "uitsluitend voor de doelgroep voorbehouden")
 * would not be found. Only the legal items and the extractive sentences are matched with them: the search itself is unchanged,
 * because these words as glossary entries made the ranking of other questions worse.
 */
const RESERVATION_WORDS = 'uitsluitend voorbehouden';
// The same for recruitment aimed at the group: the item that lists "gerichte wervingscampagnes" as an example.
const RECRUITMENT_WORDS = 'gerichte wervingscampagnes';
const RECRUITING = new RegExp(RECRUITMENT, 'i');
// How long a plan may run: the item saying "loopt een plan hoogstens drie jaar" shares no word with "hoelang mag het duren".
const DURATION = /\b(hoe ?lang|duurt|duren|looptijd)\b/i;
const DURATION_WORDS = 'loopt hoogstens drie jaar';
// Who approves a plan, asked with the separable verb: "wie keurt een positief actieplan goed?" shares no word with "goedgekeurd".
const APPROVAL = /\b(goedkeur\w*|goedgekeurd|keur(t|en|de|den)\b[^.?!]{0,60}\bgoed)\b/i;
const APPROVAL_WORDS = 'goedgekeurd goedkeuring federale minister aanspreekpunt';
// How the inequality is shown: "welke cijfers heb ik nodig voor een positief actieplan?" shares no word with the item on
// showing it "met elk passend bewijsmiddel (bijvoorbeeld statistieken)", and led with the item on reserving a job.
const EVIDENCE = /\b(aan ?tonen|toon\w*\b[^.?!]{0,60}\baan|bewijs\w*|cijfers|statistieken)\b/i;
const EVIDENCE_WORDS = 'toont kennelijke ongelijkheid bewijsmiddel statistieken';
// For whom the rules hold: "geldt het KB ook voor gemeenten?" quoted Acties 34 and 35 before the item saying the decree
// holds for the private sector only. Asked of an employer or a sector, not of a condition ("geldt de voorrang ook …").
const SCOPE =
  /\b(geldt|gelden|van toepassing)\b[^.?!]{0,40}\b(gemeenten?|steden|lokale? besture?n|overheid|overheden|openbare|publieke|priv[eé]\w*|bedrijf|bedrijven|ondernemingen|kmo\W?s?|scholen|ocmw\W?s?|vzw\W?s?|social profit|non-?profit|sectoren|sector|werkgevers?|organisaties?)\b/i;
const SCOPE_WORDS = 'van toepassing privésector';
// Examples of positive actions, or of what an offer only for the group may be: the item that lists them ("Als voorbeelden
// noemen commentaren op het KB: gerichte wervingscampagnes, …, opleidingen, …") was eighth in the search.
const EXAMPLES = new RegExp(String.raw`\b(voorbeeld(en)?|bijvoorbeeld|zoals wat)\b|${ONLY_FOR_GROUP_ALLOWED}`, 'i');
const EXAMPLE_WORDS = 'voorbeelden';
// A preference between equally suited candidates, the framework's condition for one.
const EQUAL_MERIT = new RegExp(EQUAL_COMPETENCE, 'gi');

export const isPositiveActionQuestion = (question: string): boolean => POSITIVE_ACTION.test(question);

// Words that frame a positive-action question rather than name the measure it asks about: the permission asked for and
// the group it is for. Nearly every sentence of the action list names the group, and "is een stage enkel voor
// vluchtelingen toegelaten?" quoted "… waardoor enkel sterke profielen worden toegelaten" (Actie 40). So do the verbs of
// putting it in a vacancy: "… zetten dat we mensen met migratieachtergrond zoeken" quoted "inzetten" and "onderzoekers".
const LAW_FRAME = new RegExp(String.raw`^(${TARGET_GROUP}|zetten|vermelden|schrijven|zoeken|zoekt|toegelaten|toegestaan|legaal|illegaal|wettelijk|verboden|buitenlandse)$`);

/**
 * Which (folded) words of a positive-action question's legal wording choose sentences of the legal framework only: those
 * that frame the question (LAW_FRAME), the words of the framework's condition "bij gelijke competenties", and the
 * framework's words that legalWording added for it. Added, "gerichte" quoted Actie 49's "vindplaatsgericht werken" for a
 * vacancy seeking the group.
 */
export function lawFraming(question: string): (token: string) => boolean {
  const asked = new Set(tokenize(question));
  const added = new Set(tokenize(legalWording(question)).filter((token) => !asked.has(token)));
  // "bij gelijke competenties" is the framework's condition, not a topic: it quoted Actie 18 on recognising competences.
  const condition = new Set([...question.matchAll(EQUAL_MERIT)].flatMap((match) => tokenize(match[0])));
  return (token) => LAW_FRAME.test(token) || added.has(token) || condition.has(token);
}

/**
 * The question as the legal items are matched against it: with the framework's words for reserving a job, for aimed
 * recruitment, for a plan's duration or for its approval when it asks that.
 */
export const legalWording = (question: string): string => [question, ...frameworkWords(question)].join(' ');

/**
 * The framework's words for what the question asks: reserving a job, aimed recruitment, a plan's duration or approval,
 * examples, how the inequality is shown, or for whom the rules hold.
 */
function frameworkWords(question: string): string[] {
  return [
    asksToReserve(question) ? RESERVATION_WORDS : null,
    asksAboutRecruitment(question) ? RECRUITMENT_WORDS : null,
    asksAboutDuration(question) ? DURATION_WORDS : null,
    asksAboutApproval(question) ? APPROVAL_WORDS : null,
    asksForExamples(question) ? EXAMPLE_WORDS : null,
    EVIDENCE.test(question) ? EVIDENCE_WORDS : null,
    SCOPE.test(question) ? SCOPE_WORDS : null,
  ].filter((words): words is string => words !== null);
}

/**
 * The item that answers the detail a question asks (see frameworkWords): the one with most of the framework's words for
 * it, the question's own words deciding between equals. Ranked by all words at once, "bij wie moet ik een positief
 * actieplan laten goedkeuren?" led with the item on reserving a job ("… goedgekeurd positief actieplan … laten toetsen")
 * before those naming the minister and the FOD. Null when the question asks no such detail.
 */
export function detailItem(question: string, passages: readonly StoredPassage[], vocabulary: Pick<SpellingCorrector, 'documentFrequency' | 'documents'>): StoredPassage | null {
  const words = frameworkWords(question);
  if (!words.length) return null;
  const byDetail = scoredLegalItems(words.join(' '), passages, vocabulary);
  const best = byDetail[0];
  if (!best) return null;
  const tied = new Set(byDetail.filter((entry) => entry.score === best.score).map((entry) => entry.passage));
  return rankLegalItems(legalWording(question), passages, vocabulary).find((passage) => tied.has(passage)) ?? best.passage;
}

/** "een wervingscampagne gericht op nieuwkomers", "kandidaten met een migratieachtergrond aanmoedigen in de vacature". */
export const asksAboutRecruitment = (question: string): boolean => RECRUITING.test(question);

/** "wie keurt een positief actieplan goed?", "moet de toetredingsakte goedgekeurd worden?". */
export const asksAboutApproval = (question: string): boolean => APPROVAL.test(question);

/** "voorbeelden van positieve acties", "mag een sectorfonds een opleiding enkel voor nieuwkomers organiseren?". */
export const asksForExamples = (question: string): boolean => EXAMPLES.test(question);

/** "hoelang mag een positieve actie duren?", "looptijd van een positief actieplan". */
export const asksAboutDuration = (question: string): boolean => DURATION.test(question);

/** "een stage enkel voor vluchtelingen", "alleen nieuwkomers aanwerven": a job or hiring kept for the group. */
export const asksToReserve = (question: string): boolean => RESERVED.test(question);

// "hoe lang mag dat duren?", "wie keurt dat goed?", "welke voorwaarden?" right after a positive-action question ask about
// the same measure; without these words a follow-up may have moved on ("en wat zegt de lijst over EVC?").
const CONDITIONS = /\bvoorwaarden\b/i;

/** "welke voorwaarden?", "aan welke voorwaarden moet een positieve actie voldoen?". */
export const asksForConditions = (question: string): boolean => CONDITIONS.test(question);

/** Whether a follow-up asks one of the things the legal framework answers about a positive action. */
export const asksPositiveActionDetail = (question: string): boolean =>
  asksToReserve(question) || asksAboutRecruitment(question) || asksAboutDuration(question) || asksAboutApproval(question) || asksForExamples(question) || asksForConditions(question);

/**
 * A positive-action question about people with a migration background is in scope whatever its words: the legal framework
 * answers it even when the search finds too little in the words it uses ("hoelang mag een positieve actie duren?"). One
 * that names no group is about them too, since that is what Actiewijzer is for; positive action for other groups is not.
 */
export const isPositiveActionForTargetGroup = (question: string): boolean =>
  isPositiveActionQuestion(question) && (ABOUT_TARGET_GROUP.test(question) || !OTHER_GROUP.test(question));

/**
 * Positive action for another group ("positieve actie voor vrouwen") is another law's: refused whatever the search finds,
 * since the framework's conditions are the anti-racism law's. It was refused only while its words found too little, and
 * answered with those conditions once "vrouwen" was a glossary word.
 */
export const isPositiveActionForOtherGroup = (question: string): boolean =>
  isPositiveActionQuestion(question) && !ABOUT_TARGET_GROUP.test(question) && OTHER_GROUP.test(question);

const NAMES_JOB = new RegExp(String.raw`\b${JOB}\b`, 'i');
/** Whether a follow-up to a positive-action question turns it to a job, a traineeship or hiring ("en als het een stage is?"). */
export const turnsToJob = (question: string): boolean => NAMES_JOB.test(question);

/**
 * The group a follow-up to a positive-action question turns to, by its own words: "en voor vluchtelingen?" asks about the
 * target group, "mag dat voor vrouwen?" about another; null for neither. Read as questions of their own, both lost the
 * legal framework: the first quoted VDAB's outreach (Actie 49) with no conditions, the second the framework with no word on
 * the other law.
 */
export function groupTurnedTo(question: string): 'target' | 'other' | null {
  if (ABOUT_TARGET_GROUP.test(question)) return 'target';
  return OTHER_GROUP.test(question) ? 'other' : null;
}

/** Said with that refusal, before the referral to Unia. */
export const OTHER_LAW =
  'Positieve actie voor een andere groep dan personen met een migratie-achtergrond valt onder een andere wet (de Antidiscriminatiewet of de Genderwet); daarover gaan deze documenten niet.';

const isItem = (passage: StoredPassage) => passage.kind === 'action' && passage.action === null;

/** The item that names the anti-racism law's criteria (point 1 of the legal framework). */
export function criteriaItem(passages: readonly StoredPassage[], vocabulary: Pick<SpellingCorrector, 'documentFrequency' | 'documents'>): StoredPassage | null {
  return rankLegalItems(CRITERIA_WORDS, passages, vocabulary)[0] ?? null;
}

/** The item that states the legal conditions: it cites art. 10 §2 and lists them; else the first item citing art. 10 §2. */
export function conditionsItem(passages: readonly StoredPassage[]): StoredPassage | null {
  const citing = passages.filter((passage) => isItem(passage) && passage.refs.includes(CONDITIONS_REFERENCE));
  return citing.find((passage) => /^\s*[-*]\s+/m.test(passage.text)) ?? citing[0] ?? null;
}

/** The document's items by how well their text matches the question (rarer shared words weigh more); ties keep document order. */
export function rankLegalItems(question: string, passages: readonly StoredPassage[], vocabulary: Pick<SpellingCorrector, 'documentFrequency' | 'documents'>): StoredPassage[] {
  return scoredLegalItems(question, passages, vocabulary).map((entry) => entry.passage);
}

function scoredLegalItems(
  question: string,
  passages: readonly StoredPassage[],
  vocabulary: Pick<SpellingCorrector, 'documentFrequency' | 'documents'>,
): { passage: StoredPassage; score: number }[] {
  const wanted = [...new Set(tokenize(question))];
  const idf = (token: string) => {
    const df = vocabulary.documentFrequency(token);
    return df > 0 ? Math.log((vocabulary.documents + 1) / df) : 0;
  };
  return passages
    .filter(isItem)
    .map((passage, index) => {
      const tokens = new Set(tokenize(passage.text));
      return { passage, index, score: wanted.reduce((sum, token) => sum + (tokens.has(token) ? idf(token) : 0), 0) };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * Extractive lines quoting the conditions item sentence by sentence, verbatim: its label on the first line, its
 * bracketed reference after the last. Sentences the answer already quotes are not repeated.
 */
export function conditionLines(item: StoredPassage, label: string | null, answer: string): string[] {
  const all = sentences(item.text);
  const reference = all.filter((sentence) => BARE_REFERENCE.test(sentence)).at(-1) ?? null;
  const quoted = all.filter((sentence) => !BARE_REFERENCE.test(sentence) && !answer.includes(`“${sentence}”`));
  if (!quoted.length) return [];
  return quoted.map((sentence, index) => {
    const tags = [index === 0 && label ? `[${label}]` : null, index === quoted.length - 1 ? reference : null].filter(Boolean);
    return `- “${sentence}”${tags.length ? ` ${tags.join(' ')}` : ''}`;
  });
}
