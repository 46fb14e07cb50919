// GET /api/actions and /api/actions/:number through app.inject on the real corpus: the browse contract.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/test-app.js';

interface ActionSummary {
  number: number;
  section: { number: string | null; title: string };
  heading: string | null;
  text: string;
  actors: string[];
  themes: string[];
}

const testApp = useTestApp();

const list = async (query = ''): Promise<ActionSummary[]> => {
  const response = await testApp.app.inject({ method: 'GET', url: `/api/actions${query}` });
  expect(response.statusCode).toBe(200);
  return (response.json() as { actions: ActionSummary[] }).actions;
};

describe('GET /api/actions', () => {
  it('lists the 60 actions in order, each with section, heading, text, actors and themes', async () => {
    const actions = await list();
    expect(actions.map((action) => action.number)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    for (const action of actions) {
      expect(Object.keys(action).sort()).toEqual(['actors', 'heading', 'number', 'section', 'text', 'themes']);
      expect(Object.keys(action.section).sort()).toEqual(['number', 'title']);
      expect(action.text.length).toBeGreaterThan(0);
      expect(action.actors.length).toBeGreaterThan(0);
      expect(action.themes.length).toBeGreaterThan(0);
    }
    expect(actions[18]).toEqual({
      number: 19,
      section: { number: '3.3.2', title: 'Kansen op de arbeidsmarkt' },
      heading: 'Focus op competenties',
      text: expect.stringMatching(/^In eerdere adviezen wees de commissie op de problematiek van de erkenning van buitenlandse diploma’s\./),
      actors: ['vlaamse-overheid', 'sectoren-werkgevers'],
      themes: ['diploma-erkenning', 'competenties'],
    });
    expect(actions[0]?.heading).toBeNull();
  });

  it('filters on an actor', async () => {
    const actions = await list('?actor=vdab');
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.length).toBeLessThan(60);
    for (const action of actions) expect(action.actors).toContain('vdab');
    const numbers = actions.map((action) => action.number);
    expect(numbers).toEqual(expect.arrayContaining([5, 35, 46, 47]));
    expect(numbers).not.toContain(8);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('takes an empty filter as none, as a form with an unset field sends it', async () => {
    // "?actor=vdab&theme=" was a 400 (unknown theme "").
    expect(await list('?actor=vdab&theme=')).toEqual(await list('?actor=vdab'));
    expect(await list('?actor=&theme=')).toHaveLength(60);
  });

  it('filters on a theme', async () => {
    const numbers = (await list('?theme=competenties')).map((action) => action.number);
    expect(numbers).toEqual(expect.arrayContaining([18, 19, 20]));
    expect(numbers).not.toContain(57);
    for (const action of await list('?theme=competenties')) expect(action.themes).toContain('competenties');
  });

  it('combines actor and theme filters', async () => {
    const both = (await list('?actor=vdab&theme=competenties')).map((action) => action.number);
    const byActor = new Set((await list('?actor=vdab')).map((action) => action.number));
    const byTheme = (await list('?theme=competenties')).map((action) => action.number);
    expect(both).toEqual(byTheme.filter((number) => byActor.has(number)));
    expect(both).toContain(18);
  });

  it('takes an actor or theme as people type it: VDAB is vdab', async () => {
    const typed = (await list('?actor=VDAB&theme=%20Competenties%20')).map((action) => action.number);
    expect(typed).toEqual((await list('?actor=vdab&theme=competenties')).map((action) => action.number));
    expect(typed).toContain(18);
  });

  it('rejects an unknown actor or theme with 400 naming the choices, instead of an empty list', async () => {
    for (const [query, named, choice] of [['?actor=ocmw', 'onbekende actor "ocmw"', 'vdab'], ['?theme=diplomas', 'onbekend thema "diplomas"', 'diploma-erkenning']]) {
      const response = await testApp.app.inject({ method: 'GET', url: `/api/actions${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('BAD_REQUEST');
      expect(response.json().error.message).toContain(named);
      expect(response.json().error.message).toContain(choice);
    }
  });

  it('rejects an over-long filter with 400', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/actions?actor=${'x'.repeat(61)}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/actions/:number', () => {
  it('returns Actie 19 with the findings before its group, its notes, its group and its neighbours', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/actions/19' });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      number: 19,
      document: 'actielijst-migratieachtergrond',
      section: { number: '3.3.2', title: 'Kansen op de arbeidsmarkt' },
      heading: 'Focus op competenties',
      related: [18, 20, 21],
      previous: 18,
      next: 20,
    });
    expect(detail.context.length).toBeGreaterThan(0);
    expect(detail.context[0]).toEqual({
      id: expect.any(String),
      heading: 'Focus op competenties',
      text: expect.stringContaining('Het belang van competenties zal enkel toenemen'),
    });
    const notes = (detail.notes as { number: number; text: string; urls: string[] }[]).map(({ number, text, urls }) => ({ number, text, urls }));
    expect(notes).toEqual([
      {
        number: 35,
        text: expect.stringContaining('Advies hooggeschoolde oud- en nieuwkomers'),
        urls: ['http://www.serv.be/diversiteit/publicatie/advies-hooggeschoolde-allochtonen'],
      },
      { number: 36, text: 'Idem', urls: [] },
    ]);
  });

  it('has no previous action for Actie 1 and no next one for Actie 60', async () => {
    expect((await testApp.app.inject({ method: 'GET', url: '/api/actions/1' })).json()).toMatchObject({ number: 1, previous: null, next: 2 });
    expect((await testApp.app.inject({ method: 'GET', url: '/api/actions/60' })).json()).toMatchObject({ number: 60, previous: 59, next: null });
  });

  it.each(['0', '61', '999999'])('answers 404 in Dutch for Actie %s', async (number) => {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/actions/${number}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'ACTION_NOT_FOUND', message: `Actie ${number} bestaat niet; de actielijst telt de acties 1 tot 60.` },
    });
  });

  it.each(['abc', '1.5', '-1', '1234567'])('answers 400 for the non-number %s', async (number) => {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/actions/${number}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('het actienummer moet een getal zijn') } });
  });
});
