// Typo repair against the corpus vocabulary, and the edit distance it rests on.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse.js';
import { toPassages } from '../../src/corpus/passages.js';
import { createSpellingCorrector, editDistance } from '../../src/search/spelling.js';
import { foldText, lightStem } from '../../src/search/text.js';

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

  it('does not repair a Dutch word into a corpus word it only resembles, nor strip it to that word', () => {
    // "oudere" (older) was repaired to "ouders" (parents), and "ouderen" stemmed to the glossary's "ouders".
    expect(corpus.corrections('oudere werkzoekenden')).toEqual([]);
    expect(lightStem('ouderen')).toBe('ouderen');
    expect(lightStem('ouders')).toBe('ouder');
    expect(corpus.corrections('oudrs')).toEqual([{ from: 'oudrs', to: 'ouders' }]);
    // Nor a word with a prefix into the word without it: "omscholen" (retraining) was "scholen" (schools).
    expect(corpus.corrections('klant wil omscholen').map((correction) => correction.to)).not.toContain('scholen');
    // One extra letter in front is a typo.
    expect(corpus.corrections('sscholen')).toEqual([{ from: 'sscholen', to: 'scholen' }]);
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

  it('prefers a word with the same first letter to a more frequent one when two are equally close', () => {
    // "rekening" is one transposition away and in more passages; people seldom mistype the first letter.
    const corrector = createSpellingCorrector(['rekening houden', 'rekening houden met', 'erkenning van diploma']);
    expect(corrector.corrections('erkening')).toEqual([{ from: 'erkening', to: 'erkenning' }]);
    expect(corpus.corrections('erkening diplma')).toEqual([
      { from: 'erkening', to: 'erkenning' },
      { from: 'diplma', to: 'diploma' },
    ]);
  });

  it('writes a compound the corpus does not have as its two corpus words, when no word is close', () => {
    expect(corpus.corrections('diplomaerkenning')).toEqual([{ from: 'diplomaerkenning', to: 'diploma erkenning' }]);
    // With a linking s, and the split whose rarer part is in the most passages.
    const corrector = createSpellingCorrector(['arbeid en markt', 'arbeid markt', 'smarkt']);
    expect(corrector.corrections('arbeidsmarkt')).toEqual([{ from: 'arbeidsmarkt', to: 'arbeid markt' }]);
    // A close word wins over a split; words that are no two corpus words stay unknown.
    expect(createSpellingCorrector(['kinder opvang kinderopvang']).corrections('kinderopvng')).toEqual([{ from: 'kinderopvng', to: 'kinderopvang' }]);
    expect(corpus.corrections('stoofvlees minimumloon')).toEqual([]);
  });

  it('repairs a typo in one part of a compound the corpus writes apart', () => {
    expect(corpus.corrections('diplomaerkening')).toEqual([{ from: 'diplomaerkening', to: 'diploma erkenning' }]);
    expect(corpus.corrections('dipolmaerkenning')).toEqual([{ from: 'dipolmaerkenning', to: 'diploma erkenning' }]);
    // An exact split wins over a repaired one.
    const corrector = createSpellingCorrector(['taal niveau', 'taal niveaus', 'taalx']);
    expect(corrector.corrections('taalniveau')).toEqual([{ from: 'taalniveau', to: 'taal niveau' }]);
  });

  it('allows one edit in words under nine letters and two in longer ones', () => {
    const corrector = createSpellingCorrector(['stageplaats', 'werkvloer']);
    expect(corrector.corrections('stagplaatz')).toEqual([{ from: 'stagplaatz', to: 'stageplaats' }]);
    expect(corrector.corrections('werkvlor')).toEqual([{ from: 'werkvlor', to: 'werkvloer' }]);
    expect(corrector.corrections('wrkvlor')).toEqual([]);
  });
});

describe('createSpellingCorrector ties and edges', () => {
  it('prefers the closer word over the more frequent one', () => {
    const corrector = createSpellingCorrector(['werkvloeren', 'werkvloeren', 'werkvloer']);
    expect(corrector.corrections('werkvloerx')).toEqual([{ from: 'werkvloerx', to: 'werkvloer' }]);
  });

  it('prefers the shorter word, then the one the corpus mentions first, when distance and frequency tie', () => {
    expect(createSpellingCorrector(['werkvloeren werkvloer']).corrections('werkvloere')).toEqual([{ from: 'werkvloere', to: 'werkvloer' }]);
    expect(createSpellingCorrector(['kader kater']).corrections('kaxer')).toEqual([{ from: 'kaxer', to: 'kader' }]);
    expect(createSpellingCorrector(['kater kader']).corrections('kaxer')).toEqual([{ from: 'kaxer', to: 'kater' }]);
  });

  it('counts no word of a web address', () => {
    // "lokalebesturen" was a word of the list only through ".../COMD_20170606_Lokalebesturen_ADV.pdf".
    const corrector = createSpellingCorrector(['Zie het advies (https://www.serv.be/files/COMD_Lokalebesturen_ADV.pdf) over besturen.']);
    expect(corrector.documentFrequency('lokalebesturen')).toBe(0);
    expect(corrector.documentFrequency('serv')).toBe(0);
    expect(corrector.documentFrequency('advies')).toBe(1);
    expect(corrector.documentFrequency('besturen')).toBe(1);
  });

  it('counts a word once per passage, folded, across punctuation and odd spaces', () => {
    const corrector = createSpellingCorrector(['Café café CAFÉ', "jan's\u00a0huis, samen-werking", 'cafe\u0301 (huis)']);
    expect(corrector.documentFrequency('cafe')).toBe(2);
    expect(corrector.documentFrequency('huis')).toBe(2);
    expect(corrector.documentFrequency('jans')).toBe(1);
    expect(corrector.documentFrequency('werking')).toBe(1);
    expect(corrector.documentFrequency('samenwerking')).toBe(0);
  });

  it('answers one correction per distinct unknown word and copes with an empty corpus and very long words', () => {
    expect(corpus.corrections('kinderopvnag of kinderopvnag')).toEqual([{ from: 'kinderopvnag', to: 'kinderopvang' }]);
    expect(corpus.corrections('a'.repeat(5000))).toEqual([]);
    const empty = createSpellingCorrector([]);
    expect(empty.documents).toBe(0);
    expect(empty.corrections('kinderopvang')).toEqual([]);
  });

  it('agrees with a plain scan over the whole vocabulary', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    // Two- to four-letter alphabets make many words close to each other, so ties are common.
    let corrected = 0;
    for (let round = 0; round < 20; round += 1) {
      const alphabet = 'abcd'.slice(0, 2 + (round % 3));
      const word = () => Array.from({ length: 3 + random(10) }, () => alphabet[random(alphabet.length)]).join('');
      const texts = Array.from({ length: 3 + random(30) }, () => Array.from({ length: 1 + random(5) }, word).join(' '));
      const corrector = createSpellingCorrector(texts);
      const reference = plainScan(texts);
      for (let query = 0; query < 50; query += 1) {
        const text = Array.from({ length: 1 + random(3) }, word).join(' ');
        const expected = reference(text);
        if (expected.length > 0) corrected += 1;
        expect(corrector.corrections(text)).toEqual(expected);
      }
    }
    expect(corrected).toBeGreaterThan(200);
  });
});

/**
 * The definition the index must reproduce: every word within the budget, the closest, same first letter, most frequent,
 * shortest, first; without one, a split into two corpus words.
 */
function plainScan(texts: string[]): (query: string) => { from: string; to: string }[] {
  const frequency = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(foldText(text).split(' '))) if (word.length >= 3 && !/\d/.test(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const words = [...frequency.keys()].sort((a, b) => a.length - b.length);
  const nearest = (word: string): string | null => {
    const budget = word.length >= 9 ? 2 : 1;
    let best: { word: string; distance: number; sameStart: boolean; count: number } | null = null;
    for (const candidate of words) {
      if (candidate.length <= word.length - 2 && word.endsWith(candidate)) continue;
      const distance = editDistance(word, candidate, budget);
      const sameStart = candidate[0] === word[0];
      const count = frequency.get(candidate) ?? 0;
      if (distance > budget) continue;
      const closer =
        !best ||
        distance < best.distance ||
        (distance === best.distance && (sameStart !== best.sameStart ? sameStart : count > best.count));
      if (closer) best = { word: candidate, distance, sameStart, count };
    }
    return best?.word ?? null;
  };
  const frequencyOf = (word: string) => frequency.get(word) ?? 0;
  // The two-word split (parts of four letters or more, an optional linking s, e or en) whose rarer part is commonest; with
  // `repair`, one part known and the other the nearest word to what was typed (five letters or more).
  const split = (word: string, repair: boolean): string | null => {
    let best: { to: string; count: number } | null = null;
    for (let cut = 4; cut <= word.length - 4; cut += 1) {
      for (const linker of ['', 's', 'e', 'en']) {
        const left = word.slice(0, cut);
        let stem = left.slice(0, left.length - linker.length);
        let right = word.slice(cut);
        if (!left.endsWith(linker) || stem.length < 4) continue;
        if (repair) {
          if ((frequencyOf(stem) > 0) === (frequencyOf(right) > 0)) continue;
          const typed = frequencyOf(stem) > 0 ? right : stem;
          const near = typed.length >= 5 ? nearest(typed) : null;
          if (near === null) continue;
          if (typed === right) right = near;
          else stem = near;
        }
        const count = Math.min(frequencyOf(stem), frequencyOf(right));
        if (count > (best?.count ?? 0)) best = { to: `${stem} ${right}`, count };
      }
    }
    return best?.to ?? null;
  };
  return (query) =>
    [...new Set(foldText(query).split(' '))].flatMap((word) => {
      if (word.length < 5 || frequency.has(word) || /\d/.test(word)) return [];
      const to = nearest(word) ?? split(word, false) ?? split(word, true);
      return to ? [{ from: word, to }] : [];
    });
}

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
