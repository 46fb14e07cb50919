// Which action numbers a query names (single numbers, lists, ranges, no numbers that are not actions), and the words that only point at the document.
import { describe, expect, it } from 'vitest';
import { embeddedText, namedActions, namedNumbers, spellOutBareNumber, withAskingWordsSpelled, withoutAges, withoutGroupNames, withoutPointers } from '../../src/search/query-analysis.js';
import { createSpellingCorrector } from '../../src/search/spelling.js';

describe('namedActions', () => {
  it.each([
    ['wat zegt actie 37', [37]],
    ['Actie 12?', [12]],
    ['ACTIE 5', [5]],
    ['acties 44 en 45', [44, 45]],
    ['acties 45 en 44', [45, 44]],
    ['acties 3, 5 en 7', [3, 5, 7]],
    ['Acties 44 & 45', [44, 45]],
    ['actie 17 t/m 19', [17, 18, 19]],
    ['actie 17 tot en met 19', [17, 18, 19]],
    ['acties 1-3', [1, 2, 3]],
    ['actie nr. 8', [8]],
    ['acties 3.5 en 3.6', []],
    ['acties in 3.2', []],
    ['wat zei actie 5 in 2018', [5]],
    ['vergelijk actie 19 met actie 20', [19, 20]],
  ])('%s → %j', (query, expected) => {
    expect(namedActions(query)).toEqual(expected);
  });

  it.each([
    'in 2018 werkte de commissie een advies uit',
    'wat zegt de actielijst over 60 acties',
    'de transactie 5 keer herhalen',
    'reactie 12',
    'actie 0',
    'actie 61',
    'acties 2018',
    'kinderopvang',
  ])('names no action in "%s"', (query) => {
    expect(namedActions(query)).toEqual([]);
  });

  it('names each action once', () => {
    expect(namedActions('actie 19, actie 19 en acties 18 t/m 20')).toEqual([19, 18, 20]);
  });

  it('respects a smaller action list', () => {
    expect(namedActions('acties 9 t/m 12', 10)).toEqual([9, 10]);
  });
});

describe('namedNumbers', () => {
  it('keeps the numbers the list does not have, so the answer can say so', () => {
    expect(namedNumbers('wat is actie 61')).toEqual([61]);
    expect(namedNumbers('acties 59 tot 62')).toEqual([59, 60, 61, 62]);
    expect(namedNumbers('actie 0')).toEqual([0]);
  });

  it('reads no action number out of a year', () => {
    expect(namedNumbers('de actie 2020 van de regering')).toEqual([]);
    expect(namedNumbers('acties 2018 en 2019')).toEqual([]);
    expect(namedNumbers('actie 12 en 2019')).toEqual([12]);
  });

  it('reads a number and nothing else as the action of that number', () => {
    expect(namedNumbers('12')).toEqual([12]);
    expect(namedNumbers(' nr. 44? ')).toEqual([44]);
    expect(namedNumbers('#61')).toEqual([61]);
    expect(namedNumbers('12 jaar')).toEqual([]);
    expect(namedNumbers('2019')).toEqual([]);
    expect(spellOutBareNumber('nummer 7')).toBe('actie 7');
    // After a short lead the number is still the action: "wat zegt 45" was refused as naming no topic.
    expect(spellOutBareNumber('wat zegt 45?')).toBe('actie 45');
    expect(spellOutBareNumber('toon nr 12')).toBe('actie 12');
    expect(spellOutBareNumber('en 46?')).toBe('actie 46');
    expect(spellOutBareNumber('wat houdt 17 in')).toBe('actie 17');
    expect(spellOutBareNumber('wat is 45%')).toBe('wat is 45%');
    expect(spellOutBareNumber('wat zegt 45 over taal')).toBe('wat zegt 45 over taal');
    expect(spellOutBareNumber('wat is EVC')).toBe('wat is EVC');
  });
});

describe('withoutPointers', () => {
  it.each([
    ['wat zegt de lijst over kinderopvang?', 'wat over kinderopvang?'],
    ['Wat zegt de actielijst over discriminatie?', 'Wat over discriminatie?'],
    ['wat staat er in de lijst over mentoring?', 'wat over mentoring?'],
    ['wat vraagt de commissie over praktijktesten?', 'wat over praktijktesten?'],
    ['Wat vraagt de Commissie Diversiteit voor nieuwkomers?', 'Wat voor nieuwkomers?'],
    ['welke acties in de actielijst gaan over EVC', 'welke acties gaan over EVC'],
    ['wat verwacht de commissie van sectorfondsen', 'wat verwacht van sectorfondsen'],
    ['wat doet de lijst rond NEETs?', 'wat rond NEETs?'],
    ['wat is het verschil tussen EVC en EKV?', 'EVC en EKV?'],
    ['verschil tussen mannen en vrouwen', 'mannen en vrouwen'],
    ['Wat zijn de verschillen tussen IBO en K-IBO', 'IBO en K-IBO'],
    ['wat is het verschil met actie 20?', 'actie 20?'],
    ['ibo en k-ibo? wat is het verschil?', 'ibo en k-ibo? ?'],
    ['ik zoek de actie over ouderbetrokkenheid', 'de actie over ouderbetrokkenheid'],
    ['Ik ben op zoek naar acties voor vluchtelingen', 'acties voor vluchtelingen'],
    ['zoek eens de acties over EVC', 'de acties over EVC'],
  ])('drops the document and its author, the asker looking, or a comparison\'s frame, from "%s"', (query, topic) => {
    expect(withoutPointers(query)).toBe(topic);
  });

  it.each([
    // A list as the topic: "een lijst", "de lijst van …".
    'welke actie vraagt een lijst van legale positieve acties',
    'wie maakt de lijst van legale positieve acties per sector',
    'de lijst met goede praktijken',
    // "voor" may belong to the verb: "wat stelt de lijst voor?"
    'wat doet de lijst voor NEETs?',
    // Words that only start like the document's.
    'de commissievergadering van de SERV-raad',
    'lijsttrekkers en tekstverwerking',
    // Nothing would be left to search for.
    'wat zegt de actielijst?',
    // A gap between groups is a topic: "het verschil in … tussen".
    'Hoe groot is het verschil in PISA-scores tussen leerlingen met en zonder migratieachtergrond?',
    'de verschillende culturen',
    // The person in the question looking is a topic: "zoekt werk", "zoektocht naar werk".
    'klant zoekt werk als lasser',
    'nieuwkomer op zoek naar werk',
  ])('leaves "%s" as it is', (query) => {
    expect(withoutPointers(query)).toBe(query);
  });
});

describe('withoutAges', () => {
  it.each([
    ['klant is 55 jaar en zoekt werk', 'klant is en zoekt werk'],
    ['klant van 58 jaar oud, wat kan ik doen', 'klant van , wat kan ik doen'],
    ['een 45-jarige vrouw uit Syrië', 'een vrouw uit Syrië'],
    ['Ahmed (32j) wil lasser worden', 'Ahmed ( ) wil lasser worden'],
    ['jongeren van 18 jr. zonder diploma', 'jongeren van zonder diploma'],
  ])('drops the age from "%s"', (query, rest) => {
    expect(withoutAges(query)).toBe(rest);
  });

  it.each([
    // The list's own age band.
    'acties voor 25-54-jarigen',
    // Durations and years are no ages.
    'wat gebeurt er 2 jaar na invoering',
    'cijfers van 2016 jaarlijks',
    'hoeveel jaar duurt inburgering',
    // Nothing would be left to search for.
    '55 jaar',
  ])('leaves "%s" as it is', (query) => {
    expect(withoutAges(query)).toBe(query);
  });
});

describe('withAskingWordsSpelled', () => {
  const vocabulary = createSpellingCorrector(['De acties van VDAB zijn actief en gericht op een actieve benadering.', 'Actie 12 vraagt advies.']);

  it.each([
    ['hoeveel aciteis zijn er', 'hoeveel acties zijn er'],
    ['welke acites zijn voor vdab', 'welke acties zijn voor vdab'],
    ['aktie 12', 'actie 12'],
    ['akties rond taal', 'acties rond taal'],
    ['wlke acties voor de bouwsector', 'welke acties voor de bouwsector'],
    ['Wleke acties', 'welke acties'],
  ])('spells "%s" as "%s"', (query, spelled) => {
    expect(withAskingWordsSpelled(query, vocabulary)).toBe(spelled);
  });

  it.each(['actief zoeken', 'een actieve benadering', 'aktief zoeken', 'advies', 'acties in 3.2', 'Actie 5', 'welk actieplan', 'werk voor wie wil'])('leaves "%s" as it is', (query) => {
    expect(withAskingWordsSpelled(query, vocabulary)).toBe(query);
  });
});

describe('withoutGroupNames', () => {
  it('leaves out the names of the group, unless they are all the text asks about', () => {
    expect(withoutGroupNames('stages voor jongeren met migratieachtergrond').trim()).toBe('stages voor jongeren met');
    expect(withoutGroupNames('Allochtonen en migranten met een migratie-achtergrond in de zorg').replace(/\s+/g, ' ').trim()).toBe('en met een in de zorg');
    expect(withoutGroupNames('wat is een migratieachtergrond?')).toBe('wat is een migratieachtergrond?');
    // Only whole words: "migrantenvrouwen" and "migratiebeleid" stay.
    expect(withoutGroupNames('migrantenvrouwen en migratiebeleid')).toBe('migrantenvrouwen en migratiebeleid');
  });
});

describe('embeddedText', () => {
  it('embeds a question without the names of the group, unless it asks about a staff, share or target the group is counted in', () => {
    expect(embeddedText('welke acties voor vrouwen met migratieachtergrond').trim()).toBe('welke acties voor vrouwen met');
    expect(embeddedText('leraren met een migratieachtergrond')).toBe('leraren met een migratieachtergrond');
    expect(embeddedText('quota allochtonen')).toBe('quota allochtonen');
    expect(embeddedText('aandeel migranten bij de overheid')).toBe('aandeel migranten bij de overheid');
    expect(embeddedText('wat is een migratieachtergrond?')).toBe('wat is een migratieachtergrond?');
  });
});
