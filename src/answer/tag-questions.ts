// Questions answered from the actions' actor and theme tags: "wat moet VDAB doen?" and "welke acties gaan over mentoring?"
// gather the tagged actions, "wie moet dat doen?" adds whom the cited actions address.
import { ACTORS, THEMES, type ActorId, type ThemeId } from '../corpus/tags.js';
import type { StoredPassage } from '../repositories/passages-repository.js';
import { groupNamesAsked, otherWords, withoutPointers } from '../search/query-analysis.js';
import { foldText } from '../search/text.js';
import { sentences } from './citations.js';

/**
 * How questions name each actor, on folded text (lower case, no accents or punctuation). The more specific names come
 * first and are taken out before the next are looked for: "lokale overheid" is not also "overheid", "werkgeversorganisaties"
 * not also "werkgevers".
 */
// Sectors by name, which the list never names: "de zorgsector", "bouwsector", "de horeca".
const SECTORS =
  'bouw|horeca|logistiek|transport|schoonmaak|metaal|chemie|textiel|retail|voedingsindustrie|industrie|zorg|gezondheidszorg|ouderenzorg|thuiszorg|ziekenhuis|ziekenhuizen|welzijn|landbouw|tuinbouw|distributie|handel|ict|haven|bewaking';
const ACTOR_NAMES: readonly (readonly [ActorId, RegExp])[] = [
  ['inburgering', /\b(?:agentschap (?:integratie (?:en )?)?inburgering|agii)\b/g],
  ['sociale-partners', /\b(?:sociale partners?|vakbond(?:en)?|werkgeversorganisaties?|werkgeversfederaties?)\b/g],
  ['lokale-besturen', /\b(?:lokale? (?:besturen|bestuur|overheden|overheid)|gemeente(?:n|s|besturen|bestuur)?|ocmws?|steden|stadsbesturen|stadsbestuur)\b/g],
  ['vdab', /\bvdab\b/g],
  ['onderwijs', /\b(?:onderwijs(?:sector)?|scholen|school|onderwijsinstellingen|clbs?)\b/g],
  // A sector by name ("de zorgsector", "bouwsector", "de horeca"): the list names none, so it asks what sectors can do.
  ['sectoren-werkgevers', new RegExp(String.raw`\b(?:[a-z]*sector(?:en)?|sectorfondsen|sectorfonds|sectorconsulent(?:en)?|werkgevers?|bedrijven|bedrijf|ondernemingen|onderneming|${SECTORS})\b`, 'g')],
  ['vlaamse-overheid', /\b(?:(?:vlaamse )?(?:overheid|regering)|ministers?(?: van werk)?)\b/g],
  ['middenveld', /\b(?:middenveld|zelforganisaties|verenigingen|organisaties van de doelgroep)\b/g],
  ['onderzoek', /\b(?:onderzoekers|onderzoeksinstellingen|statistiek vlaanderen)\b/g],
];

// Words that ask what an actor is to do without saying about what: with only these left, the actor is the whole topic.
// So do the words of a consultant preparing a covenant: "ik maak een sectorconvenant voor de horeca, welke acties zijn
// relevant" was searched for "maak" and "relevant", and refused.
const ASKING_WORDS = new Set(
  `doen doet aanpakken rol rollen taak taken opdracht opdrachten verwacht verwachten verwachting verwachtingen vraagt gevraagd iets gericht richten richt
   bedoeld betrokken aanbeveling aanbevelingen actielijst lijstje commissie serv speelt spelen verantwoordelijk verantwoordelijkheid
   verantwoordelijkheden concreet allemaal precies ondernemen bijdragen gebeuren aangesproken vermeld genoemd overzicht opsommen noem
   noemen toon tonen specifiek specifieke vooral nodig hun eigen zelf kant betreffen betreft opnemen opgenomen horen hoort thuishoren
   passen past belangrijkste voornaamste uitvoeren uitvoert voert uitgevoerd uitvoering nemen neemt genomen maatregel maatregelen stap
   stappen zetten zet realiseren realiseert gebruiken gebruikt inzetten
   relevant relevante nuttig nuttige interessant interessante toepasselijk toepasselijke maak maken opstellen voorbereiden`.split(/\s+/),
);

// "welke acties horen in een sectorconvenant?": a covenant is the sectors' instrument, so asking for its actions asks what
// sectors and employers are to do. Only when actions are asked for: "wat is een sectorconvenant?" is a question for the search.
// Also as often written, after the English "covenant": "covenant logistiek welke acties opnemen" was refused.
const COVENANT = /\b(?:sector)?con?venant(?:s|en)?\b/g;
// The same without the global flag, whose lastIndex would carry over from one test() to the next.
const NAMES_COVENANT = new RegExp(COVENANT.source);
const ASKS_ACTIONS = /\b(?:acties|actie|maatregelen|overzicht)\b/;

export interface ActorQuestion {
  actor: ActorId;
  /** Nothing but the actor is asked about: "welke acties zijn er voor lokale besturen?". */
  alone: boolean;
  /** The actions asked for are those of a sector covenant. */
  covenant?: true;
  /** Nothing but the actor and this one theme is asked about: "welke acties gaan over VDAB en taal?". */
  theme?: ThemeId;
}

/**
 * Takes the names of `names` out of the folded question, in their order, and says which one tag they named; null when
 * they named none or several.
 */
function takeOutNames<T extends string>(question: string, names: readonly (readonly [T, RegExp])[]): { tag: T; rest: string } | null {
  let rest = ` ${foldText(withoutPointers(question))} `;
  const found = new Set<T>();
  for (const [tag, name] of names) {
    rest = rest.replace(name, () => {
      found.add(tag);
      return ' ';
    });
  }
  const [tag] = found;
  return found.size === 1 && tag !== undefined ? { tag, rest } : null;
}

/** The one actor a question names (a covenant's actions name sectors and employers), and the question without it. */
function namedActor(question: string): { named: { tag: ActorId; rest: string } | null; covenant: boolean } {
  const folded = foldText(question);
  const covenant = ASKS_ACTIONS.test(folded) && NAMES_COVENANT.test(folded);
  // "de overheid als werkgever" names two actors and is about neither: it asks about a theme.
  return { named: takeOutNames(question, covenant ? [...ACTOR_NAMES, ['sectoren-werkgevers', COVENANT] as const] : ACTOR_NAMES), covenant };
}

/** The one actor a question names, and whether it is all the question is about; null for none or several. */
export function askedActor(question: string): ActorQuestion | null {
  const { named, covenant } = namedActor(question);
  if (!named) return null;
  // Every action is for the group: "wat moet VDAB doen voor migranten?" asks for all of VDAB's (it was searched).
  const group = groupNamesAsked(question);
  const topic = otherWords(named.rest, ASKING_WORDS).filter((word) => !group.has(word));
  const theme = topic.length ? themeOnly(named.rest, group) : null;
  return { actor: named.tag, alone: topic.length === 0, ...(covenant ? { covenant: true as const } : {}), ...(theme ? { theme } : {}) };
}

/**
 * The one theme that is all a question says besides its actor: "welke acties gaan over vdab en taal", "wat moet VDAB doen
 * rond taal?". Searched, both quoted Actie 40 (screenings, not language) first and left out VDAB's language actions.
 */
function themeOnly(rest: string, group: ReadonlySet<string>): ThemeId | null {
  const named = takeOutNames(rest, THEME_NAMES);
  return named && besidesTheme(named.rest, group, ASKING_WORDS).length === 0 ? named.tag : null;
}

/** What a question says besides its theme, the words that ask for actions (and `asking`) and the group's names. */
function besidesTheme(rest: string, group: ReadonlySet<string>, asking: ReadonlySet<string> = THEME_ASKING_WORDS): string[] {
  return otherWords(rest, asking).filter((word) => !THEME_ASKING_WORDS.has(word) && !ASKS_FOR_ACTIONS.test(word) && !group.has(word));
}

// Who is to act, not who benefits: "wie haalt voordeel uit kinderopvang" is not asked.
const WHO = /\b(?:wie\s+(?:moet|moeten|zal|zullen|zou|zouden|kan|kunnen|is verantwoordelijk|zijn verantwoordelijk|is bevoegd|doet|neemt|organiseert|betaalt|financiert|zorgt|regelt|coordineert|staat in|trekt|voert|volgt)|bij wie|welke (?:actoren|partners|instanties|diensten|organisaties|partijen|spelers))\b/;

/** "wie moet dat doen?", "bij wie kan ik terecht voor EVC?": the question asks who acts. */
export const asksWho = (question: string): boolean => WHO.test(foldText(question));

// What a who question says besides asking who: "wie moet dat allemaal uitvoeren?" has no topic of its own.
const WHO_WORDS = new Set(
  `doen doet neemt nemen organiseert organiseren betaalt betalen financiert financieren zorgt zorgen regelt regelen coordineert
   coordineren staat trekt trekken voert voeren volgt volgen uitvoeren verantwoordelijk bevoegd betrokken allemaal daarvoor
   hiervoor actoren partners instanties diensten organisaties partijen spelers terecht`.split(/\s+/),
);

/** "wie moet dat doen?": a who question with no topic of its own, which after a list asks about the listed actions. */
export const asksOnlyWho = (question: string): boolean =>
  asksWho(question) && otherWords(question, WHO_WORDS).length === 0;

/**
 * How questions name each theme, on folded text, by the theme's own words only: "kinderopvang" is one part of
 * "Kinderopvang, mobiliteit en flankerend beleid" and asks for less than the whole theme. "Onderwijs" is read as the actor.
 */
const THEME_NAMES: readonly (readonly [ThemeId, RegExp])[] = [
  ['positieve-actie', /\bpositie?[fv]e? acties?\b/g],
  ['diploma-erkenning', /\b(?:erkenning van (?:buitenlandse )?diplomas?|diploma ?erkenning|erkenning diplomas?)\b/g],
  ['competenties', /\b(?:competenties|evc)\b/g],
  ['taal', /\b(?:taal|nederlands leren|nt2)\b/g],
  ['duaal-leren', /\b(?:duaal leren|werkplekleren)\b/g],
  ['trajecten', /\b(?:geintegreerde (?:of gecombineerde )?trajecten|gecombineerde trajecten)\b/g],
  ['werkervaring', /\b(?:werkervaring|stages)\b/g],
  ['mentoring', /\bmentor(?:ing|schap)\b/g],
  ['discriminatie', /\b(?:anti)?discriminatie\b/g],
  ['ondernemerschap', /\bondernemerschap\b/g],
  ['monitoring', /\b(?:monitoring(?: en onderzoek)?|onderzoek|statistieken|statistiek)\b/g],
  ['diversiteitsbeleid', /\bdiversiteitsbeleid\b/g],
  ['outreach', /\boutreach(?:end werken)?\b/g],
  ['flankerend-beleid', /\bflankerend beleid\b/g],
  ['overheid-voorbeeld', /\b(?:voorbeeldrol(?: van de overheid)?|overheid als voorbeeld)\b/g],
];

// A theme is listed only when the question asks for actions: "taal" alone asks what the list says about language.
const ASKS_FOR_ACTIONS = /\b(?:acties|maatregelen|overzicht)\b/;
const THEME_ASKING_WORDS = new Set(['aanpakken', 'rond', 'rondom', 'omtrent', 'specifiek', 'lijst', 'allemaal']);

export interface ThemeQuestion {
  theme: ThemeId;
}

/** The one theme a question asks the actions of ("welke acties gaan over mentoring?"), when nothing else is asked. */
export function askedTheme(question: string): ThemeQuestion | null {
  const named = takeOutNames(question, THEME_NAMES);
  if (!named || !ASKS_FOR_ACTIONS.test(named.rest)) return null;
  // Every action is for the group: "welke acties voor migranten gaan over taal?" asks for the theme's actions.
  return besidesTheme(named.rest, groupNamesAsked(question)).length === 0 ? { theme: named.tag } : null;
}

// "geef de acties per thema", "welke thema's zijn er?": the actions grouped by their theme tags, of one actor when one is
// named ("… voor een sectorconvenant"). Both were refused: "thema" is no word of the list.
const PER_THEME = /\b(?:per thema|themas|thema s)\b/;
const PER_THEME_WORDS = new Set(['per', 'thema', 'themas', 'acties', 'actie', 'indeling', 'ingedeeld', 'geordend', 'ordenen', 'opgedeeld', 'verdeeld', 'gegroepeerd', 'alle']);

/** A question for the actions by theme, of all actions or of the one actor it names, and about nothing else. */
export function asksPerTheme(question: string): PerThemeQuestion | null {
  const folded = ` ${foldText(withoutPointers(question))} `;
  if (!PER_THEME.test(folded)) return null;
  const { named, covenant } = namedActor(question);
  const topic = otherWords(named ? named.rest : folded, ASKING_WORDS).filter((word) => !PER_THEME_WORDS.has(word));
  if (topic.length) return null;
  return { actor: named?.tag ?? null, covenant };
}

export interface PerThemeQuestion {
  actor: ActorId | null;
  /** The actions asked for are those of a sector covenant. */
  covenant: boolean;
}

// "welk thema heeft actie 5?", "onder welke thema's valt actie 12?", after an answer "over welk thema gaat dat?": the themes
// of named actions, or of the previous answer's. Searched, "welk thema heeft actie 5" quoted Actie 5 without its themes.
const THEME_OF = /\b(?:welk|welke)\s+(?:thema|themas|thema s)\b/;
const THEME_OF_WORDS = new Set(['thema', 'themas', 'heeft', 'hebben', 'valt', 'vallen', 'onder', 'over', 'gaat', 'gaan', 'hoort', 'horen', 'bij', 'is', 'zijn', 'dat', 'dit', 'die', 'deze', 'daarvan', 'ervan', 'actie', 'acties', 'en', 'de', 'het']);

/** Whether a question asks which themes actions have, and nothing else (their numbers aside). */
export function asksThemeOf(question: string): boolean {
  if (!THEME_OF.test(` ${foldText(question)} `)) return false;
  return otherWords(question, THEME_OF_WORDS).every((word) => /^\d+$/.test(word));
}

/** For each action, its themes by the tags; null when none carries any. */
export function themeLines(actions: readonly StoredPassage[]): string | null {
  const lines = actions.flatMap((passage) =>
    passage.action !== null && passage.themes.length ? [`- Actie ${passage.action}: ${passage.themes.map((theme) => THEMES[theme as ThemeId] ?? theme).join(', ')}`] : [],
  );
  if (!lines.length) return null;
  const which = lines.length === 1 ? 'deze actie valt' : 'deze acties vallen';
  return [`Onder welke thema’s ${which}, volgens de indeling van Actiewijzer (niet de tekst van de actielijst):`, ...lines].join('\n');
}

/** The actions grouped by theme, in the vocabulary's order; an action with several themes is under each. */
export function composePerTheme(actions: readonly StoredPassage[], { actor, covenant }: PerThemeQuestion): string | null {
  const listed = actions.filter((passage) => passage.action !== null && (!actor || passage.actors.includes(actor)));
  const lines = (Object.keys(THEMES) as ThemeId[]).flatMap((theme) => {
    const numbers = listed.filter((passage) => passage.themes.includes(theme)).map((passage) => passage.action as number);
    return numbers.length ? [`- ${THEMES[theme]}: ${numbers.length === 1 ? 'Actie' : 'Acties'} ${numbers.join(', ')}`] : [];
  });
  if (!lines.length) return null;
  const whose = actor ? ` die zich (mede) richten tot ${ACTORS[actor]}` : '';
  const intro = `Volgens de indeling van Actiewijzer zijn dit de ${listed.length} acties${whose} per thema (een actie kan onder meer dan één thema staan):`;
  const closing = 'De indeling naar thema’s is van Actiewijzer, niet van de actielijst zelf: lees de volledige tekst van een actie voor wat ze precies vraagt.';
  return [intro, ...lines, closing, ...(covenant ? [COVENANT_NOTE] : [])].join('\n');
}

/**
 * A list answer: the intro, the tagged actions in number order, each quoted by its first sentence that uses a name of the
 * tag (else its first sentence with a word that starts with one, else its first sentence), and whose classification the
 * tags are.
 */
function taggedList(intro: string, tagged: readonly StoredPassage[], name: RegExp | undefined, kind: string): string {
  const naming = name ? new RegExp(name.source) : null;
  // Else a sentence with a compound that starts with the name: "Taalondersteuning is daarbij belangrijk" over "Een
  // uitgewerkt … EVC-beleid" for a language action.
  const starting = name ? new RegExp(name.source.replace(/\\b$/, '')) : null;
  const lines = tagged.flatMap((passage) => {
    const all = sentences(passage.text);
    const named = (pattern: RegExp | null) => (pattern ? all.find((sentence) => pattern.test(foldText(sentence))) : undefined);
    const quote = named(naming) ?? named(starting) ?? all[0];
    return quote ? [`- “${quote}” (Actie ${passage.action})`] : [];
  });
  return [intro, ...lines, `De indeling naar ${kind} is van Actiewijzer, niet van de actielijst zelf: lees de volledige tekst van een actie voor wat ze precies vraagt.`].join('\n');
}

/** What a list of the sectors' actions adds when it was asked for a covenant: the two every covenant takes, and the export. */
export const COVENANT_NOTE =
  'Actie 45 (positieve acties in de sectorconvenants) en Actie 56 (een gedragscode non-discriminatie) horen in elk sectorconvenant. ' +
  'Per thema geordend en als Markdown te downloaden: tabblad ‘Sectorconvenant voorbereiden’.';

/** The answer to a question about one actor alone: every action tagged with it. Null when no action carries the tag. */
export function composeActorList(actor: ActorId, actions: readonly StoredPassage[], covenant = false, sector: string | null = null): string | null {
  const tagged = actions.filter((passage) => passage.action !== null && passage.actors.includes(actor));
  if (!tagged.length) return null;
  const count = tagged.length === 1 ? 'richt 1 actie zich' : `richten ${tagged.length} acties zich`;
  const list = taggedList(`Volgens de indeling van Actiewijzer ${count} (mede) tot ${ACTORS[actor]}:`, tagged, ACTOR_NAMES.find(([id]) => id === actor)?.[1], 'actoren');
  return [list, ...(sector ? [sector] : []), ...(covenant ? [COVENANT_NOTE] : [])].join('\n');
}

const ONE_SECTOR = new RegExp(String.raw`\b(?:de )?(?:${SECTORS})(?:sector)?\b`);

/**
 * Said after the actions for sectors when the question names one ("acties voor de horeca"), before a covenant's note: the
 * list names no sector, and the answer lists the actions for all of them.
 */
export function sectorLine(question: string): string | null {
  const sector = ONE_SECTOR.exec(foldText(question))?.[0];
  return sector ? `De actielijst noemt geen afzonderlijke sectoren, ook ${sector} niet: dit zijn de acties voor sectoren en werkgevers in het algemeen.` : null;
}

// A theme of one or two actions is answered better from the search: its answer quotes them anyway, by more than one sentence.
const LISTED_THEME_ACTIONS = 3;

/** The same for the actions of one theme, when it has at least LISTED_THEME_ACTIONS of them. */
export function composeThemeList(theme: ThemeId, actions: readonly StoredPassage[]): string | null {
  const tagged = actions.filter((passage) => passage.action !== null && passage.themes.includes(theme));
  if (tagged.length < LISTED_THEME_ACTIONS) return null;
  return taggedList(`Volgens de indeling van Actiewijzer gaan ${tagged.length} acties over ${THEMES[theme]}:`, tagged, THEME_NAMES.find(([id]) => id === theme)?.[1], 'thema’s');
}

/**
 * The actions tagged with both the actor and the theme, when there are at least LISTED_THEME_ACTIONS of them, as for a
 * theme alone: "welke acties gaan over diversiteitsbeleid in bedrijven?" names the employers as a setting, and its two
 * actions for them left out Actie 44, which the search finds.
 */
export function composeActorThemeList(actor: ActorId, theme: ThemeId, actions: readonly StoredPassage[], covenant = false): string | null {
  const tagged = actions.filter((passage) => passage.action !== null && passage.actors.includes(actor) && passage.themes.includes(theme));
  // A covenant's actions on a theme are listed however few: searched, "welke acties rond taal horen in een sectorconvenant?"
  // was refused.
  if (tagged.length < (covenant ? 1 : LISTED_THEME_ACTIONS)) return null;
  const count = tagged.length === 1 ? 'richt 1 actie' : `richten ${tagged.length} acties`;
  const intro = `Volgens de indeling van Actiewijzer ${count} over ${THEMES[theme]} zich (mede) tot ${ACTORS[actor]}:`;
  const list = taggedList(intro, tagged, THEME_NAMES.find(([id]) => id === theme)?.[1], 'actoren en thema’s');
  return covenant ? `${list}\n${COVENANT_NOTE}` : list;
}

// "welke daarvan gaan over taal?", "en welke van die acties zijn voor VDAB?": the question narrows the actions just answered.
// "van die" alone points at anything ("wat moet VDAB doen voor de kinderen van die nieuwkomers?").
const BACK_TO_LIST = /\b(?:daarvan|hiervan)\b|\bvan (?:die|deze|de vorige|bovenstaande) acties\b|^(?:en )?welke van (?:die|deze)\b/;

export type ListFilter = { theme: ThemeId } | { actor: ActorId };

/** The one theme or actor a question narrows the previous answer's actions to; null unless it refers back to them. */
export function narrowingFilter(question: string): ListFilter | null {
  if (!BACK_TO_LIST.test(foldText(question))) return null;
  const theme = takeOutNames(question, THEME_NAMES);
  const actor = takeOutNames(question, ACTOR_NAMES);
  if (theme && !actor) return { theme: theme.tag };
  if (actor && !theme) return { actor: actor.tag };
  return null;
}

/** Whether an action carries the filter's tag. */
export const carriesTag = (passage: StoredPassage, filter: ListFilter): boolean =>
  'theme' in filter ? passage.themes.includes(filter.theme) : passage.actors.includes(filter.actor);

/** The answer's actions that carry the filter's tag, as a list; null when none does. */
export function composeNarrowedList(filter: ListFilter, answered: readonly StoredPassage[]): string | null {
  const actions = answered.filter((passage) => passage.kind === 'action' && passage.action !== null);
  const tagged = actions.filter((passage) => carriesTag(passage, filter));
  if (!tagged.length) return null;
  const one = tagged.length === 1;
  const what = 'theme' in filter ? `over ${THEMES[filter.theme]}` : `(mede) tot ${ACTORS[filter.actor]}`;
  const verb = 'theme' in filter ? (one ? 'gaat er 1' : `gaan er ${tagged.length}`) : one ? 'richt er 1 zich' : `richten er ${tagged.length} zich`;
  const which = actions.length === 1 ? `De actie hierboven ${'theme' in filter ? 'gaat' : 'richt zich'}` : `Van de ${actions.length} acties hierboven ${verb}`;
  const intro = `${which} ${what}, volgens de indeling van Actiewijzer:`;
  return 'theme' in filter
    ? taggedList(intro, tagged, THEME_NAMES.find(([id]) => id === filter.theme)?.[1], 'thema’s')
    : taggedList(intro, tagged, ACTOR_NAMES.find(([id]) => id === filter.actor)?.[1], 'actoren');
}

/** When none of the answer's actions carries the tag: says so, then lists every action that does (null when none does). */
export function composeNoneOfThem(filter: ListFilter, answered: number, all: readonly StoredPassage[]): string | null {
  const whole = 'theme' in filter ? composeThemeList(filter.theme, all) : composeActorList(filter.actor, all);
  if (whole === null) return null;
  const what = 'theme' in filter ? `over ${THEMES[filter.theme]}` : `tot ${ACTORS[filter.actor]}`;
  const verb = 'theme' in filter ? 'gaat' : 'richt zich';
  const none = answered === 1 ? `De actie hierboven ${verb} niet ${what}` : `Geen van de ${answered} acties hierboven ${verb} ${what}`;
  return `${none}, volgens de indeling van Actiewijzer.\n${whole}`;
}

/** "Sectoren en werkgevers" for the model's view of a passage and the "who" lines. */
export const actorNames = (actors: readonly string[]): string[] => actors.map((actor) => ACTORS[actor as ActorId] ?? actor);

/** For a "who" question: whom each cited action addresses, by the same tags (CorpusIndex.actionActors). Null when none carries any. */
export function actorLines(cited: readonly number[], actorsOf: ReadonlyMap<number, readonly string[]>): string | null {
  const lines = cited.flatMap((number) => {
    const names = actorNames(actorsOf.get(number) ?? []);
    return names.length ? [`- Actie ${number}: ${names.join(', ')}`] : [];
  });
  if (!lines.length) return null;
  return ['Tot wie deze acties zich richten, volgens de indeling van Actiewijzer (niet de tekst van de actielijst):', ...lines].join('\n');
}
