// Which questions ask about Actiewijzer itself (exporting, its documents), and how its documents are described.
import { describe, expect, it } from 'vitest';
import { asksAboutSources, describeSources } from '../../src/answer/about-actiewijzer.js';
import type { DocumentRow } from '../../src/repositories/documents-repository.js';

describe('asksAboutSources', () => {
  it('recognises who wrote the documents, when, or which they are', () => {
    for (const question of [
      'wanneer is de actielijst gepubliceerd',
      'wie heeft de actielijst geschreven?',
      'van welk jaar is de lijst',
      'welke bronnen gebruikt Actiewijzer?',
      'wie is de auteur',
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
