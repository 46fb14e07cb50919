// POST /api/covenant/outline through app.inject on the real corpus: JSON, Markdown (Accept: text/markdown) and 400s.
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../src/corpus/tags.js';
import { wantsMarkdown } from '../../src/routes/covenant.js';
import { useTestApp } from '../helpers/test-app.js';

const testApp = useTestApp();

interface Outline {
  sector: string;
  groups: { theme: string; actions: { number: number; text: string }[] }[];
  positiveActionTypes: string[];
}

interface Action {
  number: number;
  text: string;
  actors: string[];
  themes: string[];
}

const outline = (payload: unknown, headers: Record<string, string> = {}) =>
  testApp.app.inject({ method: 'POST', url: '/api/covenant/outline', headers, payload: payload as object });

async function actions(query = ''): Promise<Action[]> {
  return (await testApp.app.inject({ method: 'GET', url: `/api/actions${query}` })).json<{ actions: Action[] }>().actions;
}

describe('POST /api/covenant/outline (JSON)', () => {
  it('lists every action for sectors and employers, plus 45 and 56, once, grouped by Dutch theme name in THEMES order', async () => {
    const response = await outline({ sector: 'Bouw' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json<Outline>();
    expect(Object.keys(body).sort()).toEqual(['groups', 'positiveActionTypes', 'sector']);
    expect(body.sector).toBe('Bouw');

    const expected = new Set([...(await actions('?actor=sectoren-werkgevers')).map((a) => a.number), 45, 56]);
    const listed = body.groups.flatMap((group) => group.actions.map((a) => a.number));
    expect([...listed].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    expect(new Set(listed).size).toBe(listed.length);

    const names = Object.values(THEMES) as string[];
    const themes = body.groups.map((group) => group.theme);
    for (const theme of themes) expect(names).toContain(theme);
    expect(themes).toEqual([...themes].sort((a, b) => names.indexOf(a) - names.indexOf(b)));

    const all = new Map((await actions()).map((a) => [a.number, a]));
    for (const group of body.groups) {
      for (const entry of group.actions) {
        const stored = all.get(entry.number)!;
        expect(entry.text).toBe(stored.text);
        // Listed under its first theme.
        expect(group.theme).toBe(THEMES[stored.themes[0] as keyof typeof THEMES]);
      }
    }
  });

  it('keeps to the chosen themes, and still lists Acties 45 and 56', async () => {
    const body = (await outline({ sector: 'Zorg en welzijn', themes: ['taal'] })).json<Outline>();
    expect(body.groups.map((group) => group.theme)).toEqual(['Nederlands leren (NT2)', 'Positieve acties', 'Discriminatie aanpakken']);
    const listed = body.groups.flatMap((group) => group.actions.map((a) => a.number));
    expect(listed).toContain(45);
    expect(listed).toContain(56);
    const taal = (await actions('?actor=sectoren-werkgevers&theme=taal')).map((a) => a.number);
    expect(body.groups[0]?.actions.map((a) => a.number)).toEqual(taal);
  });

  it('reads a theme in any case and with spaces around it, as the action filter does', async () => {
    const typed = (await outline({ sector: 'Zorg en welzijn', themes: [' Taal '] })).json<Outline>();
    const exact = (await outline({ sector: 'Zorg en welzijn', themes: ['taal'] })).json<Outline>();
    expect(typed.groups).toEqual(exact.groups);
  });

  it('takes the positive-action types from the stored legal document, word for word', async () => {
    const body = (await outline({ sector: 'Bouw' })).json<Outline>();
    expect(body.positiveActionTypes.length).toBeGreaterThan(2);
    expect(body.positiveActionTypes).toContain('gerichte wervingscampagnes');
    const { rows } = await testApp.runtime.db.pool.query<{ text: string }>(`select text from passages where document_id = 'positieve-actie-kader'`);
    const stored = rows.map((row) => row.text).join('\n');
    for (const type of body.positiveActionTypes) expect(stored).toContain(type);
  });

  it('trims the sector name and keeps it on one line', async () => {
    expect((await outline({ sector: '  Metaal \n en technologie ' })).json<Outline>().sector).toBe('Metaal en technologie');
  });
});

describe('POST /api/covenant/outline (Markdown)', () => {
  it('sends the same outline as Markdown with Accept: text/markdown', async () => {
    const json = (await outline({ sector: 'Bouw', themes: ['positieve-actie', 'discriminatie'] })).json<Outline>();
    const response = await outline({ sector: 'Bouw', themes: ['positieve-actie', 'discriminatie'] }, { accept: 'text/markdown' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const markdown = response.body;
    expect(markdown.split('\n')[0]).toBe('# Sectorconvenant Bouw: relevante acties');
    for (const group of json.groups) {
      expect(markdown).toContain(`\n## ${group.theme}\n`);
      for (const entry of group.actions) expect(markdown).toContain(`- **Actie ${entry.number}** — ${entry.text.split('\n')[0]}`);
    }
    expect(markdown).toContain('- **Actie 45** — ');
    expect(markdown).toContain('- **Actie 56** — ');
    expect(markdown).toContain('## Positieve acties die de sector kan overwegen');
    for (const type of json.positiveActionTypes) expect(markdown).toContain(`- ${type}`);
    expect(markdown).toContain('Juridisch kader (2026), punt 17');
    expect(markdown).toContain('Bron: SERV Commissie Diversiteit, Actielijst personen met een migratie-achtergrond');
  });

  it('answers JSON to a client that prefers it or refuses Markdown', () => {
    expect(wantsMarkdown(undefined)).toBe(false);
    expect(wantsMarkdown('application/json')).toBe(false);
    expect(wantsMarkdown('text/markdown;q=0, application/json')).toBe(false);
    expect(wantsMarkdown('text/markdown')).toBe(true);
    expect(wantsMarkdown('text/markdown; charset=utf-8, */*;q=0.1')).toBe(true);
  });
});

describe('POST /api/covenant/outline (bad input)', () => {
  it.each<[string, unknown, string]>([
    ['a missing sector', { themes: ['taal'] }, 'sector: '],
    ['an empty sector', { sector: '   ' }, 'sector: de naam van de sector is leeg'],
    ['a sector of 201 characters', { sector: 's'.repeat(201) }, 'sector: de naam van de sector is te lang'],
    ['themes that are not a list', { sector: 'Bouw', themes: 'taal' }, 'themes: '],
  ])('rejects %s with 400 and a Dutch message', async (_, payload, message) => {
    const response = await outline(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining(message) } });
  });

  it('accepts a sector of exactly 200 characters', async () => {
    expect((await outline({ sector: 's'.repeat(200) })).statusCode).toBe(200);
  });

  it('names an unknown theme in its 400', async () => {
    const response = await outline({ sector: 'Bouw', themes: ['taal', 'ruimtevaart'] }, { accept: 'text/markdown' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('themes.1: onbekend thema "ruimtevaart"') } });
  });
});
