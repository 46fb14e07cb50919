// Which questions ask about Actiewijzer itself (exporting, its documents), and how its documents are described.
import { describe, expect, it } from 'vitest';
import { asksAboutProgress, asksAboutSources, asksOnlyAboutProgress, describeSources, withoutProgress } from '../../src/answer/about-actiewijzer.js';
import type { DocumentRow } from '../../src/repositories/documents-repository.js';

describe('asksAboutProgress', () => {
  it('recognises a question on how far the actions got, and whether it asks about nothing else', () => {
    expect(asksOnlyAboutProgress('welke acties zijn al uitgevoerd?')).toBe(true);
    expect(asksOnlyAboutProgress('Wat is de stand van zaken?')).toBe(true);
    expect(asksAboutProgress('is actie 18 al uitgevoerd?')).toBe(true);
    expect(asksOnlyAboutProgress('is actie 18 al uitgevoerd?')).toBe(false);
    expect(asksAboutProgress('Is actie 44 al geïmplementeerd?')).toBe(true);
    expect(asksOnlyAboutProgress('stand van zaken evc')).toBe(false);
    expect(asksOnlyAboutProgress('welke acties zijn gerealiseerd?')).toBe(true);
    expect(asksAboutProgress('zijn er al acties rond kinderopvang uitgevoerd?')).toBe(true);
    // A word that only starts like one is another question: "de uitgevoerde evaluatie" is a topic; so are how an action is
    // to be carried out and the follow-up of mentees.
    expect(asksAboutProgress('wat zegt de lijst over de uitgevoerde evaluatie van spoor 3?')).toBe(false);
    expect(asksAboutProgress('hoe moet actie 18 uitgevoerd worden?')).toBe(false);
    expect(asksAboutProgress('hoe kan evenredige arbeidsdeelname gerealiseerd worden?')).toBe(false);
    expect(asksAboutProgress('opvolging van mentoren')).toBe(false);
  });

  it('takes the progress words out of what is searched, not everything', () => {
    expect(withoutProgress('is actie 18 al uitgevoerd?')).toBe('is actie 18 al ?');
    expect(withoutProgress('zijn er al acties rond kinderopvang uitgevoerd?')).toBe('zijn er al acties rond kinderopvang ?');
    expect(withoutProgress('uitgevoerd?')).toBe('uitgevoerd?');
    // A question that does not ask how far things got keeps its words.
    expect(withoutProgress('hoe moet actie 18 uitgevoerd worden?')).toBe('hoe moet actie 18 uitgevoerd worden?');
  });
});

describe('asksAboutSources', () => {
  it('recognises who wrote the documents, when, or which they are', () => {
    for (const question of [
      'wanneer is de actielijst gepubliceerd',
      'wie heeft de actielijst geschreven?',
      'van welk jaar is de lijst',
      'welke bronnen gebruikt Actiewijzer?',
      'wie is de auteur',
      // The simple past was no word for making a document: refused as a topic the list lacks.
      'wie schreef de actielijst',
      'wie maakte deze lijst?',
    ]) {
      expect(asksAboutSources(question), question).toBe(true);
    }
  });

  it("leaves questions about a topic, a person or a figure's source to the search", () => {
    for (const question of [
      'wat zijn de bronnen van de cijfers over de werkzaamheidsgraad',
      'hoe oud is mijn klant',
      'wanneer is een diploma erkend',
      'wie heeft recht op kinderopvang',
      'wat zegt de lijst over EVC',
    ]) {
      expect(asksAboutSources(question), question).toBe(false);
    }
  });
});

describe('describeSources', () => {
  const document = (overrides: Partial<DocumentRow>): DocumentRow => ({
    id: 'x', title: 'X', shortTitle: null, publisher: null, published: null, kind: 'advice', sourceUrl: null, itemLabel: null,
    relatedActions: [], origin: 'corpus', contentHash: 'h', version: 1, passages: 1, ingestedAt: '2026-11-30', ...overrides,
  });

  it('names each document with its publisher and date, the action list first, and says which were uploaded', () => {
    const text = describeSources([
      document({ id: 'kader', title: 'Juridisch kader', publisher: 'Actiewijzer', published: '2026-11-29', kind: 'legal' }),
      document({ id: 'lijst', title: 'Actielijst', publisher: 'SERV – Commissie Diversiteit', published: '2019', kind: 'action-list' }),
      document({ id: 'eigen', title: 'Eigen advies', origin: 'upload', sourceUrl: 'https://example.org/advies' }),
    ]);
    expect(text.split('\n')).toEqual([
      'Actiewijzer beantwoordt vragen uit deze documenten (titel, uitgever, datum):',
      '- Actielijst (SERV – Commissie Diversiteit, 2019)',
      '- Juridisch kader (Actiewijzer, 2026-11-29)',
      '- Eigen advies, opgeladen https://example.org/advies',
    ]);
  });
});
