// "wat betekent EAD?": the glossary's meaning of the one abbreviation asked about, before the answer or the refusal.
import { describe, expect, it } from 'vitest';
import { definitionLine } from '../../src/answer/definitions.js';
import { realGlossary } from '../helpers/real-glossary.js';
import { useTestApp } from '../helpers/test-app.js';

const glossary = realGlossary();
const SOURCE = ' (volgens het glossarium van Actiewijzer, niet de tekst van de actielijst).';

describe('definitionLine', () => {
  it.each([
    ['wat betekent EAD', 'EAD staat voor “evenredige arbeidsdeelname en diversiteit”'],
    ['wat is K-IBO?', 'K-IBO staat voor “IBO voor kwetsbare werkzoekenden”'],
    ['waar staat OKOT voor', 'OKOT staat voor “onderwijskwalificerende opleidingstrajecten”'],
  ])('says what "%s" asks', (question, line) => {
    expect(definitionLine(question, glossary)).toBe(`${line}${SOURCE}`);
  });

  it('says nothing for a question about more than the meaning, or about no abbreviation', () => {
    expect(definitionLine('wat is IBO voor anderstaligen', glossary)).toBeNull();
    expect(definitionLine('IBO voorwaarden', glossary)).toBeNull();
    expect(definitionLine('wat betekent EVC en IBO', glossary)).toBeNull();
    expect(definitionLine('wat betekent duaal leren', glossary)).toBeNull();
  });
});

describe('through POST /api/ask, on the real corpus', () => {
  const t = useTestApp();
  const ask = async (question: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question } })).json<{ answer: string; refused: boolean; citations: { action: number | null }[] }>();

  it('puts the meaning before an answer from the passages', async () => {
    const body = await ask('wat is K-IBO?');
    expect(body.refused).toBe(false);
    expect(body.answer.split('\n')[0]).toBe(`K-IBO staat voor “IBO voor kwetsbare werkzoekenden”${SOURCE}`);
    expect(body.citations.map((citation) => citation.action)).toContain(36);
  });

  it('does not take back the meaning when the list has nothing more on it', async () => {
    // "SERV staat voor …" was followed by "Daarover zegt de actielijst niets, dus daar kan ik geen antwoord op geven."
    const body = await ask('wat is de SERV');
    expect(body.refused).toBe(true);
    const [meaning, rest] = body.answer.split('\n');
    expect(meaning).toBe(`SERV staat voor “Sociaal-Economische Raad van Vlaanderen”${SOURCE}`);
    expect(rest).toMatch(/^Meer zegt de actielijst er niet over\. De actielijst gaat over/);
  });

  it('answers an abbreviation the list writes only in source footnotes by what it stands for, after the meaning', async () => {
    // The list writes "EAD" only in footnotes naming a source ("Zie advies conceptnota EAD"), which are not quoted. Its only
    // sentence with "betekent" was once quoted as the answer; then the question was refused with the meaning alone; now
    // the sentences on "evenredige arbeidsdeelname" answer it, as they do for "NWWZ".
    const body = await ask('wat betekent EAD');
    expect(body.refused).toBe(false);
    expect(body.answer.split('\n')[0]).toBe(`EAD staat voor “evenredige arbeidsdeelname en diversiteit”${SOURCE}`);
    expect(body.answer).toMatch(/evenredige arbeidsdeelname/);
    expect(body.citations.map((citation) => citation.action)).toContain(1);
    expect(body.answer).not.toContain('Dit betekent onder meer');
  });
});
