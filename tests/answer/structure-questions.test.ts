// Questions about the list's structure: a section's actions, and the sections of the whole list.
import { describe, expect, it } from 'vitest';
import {
  actionAt,
  askedSections,
  asksOnlyWhere,
  asksOverview,
  asksWhere,
  composeOverview,
  composeSectionList,
  listPlace,
  missingSections,
  missingSectionsLine,
  sectionLines,
  withActionAt,
} from '../../src/answer/structure-questions.js';
import { storedPassage } from '../helpers/stored-passage.js';
import { useTestApp } from '../helpers/test-app.js';

const action = (number: number, section: string, title: string, text: string) =>
  storedPassage(`l:actie-${number}`, { action: number, actions: [number], section: { number: section, title }, text });
const ACTIONS = [
  action(1, '3.1', 'Focus', 'Eerste actie. Meer tekst.'),
  action(2, '3.1', 'Focus', 'Tweede actie.'),
  action(3, '3.3.1', 'Onderwijs', 'Derde actie.'),
  action(4, '3.3.2', 'Arbeidsmarkt', 'Vierde actie.'),
];

describe('listPlace', () => {
  const at = (question: string, alone = true) => {
    const place = listPlace(question, { alone });
    return place && actionAt(place, ACTIONS);
  };

  it.each([
    ['wat is de eerste actie?', 1],
    ['de laatste actie', 4],
    ['wat zegt de laatste actie van de lijst', 4],
    ['eerste actie van 3.3', 3],
    ['de laatste aanbeveling in sectie 3.3', 4],
    ['de 2de actie uit hoofdstuk 3.1', 2],
    ['de voorlaatste actie', 3],
    ['wat houdt de tweede actie in?', 2],
  ])('reads "%s" as Actie %i', (question, action) => {
    expect(at(question)).toBe(action);
  });

  it('reads no place in an ordinal before a topic, past the end of a section, or without the list named after an answer', () => {
    expect(at('wat met de tweede generatie')).toBeNull();
    expect(at('de eerste actie die ik moet doen voor een nieuwkomer')).toBeNull();
    expect(at('de derde actie van 3.1')).toBeNull();
    expect(at('de laatste actie van 3.2')).toBeNull();
    expect(at('wat is de laatste?')).toBeNull();
    expect(at('wat is de eerste actie?', false)).toBeNull();
    expect(at('wat is de eerste actie van de lijst?', false)).toBe(1);
  });

  it('counts a bare ordinal on in the section of the place before it, and spells the action out in the question', () => {
    const place = listPlace('en de tweede?', { alone: false, after: { section: '3.3' } });
    expect(place && actionAt(place, ACTIONS)).toBe(4);
    expect(place && withActionAt('en de tweede?', place, 4)).toBe('en actie 4?');
    expect(listPlace('en de tweede?', { alone: true })).toBeNull();
  });
});

describe('askedSections', () => {
  it.each([
    ['acties in 3.1', ['3.1']],
    ['wat staat er in sectie 3.3.2?', ['3.3.2']],
    ['3.3', ['3.3']],
    ['acties 3.1 en 3.3.1', ['3.1', '3.3.1']],
    // A summary of a section is its actions: this got the whole list's overview.
    ['geef een samenvatting van hoofdstuk 3.3', ['3.3']],
    ['vat 3.1 samen', ['3.1']],
    ['overzicht van 3.3.1', ['3.3.1']],
  ])('reads "%s" as asking for sections %j', (question, sections) => {
    expect(askedSections(question, ACTIONS)).toEqual(sections);
  });

  it('reads a section named by a word of its title that no other title has, when the question points at a part of the list', () => {
    const titled = [
      action(1, '3.4', 'Methodieken', 'Eerste actie.'),
      action(2, '3.5', 'Antidiscriminatiebeleid', 'Tweede actie.'),
      action(3, '3.6', 'Flankerend beleid', 'Derde actie.'),
      action(4, '3.3.4', 'Diversiteitsbeleid stimuleren', 'Vierde actie.'),
    ];
    expect(askedSections('welke acties staan in het hoofdstuk over antidiscriminatiebeleid', titled)).toEqual(['3.5']);
    expect(askedSections('acties van het onderdeel flankerend beleid', titled)).toEqual(['3.6']);
    expect(askedSections('welke acties staan onder methodieken', titled)).toEqual(['3.4']);
    expect(askedSections('sectie diversiteitsbeleid', titled)).toEqual(['3.3.4']);
    // Without a pointer at a part of the list, or with a topic besides the title, it is an ordinary question.
    expect(askedSections('wat zegt de lijst over antidiscriminatiebeleid', titled)).toEqual([]);
    expect(askedSections('hoofdstuk over antidiscriminatiebeleid en taal', titled)).toEqual([]);
    expect(askedSections('hoofdstuk over mobiliteit', titled)).toEqual([]);
  });

  it('reads no section from a topic question, a figure, or a number the list has no section for', () => {
    expect(askedSections('wat zegt 3.1 over kinderopvang?', ACTIONS)).toEqual([]);
    expect(askedSections('werkzaamheidsgraad van 61,2%', ACTIONS)).toEqual([]);
    expect(askedSections('acties in 2.1', ACTIONS)).toEqual([]);
    expect(askedSections('acties 3 en 4', ACTIONS)).toEqual([]);
  });

  it('keeps the sections that exist and names apart those no action stands in', () => {
    expect(askedSections('acties 3.1 en 2.1', ACTIONS)).toEqual(['3.1']);
    expect(missingSections('acties 3.1 en 2.1', ACTIONS)).toEqual(['2.1']);
    expect(missingSections('wat zegt sectie 3.7?', ACTIONS)).toEqual(['3.7']);
    expect(missingSections('acties in 3.1', ACTIONS)).toEqual([]);
    // With a topic it is an ordinary question, and a figure is no section.
    expect(missingSections('wat zegt 3.7 over kinderopvang?', ACTIONS)).toEqual([]);
    expect(missingSections('hoeveel kost 3.5 euro', ACTIONS)).toEqual([]);
    expect(missingSectionsLine(['3.7'])).toBe('De actielijst heeft geen sectie 3.7 met acties.');
    expect(missingSectionsLine(['2.1', '3.7', '3.8'])).toBe('De actielijst heeft geen secties 2.1, 3.7 en 3.8 met acties.');
  });
});

describe('asksOverview', () => {
  it('recognises questions about the whole list, and no question about a topic', () => {
    expect(asksOverview('hoeveel acties zijn er')).toBe(true);
    expect(asksOverview('geef een samenvatting van de actielijst')).toBe(true);
    // Also with the separable verb: "vat de actielijst samen" was searched and quoted Acties 34 and 20.
    expect(asksOverview('vat de actielijst samen')).toBe(true);
    expect(asksOverview('vat de lijst kort samen')).toBe(true);
    expect(asksOverview('welke hoofdstukken heeft de actielijst?')).toBe(true);
    // The list ranks no action above another: asked for the most important ones, its parts are the answer (it was refused).
    expect(asksOverview('wat zijn de belangrijkste acties')).toBe(true);
    expect(asksOverview('kernpunten van de actielijst')).toBe(true);
    // All actions at once are their sections: "geef alle acties" was asked what about, "toon alle 60 acties" refused.
    expect(asksOverview('geef alle acties')).toBe(true);
    expect(asksOverview('toon alle 60 acties')).toBe(true);
    expect(asksOverview('lijst van alle acties')).toBe(true);
    expect(asksOverview('alle acties over taal')).toBe(false);
    expect(asksOverview('overzicht acties erkenning van buitenlandse diploma’s')).toBe(false);
    expect(asksOverview('hoeveel acties gaan over taal?')).toBe(false);
    // It names an action: a summary of that one, not of the list.
    expect(asksOverview('samenvatting actie 44')).toBe(false);
    // The actions for the group every action is for: all of them. What the group's name means is no such question.
    expect(asksOverview('welke acties zijn er voor allochtonen')).toBe(true);
    expect(asksOverview('wat doet de lijst voor migranten')).toBe(true);
    expect(asksOverview('welke maatregelen voor mensen met een migratie-achtergrond')).toBe(true);
    expect(asksOverview('wat is een migratieachtergrond')).toBe(false);
    expect(asksOverview('acties voor migranten rond taal')).toBe(false);
  });
});

describe('asksWhere', () => {
  it.each(['welke sectie is dat?', 'in welke sectie staat actie 57?', 'onder welk hoofdstuk valt dat', 'waar staat EVC in de lijst', 'waar vind ik dat?'])(
    'reads "%s" as asking where in the list',
    (question) => expect(asksWhere(question)).toBe(true),
  );

  it.each(['waar staat EAD voor', 'wat staat er in actie 57?', 'welke acties staan in 3.2', 'waar kan ik discriminatie melden'])(
    'does not read "%s" so',
    (question) => expect(asksWhere(question)).toBe(false),
  );

  it('knows a where question with no topic of its own', () => {
    expect(asksOnlyWhere('in welke sectie staat dat?')).toBe(true);
    expect(asksOnlyWhere('in welk onderdeel van de actielijst vind ik die terug?')).toBe(true);
    expect(asksOnlyWhere('in welke sectie staat actie 57?')).toBe(false);
    expect(asksOnlyWhere('in welk hoofdstuk staat iets over kinderopvang?')).toBe(false);
  });
});

describe('composing', () => {
  it('places each action by its section, and its heading where it has one, in the order given', () => {
    const headed = storedPassage('l:actie-5', { action: 5, actions: [5], section: { number: '3.3.2', title: 'Arbeidsmarkt' }, heading: 'Trajecten', text: 'Vijfde.' });
    expect(sectionLines([5, 1, 9], [...ACTIONS, headed])).toBe(
      ['Waar deze acties in de actielijst staan:', '- Actie 5: 3.3.2 Arbeidsmarkt › Trajecten', '- Actie 1: 3.1 Focus'].join('\n'),
    );
    expect(sectionLines([9], ACTIONS)).toBeNull();
  });


  it('lists a section’s actions by their first sentence, under their subsections when there are several', () => {
    expect(composeSectionList('3.1', ACTIONS)).toBe(['Sectie 3.1 Focus telt 2 acties:', '- “Eerste actie.” (Actie 1)', '- “Tweede actie.” (Actie 2)'].join('\n'));
    expect(composeSectionList('3.3', ACTIONS)).toBe(
      ['Sectie 3.3 telt 2 acties:', '3.3.1 Onderwijs:', '- “Derde actie.” (Actie 3)', '3.3.2 Arbeidsmarkt:', '- “Vierde actie.” (Actie 4)'].join('\n'),
    );
    expect(composeSectionList('3.5', ACTIONS)).toBeNull();
  });

  it('gives the sections with their titles and the span of their actions', () => {
    expect(composeOverview(ACTIONS)?.split('\n').slice(0, 4)).toEqual([
      'De actielijst telt 4 acties, in deze secties:',
      '- 3.1 Focus: Actie 1 tot en met Actie 2',
      '- 3.3.1 Onderwijs: Actie 3',
      '- 3.3.2 Arbeidsmarkt: Actie 4',
    ]);
  });
});

describe('through POST /api/ask, on the real corpus', () => {
  const t = useTestApp();
  const ask = async (question: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question } })).json<{ answer: string; refused: boolean; citations: { action: number | null }[] }>();

  it('answers "hoeveel acties zijn er" with the 60 actions by section (it was refused)', async () => {
    const body = await ask('hoeveel acties zijn er');
    expect(body.refused).toBe(false);
    expect(body.answer).toMatch(/^De actielijst telt 60 acties, in deze secties:/);
    expect(body.answer).toContain('- 3.5 Antidiscriminatiebeleid: Actie 53 tot en met Actie 56');
    expect(body.citations.map((citation) => citation.action)).toEqual(expect.arrayContaining([1, 60]));
  });

  it('answers a question for the actions for the group with the 60 actions by section (it was refused)', async () => {
    for (const question of ['welke acties zijn er voor allochtonen', 'acties voor migranten']) {
      const body = await ask(question);
      expect(body.refused, question).toBe(false);
      expect(body.answer, question).toMatch(/^De actielijst telt 60 acties, in deze secties:/);
    }
    // What the group's name means is the list's definition of the group.
    expect((await ask('wat is een migratieachtergrond')).answer).toContain('Vesoc-definitie');
  });

  it('summarises a section by its actions, and one action by its own sentences', async () => {
    // The summary of a section got the whole list's overview.
    const section = await ask('geef een samenvatting van hoofdstuk 3.5');
    expect(section.answer.split('\n')[0]).toMatch(/^Sectie 3\.5 Antidiscriminatiebeleid telt 4 acties:/);
    expect(section.citations.map((citation) => citation.action)).toEqual([53, 54, 55, 56]);
    // "vat … samen" asks how, not what about: "samen" quoted a finding on IBO ("… samen gaat met hogere kansen", Actie 35).
    expect((await ask('vat actie 44 samen')).citations.map((citation) => citation.action)).toEqual([44]);
  });

  it('says that a section does not exist, with the sections that do (it was refused as naming no topic)', async () => {
    const missing = await ask('wat zegt sectie 3.7');
    expect(missing.refused).toBe(false);
    expect(missing.answer.split('\n').slice(0, 2)).toEqual(['De actielijst heeft geen sectie 3.7 met acties.', 'De actielijst telt 60 acties, in deze secties:']);
    const partly = await ask('acties 3.2 en 3.8');
    expect(partly.answer.split('\n')[0]).toBe('De actielijst heeft geen sectie 3.8 met acties.');
    expect(partly.answer.split('\n')[1]).toMatch(/^Sectie 3\.2 Systematische en doordachte monitoring en onderzoek telt 4 acties:/);
    expect(partly.citations.map((citation) => citation.action)).toEqual([4, 5, 6, 7]);
  });

  it('answers "acties in 3.2" with the section’s actions (it was refused)', async () => {
    const actions = (await t.app.inject({ url: '/api/actions' })).json<{ actions: { number: number; section: { number: string } }[] }>().actions;
    const body = await ask('acties in 3.2');
    expect(body.refused).toBe(false);
    expect(body.citations.map((citation) => citation.action)).toEqual(actions.filter((a) => a.section.number === '3.2').map((a) => a.number));
    // Two sections are listed one after the other; "acties 3.5" named Actie 3.
    const both = await ask('acties 3.5 en 3.6');
    expect(both.citations.map((citation) => citation.action)).toEqual(actions.filter((a) => /^3\.[56]$/.test(a.section.number)).map((a) => a.number));
    // A topic within a section is an ordinary question.
    expect((await ask('wat zegt 3.6 over kinderopvang')).citations.map((citation) => citation.action)).toContain(57);
  });

  it('says in which section the cited actions stand when asked, also as a follow-up, and stops saying who', async () => {
    // "in welke sectie staat actie 57?" got the action's quotes only; after "wie moet dat organiseren?", "welke sectie is
    // dat?" repeated who the actions address, read from the question before it.
    const named = await ask('in welke sectie staat actie 57?');
    expect(named.answer).toMatch(/\nWaar deze acties in de actielijst staan:\n- Actie 57: 3\.6 Flankerend beleid$/);
    const post = (question: string, conversationId?: string) =>
      t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, ...(conversationId ? { conversationId } : {}) } }).then((r) => r.json<{ answer: string; conversationId: string }>());
    const first = await post('kinderopvang tijdens opleiding');
    const who = await post('wie moet dat organiseren?', first.conversationId);
    expect(who.answer).toContain('Tot wie deze acties zich richten');
    const where = await post('welke sectie is dat?', first.conversationId);
    expect(where.answer).toContain('- Actie 57: 3.6 Flankerend beleid');
    expect(where.answer).not.toContain('Tot wie deze acties zich richten');
    // It places the previous answer's actions, all of them and only those: searched again with "sectie" and "staat", the
    // question after an answer citing 6, 1 and 52 (on asking for nationality) placed Actie 1 alone.
    const law = await post('mag ik vragen naar iemands afkomst bij een sollicitatie?');
    const turns = (await t.app.inject({ url: `/api/conversations/${law.conversationId}` })).json<{ turns: { citations: { action: number | null }[] }[] }>().turns;
    const cited = [...new Set(turns[0]!.citations.flatMap((citation) => (citation.action === null ? [] : [citation.action])))];
    expect(cited.length).toBeGreaterThan(1);
    const placed = await post('in welke sectie staat dat?', law.conversationId);
    expect([...placed.answer.matchAll(/^- Actie (\d+): \d/gm)].map((match) => Number(match[1]))).toEqual(cited);
  });

  it('lists a section named by its title (it quoted a sentence on prejudice), and searches a chapter on a topic that is no title', async () => {
    const body = await ask('welke acties staan in het hoofdstuk over antidiscriminatiebeleid');
    expect(body.answer).toMatch(/^Sectie 3\.5 Antidiscriminatiebeleid telt 4 acties:/);
    expect(body.citations.map((citation) => citation.action)).toEqual([53, 54, 55, 56]);
    // "hoofdstuk" says where, not what: it was counted as a word the passages lack, and this was refused.
    const mobility = await ask('hoofdstuk over mobiliteit');
    expect(mobility.refused).toBe(false);
    expect(mobility.citations.map((citation) => citation.action)).toContain(58);
  });
});
