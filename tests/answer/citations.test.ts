// Unit tests of the citation checks: what counts as citing, what is allowed, and that quotes are verbatim.
import { describe, expect, it } from 'vitest';
import { buildCitations, checkCitations, citedActions, isVerbatim, sentences } from '../../src/answer/citations.js';

const existing = new Set(Array.from({ length: 60 }, (_, index) => index + 1));

describe('citedActions', () => {
  it('reads single numbers, lists and ranges', () => {
    expect(citedActions('Erkenning is nodig (Actie 19). Ook EVC telt (Acties 18 en 20).')).toEqual([19, 18, 20]);
    expect(citedActions('Zie (Acties 17–19) en actie 44, 45.')).toEqual([17, 18, 19, 44, 45]);
    expect(citedActions('Geen verwijzing hier, wel 56,0% en 2018.')).toEqual([]);
  });
});

describe('checkCitations', () => {
  const given = new Set([18, 19, 20]);
  it('accepts an answer citing only given actions', () => {
    expect(checkCitations('Diploma’s erkennen (Actie 19).', given, existing)).toMatchObject({ ok: true, cited: [19] });
  });
  it('rejects an answer without citations', () => {
    expect(checkCitations('Diploma’s erkennen is belangrijk.', given, existing).problem).toEqual({ kind: 'none' });
  });
  it('rejects a number that was not among the passages', () => {
    expect(checkCitations('Zie (Actie 44).', given, existing).problem).toEqual({ kind: 'not-given', numbers: [44] });
  });
  it('rejects a number that does not exist', () => {
    expect(checkCitations('Zie (Actie 61) en (Actie 19).', given, existing).problem).toEqual({ kind: 'nonexistent', numbers: [61] });
  });
});

describe('buildCitations', () => {
  const action19 =
    'In eerdere adviezen wees de commissie op de problematiek van de erkenning van buitenlandse diploma’s. Via een gedeeltelijke of voorwaardelijke erkenning van buitenlandse diploma’s zou het mogelijk moeten zijn om te starten met de uitoefening van een job.';
  it('quotes the sentence of the action closest to the claim, verbatim', () => {
    const citations = buildCitations(
      'Een voorwaardelijke erkenning laat toe meteen te starten met een job (Actie 19).',
      [19],
      new Map([[19, { action: 19, section: '3.3.2', document: 'actielijst', texts: [action19] }]]),
    );
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({ action: 19, section: '3.3.2' });
    expect(citations[0]?.quote).toContain('voorwaardelijke erkenning');
    expect(isVerbatim(citations[0]?.quote ?? '', action19)).toBe(true);
  });

  it('splits sentences without altering them', () => {
    expect(sentences('Eén zin. Tweede zin (bv. dit)! Derde?')).toEqual(['Eén zin.', 'Tweede zin (bv. dit)!', 'Derde?']);
  });

  it('does not end a sentence at an abbreviation or an initial', () => {
    const definitions = 'Cijfers zijn moeilijk vergelijkbaar (e.g. ‘buitenlandse herkomst’, ‘niet-EU nationaliteit’). Dat is een probleem.';
    expect(sentences(definitions)).toEqual([
      'Cijfers zijn moeilijk vergelijkbaar (e.g. ‘buitenlandse herkomst’, ‘niet-EU nationaliteit’).',
      'Dat is een probleem.',
    ]);
    expect(sentences('Een stijging (2017 t.a.v. 2012) van 13%. Zie nr. 7 van de reeks.')).toEqual([
      'Een stijging (2017 t.a.v. 2012) van 13%.',
      'Zie nr. 7 van de reeks.',
    ]);
    expect(sentences('Sourbron, M., & Vansteenkiste, S. (2018). De arbeidsreserve. Brussel: SERV.')).toEqual([
      'Sourbron, M., & Vansteenkiste, S. (2018).',
      'De arbeidsreserve.',
      'Brussel: SERV.',
    ]);
    expect(sentences('Het gaat om de VDAB. Hij zegt dat.')).toEqual(['Het gaat om de VDAB.', 'Hij zegt dat.']);
  });
});
