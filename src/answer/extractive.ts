// The answer without a model: the most relevant sentences of the retrieved passages, verbatim, each with its action.
import { NO_SITUATION, type Situation } from '../corpus/glossary.js';
import { isSourceReference } from '../corpus/source-reference.js';
import type { StoredPassage } from '../repositories/passages-repository.js';
import { GROUP_NAME_WORDS, QUESTION_WORDS, withoutPointers } from '../search/query-analysis.js';
import type { SearchHit } from '../search/search-service.js';
import type { SpellingCorrector } from '../search/spelling.js';
import { lightStem, tokenize } from '../search/text.js';
import { sentences, tokenizedSentences, type TokenizedSentence } from './citations.js';
import { joinDutch } from './dutch-list.js';
import { placeOf } from './structure-questions.js';

export interface ExtractiveSentence {
  text: string;
  /** The action the sentence is cited with: its own, or for a context sentence the best-ranked action of its group. */
  action: number | null;
  /** A label for sentences from other documents ("Juridisch kader (2026), punt 3"). */
  label: string | null;
  origin: 'action' | 'context' | 'intro' | 'note' | 'item';
  /** For a passage of the list that belongs to no action but to a numbered part ("3.3.2 Kansen op de arbeidsmarkt › Ondernemerschap"). */
  place?: string;
}

export interface ExtractiveAnswer {
  answer: string;
  sentences: ExtractiveSentence[];
  actions: number[];
  /** Whether a chosen sentence shares a word with the question or quotes an action it names; else only the top action's opening is quoted. */
  matched: boolean;
  /** The passages of `more` (see ExtractiveContext) that a sentence is quoted from: the answer's passages include them. */
  beyond: string[];
}

const MAX_SENTENCES = 4;
const MAX_PER_PASSAGE = 2;
// "welke acties gaan over kinderopvang?" asks for the actions: two sentences of Actie 57, the letter and Actie 57's findings
// left out Actie 28 (childcare refunded during training), fifth in the search. Such a question gets at most this many
// sentences of one action, its findings included.
const ASKS_WHICH_ACTIONS = /\b(welke|alle)\s+acties\b|\bacties\s+(over|rond|omtrent|inzake|voor)\b/i;
const PER_ACTION_LISTED = 2;
// As in the search (search-repository.ts): a glossary term or spelling repair weighs half a word of the question.
const EXPANSION_WEIGHT = 0.5;
// A word in at most this many passages names something specific ("EVC-beleid", "NODO"), not a group's common ground.
const RARE_WORD_PASSAGES = 5;
// The list's subject: every passage is about people with a migration background, so naming them tells no sentence apart.
// The one-word spelling is rare in the list (6 times, against 58 hyphenated) and would pull the few sentences using it to the top;
// the older words for the group are rarer still ("afkomst" found "afkomstig": the data warehouse's footnote).
const SUBJECT = new Set([...GROUP_NAME_WORDS, 'afkomst']);
// Longer items (a procedure step by step) are quoted by their best sentences, like any passage.
const WHOLE_ITEM_SENTENCES = 2;
// List items (the legal conditions) are quoted line by line, as answer-service.ts appends them.
const LIST_LINE = /^\s*[-*]\s+/m;
// A question naming one of the field's instruments (IBO, EVC, OKOT) is about it: a sentence without it matched the rest
// ("IBO bij kmo" quoted the KMO-portefeuille's footnote first and not Actie 35 at all).
const FIELD_TERM_MISS = 0.5;
const FIGURE = /\d+(?:[,.]\d+)?\s?(?:%|procent|procentpunt)/;
// "hoe groot", "hoe hoog": the adjective asks for a size, it is no topic ("hoe groot is de onderwijsachterstand?" quoted
// Actie 17's "van groot belang" first).
const HOW_MUCH = /\bhoe\s+(groot|hoog)\b/gi;
const ASKS_FOR_FIGURES = /\b(hoeveel|cijfer|cijfers|percentage|procent|aandeel|scoort|scoren|vergelijk|vergeleken|hoe groot|hoe hoog)\b/i;
// Of those, the words that ask for a number itself: a comparison ("vergelijk actie 18 en 19") asks for none.
const ASKS_FOR_A_NUMBER = /\b(hoeveel|cijfer|cijfers|percentage|procent|aandeel|hoe groot|hoe hoog)\b/i;

export const EXTRACTIVE_PREFIX = 'Zonder taalmodel samengesteld uit de letterlijke tekst van de documenten:';
// A number of its own, not part of a name ("B2", "NT2", "Pact2020").
const A_NUMBER = /(?<![\p{L}\d])\d+(?:[.,]\d+)*(?!\p{L})/u;
/** Said after the quotes when a question asks for a figure and none of them has a number. */
export const NO_FIGURE = 'Geen van deze zinnen geeft het gevraagde cijfer.';

/**
 * What a mediator asks about a step besides what the list proposes: how to apply, what it costs, how long it takes. The
 * list describes none of them: "hoe vraag ik dat aan?" and "is dat gratis?" after an answer on diploma recognition
 * repeated its quotes, which then read as the answer. Each with what names it in a question and in a sentence.
 */
const PRACTICALITIES: readonly { says: string; asked: RegExp; named: RegExp }[] = [
  { says: 'hoe je dat aanvraagt', asked: /\b(aanvragen|indienen|inschrijven|aanmelden)\b|\b(vraag|vraagt|vragen)\b.*\baan\b/i, named: /aanvra|procedure|inschrij|aanmeld/i },
  { says: 'wat het kost', asked: /\b(gratis|betalen|kost|kosten|prijs|tarief)\b/i, named: /kost|gratis|betaa?l|prijs|financ/i },
  { says: 'hoe lang het duurt', asked: /\b(duurt|duren|hoelang|hoe\s+lang|termijn|wachttijd)\b/i, named: /duur|duren|termijn|maand|jaar|week|wacht/i },
];
/** Said after the quotes when a question asks how to apply, what it costs or how long it takes, and none of them says. */
export const notSaid = (parts: readonly string[]): string => `Geen van deze zinnen zegt ${joinDutch(parts, 'of')}.`;

/**
 * Parts of the group a question may ask about, each with what names it in a question and in a sentence. The list names them
 * in a few actions only: "en voor vluchtelingen?" after an answer on diploma recognition repeated that answer, and nothing
 * said that none of it was about refugees.
 */
const SUBGROUPS: readonly { name: string; asked: RegExp; named: RegExp }[] = [
  { name: 'vluchtelingen', asked: /\b(vluchteling\p{L}*|asielzoeker\p{L}*)/iu, named: /vluchteling|asiel/i },
  { name: 'nieuwkomers', asked: /\bnieuwkomer\p{L}*/iu, named: /nieuwkomer|inburger|okan\b/i },
  { name: 'vrouwen', asked: /\bvrouw\p{L}*/iu, named: /vrouw|moeder/i },
  { name: 'jongeren', asked: /\b(jongere\p{L}*|jeugd\p{L}*|neet)\b/iu, named: /jonger|jeugd|neet|leerling|student/i },
];
/** Said after the quotes when a question asks about a part of the group that none of them names. */
export const notAbout = (names: readonly string[]): string => `Geen van deze zinnen gaat specifiek over ${joinDutch(names, 'of')}.`;

/**
 * A follow-up that narrows the topic to someone or something ("en voor een verpleegkundige?", "en bij een lasser?"). When the
 * corpus has none of its words, the answer is the previous topic's, and without a line it read as if it were about them.
 */
const NARROWING = /^\s*(?:en|maar|ook)\s+(?:voor|bij|met|als|over|rond)\s+(?:(?:een|de|het|mijn|onze|die|zo'n|zo’n)\s+)?(\p{L}[\p{L}\s'’-]*?)\s*[?!.]*\s*$/iu;
/** Said after the quotes when a narrowing follow-up names something the documents never name. */
export const notNamed = (what: string): string => `Over ‘${what}’ zegt de actielijst niets in het bijzonder: deze zinnen gaan over het onderwerp in het algemeen.`;

/** Default source label: only another document's numbered items are recognisable from the passage alone. */
const itemLabelOnly = (passage: StoredPassage): string | null => (passage.kind === 'action' && passage.action === null ? passage.label : null);

export interface ExtractiveContext {
  /**
   * Names the passages of documents other than the action list (see answer/sources.ts); their sentences are tagged with
   * that label and never with an action number, so no document's words are passed off as another's.
   */
  labelOf?: (passage: StoredPassage) => string | null;
  /** Each action's words (CorpusIndex.actionWords); without them a findings sentence takes its group's best-ranked action. */
  actionWords?: ReadonlyMap<number, ReadonlySet<string>>;
  /** The search's reading of some words of the question (spelling repairs, glossary terms of the phrases they are in). */
  expand?: (question: string, words: readonly string[]) => readonly string[];
  /** The field's rare abbreviations the question names, each as its folded phrases (term and glossary expansions). */
  fieldTerms?: readonly (readonly string[])[];
  /**
   * The situation the glossary reads in the question (GlossaryExpander.situation): its words count by the terms it reads
   * them as, not by themselves ("werken" in "hoeveel migranten werken er?" quoted outreach "werken" for the employment rate).
   */
  situation?: Situation;
  /**
   * Words of the question that choose only sentences of other documents (see positive-action.ts, lawFraming): a
   * positive-action question's permission and target group, which nearly every sentence of the list would match, and the
   * legal framework's words added to it.
   */
  otherDocumentsOnly?: (token: string) => boolean;
  /**
   * The answer cites an action after these quotes (a positive-action answer's Actie 44), so the best-ranked action's opening
   * is not added when no quote carries one: "mag ik in een vacature zetten dat we mensen met migratieachtergrond zoeken?"
   * quoted Actie 49's opening on VDAB's outreach.
   */
  citesActionAfter?: boolean;
  /**
   * Whether to say what no quote has: the part of the group the question names (notAbout), or how to apply, what it costs,
   * how long it takes (notSaid). Not for a question of law, whose points and conditions follow the quotes: the law is the
   * same for refugees, and "mag ik een stage voorbehouden voor vluchtelingen?" got the line before the conditions; "hoe
   * vraag ik goedkeuring aan voor een positief actieplan" got "… hoe je dat aanvraagt" after the point naming who approves.
   */
  notesWhatQuotesLack?: boolean;
  /**
   * The asker's own words, for the line on how to apply, what it costs or how long it takes: a follow-up is composed with
   * the previous question, and "is dat gratis?" after "hoe vraag ik dat aan?" said neither was in the quotes. The question
   * itself when absent.
   */
  asked?: string;
  /** Passages the search found beyond `hits`: quoted only for a part of the group the question names that no quote names. */
  more?: readonly SearchHit[];
}

export function composeExtractive(
  question: string,
  hits: SearchHit[],
  vocabulary: SpellingCorrector,
  rankedActions: number[],
  { labelOf = itemLabelOnly, actionWords = new Map(), expand = () => [], fieldTerms = [], situation = NO_SITUATION, otherDocumentsOnly = () => false, citesActionAfter = false, notesWhatQuotesLack = true, asked = question, more = [] }: ExtractiveContext = {},
): ExtractiveAnswer {
  const degree = new Set([...question.matchAll(HOW_MUCH)].map((match) => (match[1] as string).toLowerCase()));
  const queryTokens = [...new Set(tokenize(withoutPointers(question)))].filter(
    (token) => !SUBJECT.has(token) && !QUESTION_WORDS.has(token) && !situation.words.has(token) && !degree.has(token),
  );
  // Words of the question that no passage has ("studiekeuze") count by what the search reads them as, its spelling repairs
  // and glossary terms ("studieoriëntering"), at the search's lower weight: without them the best-ranked action, found
  // through them, had no sentence to quote. So do the terms of a situation the glossary reads ("hoeveel … werken": the
  // employment rate). The terms of other words the passages do have are left out: "discriminatie" would bring every
  // sentence on prejudice.
  // So do words that no passage it may quote has: "NWWZ" is only in a footnote naming a source, and without its glossary
  // terms ("niet-werkende werkzoekenden") no sentence was left to quote.
  const quotableWords = new Set(hits.filter((hit) => quotable(hit.passage)).flatMap((hit) => tokenizedSentences(hit.passage.text).flatMap((sentence) => sentence.tokens)));
  const unknown = queryTokens.filter((token) => vocabulary.documentFrequency(token) === 0 || !quotableWords.has(token));
  const read = [...(unknown.length ? expand(question, unknown) : []), ...situation.terms];
  const expansionTokens = [...new Set(read.flatMap((phrase) => tokenize(phrase)))].filter((token) => !SUBJECT.has(token) && !queryTokens.includes(token));
  const idf = (token: string) => {
    const df = vocabulary.documentFrequency(token);
    return df > 0 ? Math.log((vocabulary.documents + 1) / df) : 0;
  };
  const wantsFigures = ASKS_FOR_FIGURES.test(question);
  const rankOf = (action: number) => {
    const index = rankedActions.indexOf(action);
    return index < 0 ? Number.POSITIVE_INFINITY : index;
  };

  // A findings passage introduces a group of actions ("Focus op competenties": 18–21); its sentences are cited with the
  // group's best-ranked action, unless another action of the group shares more (rarity-weighted) words with the sentence,
  // one of them a rare word that the first action's text lacks: the sentence on EVC policy is about Actie 18 even when 19
  // ranked first. Without the rare-word condition, common words spread a group's sentences over its actions at random.
  const shared = (words: ReadonlySet<string>, action: number): number => {
    const own = actionWords.get(action);
    let total = 0;
    if (own) for (const word of words) if (own.has(word) && !SUBJECT.has(word)) total += idf(word);
    return total;
  };
  const aboutAction = (words: ReadonlySet<string>, group: readonly number[]): number | null => {
    const [first, ...others] = group;
    if (first === undefined) return null;
    let best = first;
    let most = shared(words, first);
    for (const action of others) {
      const total = shared(words, action);
      if (total > most) {
        best = action;
        most = total;
      }
    }
    const own = actionWords.get(best);
    const firstWords = actionWords.get(first);
    const distinctive = (word: string) => own?.has(word) === true && !firstWords?.has(word) && vocabulary.documentFrequency(word) <= RARE_WORD_PASSAGES;
    return best !== first && [...words].some(distinctive) ? best : first;
  };

  type Candidate = ExtractiveSentence & { score: number; passage: string };
  const candidatesOf = (from: readonly SearchHit[], firstIndex: number): Candidate[] => {
    const found: Candidate[] = [];
    from.forEach((hit, index) => collect(hit, firstIndex + index, found));
    return found.sort((a, b) => b.score - a.score);
  };
  const collect = (hit: SearchHit, hitIndex: number, candidates: Candidate[]): void => {
    const { passage } = hit;
    if (!quotable(passage)) return;
    const label = labelOf(passage);
    const group = label !== null || passage.kind === 'action' ? [] : [...passage.actions].sort((a, b) => rankOf(a) - rankOf(b));
    const representative = label !== null ? null : passage.kind === 'action' ? passage.action : group[0] ?? null;
    const citedWith = (words: ReadonlySet<string>) => (group.length > 1 ? aboutAction(words, group) : representative);
    const origin: ExtractiveSentence['origin'] = passage.kind === 'action' && passage.action === null ? 'item' : passage.kind;
    const all = withDefinitions(passage.text, tokenizedSentences(passage.text));
    const scored = all
      .filter(({ sentence }) => sentence.length >= 25)
      .map(({ sentence: text, tokens, words, folded }) => {
        let score = 0;
        for (const token of queryTokens) {
          if (label === null && otherDocumentsOnly(token)) continue;
          if (words.has(token) || (token.length >= 6 && tokens.some((word) => word.includes(token.slice(0, -1))))) score += idf(token);
        }
        for (const token of expansionTokens) if (words.has(token)) score += EXPANSION_WEIGHT * idf(token);
        if (wantsFigures && FIGURE.test(text)) score *= 1.6;
        if (fieldTerms.length && !fieldTerms.some((phrases) => phrases.some((phrase) => folded.includes(phrase)))) score *= FIELD_TERM_MISS;
        // Earlier passages are better evidence; a sentence of the first hit needs less overlap to be chosen.
        return { text, words, score: score / (1 + hitIndex * 0.15) };
      })
      .filter((entry) => entry.score > 0);
    if (origin === 'item' && scored.length && all.length <= WHOLE_ITEM_SENTENCES && !LIST_LINE.test(passage.text)) {
      // A short numbered item of another document is one statement: a sentence of it alone can say the opposite of the whole
      // ("the sources do not settle it" without the advice that follows), so it is quoted whole, scored by its best sentence.
      const best = Math.max(...scored.map((entry) => entry.score));
      candidates.push({ text: all.map(({ sentence }) => sentence).join(' '), action: representative, label, origin, score: best, passage: passage.id });
      return;
    }
    // A passage of a numbered part that no action follows says which part; the introduction has none.
    const place = origin === 'intro' ? placeOf(passage) : null;
    for (const { text, words, score } of scored) {
      candidates.push({ text, action: citedWith(words), label, origin, score, passage: passage.id, ...(place ? { place } : {}) });
    }
  };
  const listing = ASKS_WHICH_ACTIONS.test(question);
  const candidates = candidatesOf(hits, 0);

  const chosen: Candidate[] = [];
  const perPassage = new Map<string, number>();
  const choose = (candidate: Candidate): void => {
    chosen.push(candidate);
    perPassage.set(candidate.passage, (perPassage.get(candidate.passage) ?? 0) + 1);
  };
  // Actions the question names ("acties 3 tot 5") are each quoted, in the order named: by their best-matching sentence, or
  // when the question has no words of their text, by their opening (two sentences for one action, one each for several).
  const named = hits.filter((hit) => hit.named && hit.passage.kind === 'action' && hit.passage.action !== null);
  const opening = named.length === 1 ? MAX_PER_PASSAGE : 1;
  for (const { passage } of named) {
    const best = candidates.find((candidate) => candidate.passage === passage.id);
    const quotes = best
      ? [best]
      : sentences(passage.text)
          .slice(0, opening)
          .map((text) => ({ text, action: passage.action, label: null, origin: 'action' as const, score: 0, passage: passage.id }));
    for (const quote of quotes) if (!chosen.some((entry) => entry.text === quote.text)) choose(quote);
  }
  const limit = Math.max(MAX_SENTENCES, chosen.length);
  for (const candidate of candidates) {
    if (chosen.length >= limit) break;
    if ((perPassage.get(candidate.passage) ?? 0) >= MAX_PER_PASSAGE) continue;
    if (chosen.some((entry) => entry.text === candidate.text)) continue;
    if (listing && candidate.action !== null && chosen.filter((entry) => entry.action === candidate.action).length >= PER_ACTION_LISTED) continue;
    choose(candidate);
  }
  // A part of the group the asker names is quoted when a sentence found names it, also from the passages the search found
  // beyond the answer's: for "klant is vluchteling uit Syrië en spreekt Arabisch" the passages on the country of origin and
  // on speakers of other languages came first, and the answer said that none was about refugees. It takes the place of the
  // weakest quote, never of one of a named action. When the question has other words the passages know, the sentence must
  // share one of them: after diploma recognition, "en voor vluchtelingen?" quoted the definition's "… zoals tweede
  // generatie/nieuwkomers, mannen/vrouwen, jongeren/latere levensfasen en vluchtelingen".
  const partsAsked = notesWhatQuotesLack ? SUBGROUPS.filter((part) => part.asked.test(question)) : [];
  const reserve = partsAsked.length && more.length ? candidatesOf(more, hits.length) : [];
  const sharesTheTopic = (text: string, part: (typeof SUBGROUPS)[number]): boolean => {
    const others = queryTokens.filter((token) => !part.named.test(token));
    if (!others.some((token) => vocabulary.documentFrequency(token) > 0)) return true;
    const words = tokenize(text);
    return [...others, ...expansionTokens.filter((token) => !part.named.test(token))].some((token) =>
      words.some((word) => word === token || (token.length >= 6 && word.includes(token.slice(0, -1)))),
    );
  };
  for (const part of partsAsked) {
    if (chosen.some(({ text }) => part.named.test(text))) continue;
    const naming = [...candidates, ...reserve].find(
      (candidate) => part.named.test(candidate.text) && sharesTheTopic(candidate.text, part) && !chosen.some(({ text }) => text === candidate.text),
    );
    if (!naming) continue;
    if (chosen.length >= limit) {
      if (chosen.length <= named.length) continue;
      const weakest = chosen.pop() as Candidate;
      perPassage.set(weakest.passage, (perPassage.get(weakest.passage) ?? 1) - 1);
    }
    choose(naming);
  }

  // Every answer cites an action: if the chosen sentences carry none, add the best sentence of the top action.
  if (!citesActionAfter && !chosen.some((entry) => entry.action !== null)) {
    const topAction = hits.find((hit) => hit.passage.kind === 'action' && hit.passage.action !== null);
    const fallback = topAction ?? hits.find((hit) => hit.passage.actions.length > 0 && quotable(hit.passage));
    if (fallback) {
      const action = fallback.passage.action ?? fallback.passage.actions[0] ?? null;
      const first = sentences(fallback.passage.text)[0];
      if (first && action !== null) {
        if (chosen.length >= MAX_SENTENCES) chosen.pop();
        chosen.push({ text: first, action, label: null, origin: fallback.passage.kind === 'context' ? 'context' : 'action', score: 0, passage: fallback.passage.id });
      }
    }
  }

  // A quote that points back is shown with the sentence it points to, unless that one is quoted already. Only shown: the
  // sentences were chosen by their own words, so the actions an answer cites stay the same.
  const texts = new Map([...hits, ...more].map((hit) => [hit.passage.id, hit.passage.text]));
  for (const entry of chosen) {
    const text = texts.get(entry.passage);
    const before = text !== undefined && POINTS_BACK.test(entry.text) ? antecedent(text, entry.text) : null;
    if (before && !chosen.some((other) => other.text.includes(before))) entry.text = `${before} ${entry.text}`;
  }
  const lines = chosen.map((entry) => `- “${entry.text}” ${citationTag(entry)}`);
  // "hoeveel kost een NARIC-aanvraag?", "hoeveel jongeren verlaten school zonder diploma?": the quotes are on the topic, and
  // without this line they read as the answer to how many.
  const noFigure = ASKS_FOR_A_NUMBER.test(question) && chosen.length > 0 && !chosen.some((entry) => A_NUMBER.test(entry.text));
  // What the asker's words ask for that no quote names (see PRACTICALITIES and SUBGROUPS).
  const lacking = <T extends { asked: RegExp; named: RegExp }>(entries: readonly T[], text: string): T[] =>
    chosen.length && notesWhatQuotesLack ? entries.filter((entry) => entry.asked.test(text) && !chosen.some(({ text: quote }) => entry.named.test(quote))) : [];
  // A cost asked as a number already has its line.
  const unsaid = lacking(PRACTICALITIES, asked).filter(({ says }) => !(noFigure && says === 'wat het kost'));
  const unnamed = lacking(SUBGROUPS, question);
  const narrowedTo = chosen.length && notesWhatQuotesLack ? unknownNarrowing(asked, vocabulary, expand) : null;
  return {
    answer: [
      EXTRACTIVE_PREFIX,
      ...lines,
      ...(noFigure ? [NO_FIGURE] : []),
      ...(unsaid.length ? [notSaid(unsaid.map(({ says }) => says))] : []),
      ...(unnamed.length ? [notAbout(unnamed.map(({ name }) => name))] : []),
      ...(narrowedTo ? [notNamed(narrowedTo)] : []),
    ].join('\n'),
    sentences: chosen.map(({ text, action, label, origin, place }) => ({ text, action, label, origin, ...(place ? { place } : {}) })),
    actions: [...new Set(chosen.map((entry) => entry.action).filter((action): action is number => action !== null))],
    matched: candidates.length > 0 || named.length > 0,
    beyond: more.filter((hit) => chosen.some((entry) => entry.passage === hit.passage.id)).map((hit) => hit.passage.id),
  };
}

/**
 * A sentence that ends in a colon and is followed by a line of its own, not a list, is quoted with that line: "… volgens de
 * zogenaamde Vesoc-definitie:" was quoted for "wat is de definitie van migratieachtergrond?" without the definition, which
 * shares no word with the question. A list after the colon (Actie 4's points) stays separate sentences.
 */
function withDefinitions(text: string, all: readonly TokenizedSentence[]): readonly TokenizedSentence[] {
  if (!all.some(({ sentence }) => sentence.endsWith(':'))) return all;
  const merged: TokenizedSentence[] = [];
  for (let index = 0; index < all.length; index += 1) {
    const current = all[index] as TokenizedSentence;
    const next = all[index + 1];
    if (next && current.sentence.endsWith(':') && introducesLine(text, current.sentence, next.sentence)) {
      const tokens = [...current.tokens, ...next.tokens];
      merged.push({ sentence: `${current.sentence} ${next.sentence}`, tokens, words: new Set(tokens), folded: `${current.folded}${next.folded.trimStart()}` });
      index += 1;
    } else merged.push(current);
  }
  return merged;
}

/** What a narrowing follow-up names when no passage and no glossary phrase has any of its words (see NARROWING), else null. */
function unknownNarrowing(asked: string, vocabulary: SpellingCorrector, expand: (question: string, words: readonly string[]) => readonly string[]): string | null {
  const what = NARROWING.exec(asked)?.[1];
  if (!what) return null;
  const words = tokenize(what).filter((word) => word.length >= 3 && !QUESTION_WORDS.has(word));
  // Another form of a word the passages have is that word: "leerling" for "leerlingen".
  const forms = (word: string) => [word, lightStem(word), `${word}en`, `${word}n`, `${word}s`, `${word}e`];
  const unknown = (word: string) => forms(word).every((form) => vocabulary.documentFrequency(form) === 0) && expand(asked, [word]).length === 0;
  return words.length > 0 && words.every(unknown) ? what : null;
}

// A sentence that opens by pointing back ("Dat vergt onder meer efficiënte controles …", "Dit vertaalt zich in …") says
// nothing on its own: it is quoted with the sentence before it, when that one is in the same paragraph.
const POINTS_BACK = /^(?:Dit|Dat|Deze|Die|Daarom|Daartoe|Daardoor|Hierdoor|Hiervoor|Daarvoor|Zo een|Zo’n|Zo'n)\s/u;

/** The sentence before `sentence` in `text` when both are in one paragraph, else null. */
function antecedent(text: string, sentence: string): string | null {
  const start = text.indexOf(sentence);
  if (start <= 0) return null;
  const before = sentences(text.slice(0, start)).at(-1);
  if (!before) return null;
  const from = text.lastIndexOf(before, start);
  return from >= 0 && !/\n/.test(text.slice(from + before.length, start)) ? before : null;
}

function introducesLine(text: string, lead: string, next: string): boolean {
  const start = text.indexOf(lead);
  const end = start + lead.length;
  const following = start < 0 ? -1 : text.indexOf(next, end);
  if (following < 0) return false;
  const between = text.slice(end, following);
  return /\n/.test(between) && !/[-*]\s*$/.test(between);
}

/**
 * A footnote that belongs to no action, or that only names a source, is no answer: split into sentences, a reference's
 * title ("Laaggeschoolde vrouwen met een migratie-achtergrond.") would be quoted as if the list said it.
 */
export function quotable(passage: StoredPassage): boolean {
  return passage.kind !== 'note' || (passage.actions.length > 0 && !isSourceReference(passage.text));
}

function citationTag(sentence: ExtractiveSentence): string {
  if (sentence.label) return `[${sentence.label}]`;
  // The letter and the advice before part 1 are the introduction; a passage of a numbered part says which part, so that
  // "ondernemerschap" (3.3.2, a paragraph without an action) is not passed off as the introduction.
  if (sentence.origin === 'intro') return sentence.place ? `(onderdeel ${sentence.place}, zonder actienummer)` : '(inleiding van de actielijst)';
  if (sentence.action === null) return '';
  if (sentence.origin === 'context') return `(bevindingen bij Actie ${sentence.action})`;
  if (sentence.origin === 'note') return `(voetnoot bij Actie ${sentence.action})`;
  return `(Actie ${sentence.action})`;
}
