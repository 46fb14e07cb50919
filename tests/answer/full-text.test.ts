// Which questions ask for the whole wording of actions, and how that wording is given.
import { describe, expect, it } from 'vitest';
import { asksFullText, composeFullText, FULL_TEXT_ACTIONS } from '../../src/answer/full-text.js';
import type { StoredPassage } from '../../src/repositories/passages-repository.js';

function action(number: number, text: string): StoredPassage {
  return {
    id: `lijst:actie-${number}`,
    documentId: 'lijst',
    ordinal: number,
    kind: 'action',
    action: number,
    actions: [number],
    section: { number: '3.3.1', title: 'Preventieve rol van het onderwijs' },
    heading: null,
    text,
  } as StoredPassage;
}

describe('asksFullText', () => {
  it('recognises a request for the wording of actions', () => {
    for (const question of [
      'geef de volledige tekst van actie 15',
      'volledige tekst actie 3 en 4',
      'actie 44 letterlijk',
      'wat staat er letterlijk in actie 56?',
      'citeer actie 12',
      'toon de hele tekst eens',
      'letterlijk?',
      'Geef de integrale tekst van actie 42',
    ]) {
      expect(asksFullText(question), question).toBe(true);
    }
  });

  it('leaves questions about a topic, or with a topic beside the wish, to the search', () => {
    for (const question of [
      'actie 15',
      'wat zegt actie 15 over duaal leren',
      'volledige tekst van actie 44 over de duur van een plan',
      'wat is volledige gelijkheid?',
      'hoe staat het met de hele arbeidsmarkt?',
    ]) {
      expect(asksFullText(question), question).toBe(false);
    }
  });
});

describe('composeFullText', () => {
  const passages = [action(15, 'Duaal leren moet uitstroom voorkomen.\n\n- Een eerste punt.\n- Een tweede punt.'), action(16, 'Tweede actie.')];

  it('gives each action whole, verbatim, in the order asked, under its number and section', () => {
    expect(composeFullText([16, 15], passages)).toBe(
      'Actie 16 (3.3.1 Preventieve rol van het onderwijs), volledige tekst: “Tweede actie.”\n\n' +
        'Actie 15 (3.3.1 Preventieve rol van het onderwijs), volledige tekst: “Duaal leren moet uitstroom voorkomen.\n\n- Een eerste punt.\n- Een tweede punt.”',
    );
  });

  it('returns null when the list has none of the actions asked for', () => {
    expect(composeFullText([61], passages)).toBeNull();
    expect(composeFullText([], passages)).toBeNull();
  });

  it('gives the first few of many and says how to ask for the rest', () => {
    const many = Array.from({ length: FULL_TEXT_ACTIONS + 2 }, (_, index) => action(index + 1, `Tekst ${index + 1}.`));
    const text = composeFullText(many.map((passage) => passage.action as number), many) ?? '';
    expect(text.match(/volledige tekst:/g)).toHaveLength(FULL_TEXT_ACTIONS);
    expect(text).toContain(`Dat zijn de eerste ${FULL_TEXT_ACTIONS} van ${FULL_TEXT_ACTIONS + 2} acties`);
    expect(text).toContain(`volledige tekst van actie ${FULL_TEXT_ACTIONS + 1}`);
  });
});
