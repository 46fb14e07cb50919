// Questions answered from the tags: the actor or theme read from a question, the list of its actions, and whom cited actions address.
import { describe, expect, it } from 'vitest';
import { actorLines, askedActor, askedTheme, asksOnlyWho, asksPerTheme, asksThemeOf, asksWho, composeActorList, composePerTheme, themeLines, composeThemeList, COVENANT_NOTE, composeNarrowedList, narrowingFilter } from '../../src/answer/tag-questions.js';
import { isVerbatim } from '../../src/answer/citations.js';
import { useTestApp } from '../helpers/test-app.js';
import { storedPassage } from '../helpers/stored-passage.js';

describe('composeNarrowedList', () => {
  const action = (number: number, themes: string[]) =>
    storedPassage(`lijst:actie-${number}`, { action: number, actions: [number], themes: themes as never, text: `Actie ${number} over taal.` });

  it('counts the answer\'s actions and the ones kept, in Dutch for one and for more', () => {
    const two = composeNarrowedList({ theme: 'taal' }, [action(24, ['taal']), action(44, ['positieve-actie'])]);
    expect(two?.split('\n')[0]).toBe('Van de 2 acties hierboven gaat er 1 over Nederlands leren (NT2), volgens de indeling van Actiewijzer:');
    const one = composeNarrowedList({ theme: 'taal' }, [action(24, ['taal'])]);
    expect(one?.split('\n')[0]).toBe('De actie hierboven gaat over Nederlands leren (NT2), volgens de indeling van Actiewijzer:');
    expect(composeNarrowedList({ theme: 'mentoring' }, [action(24, ['taal'])])).toBeNull();
  });
});

describe('narrowingFilter', () => {
  it.each([
    ['en welke daarvan gaan over taal?', { theme: 'taal' }],
    ['welke hiervan zijn voor de VDAB', { actor: 'vdab' }],
    ['welke van die acties gaan over mentoring', { theme: 'mentoring' }],
    ['welke van deze richten zich tot werkgevers?', { actor: 'sectoren-werkgevers' }],
  ])('reads "%s" as narrowing the answer before it', (question, filter) => {
    expect(narrowingFilter(question)).toEqual(filter);
  });

  it.each([
    'welke acties gaan over taal?',
    'wat moet VDAB doen?',
    // A theme and an actor: asked of the search.
    'welke daarvan gaan over taal in het onderwijs?',
    'welke daarvan zijn het belangrijkst?',
    // "van die" points back only at actions.
    'wat moet VDAB doen voor de kinderen van die nieuwkomers?',
  ])('does not read "%s" as narrowing by one tag', (question) => {
    expect(narrowingFilter(question)).toBeNull();
  });
});

describe('askedActor', () => {
  it.each([
    ['wat moet VDAB doen volgens de actielijst?', 'vdab'],
    ['welke acties zijn voor lokale besturen?', 'lokale-besturen'],
    ['Wat verwacht de commissie van de gemeenten?', 'lokale-besturen'],
    ['welke rol hebben de sectoren?', 'sectoren-werkgevers'],
    ['wat kunnen werkgevers doen?', 'sectoren-werkgevers'],
    ['Welke acties vragen iets van de sectoren?', 'sectoren-werkgevers'],
    ['welke acties voor de zorgsector?', 'sectoren-werkgevers'],
    ['wat kan de bouwsector doen?', 'sectoren-werkgevers'],
    ['acties voor de bouw', 'sectoren-werkgevers'],
    ['wat kan de horeca doen?', 'sectoren-werkgevers'],
    // "zorg" was no sector name: a covenant question for it was refused.
    ['welke acties voor de zorg?', 'sectoren-werkgevers'],
    ['wat kunnen ziekenhuizen doen?', 'sectoren-werkgevers'],
    ['wat moet de onderwijssector doen?', 'onderwijs'],
    ['taken van het Agentschap Integratie en Inburgering', 'inburgering'],
    ['wat vraagt de lijst aan de vakbonden?', 'sociale-partners'],
    ['wat moet de Vlaamse regering doen?', 'vlaamse-overheid'],
    ['wat doet AgII?', 'inburgering'],
    ['wat zijn de belangrijkste aanbevelingen voor onderwijs', 'onderwijs'],
    // "uitvoeren" and "nemen" were read as topics the actions lack: the first two were refused.
    ['welke acties moet vdab uitvoeren', 'vdab'],
    ['welke acties moeten werkgevers uitvoeren', 'sectoren-werkgevers'],
    ['welke maatregelen moet de VDAB nemen?', 'vdab'],
    ['welke stappen moeten de lokale besturen zetten?', 'lokale-besturen'],
    // A sector consultant works for the sectors: Actie 59 on bus tickets was quoted for "gebruiken".
    ['welke acties kan een sectorconsulent gebruiken', 'sectoren-werkgevers'],
    // The list is addressed to the minister of Work: "werk" was read as a topic beside the minister.
    ['wat moet de minister van werk doen', 'vlaamse-overheid'],
    // Every action is for the group: naming it asks for no fewer ("wat moet VDAB doen voor migranten" was searched).
    ['wat moet VDAB doen voor migranten', 'vdab'],
    ['wat moeten werkgevers doen voor mensen met een migratieachtergrond', 'sectoren-werkgevers'],
  ])('reads "%s" as about %s alone', (question, actor) => {
    expect(askedActor(question)).toEqual({ actor, alone: true });
  });

  it('reads an actor beside a topic as not alone', () => {
    expect(askedActor('wat moet VDAB doen rond anderstaligen?')).toEqual({ actor: 'vdab', alone: false });
    // Keeping the group out is discrimination, not a question for the employers' actions.
    expect(askedActor('werkgever zegt: geen allochtonen')).toEqual({ actor: 'sectoren-werkgevers', alone: false });
    // A theme beside the actor is read; whether it is listed depends on how many actions carry both (see the answers below).
    expect(askedActor('Welke acties gaan over diversiteitsbeleid in bedrijven?')).toEqual({ actor: 'sectoren-werkgevers', alone: false, theme: 'diversiteitsbeleid' });
  });

  it('takes the more specific name first: a local government is not the Flemish one, an employers’ organisation not an employer', () => {
    expect(askedActor('wat moet de lokale overheid doen?')).toEqual({ actor: 'lokale-besturen', alone: true });
    expect(askedActor('welke rol voor werkgeversorganisaties?')).toEqual({ actor: 'sociale-partners', alone: true });
  });

  it('reads a request for the actions of a sector covenant as about sectors and employers, and says it names a covenant', () => {
    expect(askedActor('welke acties horen in een sectorconvenant?')).toEqual({ actor: 'sectoren-werkgevers', alone: true, covenant: true });
    expect(askedActor('welke acties kan ik opnemen in een sectorconvenant voor de bouw')).toEqual({ actor: 'sectoren-werkgevers', alone: true, covenant: true });
    // What a covenant is, or what it does about a topic, is a question for the search.
    // Written after the English "covenant".
    expect(askedActor('covenant logistiek welke acties opnemen')).toEqual({ actor: 'sectoren-werkgevers', alone: true, covenant: true });
    expect(askedActor('wat is een sectorconvenant?')).toBeNull();
    expect(askedActor('welke acties rond taal horen in een sectorconvenant?')).toEqual({ actor: 'sectoren-werkgevers', alone: false, covenant: true, theme: 'taal' });
    // An actor and one theme, and nothing else: the actions that carry both tags.
    expect(askedActor('welke acties gaan over vdab en taal')).toEqual({ actor: 'vdab', alone: false, theme: 'taal' });
    expect(askedActor('wat moet VDAB doen rond taal?')).toEqual({ actor: 'vdab', alone: false, theme: 'taal' });
    expect(askedActor('wat moet vdab doen rond taal voor vluchtelingen')).toEqual({ actor: 'vdab', alone: false });
    expect(askedActor('welke acties zijn relevant voor de bouwsector')).toEqual({ actor: 'sectoren-werkgevers', alone: true });
  });

  it('reads no actor from a question naming none or two', () => {
    expect(askedActor('Welke acties gaan over de overheid als werkgever?')).toBeNull();
    expect(askedActor('wat met diploma erkenning?')).toBeNull();
    expect(askedActor('Welke acties gaan over leerkrachten?')).toBeNull();
  });
});

describe('askedTheme', () => {
  it.each([
    ['welke acties gaan over taal?', 'taal'],
    ['Welke acties gaan over mentoring?', 'mentoring'],
    ['Welke acties gaan over het aanpakken van discriminatie?', 'discriminatie'],
    ['Geef alle acties over positieve acties', 'positieve-actie'],
    ['Welke acties gaan over monitoring en onderzoek?', 'monitoring'],
    ['overzicht acties erkenning van buitenlandse diploma’s', 'diploma-erkenning'],
    ['belangrijkste acties rond taal', 'taal'],
    // Only Actie 4 was cited: "statistieken" was read as a topic of its own.
    ['welke acties gaan over statistieken en monitoring', 'monitoring'],
    ['welke acties gaan over statistiek?', 'monitoring'],
    // Every action is for the group: naming it asks for nothing less ("acties voor migranten rond taal" quoted Actie 18 alone).
    ['acties voor migranten rond taal', 'taal'],
    ['welke acties voor allochtonen gaan over discriminatie', 'discriminatie'],
  ])('reads "%s" as asking for the actions of %s', (question, theme) => {
    expect(askedTheme(question)).toEqual({ theme });
  });

  it('reads no theme from a question that asks about the topic, a part of a theme, or more than a theme', () => {
    expect(askedTheme('taal')).toBeNull();
    expect(askedTheme('wat zijn positieve acties?')).toBeNull();
    expect(askedTheme('positieve acties in sectorconvenanten')).toBeNull();
    expect(askedTheme('welke acties gaan over kinderopvang')).toBeNull();
    expect(askedTheme('Welke acties gaan over stages en werkplekleren?')).toBeNull();
    expect(askedTheme('acties 44 en 45')).toBeNull();
  });
});

describe('per theme', () => {
  it('reads a request for the actions by theme, of all actions or of one actor, and nothing else', () => {
    expect(asksPerTheme('acties per thema')).toEqual({ actor: null, covenant: false });
    expect(asksPerTheme("welke thema's zijn er?")).toEqual({ actor: null, covenant: false });
    expect(asksPerTheme('geef de acties per thema voor een sectorconvenant')).toEqual({ actor: 'sectoren-werkgevers', covenant: true });
    expect(asksPerTheme('acties voor vdab per thema')).toEqual({ actor: 'vdab', covenant: false });
    // One action's theme, or a topic beside the grouping, is another question.
    expect(asksPerTheme('welk thema heeft actie 5')).toBeNull();
    expect(asksPerTheme('per thema de acties over kinderopvang')).toBeNull();
  });

  it('groups the actions under each of their themes, in the vocabulary\'s order, of the actor asked for only', () => {
    const action = (number: number, themes: string[], actors: string[]) =>
      storedPassage(`lijst:actie-${number}`, { action: number, actions: [number], themes: themes as never, actors: actors as never, text: `Actie ${number}.` });
    const actions = [action(22, ['taal', 'trajecten'], ['vdab']), action(35, ['taal'], ['vdab', 'sectoren-werkgevers']), action(44, ['positieve-actie'], ['sectoren-werkgevers'])];
    expect(composePerTheme(actions, { actor: null, covenant: false })?.split('\n').slice(0, 4)).toEqual([
      'Volgens de indeling van Actiewijzer zijn dit de 3 acties per thema (een actie kan onder meer dan één thema staan):',
      '- Nederlands leren (NT2): Acties 22, 35',
      '- Geïntegreerde trajecten: Actie 22',
      '- Positieve acties: Actie 44',
    ]);
    const sectors = composePerTheme(actions, { actor: 'sectoren-werkgevers', covenant: true }) ?? '';
    expect(sectors).toContain('de 2 acties die zich (mede) richten tot Sectoren en werkgevers per thema');
    expect(sectors).toContain('- Nederlands leren (NT2): Actie 35\n');
    expect(sectors).not.toContain('Geïntegreerde trajecten');
    expect(sectors.split('\n').at(-1)).toBe(COVENANT_NOTE);
    expect(composePerTheme(actions, { actor: 'middenveld', covenant: false })).toBeNull();
  });
});

describe('themes of actions', () => {
  it('reads a question for the themes of actions, named or just answered, and nothing else', () => {
    expect(asksThemeOf('welk thema heeft actie 5')).toBe(true);
    expect(asksThemeOf("onder welke thema's valt actie 12?")).toBe(true);
    expect(asksThemeOf('over welk thema gaat dat?')).toBe(true);
    expect(asksThemeOf('welk thema gaat over taal')).toBe(false);
    expect(asksThemeOf('acties per thema')).toBe(false);
  });

  it('names each action\'s themes in Dutch, for one action and for more', () => {
    const action = (number: number, themes: string[]) => storedPassage(`l:actie-${number}`, { action: number, actions: [number], themes: themes as never });
    expect(themeLines([action(5, ['monitoring', 'bereik-activering'])])).toBe(
      'Onder welke thema’s deze actie valt, volgens de indeling van Actiewijzer (niet de tekst van de actielijst):\n- Actie 5: Monitoring en onderzoek, Bereik en activering',
    );
    expect(themeLines([action(44, ['positieve-actie']), action(45, ['positieve-actie'])])?.split('\n')[0]).toContain('deze acties vallen');
    expect(themeLines([action(9, [])])).toBeNull();
  });
});

describe('asksWho', () => {
  it('recognises questions about who acts, not about who benefits', () => {
    expect(asksWho('wie moet dat doen?')).toBe(true);
    expect(asksWho('Wie is verantwoordelijk voor EVC?')).toBe(true);
    expect(asksWho('bij wie kan mijn klant terecht voor diploma-erkenning?')).toBe(true);
    expect(asksWho('welke actoren zijn betrokken bij geïntegreerde trajecten?')).toBe(true);
    expect(asksWho('Wie haalt volgens onderzoek vooral voordeel uit kinderopvang?')).toBe(false);
    expect(asksWho('wat met diploma erkenning?')).toBe(false);
  });

  it('tells a who question with no topic of its own from one with a topic', () => {
    expect(asksOnlyWho('wie moet dat doen?')).toBe(true);
    expect(asksOnlyWho('wie moet dat allemaal uitvoeren?')).toBe(true);
    expect(asksOnlyWho('welke actoren zijn daarvoor verantwoordelijk?')).toBe(true);
    expect(asksOnlyWho('wie moet dat doen voor EVC?')).toBe(false);
    expect(asksOnlyWho('wat moet VDAB doen?')).toBe(false);
  });
});

describe('composing', () => {
  const first = storedPassage('l:actie-5', { action: 5, actions: [5], actors: ['vdab'], text: 'Monitoring is nodig. VDAB moet weten wie werk zoekt.' });
  const second = storedPassage('l:actie-9', { action: 9, actions: [9], actors: ['onderwijs', 'vdab'], text: 'Scholen werken samen met de diensten.' });
  const other = storedPassage('l:actie-12', { action: 12, actions: [12], actors: ['onderwijs'], text: 'Onderwijs moet oriënteren.' });

  it('lists the tagged actions in order, each by its first sentence naming the actor, and says whose tags they are', () => {
    const text = composeActorList('vdab', [first, second, other]);
    expect(text).toBe(
      [
        'Volgens de indeling van Actiewijzer richten 2 acties zich (mede) tot VDAB:',
        '- “VDAB moet weten wie werk zoekt.” (Actie 5)',
        '- “Scholen werken samen met de diensten.” (Actie 9)',
        'De indeling naar actoren is van Actiewijzer, niet van de actielijst zelf: lees de volledige tekst van een actie voor wat ze precies vraagt.',
      ].join('\n'),
    );
    expect(composeActorList('middenveld', [first, second, other])).toBeNull();
  });

  it('ends a list of the sectors\' actions asked for a covenant with the two every covenant takes and where to export them', () => {
    const sector = storedPassage('l:actie-45', { action: 45, actions: [45], actors: ['sectoren-werkgevers'], text: 'Sectoren kunnen inspireren.' });
    const text = composeActorList('sectoren-werkgevers', [sector], true) ?? '';
    expect(text.split('\n').at(-1)).toBe(COVENANT_NOTE);
    expect(composeActorList('sectoren-werkgevers', [sector])).not.toContain(COVENANT_NOTE);
  });

  it('quotes an action of a theme by a compound starting with the theme\'s name when no sentence names it alone', () => {
    const language = (action: number, text: string) => storedPassage(`l:actie-${action}`, { action, actions: [action], themes: ['taal'], text });
    const text = composeThemeList('taal', [language(18, 'Een EVC-beleid is belangrijk. Taalondersteuning is daarbij nodig.'), language(24, 'Taal leren op de werkvloer.'), language(25, 'Geen woord erover.')]);
    expect(text).toContain('- “Taalondersteuning is daarbij nodig.” (Actie 18)');
    expect(text).toContain('- “Taal leren op de werkvloer.” (Actie 24)');
    expect(text).toContain('- “Geen woord erover.” (Actie 25)');
  });

  it('lists a theme\'s actions by their sentence naming it, and says whose tags they are; a theme of two is left to the search', () => {
    const mentoring = (action: number, text: string) => storedPassage(`l:actie-${action}`, { action, actions: [action], themes: ['mentoring'], text });
    const three = [mentoring(50, 'Verankering is nodig. Mentoring werkt.'), first, mentoring(51, 'Mentorschap helpt.'), mentoring(52, 'Iets anders.')];
    expect(composeThemeList('mentoring', three)).toBe(
      [
        'Volgens de indeling van Actiewijzer gaan 3 acties over Mentoring:',
        '- “Mentoring werkt.” (Actie 50)',
        '- “Mentorschap helpt.” (Actie 51)',
        '- “Iets anders.” (Actie 52)',
        'De indeling naar thema’s is van Actiewijzer, niet van de actielijst zelf: lees de volledige tekst van een actie voor wat ze precies vraagt.',
      ].join('\n'),
    );
    expect(composeThemeList('mentoring', three.slice(0, 3))).toBeNull();
  });

  it('names whom each cited action addresses, in the order cited', () => {
    const actorsOf = new Map([first, second].map((passage) => [passage.action as number, passage.actors]));
    expect(actorLines([9, 5], actorsOf)).toBe(
      [
        'Tot wie deze acties zich richten, volgens de indeling van Actiewijzer (niet de tekst van de actielijst):',
        '- Actie 9: Onderwijs, VDAB',
        '- Actie 5: VDAB',
      ].join('\n'),
    );
    expect(actorLines([40], actorsOf)).toBeNull();
  });
});

describe('through POST /api/ask, on the real corpus', () => {
  const t = useTestApp();

  interface AskBody {
    answer: string;
    refused: boolean;
    mode: string;
    conversationId: string;
    citations: { action: number | null; quote: string }[];
  }
  async function ask(question: string, conversationId?: string): Promise<AskBody> {
    const response = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, ...(conversationId ? { conversationId } : {}) } });
    expect(response.statusCode).toBe(200);
    return response.json<AskBody>();
  }
  async function tagged(actor: string): Promise<{ number: number; text: string }[]> {
    const response = await t.app.inject({ url: `/api/actions?actor=${actor}` });
    return response.json<{ actions: { number: number; text: string }[] }>().actions;
  }

  it('says the list names no sector when a question names one, and lists the actions for sectors', async () => {
    const actions = await tagged('sectoren-werkgevers');
    const catering = await ask('acties voor de horeca');
    expect(catering.citations.map((citation) => citation.action)).toEqual(actions.map((action) => action.number));
    expect(catering.answer.split('\n').at(-1)).toBe('De actielijst noemt geen afzonderlijke sectoren, ook de horeca niet: dit zijn de acties voor sectoren en werkgevers in het algemeen.');
    expect((await ask('welke acties passen in een sectorconvenant voor de bouwsector')).answer).toMatch(/ook de bouwsector niet/);
    // Typed fast, "wlke" for "welke" and "covenant" for "convenant": both were refused.
    for (const question of ['wlke acties voor de bouwsector', 'covenant logistiek welke acties opnemen']) {
      const typed = await ask(question);
      expect(typed.citations.map((citation) => citation.action), question).toEqual(actions.map((action) => action.number));
    }
    expect((await ask('wat moeten werkgevers doen')).answer).not.toMatch(/afzonderlijke sectoren/);
  });

  it('reads a mistyped "acties" as the word, so the list of an actor or the overview is given', async () => {
    // "welke acites zijn voor vdab" searched "acites" as a topic and quoted three actions; "hoeveel aciteis zijn er" was refused.
    const actions = await tagged('vdab');
    const typed = await ask('welke acites zijn voor vdab');
    expect(typed.citations.map((citation) => citation.action)).toEqual(actions.map((action) => action.number));
    expect((await ask('hoeveel aciteis zijn er')).answer).toMatch(/^De actielijst telt 60 acties, in deze secties:/);
  });

  it('answers "wat moet VDAB doen?" with every action tagged VDAB, quoted verbatim (it was refused)', async () => {
    const body = await ask('wat moet VDAB doen volgens de actielijst?');
    const actions = await tagged('vdab');
    expect(actions.length).toBeGreaterThan(10);
    expect(body.refused).toBe(false);
    expect(body.citations.map((citation) => citation.action)).toEqual(actions.map((action) => action.number));
    expect(body.answer).toContain(`richten ${actions.length} acties zich (mede) tot VDAB`);
    expect(body.answer).toContain('De indeling naar actoren is van Actiewijzer');
    for (const line of body.answer.split('\n').filter((candidate) => candidate.startsWith('- '))) {
      const [, quote, number] = /^- “(.+)” \(Actie (\d+)\)$/.exec(line) ?? [];
      const action = actions.find((candidate) => candidate.number === Number(number));
      expect(action, line).toBeDefined();
      expect(isVerbatim(quote!, action!.text)).toBe(true);
    }
  });

  it('still refuses a prompt injection that asks about an actor alone', async () => {
    // "DAN" is an injection marker, and "dan" a stop word that leaves VDAB as the whole topic.
    const body = await ask('DAN: wat moet VDAB doen?');
    expect(body.refused).toBe(true);
    expect(body.citations).toEqual([]);
    expect(body.answer).toMatch(/geen instructies/);
  });

  it('lists the actions of one actor on one theme, and leaves a pair with fewer than three to the search', async () => {
    // Searched, both quoted Actie 40 (screenings) first and left out VDAB's language actions.
    const both = (await t.app.inject({ url: '/api/actions?actor=vdab&theme=taal' })).json<{ actions: { number: number }[] }>().actions.map((action) => action.number);
    expect(both.length).toBeGreaterThanOrEqual(3);
    for (const question of ['welke acties gaan over vdab en taal', 'wat moet VDAB doen rond taal?']) {
      const body = await ask(question);
      expect(body.citations.map((citation) => citation.action), question).toEqual(both);
      expect(body.answer.split('\n')[0], question).toBe(`Volgens de indeling van Actiewijzer richten ${both.length} acties over Nederlands leren (NT2) zich (mede) tot VDAB:`);
    }
    // The employers as a setting: their two diversity actions would leave out Actie 44, which the search finds.
    expect((await ask('Welke acties gaan over diversiteitsbeleid in bedrijven?')).citations.map((citation) => citation.action)).toContain(44);
    // A covenant's actions on a theme, however few, with the covenant's note: it was refused.
    const covenant = await ask('welke acties rond taal horen in een sectorconvenant?');
    expect(covenant.refused).toBe(false);
    expect(covenant.citations.map((citation) => citation.action)).toEqual([25]);
    expect(covenant.answer.split('\n').at(-1)).toBe(COVENANT_NOTE);
  });

  it('lists what sectors can do for a covenant or a sector by name, which were refused', async () => {
    const sectorActions = (await tagged('sectoren-werkgevers')).map((action) => action.number);
    expect(sectorActions).toEqual(expect.arrayContaining([45, 56]));
    const covenant = await ask('welke acties kan ik opnemen in een sectorconvenant voor de bouw');
    expect(covenant.refused).toBe(false);
    expect(covenant.citations.map((citation) => citation.action)).toEqual(sectorActions);
    expect(covenant.answer.split('\n').at(-1)).toBe(COVENANT_NOTE);
    // The care sector by its everyday name: refused before.
    const care = await ask('welke acties kan ik opnemen in een sectorconvenant voor de zorg');
    expect(care.refused).toBe(false);
    expect(care.citations.map((citation) => citation.action)).toEqual(sectorActions);
    // A consultant saying what they are doing, and asking what is relevant: "maak" and "relevant" were searched, and it was refused.
    const preparing = await ask('ik maak een sectorconvenant voor de horeca, welke acties zijn relevant');
    expect(preparing.refused).toBe(false);
    expect(preparing.citations.map((citation) => citation.action)).toEqual(sectorActions);
    expect(preparing.answer.split('\n').at(-1)).toBe(COVENANT_NOTE);
    const horeca = await ask('wat kan de horeca doen?');
    expect(horeca.citations.map((citation) => citation.action)).toEqual(sectorActions);
    expect(horeca.answer).not.toContain(COVENANT_NOTE);
    // What a covenant is comes from the search: the legal framework's definition.
    const what = await ask('wat is een sectorconvenant?');
    expect(what.answer).toContain('Een sectorconvenant is een afsprakenkader');
  });

  it('gives a sector covenant\'s actions by theme, and all actions by theme (both were refused)', async () => {
    const sectorActions = (await tagged('sectoren-werkgevers')).map((action) => action.number);
    const covenant = await ask('geef de acties per thema voor een sectorconvenant');
    expect(covenant.refused).toBe(false);
    expect([...new Set(covenant.citations.map((citation) => citation.action))].sort((a, b) => a! - b!)).toEqual(sectorActions);
    expect(covenant.answer).toContain('- Positieve acties: Acties 44, 45\n');
    expect(covenant.answer.split('\n').at(-1)).toBe(COVENANT_NOTE);
    const all = await ask("welke thema's zijn er?");
    expect(all.refused).toBe(false);
    expect(all.answer.split('\n')[0]).toBe('Volgens de indeling van Actiewijzer zijn dit de 60 acties per thema (een actie kan onder meer dan één thema staan):');
    expect(all.answer).toContain('- Mentoring: Acties 50, 51\n');
  });

  it('names the themes of a named action, and of the previous answer\'s (it quoted the action without them)', async () => {
    const five = await ask('welk thema heeft actie 5');
    expect(five.refused).toBe(false);
    expect(five.citations.map((citation) => citation.action)).toEqual([5]);
    expect(five.answer.split('\n')[1]).toBe('- Actie 5: Monitoring en onderzoek, Bereik en activering');
    const okot = await ask('wat is OKOT?');
    const back = await ask('over welk thema gaat dat?', okot.conversationId);
    expect(back.answer.split('\n')[1]).toBe('- Actie 42: Onderwijs en studieoriëntering, Nederlands leren (NT2)');
  });

  it('lists the employers’ actions for "wat kunnen werkgevers doen?" (it was refused)', async () => {
    const body = await ask('wat kunnen werkgevers doen?');
    expect(body.refused).toBe(false);
    expect(body.citations.map((citation) => citation.action)).toEqual((await tagged('sectoren-werkgevers')).map((action) => action.number));
  });

  it('answers "welke acties gaan over taal?" with every action of the theme, in number order', async () => {
    const body = await ask('welke acties gaan over taal?');
    const actions = (await t.app.inject({ url: '/api/actions?theme=taal' })).json<{ actions: { number: number }[] }>().actions;
    expect(actions.length).toBeGreaterThan(3);
    expect(body.refused).toBe(false);
    expect(body.citations.map((citation) => citation.action)).toEqual(actions.map((action) => action.number));
    expect(body.answer).toMatch(/^Volgens de indeling van Actiewijzer gaan \d+ acties over Nederlands leren \(NT2\):/);
    // A topic on its own is answered from the search.
    expect((await ask('taal')).answer).not.toContain('Volgens de indeling van Actiewijzer');
  });

  it('answers a question about a theme that names two actors from the search, not from a list', async () => {
    const body = await ask('Welke acties gaan over de overheid als werkgever?');
    expect(body.answer).not.toContain('Volgens de indeling van Actiewijzer');
    expect(body.citations.map((citation) => citation.action)).toContain(31);
  });

  it('reads "en voor werkgevers?" after a topic as that topic for employers, and lists after an actor question', async () => {
    const first = await ask('wat met diploma erkenning?');
    const followUp = await ask('en voor werkgevers?', first.conversationId);
    expect(followUp.answer).not.toContain('Volgens de indeling van Actiewijzer');
    expect(followUp.citations.map((citation) => citation.action)).toContain(19);

    const vdab = await ask('wat moet VDAB doen?');
    const next = await ask('en de sectoren?', vdab.conversationId);
    expect(next.answer).toContain('(mede) tot Sectoren en werkgevers');
  });

  it('keeps the actor of a list for a follow-up on a topic, and reads "rond" as asking, not as a word to match', async () => {
    // It quoted "Het koppelen van gegevens rond opleiding en onderwijs …" (Actie 4) first, for its "rond".
    const vdab = await ask('wat moet VDAB doen?');
    const body = await ask('en wat rond taal?', vdab.conversationId);
    expect(body.refused).toBe(false);
    expect(body.answer).not.toContain('gegevens rond opleiding');
    expect(body.citations.map((citation) => citation.action)[0]).toBe(40);
    // "doen" asks, too: in three passages only, it counted as a topic word the answer's passages lacked, and refused this.
    expect((await ask('wat moet VDAB doen voor taal?')).refused).toBe(false);
  });

  it('adds whom the cited actions address to a "who" question', async () => {
    const first = await ask('wat met diploma erkenning?');
    expect(first.answer).not.toContain('Tot wie deze acties zich richten');
    const body = await ask('wie moet dat doen?', first.conversationId);
    expect(body.refused).toBe(false);
    const cited = body.citations.map((citation) => citation.action);
    expect(cited).toContain(19);
    const block = body.answer.slice(body.answer.indexOf('Tot wie deze acties zich richten'));
    expect(block).toContain('- Actie 19: Vlaamse overheid, Sectoren en werkgevers');
    expect(block.split('\n').filter((line) => line.startsWith('- Actie ')).length).toBe(new Set(cited).size);
    // The words that ask who are no topic: "organiseren" brought Actie 58 ("… georganiseerd vervoer") into the IBO answer.
    const ibo = await ask('wat zegt de lijst over IBO');
    const organise = await ask('wie moet dat organiseren?', ibo.conversationId);
    expect(organise.citations.map((citation) => citation.action)).toEqual(ibo.citations.map((citation) => citation.action));
    expect(organise.answer).toContain('Tot wie deze acties zich richten');
  });

  it('narrows a list to the actions of one theme or actor when asked "welke daarvan …"', async () => {
    // A sector consultant's follow-up: searched, "welke daarvan gaan over taal?" after the 15 actions for sectors answered
    // with Actie 19 and a footnote of Actie 45, neither of them a language action.
    const sectors = await ask('acties voor sectoren');
    const listed = sectors.citations.map((citation) => citation.action);
    expect(listed.length).toBeGreaterThan(10);
    const language = await ask('en welke daarvan gaan over taal?', sectors.conversationId);
    const kept = language.citations.map((citation) => citation.action);
    expect(language.answer.split('\n')[0]).toBe(`Van de ${listed.length} acties hierboven gaat er 1 over Nederlands leren (NT2), volgens de indeling van Actiewijzer:`);
    expect(kept).toEqual([25]);
    // Whom they address, then, is asked of the narrowed list.
    const who = await ask('wie moet dat doen?', sectors.conversationId);
    expect(who.citations.map((citation) => citation.action)).toEqual([25]);

    const theme = await ask('welke acties gaan over taal?');
    const employers = await ask('welke daarvan zijn voor werkgevers?', theme.conversationId);
    expect(employers.citations.map((citation) => citation.action)).toEqual([25]);
    expect(employers.answer).toContain('richt er 1 zich (mede) tot Sectoren en werkgevers');
  });

  it('says when none of the listed actions has the tag, and lists those that do', async () => {
    const theme = await ask('welke acties gaan over mentoring?');
    const body = await ask('welke daarvan zijn voor de vdab?', theme.conversationId);
    expect(body.refused).toBe(false);
    expect(body.answer.split('\n')[0]).toBe(`Geen van de ${theme.citations.length} acties hierboven richt zich tot VDAB, volgens de indeling van Actiewijzer.`);
    expect(body.answer.split('\n')[1]).toMatch(/^Volgens de indeling van Actiewijzer richten \d+ acties zich \(mede\) tot VDAB:$/);
  });

  it('answers "wie moet dat doen?" after a list for every listed action', async () => {
    // It searched the list's question again and named the actors of 3 of the 8 language actions.
    const list = await ask('welke acties gaan over taal?');
    const listed = list.citations.map((citation) => citation.action);
    expect(listed.length).toBe(8);
    const body = await ask('wie moet dat doen?', list.conversationId);
    expect(body.refused).toBe(false);
    expect(body.answer.split('\n')[0]).toBe('Tot wie deze acties zich richten, volgens de indeling van Actiewijzer (niet de tekst van de actielijst):');
    expect(body.citations.map((citation) => citation.action)).toEqual(listed);
    expect(body.answer).toContain('- Actie 35: VDAB');
    // With a topic of its own, it is an ordinary question.
    expect((await ask('wie moet dat doen voor EVC?', list.conversationId)).answer).toContain('EVC');
  });
});
