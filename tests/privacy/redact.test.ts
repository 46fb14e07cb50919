// redact() on realistic Belgian personal data, and on the corpus, whose own figures must come through untouched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, redact, redactFields } from '../../src/privacy/redact.js';

const { email, phone, nationalNumber, iban, address } = PLACEHOLDERS;

describe('redact', () => {
  it.each([
    // e-mail
    ['jan.peeters@voorbeeld.be', email],
    ['an-sofie.de.smet+vdab@werk.vlaanderen.be', email],
    ['MOHAMED_EL_AMRANI@gmail.com', email],
    ['zoë.çelik@stad.gent', email],
    // phone: Belgian mobile and fixed, with the separators people use, and international
    ['+32 470 12 34 56', phone],
    ['+32470123456', phone],
    ['0470 12 34 56', phone],
    ['0470/12.34.56', phone],
    ['0470-12-34-56', phone],
    ['0470 123 456', phone],
    ['0470123456', phone],
    ['09 123 45 67', phone],
    ['09/123.45.67', phone],
    ['02 512 34 56', phone],
    ['011 23 45 67', phone],
    ['+32 (0)9 123 45 67', phone],
    ['0032 470 12 34 56', phone],
    ['+31 6 12345678', phone],
    ['+33 6 12 34 56 78', phone],
    ['+44 20 7946 0958', phone],
    ['+212 661-234567', phone],
    ['+1 (555) 123-4567', phone],
    // rijksregisternummer, also for people born after 2000 and bis numbers
    ['85.07.30-033.61', nationalNumber],
    ['85073003361', nationalNumber],
    ['850730 033 61', nationalNumber],
    ['85.07.30 033-61', nationalNumber],
    ['05.03.12-123.45', nationalNumber],
    ['92.47.11-005.28', nationalNumber],
    // IBAN, with or without spaces, Belgian and other countries
    ['BE68 5390 0754 7034', iban],
    ['BE68539007547034', iban],
    ['be68 5390 0754 7034', iban],
    ['NL91 ABNA 0417 1643 00', iban],
    ['NL91ABNA0417164300', iban],
    ['DE89 3704 0044 0532 0130 00', iban],
    ['FR14 2004 1010 0505 0001 3M02 606', iban],
    // street addresses
    ['Kerkstraat 12', address],
    ['Kerkstraat 12b', address],
    ['Koning Albertlaan 101 bus 3', address],
    ['Meir 1, 2000 Antwerpen', address],
    ['Grote Markt 1', address],
    ['Sint-Pietersnieuwstraat 33, 9000 Gent', address],
    ['Frankrijklei 64', address],
    ['Steenweg op Gent 12'.replace('Steenweg op Gent', 'Gentsesteenweg'), address],
    ['Vaartdreef 7', address],
    ['Kattendijkdok-Westkaai 14', address],
    ['Vrijdagmarkt 3', address],
    ['Industrieweg 120', address],
    ['Hoogstraat 5/2', address],
    ['Rue de la Loi 16, 1000 Brussel', address],
    ['Rue de la Loi 16', address],
    ['Avenue Louise 54', address],
    ['Chaussée de Mons 120 bte 3', address],
    ["Place de l'Albertine 2", address],
    ['Boulevard Anspach 1, 1000 Bruxelles', address],
    ['kerkstraat 12', address],
    ['3000 Leuven', address],
    ['9000 Gent', address],
  ])('replaces %s by %s', (raw, placeholder) => {
    expect(redact(raw)).toBe(placeholder);
    expect(redact(`Mijn gegevens: ${raw}. Kan VDAB helpen?`)).toBe(`Mijn gegevens: ${placeholder}. Kan VDAB helpen?`);
  });

  it('redacts several kinds in one question and keeps the rest of the sentence', () => {
    const question =
      'Ik begeleid Fatima (fatima.benali@mail.be, 0485 11 22 33, rijksregisternummer 90.02.14-123.45) uit de Kerkstraat 12, 9000 Gent; ' +
      'haar premie gaat naar BE68 5390 0754 7034. Welke acties gaan over erkenning van diploma’s?';
    expect(redact(question)).toBe(
      `Ik begeleid Fatima (${email}, ${phone}, rijksregisternummer ${nationalNumber}) uit de ${address}; ` +
        `haar premie gaat naar ${iban}. Welke acties gaan over erkenning van diploma’s?`,
    );
  });

  it('finds e-mail addresses between long numbers and glued to punctuation', () => {
    expect(redact('dossier 1796019772276.124 (jan@voorbeeld.be;piet.de.smet@werk.vlaanderen.be) 5@17960.12')).toBe(
      `dossier 1796019772276.124 (${email};${email}) 5@17960.12`,
    );
  });

  it('does not swallow the word after an IBAN', () => {
    expect(redact('Stort op BE68 5390 0754 7034 VDAB vermelden')).toBe(`Stort op ${iban} VDAB vermelden`);
    expect(redact('Rekening BE68 5390 0754 7034 mijn naam')).toBe(`Rekening ${iban} mijn naam`);
  });

  it('is idempotent', () => {
    const once = redact('Bel 0470 12 34 56 of mail jan@voorbeeld.be, Kerkstraat 12.');
    expect(redact(once)).toBe(once);
  });

  it.each([
    '56,0% van de werkzoekenden',
    'Actie 19 en Actie 44',
    'In 2018-2019 steeg het aandeel.',
    'taalniveau B2 of hoger',
    'zie 3.3.2 en 4.1',
    'tussen 1 januari 2020 en 31 december 2021',
    'op 31/8/2017 en 01/02/2024 14 uur',
    'de arbeidsmarkt 3 jaar na aankomst',
    'een loopbaan 2 keer onderbreken',
    '60 acties, 15 partners en 1.200 trajecten',
    'https://www.serv.be/sites/default/files/documenten/SERV_20170831_advies.pdf',
    'versie 2026-11-29',
    '0 tot 18 jaar',
    'artikel 10, 11 en 24 van de Grondwet',
    'Place 3 van de ranking',
    'rue de la loi 16',
  ])('keeps "%s" as it is', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('leaves every corpus document untouched: its figures, years, sections and action numbers survive', () => {
    const dir = path.resolve('corpus');
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const changed = text.split('\n').filter((line) => redact(line) !== line);
      expect(changed, file).toEqual([]);
    }
  });
});

describe('redactFields', () => {
  it('redacts the named string fields only and leaves the record itself alone', () => {
    const record = { helpful: true, comment: 'Bel me op 0470 12 34 56', question: undefined, answer: 'Actie 19' };
    expect(redactFields(record, ['comment', 'question', 'answer'])).toEqual({ helpful: true, comment: `Bel me op ${phone}`, question: undefined, answer: 'Actie 19' });
    expect(record.comment).toBe('Bel me op 0470 12 34 56');
  });
});
