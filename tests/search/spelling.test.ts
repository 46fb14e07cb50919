// Typo repair against the corpus vocabulary, and the edit distance it rests on.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse.js';
import { toPassages } from '../../src/corpus/passages.js';
import { createSpellingCorrector, editDistance } from '../../src/search/spelling.js';

const source = fs.readFileSync(new URL('../../corpus/actielijst-migratieachtergrond.md', import.meta.url), 'utf8');
const texts = toPassages(parseDocument(source)).map((passage) => passage.text);
const corpus = createSpellingCorrector(texts);

describe('createSpellingCorrector over the action list', () => {
  it('repairs a dropped letter in a long word', () => {
    expect(corpus.corrections('huiswerkbegeleidng')).toEqual([{ from: 'huiswerkbegeleidng', to: 'huiswerkbegeleiding' }]);
  });

  it('repairs a swapped pair of letters', () => {
    expect(corpus.corrections('kinderopvnag')).toEqual([{ from: 'kinderopvnag', to: 'kinderopvang' }]);
  });

  it('repairs only the unknown words of a query, folded to lower case without accents', () => {
    expect(corpus.corrections('Kinderopvang en Huiswerkbegeleidng')).toEqual([{ from: 'huiswerkbegeleidng', to: 'huiswerkbegeleiding' }]);
    expect(corpus.corrections('studieoriëntering')).toEqual([]);
  });

  it('leaves known words, short words, numbers and words far from anything alone', () => {
    expect(corpus.corrections('kinderopvang voor nieuwkomers')).toEqual([]);
    expect(corpus.corrections('ibx')).toEqual([]);
    expect(corpus.corrections('pact2021')).toEqual([]);
    expect(corpus.corrections('xylofoonconcert')).toEqual([]);
  });

  it('counts in how many passages a word occurs', () => {
    expect(corpus.documents).toBe(texts.length);
    expect(corpus.documentFrequency('kinderopvang')).toBe(texts.filter((text) => /kinderopvang/i.test(text)).length);
    expect(corpus.documentFrequency('xylofoon')).toBe(0);
  });
});

describe('createSpellingCorrector choices', () => {
  it('prefers the word found in more passages when two are equally close', () => {
    const corrector = createSpellingCorrector(['de kater slaapt', 'een kater miauwt', 'het kader is klaar']);
    expect(corrector.corrections('kaxer')).toEqual([{ from: 'kaxer', to: 'kater' }]);
  });

  it('allows one edit in words under nine letters and two in longer ones', () => {
    const corrector = createSpellingCorrector(['stageplaats', 'werkvloer']);
    expect(corrector.corrections('stagplaatz')).toEqual([{ from: 'stagplaatz', to: 'stageplaats' }]);
    expect(corrector.corrections('werkvlor')).toEqual([{ from: 'werkvlor', to: 'werkvloer' }]);
    expect(corrector.corrections('wrkvlor')).toEqual([]);
  });
});

describe('editDistance', () => {
  it.each([
    ['kinderopvang', 'kinderopvang', 0],
    ['tarrief', 'tarief', 1],
    ['abcd', 'abdc', 1],
    ['kat', 'kater', 2],
    ['', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops past the limit and says so with limit + 1', () => {
    expect(editDistance('arbeidsmarkt', 'kinderopvang', 2)).toBe(3);
    expect(editDistance('kat', 'katten', 1)).toBe(2);
  });
});
