// Questions about who acts: "wat moet VDAB doen?" gathers the actions tagged with that actor, "wie moet dat doen?" adds whom the cited actions address.
import { ACTORS, type ActorId } from '../corpus/tags.js';
import type { StoredPassage } from '../repositories/passages-repository.js';
import { QUESTION_WORDS, withoutPointers } from '../search/query-analysis.js';
import { foldText, tokenize } from '../search/text.js';
import { sentences } from './citations.js';

/**
 * How questions name each actor, on folded text (lower case, no accents or punctuation). The more specific names come
 * first and are taken out before the next are looked for: "lokale overheid" is not also "overheid", "werkgeversorganisaties"
 * not also "werkgevers".
 */
const ACTOR_NAMES: readonly (readonly [ActorId, RegExp])[] = [
  ['inburgering', /\b(?:agentschap (?:integratie (?:en )?)?inburgering|agii)\b/g],
  ['sociale-partners', /\b(?:sociale partners?|vakbond(?:en)?|werkgeversorganisaties?|werkgeversfederaties?)\b/g],
  ['lokale-besturen', /\b(?:lokale? (?:besturen|bestuur|overheden|overheid)|gemeente(?:n|s|besturen|bestuur)?|ocmws?|steden|stadsbesturen|stadsbestuur)\b/g],
  ['vdab', /\bvdab\b/g],
  ['onderwijs', /\b(?:onderwijs|scholen|school|onderwijsinstellingen|clbs?)\b/g],
  ['sectoren-werkgevers', /\b(?:sectoren|sector|sectorfondsen|sectorfonds|werkgevers?|bedrijven|bedrijf|ondernemingen|onderneming)\b/g],
  ['vlaamse-overheid', /\b(?:(?:vlaamse )?(?:overheid|regering)|ministers?)\b/g],
  ['middenveld', /\b(?:middenveld|zelforganisaties|verenigingen|organisaties van de doelgroep)\b/g],
  ['onderzoek', /\b(?:onderzoekers|onderzoeksinstellingen|statistiek vlaanderen)\b/g],
];

// Words that ask what an actor is to do without saying about what: with only these left, the actor is the whole topic.
const ASKING_WORDS = new Set(
  `doen doet aanpakken rol rollen taak taken opdracht opdrachten verwacht verwachten verwachting verwachtingen vraagt gevraagd iets gericht richten richt
   bedoeld betrokken aanbeveling aanbevelingen actielijst lijstje commissie serv speelt spelen verantwoordelijk verantwoordelijkheid
   verantwoordelijkheden concreet allemaal precies ondernemen bijdragen gebeuren aangesproken vermeld genoemd overzicht opsommen noem
   noemen toon tonen specifiek specifieke vooral nodig hun eigen zelf kant betreffen betreft`.split(/\s+/),
);

export interface ActorQuestion {
  actor: ActorId;
  /** Nothing but the actor is asked about: "welke acties zijn er voor lokale besturen?". */
  alone: boolean;
}

/** The one actor a question names, and whether it is all the question is about; null for none or several. */
export function askedActor(question: string): ActorQuestion | null {
  let rest = ` ${foldText(withoutPointers(question))} `;
  const found = new Set<ActorId>();
  for (const [actor, name] of ACTOR_NAMES) {
    rest = rest.replace(name, () => {
      found.add(actor);
      return ' ';
    });
  }
  // "de overheid als werkgever" names two actors and is about neither: it asks about a theme.
  if (found.size !== 1) return null;
  const [actor] = found as Set<ActorId>;
  const topic = tokenize(rest).filter((word) => !QUESTION_WORDS.has(word) && !ASKING_WORDS.has(word));
  return { actor: actor as ActorId, alone: topic.length === 0 };
}

// Who is to act, not who benefits: "wie haalt voordeel uit kinderopvang" is not asked.
const WHO = /\b(?:wie\s+(?:moet|moeten|zal|zullen|zou|zouden|kan|kunnen|is verantwoordelijk|zijn verantwoordelijk|is bevoegd|doet|neemt|organiseert|betaalt|financiert|zorgt|regelt|coordineert|staat in|trekt|voert|volgt)|bij wie|welke (?:actoren|partners|instanties|diensten|organisaties|partijen|spelers))\b/;

/** "wie moet dat doen?", "bij wie kan ik terecht voor EVC?": the question asks who acts. */
export const asksWho = (question: string): boolean => WHO.test(foldText(question));

const TAGS_NOTE = 'De indeling naar actoren is van Actiewijzer, niet van de actielijst zelf: lees de volledige tekst van een actie voor wat ze precies vraagt.';

/**
 * The answer to a question about one actor alone: every action tagged with it, in number order, each quoted by its first
 * sentence that names the actor (else its first sentence). Null when no action carries the tag.
 */
export function composeActorList(actor: ActorId, actions: readonly StoredPassage[]): string | null {
  const tagged = actions.filter((passage) => passage.action !== null && passage.actors.includes(actor));
  if (!tagged.length) return null;
  const name = ACTOR_NAMES.find(([id]) => id === actor)?.[1];
  const lines = tagged.flatMap((passage) => {
    const all = sentences(passage.text);
    const naming = name ? all.find((sentence) => new RegExp(name.source).test(foldText(sentence))) : undefined;
    const quote = naming ?? all[0];
    return quote ? [`- “${quote}” (Actie ${passage.action})`] : [];
  });
  const count = tagged.length === 1 ? 'richt 1 actie zich' : `richten ${tagged.length} acties zich`;
  return [`Volgens de indeling van Actiewijzer ${count} (mede) tot ${ACTORS[actor]}:`, ...lines, TAGS_NOTE].join('\n');
}

/** For a "who" question: whom each cited action addresses, by the same tags. Null when none of them carries any. */
export function actorLines(cited: readonly number[], actions: readonly StoredPassage[]): string | null {
  const lines = cited.flatMap((number) => {
    const passage = actions.find((candidate) => candidate.action === number);
    const names = (passage?.actors ?? []).map((actor) => ACTORS[actor as ActorId] ?? actor);
    return names.length ? [`- Actie ${number}: ${names.join(', ')}`] : [];
  });
  if (!lines.length) return null;
  return ['Tot wie deze acties zich richten, volgens de indeling van Actiewijzer (niet de tekst van de actielijst):', ...lines].join('\n');
}

/** "Sectoren en werkgevers" for the model's view of a passage. */
export const actorNames = (actors: readonly string[]): string[] => actors.map((actor) => ACTORS[actor as ActorId] ?? actor);
