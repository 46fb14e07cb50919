// The corpus parser and passage builder over the real action list, the glossary and made-up documents.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusParseError, parseCorpusFile, parseDocument } from '../../src/corpus/parse.js';
import { splitBlock, toPassages, type Passage } from '../../src/corpus/passages.js';
import { ACTOR_IDS, THEME_IDS } from '../../src/corpus/tags.js';

const ACTION_LIST_FILE = 'actielijst-migratieachtergrond.md';
const source = fs.readFileSync(new URL(`../../corpus/${ACTION_LIST_FILE}`, import.meta.url), 'utf8');
const glossarySource = fs.readFileSync(new URL('../../corpus/glossarium.md', import.meta.url), 'utf8');
const document = parseDocument(source, ACTION_LIST_FILE);
const passages = toPassages(document);

const item = (number: number) => {
  const found = document.items.find((entry) => entry.number === number);
  if (!found) throw new Error(`Actie ${number} ontbreekt`);
  return found;
};
const passage = (suffix: string): Passage => {
  const found = passages.find((entry) => entry.id === `${document.meta.id}:${suffix}`);
  if (!found) throw new Error(`passage ${suffix} ontbreekt`);
  return found;
};

function parseError(markdown: string, file = 'kapot.md'): CorpusParseError {
  try {
    parseCorpusFile(markdown, file);
  } catch (error) {
    if (error instanceof CorpusParseError) return error;
    throw error;
  }
  throw new Error('the parser accepted a broken file');
}

const MINI_LIST = `---
id: mini
title: Mini-actielijst
kind: action-list
---

# 1 Thema

Een bevinding.[^1]

## Actie 1
<!-- actors: vdab; themes: taal -->
Eerste actie.

## Actie 2
<!-- actors: vdab; themes: taal -->
Tweede actie.

[^1]: Een bron.
`;

describe('parseDocument over the action list', () => {
  it('reads the front matter', () => {
    expect(document.meta).toMatchObject({ id: 'actielijst-migratieachtergrond', kind: 'action-list', itemLabel: 'Actie', short: 'Actielijst' });
  });

  it('finds the 60 actions, numbered 1 to 60 in document order, without gaps or duplicates', () => {
    expect(document.items.map((entry) => entry.number)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    const actionPassages = passages.filter((entry) => entry.kind === 'action');
    expect(actionPassages.map((entry) => entry.action)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(actionPassages.every((entry) => entry.label === `Actie ${entry.action}` && entry.actions.length === 1)).toBe(true);
  });

  it.each([
    [1, 3, '3.1', 'Focus op evenredige arbeidsdeelname'],
    [4, 7, '3.2', 'Systematische en doordachte monitoring en onderzoek'],
    [8, 16, '3.3.1', 'Preventieve rol van het onderwijs'],
    [17, 34, '3.3.2', 'Kansen op de arbeidsmarkt'],
    [35, 42, '3.3.3', 'Leerloopbanen en levenslang leren'],
    [43, 45, '3.3.4', 'Diversiteitsbeleid stimuleren'],
    [46, 52, '3.4', 'Methodieken'],
    [53, 56, '3.5', 'Antidiscriminatiebeleid'],
    [57, 60, '3.6', 'Flankerend beleid'],
  ])('puts actions %i to %i in section %s %s', (from, to, number, title) => {
    for (let n = from; n <= to; n += 1) expect(item(n).section, `Actie ${n}`).toEqual({ number, title });
  });

  it.each([
    [17, 'Bereik arbeidsmarktmaatregelen'],
    [19, 'Focus op competenties'],
    [21, 'Focus op competenties'],
    [22, 'Geïntegreerde trajecten'],
    [33, 'Voorbeeldrol overheid'],
    [8, null],
    [57, null],
  ])('gives Actie %i the sub-heading %s', (number, heading) => {
    expect(item(number).heading).toBe(heading);
  });

  it('tags every action with known actors and themes', () => {
    for (const entry of document.items) {
      expect(entry.actors.length, `actoren van Actie ${entry.number}`).toBeGreaterThan(0);
      expect(entry.themes.length, `thema's van Actie ${entry.number}`).toBeGreaterThan(0);
      for (const actor of entry.actors) expect(ACTOR_IDS).toContain(actor);
      for (const theme of entry.themes) expect(THEME_IDS).toContain(theme);
    }
    expect(item(19)).toMatchObject({ actors: ['vlaamse-overheid', 'sectoren-werkgevers'], themes: ['diploma-erkenning', 'competenties'] });
  });

  it('keeps the exact wording of the actions, without footnote markers', () => {
    expect(item(57).text).toBe(
      'Er moet worden ingezet op voldoende laagdrempelige kinderopvang die voorziet in de noden van personen met een migratie-achtergrond (flexibel, betaalbaar, kwaliteitsvol, toegankelijk,...). De commissie vraagt een verdere uitbouw van de inkomensgerelateerde kinderopvang.',
    );
    expect(item(19).text).toMatch(/^In eerdere adviezen wees de commissie op de problematiek van de erkenning van buitenlandse diploma’s\. /);
    expect(item(19).text).toContain('in het kader van een perspectief op werk. Via een gedeeltelijke of voorwaardelijke erkenning van buitenlandse diploma’s');
    expect(item(19).notes).toEqual([35, 36]);
    expect(item(13).text).toContain('Zo is er het gevalideerde instrument DISCO dat scholen een zicht kan geven op de attitudes');
    expect(item(13).notes).toEqual([28, 29, 30]);
  });

  it('keeps the bullet list inside an action as one item per line', () => {
    const text = item(4).text;
    expect(text).toMatch(/^Zet in op systematische en doordachte monitoring .* door werk te maken van:\n\n- Een jaarlijkse rapportering/);
    expect(text).toContain('\n- Blijvend te ijveren voor de koppeling van VDAB-gegevens via rijksregister aan andere gegevenskenmerken.\n');
    expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
  });
});

describe('passages of the action list', () => {
  it('carry no page furniture, hyphenation artefacts or footnote markers', () => {
    for (const entry of passages) {
      expect(entry.text, entry.id).not.toMatch(/^Actielijst personen met een migratie-achtergrond$/m);
      expect(entry.text, entry.id).not.toMatch(/^\s*\d{1,3}\s*$/m);
      expect(entry.text, entry.id).not.toContain('-\n');
      expect(entry.text, entry.id).not.toContain('[^');
      expect(entry.text, entry.id).toBe(entry.text.trim());
      expect(entry.text, entry.id).not.toMatch(/\n\s*\n\s*\n/);
    }
  });

  it('never glues a footnote number to the word it followed', () => {
    // "DISCO[^29]" must become "DISCO", never "DISCO29".
    const glued = [...source.matchAll(/([^\s\]]+)\[\^(\d+)\]/g)].map((match) => `${match[1]}${match[2]}`);
    expect(glued).toContain('DISCO29');
    for (const entry of passages) {
      for (const word of glued) expect(entry.text, entry.id).not.toContain(word);
    }
  });

  it('attach the findings before a group of actions as context carrying those actions', () => {
    const context = passages.find((entry) => entry.kind === 'context' && entry.text.includes('7 verschillende trajecttypes'));
    expect(context).toBeDefined();
    expect(context).toMatchObject({
      actions: [17],
      action: null,
      section: { number: '3.3.2', title: 'Kansen op de arbeidsmarkt' },
      heading: 'Bereik arbeidsmarktmaatregelen',
      notes: [32],
    });
    expect(context?.text).toContain('Een recent onderzoek van HIVA onderzocht de effectiviteit van 7 verschillende trajecttypes');
    // The context precedes its action in the passage order.
    expect(context?.ordinal).toBeLessThan(passage('actie-17').ordinal);
  });

  it('give the findings of a section to every action of that section', () => {
    const contexts = passages.filter((entry) => entry.kind === 'context' && entry.section.number === '3.6');
    expect(contexts.length).toBeGreaterThan(0);
    for (const entry of contexts) expect(entry.actions).toEqual([57, 58, 59, 60]);
  });

  it('turn footnotes into note passages linked to the actions that cite them', () => {
    expect(passage('noot-29')).toMatchObject({
      kind: 'note',
      number: 29,
      label: 'voetnoot 29',
      actions: [13],
      text: 'http://www.steunpuntdiversiteitenleren.be/materiaal/screening',
    });
    expect(document.notes.find((note) => note.number === 29)?.urls).toEqual(['http://www.steunpuntdiversiteitenleren.be/materiaal/screening']);
    expect(passages.filter((entry) => entry.kind === 'note')).toHaveLength(67);
  });

  it('keep the letter and the advice as intro passages that belong to no action', () => {
    const intros = passages.filter((entry) => entry.kind === 'intro');
    const letter = intros.filter((entry) => entry.section.title === 'Brief aan de minister');
    const advice = intros.filter((entry) => entry.section.title === 'Advies');
    expect(letter[0]?.text).toMatch(/^Mijnheer de minister\n\nDe Commissie Diversiteit hoeft u er niet van te overtuigen/);
    expect(letter.some((entry) => entry.text.includes('De actielijst bevat 60 acties.'))).toBe(true);
    expect(advice[0]?.text).toMatch(/^De Commissie Diversiteit ziet zowel werk als onderwijs als een belangrijke motor voor inclusie en participatie in de samenleving\. /);
    for (const entry of intros) expect(entry.actions, entry.id).toEqual([]);
  });

  it('split long introductions and findings at paragraph boundaries, not actions', () => {
    for (const entry of passages.filter((candidate) => candidate.kind === 'intro' || candidate.kind === 'context')) {
      expect(entry.text.length, entry.id).toBeLessThanOrEqual(1400);
    }
  });

  it('cut a paragraph too long for one passage between sentences, not after an abbreviation', () => {
    const sentence = 'De cijfers zijn moeilijk vergelijkbaar door de definities (e.g. ‘buitenlandse herkomst’, ‘anderstalig’) die elk onderzoek hanteert. ';
    const paragraph = sentence.repeat(Math.ceil(1500 / sentence.length)).trim();
    const chunks = splitBlock(paragraph);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1400);
      expect(chunk.startsWith('De cijfers'), chunk.slice(0, 40)).toBe(true);
    }
    expect(chunks.join(' ')).toBe(paragraph);
  });

  it('have unique ids and stable content hashes', () => {
    expect(new Set(passages.map((entry) => entry.id)).size).toBe(passages.length);
    const again = toPassages(parseDocument(source, ACTION_LIST_FILE));
    expect(again.map((entry) => entry.contentHash)).toEqual(passages.map((entry) => entry.contentHash));
    const edited = toPassages(parseDocument(source.replace('laagdrempelige kinderopvang', 'betaalbare kinderopvang'), ACTION_LIST_FILE));
    const changed = edited.filter((entry, index) => entry.contentHash !== passages[index]?.contentHash).map((entry) => entry.id);
    expect(changed).toEqual([`${document.meta.id}:actie-57`]);
  });
});

describe('parseCorpusFile over the glossary', () => {
  it('reads the glossary as a glossary with its abbreviations', () => {
    const parsed = parseCorpusFile(glossarySource, 'glossarium.md');
    if (parsed.type !== 'glossary') throw new Error(`verwacht een glossarium, kreeg ${parsed.type}`);
    const terms = parsed.glossary.entries.map((entry) => entry.term);
    expect(terms).toEqual(expect.arrayContaining(['EVC', 'IBO', 'NT2', 'OKOT', 'NEET', 'Unia']));
    expect(parsed.glossary.entries.find((entry) => entry.term === 'IBO')?.expansions).toContain('individuele beroepsopleiding');
    expect(parsed.glossary.entries.find((entry) => entry.term === 'EVC')?.expansions).toContain('erkennen van verworven competenties');
  });

  it('is not accepted where a document is expected', () => {
    expect(() => parseDocument(glossarySource, 'glossarium.md')).toThrow(CorpusParseError);
  });

  it('adds the phrases of a one-way line (←) to its term, and rejects one for a term without a line of its own', () => {
    const front = '---\nid: g\ntitle: G\nkind: glossary\n---\n';
    const parsed = parseCorpusFile(`${front}- **racisme** = discriminatie; vooroordelen\n- **racisme** ← geen buitenlanders; huidskleur\n`, 'g.md');
    if (parsed.type !== 'glossary') throw new Error(`verwacht een glossarium, kreeg ${parsed.type}`);
    expect(parsed.glossary.entries).toEqual([{ term: 'racisme', expansions: ['discriminatie', 'vooroordelen'], readAs: ['geen buitenlanders', 'huidskleur'] }]);
    expect(() => parseCorpusFile(`${front}- **racisme** <- huidskleur\n`, 'g.md')).toThrow(/racisme ←/);
  });

  it('accepts a gap (…) between the words of a one-way phrase only', () => {
    const front = '---\nid: g\ntitle: G\nkind: glossary\n---\n';
    const parsed = parseCorpusFile(`${front}- **werkzaamheidsgraad** = tewerkstellingsgraad\n- **werkzaamheidsgraad** ← hoeveel … werken\n`, 'g.md');
    if (parsed.type !== 'glossary') throw new Error(`verwacht een glossarium, kreeg ${parsed.type}`);
    expect(parsed.glossary.entries[0]?.readAs).toEqual(['hoeveel … werken']);
    // A phrase that is searched for cannot have a gap; a gap has words on both sides.
    expect(() => parseCorpusFile(`${front}- **werkzaamheidsgraad** = hoeveel … werken\n`, 'g.md')).toThrow(/weglating/);
    expect(() => parseCorpusFile(`${front}- **werkzaamheidsgraad** = tewerkstellingsgraad\n- **werkzaamheidsgraad** ← … werken\n`, 'g.md')).toThrow(/weglating/);
  });
});

describe('parser errors', () => {
  it('accepts the minimal action list the error cases start from', () => {
    expect(parseDocument(MINI_LIST).items.map((entry) => entry.number)).toEqual([1, 2]);
  });

  it('rejects a duplicate action number', () => {
    const error = parseError(MINI_LIST.replace('## Actie 2', '## Actie 1'));
    expect(error.message).toContain('kapot.md');
    expect(error.message).toContain('Actie 1 komt twee keer voor');
  });

  it('rejects a footnote that is used but not defined', () => {
    const error = parseError(MINI_LIST.replace('Tweede actie.', 'Tweede actie.[^7]'));
    expect(error.message).toContain('voetnoot 7 wordt gebruikt maar niet gedefinieerd');
  });

  it('rejects a file without front matter', () => {
    const error = parseError('# Actielijst\n\n## Actie 1\nTekst.\n');
    expect(error.message).toContain('front matter ontbreekt');
    expect(error.line).toBe(1);
  });

  it('rejects front matter that is never closed', () => {
    expect(parseError('---\nid: x\ntitle: X\nkind: advice\n# Kop\n').message).toContain('niet afgesloten');
  });

  it('rejects an unknown tag', () => {
    expect(parseError(MINI_LIST.replace('actors: vdab; themes: taal -->\nEerste', 'actors: koning; themes: taal -->\nEerste')).message).toMatch(/actors/);
  });

  it('rejects an action without text', () => {
    expect(parseError(MINI_LIST.replace('Eerste actie.', '')).message).toContain('Actie 1 heeft geen tekst');
  });
});

describe('another document in the same format', () => {
  const ADVICE = `---
id: advies-x
title: Advies X over werkervaring
short: Advies X
publisher: SERV – Commissie Diversiteit
date: 2020-05-12
kind: advice
itemLabel: Aanbeveling
---

# Inleiding

Dit advies gaat over werkervaring voor nieuwkomers.

# 1 Werkervaring

Nieuwkomers vinden moeilijk een eerste job.[^1]

## Aanbeveling 1
<!-- actors: vdab; themes: werkervaring -->
Zet in op stages voor nieuwkomers.

## Aanbeveling 2
<!-- actors: sectoren-werkgevers; themes: werkervaring, mentoring -->
Koppel elke stagiair aan een mentor
op de werkvloer.[^2]

[^1]: Onderzoek naar nieuwkomers (2019). https://example.org/onderzoek
[^2]: Zie ook https://example.org/mentoring
`;
  const advice = parseDocument(ADVICE, 'advies-x.md');
  const advicePassages = toPassages(advice);

  it('parses items labelled "Aanbeveling" like actions', () => {
    expect(advice.meta).toMatchObject({ id: 'advies-x', kind: 'advice', itemLabel: 'Aanbeveling' });
    expect(advice.items.map((entry) => entry.number)).toEqual([1, 2]);
    expect(advice.items[1]).toMatchObject({
      section: { number: '1', title: 'Werkervaring' },
      text: 'Koppel elke stagiair aan een mentor op de werkvloer.',
      notes: [2],
      actors: ['sectoren-werkgevers'],
      themes: ['werkervaring', 'mentoring'],
    });
  });

  it('labels its passages with the document and the item, and never as an action-list action', () => {
    const second = advicePassages.find((entry) => entry.number === 2 && entry.kind === 'action');
    expect(second).toMatchObject({ id: 'advies-x:item-2', label: 'Advies X (2020), aanbeveling 2', action: null, actions: [], documentId: 'advies-x' });
    for (const entry of advicePassages) {
      expect(entry.action, entry.id).toBeNull();
      expect(entry.actions, entry.id).toEqual([]);
    }
  });

  it('keeps its introduction, findings and notes', () => {
    expect(advicePassages.map((entry) => entry.kind)).toEqual(['intro', 'context', 'action', 'action', 'note', 'note']);
    expect(advicePassages.find((entry) => entry.kind === 'context')?.text).toBe('Nieuwkomers vinden moeilijk een eerste job.');
    expect(advice.notes.map((note) => note.urls)).toEqual([['https://example.org/onderzoek'], ['https://example.org/mentoring']]);
  });
});

describe('related actions in front matter', () => {
  const RELATED = MINI_LIST.replace('id: mini\ntitle: Mini-actielijst\nkind: action-list', 'id: kader\ntitle: Kader\nkind: legal\nactions: 45, 44,44\nitemLabel: Punt').replace(/## Actie/g, '## Punt');

  it('reads the actions a document elaborates, sorted and without duplicates', () => {
    expect(parseDocument(RELATED).meta.actions).toEqual([44, 45]);
    expect(parseDocument(MINI_LIST).meta.actions).toEqual([]);
  });

  it('rejects a list that is not action numbers', () => {
    expect(parseError(RELATED.replace('actions: 45, 44,44', 'actions: 44 en 45')).message).toContain('actions');
    expect(parseError(RELATED.replace('actions: 45, 44,44', 'actions: 0')).message).toContain('actions');
  });

  it('names Actie 44 and 45 in the legal framework of positive action', () => {
    const legal = fs.readFileSync(new URL('../../corpus/positieve-actie-kader.md', import.meta.url), 'utf8');
    expect(parseDocument(legal, 'positieve-actie-kader.md').meta.actions).toEqual([44, 45]);
  });
});
