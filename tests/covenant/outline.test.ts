// The covenant outline as pure functions: which actions, their grouping by theme, the positive-action types and the Markdown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOutline, outlineToMarkdown, positiveActionTypes, type LegalItem, type OutlineInputAction } from '../../src/covenant/outline.js';
import { THEMES } from '../../src/corpus/tags.js';

const action = (number: number, actors: string[], themes: string[], text = `Tekst van actie ${number}.`): OutlineInputAction => ({ number, text, actors, themes });

const ACTIONS: OutlineInputAction[] = [
  action(3, ['vlaamse-overheid'], ['monitoring']),
  action(19, ['vlaamse-overheid', 'sectoren-werkgevers'], ['diploma-erkenning', 'competenties']),
  action(20, ['sectoren-werkgevers'], ['competenties']),
  action(25, ['sectoren-werkgevers'], ['taal']),
  action(44, ['vlaamse-overheid', 'sectoren-werkgevers'], ['positieve-actie']),
  // 45 and 56 are in every outline, whatever their actors say.
  action(45, ['sociale-partners'], ['positieve-actie']),
  action(56, ['vlaamse-overheid'], ['discriminatie']),
  action(53, ['sectoren-werkgevers'], ['discriminatie', 'diversiteitsbeleid']),
];

const numbers = (outline: ReturnType<typeof buildOutline>) => outline.groups.flatMap((group) => group.actions.map((a) => a.number));

describe('buildOutline', () => {
  it('lists the actions for sectors and employers plus Acties 45 and 56, each with its number and text', () => {
    const outline = buildOutline(ACTIONS, { sector: 'Bouw' }, []);
    expect(outline.sector).toBe('Bouw');
    expect(numbers(outline).sort((a, b) => a - b)).toEqual([19, 20, 25, 44, 45, 53, 56]);
    expect(outline.groups.flatMap((group) => group.actions)).toContainEqual({ number: 20, text: 'Tekst van actie 20.' });
  });

  it('groups by theme under the Dutch name, in the order of THEMES, each action once under its first theme', () => {
    const outline = buildOutline(ACTIONS, { sector: 'Bouw' }, []);
    const order = Object.values(THEMES) as string[];
    const themes = outline.groups.map((group) => group.theme);
    expect(themes).toEqual([...themes].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(outline.groups).toEqual([
      { theme: 'Competenties en EVC', actions: [{ number: 20, text: 'Tekst van actie 20.' }] },
      { theme: "Erkenning van diploma's", actions: [{ number: 19, text: 'Tekst van actie 19.' }] },
      { theme: 'Nederlands leren (NT2)', actions: [{ number: 25, text: 'Tekst van actie 25.' }] },
      { theme: 'Positieve acties', actions: [{ number: 44, text: 'Tekst van actie 44.' }, { number: 45, text: 'Tekst van actie 45.' }] },
      { theme: 'Discriminatie aanpakken', actions: [{ number: 53, text: 'Tekst van actie 53.' }, { number: 56, text: 'Tekst van actie 56.' }] },
    ]);
  });

  it('with themes chosen: keeps the actions with one of them, under the first chosen one of their own themes', () => {
    const outline = buildOutline(ACTIONS, { sector: 'Zorg', themes: ['competenties', 'diversiteitsbeleid'] }, []);
    const group = (theme: string) => outline.groups.find((g) => g.theme === theme)?.actions.map((a) => a.number);
    // 19 is about diplomas first, but only its second theme was chosen.
    expect(group('Competenties en EVC')).toEqual([19, 20]);
    expect(group('Diversiteitsbeleid in organisaties')).toEqual([53]);
    expect(numbers(outline)).not.toContain(25);
    expect(numbers(outline)).not.toContain(44);
  });

  it('always keeps Acties 45 and 56, under their own theme when it was not chosen', () => {
    const outline = buildOutline(ACTIONS, { sector: 'Zorg', themes: ['taal'] }, []);
    expect(outline.groups.map((g) => [g.theme, g.actions.map((a) => a.number)])).toEqual([
      ['Nederlands leren (NT2)', [25]],
      ['Positieve acties', [45]],
      ['Discriminatie aanpakken', [56]],
    ]);
  });

  it('treats an empty theme list as all themes, and passes the positive-action types through', () => {
    const outline = buildOutline(ACTIONS, { sector: 'Bouw', themes: [] }, ['opleidingen']);
    expect(numbers(outline)).toHaveLength(7);
    expect(outline.positiveActionTypes).toEqual(['opleidingen']);
  });
});

const DOCUMENT = readFileSync(new URL('../../corpus/positieve-actie-kader.md', import.meta.url), 'utf8');

/** The legal document's items as the parser stores them: the text under "### Punt N" without the refs comment. */
function legalItems(): LegalItem[] {
  return [...DOCUMENT.matchAll(/^### Punt (\d+)\n<!-- refs: (.+) -->\n([\s\S]*?)(?=\n#{1,6} |(?![\s\S]))/gm)].map((match) => ({
    kind: 'action',
    label: `Juridisch kader (2026), punt ${match[1]}`,
    refs: (match[2] ?? '').split(';').map((ref) => ref.trim()),
    text: (match[3] ?? '').trim(),
  }));
}

describe('positiveActionTypes', () => {
  it('reads the example measures from the legal document, as they stand there, and says where they come from', () => {
    const { types, source } = positiveActionTypes(legalItems());
    expect(types).toEqual([
      'gerichte wervingscampagnes',
      "begeleidingsprogramma's",
      'voorbehouden stageplaatsen',
      'opleidingen',
      'vakantiejobs of stages die voor de doelgroep opengehouden worden',
    ]);
    for (const type of types) expect(DOCUMENT).toContain(type);
    expect(source).toEqual({ label: 'Juridisch kader (2026), punt 17', refs: ['KB 11 februari 2019'] });
  });

  it('handles an enumeration without a serial comma, and finds nothing without examples', () => {
    const item: LegalItem = { kind: 'action', label: 'X, punt 1', refs: ['Y'], text: 'Voorbeelden zijn: mentoring, stages en taalcoaching. [Y]' };
    expect(positiveActionTypes([item]).types).toEqual(['mentoring', 'stages', 'taalcoaching']);
    expect(positiveActionTypes([{ ...item, text: 'Geen opsomming hier. [Y]' }])).toEqual({ types: [], source: null });
    expect(positiveActionTypes([{ ...item, kind: 'intro' }])).toEqual({ types: [], source: null });
  });
});

describe('outlineToMarkdown', () => {
  const outline = buildOutline(
    [...ACTIONS, action(4, ['sectoren-werkgevers'], ['onderwijs'], 'Zorg voor:\n\n- een eerste punt[^3];\n- een tweede punt.')],
    { sector: '  Bouw \n en hout ' },
    ['gerichte wervingscampagnes', 'opleidingen'],
  );
  const markdown = outlineToMarkdown(outline, { label: 'Juridisch kader (2026), punt 17', refs: ['KB 11 februari 2019'] });

  it('has a title, a section per theme and a bold action number before each text', () => {
    expect(markdown.split('\n')[0]).toBe('# Sectorconvenant Bouw en hout: relevante acties');
    expect(markdown).toContain('\n## Positieve acties\n\n- **Actie 44** — Tekst van actie 44.\n- **Actie 45** — Tekst van actie 45.\n');
    expect(markdown.indexOf('## Competenties en EVC')).toBeLessThan(markdown.indexOf('## Discriminatie aanpakken'));
  });

  it('keeps a multi-line action inside its list item and drops footnote markers', () => {
    expect(markdown).toContain('- **Actie 4** — Zorg voor:\n  - een eerste punt;\n  - een tweede punt.');
  });

  it('ends with the positive-action types, where they come from, and the source line', () => {
    expect(markdown).toContain('## Positieve acties die de sector kan overwegen');
    expect(markdown).toContain('Juridisch kader (2026), punt 17 [KB 11 februari 2019]');
    expect(markdown).toContain('- gerichte wervingscampagnes\n- opleidingen');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('Bron: SERV Commissie Diversiteit, Actielijst personen met een migratie-achtergrond');
  });
});
