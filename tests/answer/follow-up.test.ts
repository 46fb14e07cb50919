// Follow-up questions: which lean on the previous turn, and which of its actions an ordinal ("de tweede") means.
import { describe, expect, it } from 'vitest';
import { asksForOtherActions, isFollowUp, onlyAboutNamed, ordinalIndex, refersByOrdinal, resolveOrdinal, withoutOtherActions } from '../../src/answer/follow-up.js';

describe('isFollowUp', () => {
  it('recognises a short question that refers back, and not one that stands alone', () => {
    expect(isFollowUp('en wat zegt actie 45 daarover?')).toBe(true);
    expect(isFollowUp('geef een voorbeeld')).toBe(true);
    expect(isFollowUp('Welke acties gaan over de erkenning van buitenlandse diploma’s?')).toBe(false);
  });

  it('reads "daar" and "erin" as referring back', () => {
    // "welke actie gaat daar het meest over?" after an answer on EVC was searched alone, and refused.
    expect(isFollowUp('welke actie gaat daar het meest over?')).toBe(true);
    expect(isFollowUp('wat staat erin over de kosten?')).toBe(true);
    expect(isFollowUp('wat moet er daarop gebeuren rond taal?')).toBe(true);
  });
});

describe('resolveOrdinal', () => {
  const previous = [51, 41, 23];

  it.each([
    ['geef meer uitleg over de eerste', 'geef meer uitleg over actie 51'],
    ['wat houdt de tweede in?', 'wat houdt actie 41 in?'],
    ['en de laatste?', 'en actie 23?'],
    ['de eerste actie', 'actie 51'],
    ['de 3de', 'actie 23'],
    ['leg die Tweede eens uit', 'leg actie 41 eens uit'],
    ['de eerste daarvan', 'actie 51 daarvan'],
    // The same ordinal words as a place in the list (structure-questions.ts): "voorlaatste" was read there only.
    ['en de voorlaatste?', 'en actie 41?'],
  ])('spells out "%s" as "%s"', (question, resolved) => {
    expect(resolveOrdinal(question, previous)).toBe(resolved);
  });

  it('leaves an ordinal that is part of a topic, or beyond the answer\'s actions, alone', () => {
    expect(resolveOrdinal('wat met de eerste generatie?', previous)).toBeNull();
    expect(resolveOrdinal('discriminatie de laatste jaren', previous)).toBeNull();
    expect(resolveOrdinal('en de vierde?', previous)).toBeNull();
    expect(resolveOrdinal('en de tweede?', [])).toBeNull();
    expect(resolveOrdinal('welke acties gaan over taal?', previous)).toBeNull();
    // A number is the action's own: "nummer 2" is Actie 2.
    expect(resolveOrdinal('nummer 2', previous)).toBeNull();
    expect(resolveOrdinal('wat is het eerste dat ik moet doen?', previous)).toBeNull();
  });
});

describe('refersByOrdinal', () => {
  it('tells a question naming an action by its place from one naming a topic, whatever the previous answer cited', () => {
    expect(refersByOrdinal('en de tweede?')).toBe(true);
    expect(refersByOrdinal('wat houdt de derde in?')).toBe(true);
    expect(refersByOrdinal('en de laatste')).toBe(true);
    expect(refersByOrdinal('wat met de eerste generatie?')).toBe(false);
    expect(refersByOrdinal('wat moet VDAB doen?')).toBe(false);
  });
});

describe('ordinalIndex', () => {
  it.each([
    ['eerste', 5, 0],
    ['3de', 5, 2],
    ['laatste', 5, 4],
    ['voorlaatste', 5, 3],
    ['zesde', 5, null],
    ['voorlaatste', 1, null],
    ['0de', 5, null],
  ])('reads "%s" of %i items as index %s', (ordinal, count, index) => {
    expect(ordinalIndex(ordinal, count)).toBe(index);
  });
});

describe('onlyAboutNamed', () => {
  it('tells a question about the actions it names alone from one that points back or adds a topic', () => {
    expect(onlyAboutNamed('en actie 4?')).toBe('en actie 4?');
    expect(onlyAboutNamed('wat houdt actie 20 in?')).toBe('wat houdt actie 20 in?');
    expect(onlyAboutNamed('en wat zegt actie 45 daarover?')).toBeNull();
    expect(onlyAboutNamed('meer over actie 41')).toBeNull();
    expect(onlyAboutNamed('actie 41 voor werkgevers')).toBeNull();
    expect(onlyAboutNamed('en de tweede?')).toBeNull();
  });

  it('reads a request to explain an action further as a question about that action, without the words that ask it', () => {
    expect(onlyAboutNamed('leg actie 24 meer uit')).toBe('leg actie 24 uit');
    expect(onlyAboutNamed('leg actie 18 wat beter uit')).toBe('leg actie 18 uit');
    expect(onlyAboutNamed('licht actie 18 verder toe')).toBe('licht actie 18 toe');
  });
});

describe('asksForOtherActions', () => {
  it('recognises a follow-up that asks for actions besides the ones it has, and leaves those words out of what is searched', () => {
    for (const question of ['welke andere acties gaan daarover?', 'nog andere acties?', 'zijn er nog acties?', 'overige maatregelen?']) {
      expect(asksForOtherActions(question), question).toBe(true);
    }
    expect(asksForOtherActions('welke acties gaan daarover?')).toBe(false);
    expect(withoutOtherActions('welke andere acties gaan daarover?').replace(/\s+/g, ' ')).toBe('welke gaan daarover?');
  });
});
