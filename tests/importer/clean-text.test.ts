// Unit checks for the cleaning and structure rules on small hand-made texts.
import { describe, expect, it } from 'vitest';
import { cleanText, detectStructure, importDocument } from '../../src/importer/index.js';

const SEPARATOR = ' '.repeat(49);

const raw = [
  'Rapport over werk en inburgering',
  '',
  'De werkzaamheidsgraad stijgt volgens het gevalideerde instrument DISCO1 en de arbeidsmarkt-',
  'participatie2,3 toont dat een migratie-achtergrond ertoe doet. Het bemiddelings-',
  'en activeringsbeleid volgt het werkjaar 20194 en de Pact2020-doelen voor de EU15 en NT2.',
  'Zo blijft de migratie-',
  'achtergrond een belangrijk kenmerk bij de beleidsbeslissingen en -',
  'evaluaties van de Vlaamse overheid en van het ESF-',
  'project, waar de gegevens van de personen met een migratie-achtergrond bij elkaar komen.',
  SEPARATOR,
  '1  Eerste noot, die doorloopt op een tweede',
  'regel.',
  '2  Tweede noot met een lange link https://example.org/rapporten/2023/werk-',
  'en-inburgering.pdf',
  '3  Idem.',
  '4  Vierde noot.',
  'Rapport over werk en inburgering',
  '  2',
  ' Een volgende pagina met tekst over het beleid voor personen met een migratie-achtergrond.',
  'Rapport over werk en inburgering',
  '  3',
].join('\n');

describe('cleaning extracted text', () => {
  const cleaned = cleanText([raw]);
  const body = cleaned.lines.map((line) => line.text).join(' ');

  it('learns and removes the running header and drops page numbers', () => {
    expect(cleaned.runningHeaders).toEqual(['Rapport over werk en inburgering']);
    expect(body).not.toContain('Rapport over werk');
    expect(cleaned.lines.some((line) => /^\d+$/.test(line.text))).toBe(false);
  });

  it('joins words broken over lines as the document itself writes them', () => {
    expect(body).toContain('arbeidsmarktparticipatie');
    expect(body).toContain('de migratie-achtergrond een belangrijk');
    expect(body).toContain('bemiddelings- en activeringsbeleid');
    expect(body).toContain('beleidsbeslissingen en -evaluaties');
    expect(body).toContain('ESF-project,');
  });

  it('turns glued note numbers into markers only where a note is due', () => {
    expect(body).toContain('DISCO[^1] en');
    expect(body).toContain('arbeidsmarktparticipatie[^2][^3] toont');
    expect(body).toContain('werkjaar 2019[^4] en de Pact2020-doelen voor de EU15 en NT2.');
  });

  it('collects the notes with their continuation lines and whole links', () => {
    expect(cleaned.notes).toEqual([
      { number: 1, text: 'Eerste noot, die doorloopt op een tweede regel.' },
      { number: 2, text: 'Tweede noot met een lange link https://example.org/rapporten/2023/werk-en-inburgering.pdf' },
      { number: 3, text: 'Idem.' },
      { number: 4, text: 'Vierde noot.' },
    ]);
    expect(body).toContain('Een volgende pagina met tekst');
  });
});

describe('detecting structure', () => {
  const line = (text: string, indent = 0) => ({ text, indent, pageStart: false, blankBefore: false });

  it('reads numbered headings, sub-headings, labelled items and bullets', () => {
    const structure = detectStructure([
      line('1 Kansen op de arbeidsmarkt'),
      line('Focus op competenties'),
      line('• Het belang van competenties zal enkel toenemen, zeker voor wie pas in Vlaanderen woont.'),
      line('• Taal blijft een belangrijke factor.'),
      line('Actie 1'),
      line('Zet in op de erkenning van competenties die elders werden verworven, ook buiten het onderwijs.'),
      line('1.1 Nieuwkomers'),
      line('Actie 2'),
      line('Zet verder in op geïntegreerde trajecten waarin taal en werk samen gaan.'),
    ]);
    expect(structure.itemLabel).toBe('Actie');
    expect(structure.blocks).toEqual([
      { kind: 'heading', level: 1, number: '1', title: 'Kansen op de arbeidsmarkt' },
      { kind: 'heading', level: 2, title: 'Focus op competenties' },
      { kind: 'list-item', text: 'Het belang van competenties zal enkel toenemen, zeker voor wie pas in Vlaanderen woont.' },
      { kind: 'list-item', text: 'Taal blijft een belangrijke factor.' },
      { kind: 'item', level: 3, label: 'Actie', number: 1 },
      { kind: 'paragraph', text: 'Zet in op de erkenning van competenties die elders werden verworven, ook buiten het onderwijs.' },
      { kind: 'heading', level: 2, number: '1.1', title: 'Nieuwkomers' },
      { kind: 'item', level: 3, label: 'Actie', number: 2 },
      { kind: 'paragraph', text: 'Zet verder in op geïntegreerde trajecten waarin taal en werk samen gaan.' },
    ]);
  });

  it('reads "1." recommendations as items when nothing else numbers them', async () => {
    const text = [
      'Advies over kinderopvang',
      '',
      'De raad doet de volgende aanbevelingen aan de Vlaamse Regering over de kinderopvang.',
      '',
      '1. Breid het aanbod van inkomensgerelateerde kinderopvang verder uit in alle gemeenten.',
      '2. Maak de opvang flexibel genoeg voor wie in ploegen werkt of een opleiding volgt.',
      '3. Informeer ouders over hun rechten in een taal die ze begrijpen.',
    ].join('\n');
    const result = await importDocument({ text, fileName: 'advies-kinderopvang.txt', meta: { date: '2020-05-04' } });
    expect(result.meta).toMatchObject({ itemLabel: 'Aanbeveling', kind: 'advice', date: '2020-05-04' });
    expect(result.markdown).toContain('## Aanbeveling 2\nMaak de opvang flexibel');
    expect(result.markdown).not.toContain('<!--');
  });
});
