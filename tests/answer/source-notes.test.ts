// Questions for an action's sources: recognising them, the notes quoted whole, and through POST /api/ask on the real corpus.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { asksForSources, composeSourceNotes } from '../../src/answer/source-notes.js';
import { storedPassage } from '../helpers/stored-passage.js';
import { useTestApp } from '../helpers/test-app.js';

describe('asksForSources', () => {
  it.each(['bronnen van actie 17', 'welke bron gebruikt actie 31?', 'voetnoten bij actie 1', 'waar komt dat vandaan?', 'waarop is actie 44 gebaseerd'])(
    'reads "%s" as asking for sources',
    (question) => expect(asksForSources(question)).toBe(true),
  );

  it.each(['welke bronnen gebruikt de actielijst?', 'waar komen nieuwkomers vandaan?', 'wat zegt actie 17?', 'bronnen over taal'])(
    'does not read "%s" as asking for an action\'s sources',
    (question) => expect(asksForSources(question)).toBe(false),
  );
});

describe('composeSourceNotes', () => {
  const action = storedPassage('l:actie-7', { action: 7, actions: [7], notes: [3], text: 'Actie zeven.[^3]' });
  const note = (number: number, actions: number[]) => storedPassage(`l:noot-${number}`, { kind: 'note', number, actions, text: `Bron ${number} (2018). Brussel: SERV.` });

  it('quotes the notes of the action and of its findings whole, by number, and says where each belongs', () => {
    expect(composeSourceNotes([7], [action, note(5, [6, 7]), note(3, [7])])).toBe(
      [
        'Voetnoten bij Actie 7 in de actielijst:',
        '- voetnoot 3 (bij de actie): “Bron 3 (2018). Brussel: SERV.”',
        '- voetnoot 5 (bij de bevindingen): “Bron 5 (2018). Brussel: SERV.”',
      ].join('\n'),
    );
  });

  it('says when an action has none, and gives nothing for actions the list lacks', () => {
    expect(composeSourceNotes([7], [action, note(5, [6])])).toBe('Bij Actie 7 staan in de actielijst geen voetnoten.');
    expect(composeSourceNotes([70], [action])).toBeNull();
  });
});

describe('through POST /api/ask, on the real corpus', () => {
  const t = useTestApp();
  const ask = async (question: string, conversationId?: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, ...(conversationId ? { conversationId } : {}) } })).json<{
      answer: string;
      refused: boolean;
      conversationId: string;
      citations: { action: number | null }[];
    }>();

  it('gives an action\'s footnotes for "bronnen van actie 17" (it quoted the action\'s text and no source)', async () => {
    const body = await ask('bronnen van actie 17');
    expect(body.refused).toBe(false);
    expect(body.citations.map((citation) => citation.action)).toEqual([17]);
    const lines = body.answer.split('\n');
    expect(lines[0]).toBe('Voetnoten bij Actie 17 in de actielijst:');
    // Each note verbatim, as the corpus file has it.
    const corpus = await readFile('corpus/actielijst-migratieachtergrond.md', 'utf8');
    for (const line of lines.slice(1)) {
      const [, number, text] = /^- voetnoot (\d+) \(bij de (?:actie|bevindingen)\): “(.+)”$/.exec(line) ?? [];
      expect(corpus, line).toContain(`[^${number}]: ${text}`);
    }
    expect(lines.some((line) => line.startsWith('- voetnoot 33 (bij de actie)'))).toBe(true);
  });

  it('gives the sources of the previous answer\'s actions for "waar komt dat vandaan?", and the documents for the list\'s', async () => {
    const first = await ask('wat zegt actie 17');
    const back = await ask('waar komt dat vandaan?', first.conversationId);
    expect(back.answer.split('\n')[0]).toBe('Voetnoten bij Actie 17 in de actielijst:');
    expect((await ask('welke bronnen gebruikt de actielijst?')).answer).toMatch(/^Actiewijzer beantwoordt vragen uit deze documenten/);
  });
});
