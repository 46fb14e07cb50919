// Which footnotes of the action list only name a source, and which explain something an answer may quote.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSourceReference } from '../../src/corpus/source-reference.js';

const list = readFileSync(new URL('../../corpus/actielijst-migratieachtergrond.md', import.meta.url), 'utf8');
const notes = new Map([...list.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((match) => [Number(match[1]), match[2] as string]));
const note = (number: number): string => {
  const text = notes.get(number);
  if (text === undefined) throw new Error(`no footnote ${number}`);
  return text;
};

describe('isSourceReference', () => {
  it.each([
    [1, 'author and date, title, publisher, address'],
    [3, 'Idem'],
    [12, 'authors with initials, date without a full stop'],
    [29, 'an address alone'],
    [37, '"Hiva, 2016"'],
    [39, 'a presentation with its date'],
    [43, 'a sentence before the reference'],
    [45, 'a report named by its title and year'],
    [61, 'one sentence naming the source, with its address'],
    // Quoted for "wat moet de minister van werk doen" as if the list said it.
    [51, 'figures obtained on request from a minister\'s office, with the date'],
  ])('footnote %i is a source reference (%s)', (number) => {
    expect(isSourceReference(note(number))).toBe(true);
  });

  it.each([
    [5, 'defines evenredige participatie'],
    [15, 'explains the latent labour reserve, with figures, and ends with its address'],
    [18, 'quotes the European Commission'],
    [46, 'one short statement of fact'],
    [52, 'says what a sector covenant is'],
  ])('footnote %i explains something (%s)', (number) => {
    expect(isSourceReference(note(number))).toBe(false);
  });
});
