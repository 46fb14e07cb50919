// Query expansion from the real glossary: abbreviations, plurals, accents and phrases find the document's terms.
import { describe, expect, it } from 'vitest';
import { createGlossaryExpander } from '../../src/corpus/glossary.js';
import type { Glossary } from '../../src/corpus/schema.js';
import { realGlossary } from '../helpers/real-glossary.js';

const glossary = realGlossary();

describe('createGlossaryExpander', () => {
  it('expands an abbreviation to its written-out form', () => {
    expect(glossary.expand('IBO voor anderstaligen')).toEqual(expect.arrayContaining(['individuele beroepsopleiding', 'opleidingsstage']));
    expect(glossary.expand('Wat is een IBO?')).toContain('individuele beroepsopleiding');
  });

  it('says what an abbreviation stands for by the first phrase of its entry that does not repeat it', () => {
    expect(glossary.definition('EAD')).toBe('evenredige arbeidsdeelname en diversiteit');
    expect(glossary.definition('NEET')).toBe('not in employment, education or training');
    expect(glossary.definition('KMO-portefeuille')).toBeNull();
    expect(glossary.definition('XYZ')).toBeNull();
  });

  it('lists the folded words of all its phrases, one-way phrases included, each once', () => {
    const words = glossary.words();
    expect(words).toEqual(expect.arrayContaining(['cursisten', 'werkvergunning', 'individuele', 'evc']));
    expect(new Set(words).size).toBe(words.length);
    expect(words.every((word) => word === word.toLowerCase() && !word.includes(' '))).toBe(true);
  });

  it('does not add phrases the query already contains', () => {
    const expansions = glossary.expand('IBO of individuele beroepsopleiding');
    expect(expansions).not.toContain('IBO');
    expect(expansions).not.toContain('individuele beroepsopleiding');
    expect(expansions).toContain('opleidingsstage');
  });

  it('matches plurals and everyday words to the entry', () => {
    expect(glossary.expand('leerkrachten')).toEqual(expect.arrayContaining(['leraar', 'onderwijspersoneel']));
    expect(glossary.expand('een juf')).toContain('leerkracht');
  });

  it('reads the school words mediators and teachers use as the list\'s', () => {
    expect(glossary.expand('schooladvies migrantenkinderen')).toContain('studieoriëntering');
    expect(glossary.expand('het watervalsysteem')).toContain('studieoriëntering');
    expect(glossary.expand('vroegtijdige schoolverlaters')).toContain('ongekwalificeerde uitstroom');
  });

  it('ignores accents', () => {
    expect(glossary.expand('crèche')).toContain('kinderopvang');
    expect(glossary.expand('creche')).toContain('kinderopvang');
  });

  it("matches a multi-word phrase, including the apostrophe in diploma's", () => {
    expect(glossary.expand("erkenning van buitenlandse diploma's")).toEqual(expect.arrayContaining(['NARIC', 'gelijkwaardigheid']));
  });

  it('only matches whole words', () => {
    expect(glossary.expand('ibox')).toEqual([]);
    expect(glossary.expand('weer en wind')).toEqual([]);
  });

  it('names the query words that belong to a glossary phrase', () => {
    expect([...glossary.matchedWords('Wat is een IBO?')]).toEqual(['ibo']);
    expect(glossary.matchedWords('weer en wind').size).toBe(0);
  });

  it('names the abbreviations a query uses, in any case, and no word that merely contains one', () => {
    // "K-IBO" names K-IBO, not the IBO its name contains; named apart, both are named.
    expect(glossary.abbreviations('klant wil evc doen en daarna een K-IBO')).toEqual(['EVC', 'K-IBO']);
    expect(glossary.abbreviations('het verschil tussen ibo en k-ibo')).toEqual(['IBO', 'K-IBO']);
    expect(glossary.abbreviations('NT2 tijdens de opleiding')).toEqual(['NT2']);
    // "kmo" and "Unia" are glossary terms, but not written as abbreviations.
    expect(glossary.abbreviations('een kmo meldt bij Unia')).toEqual([]);
    expect(glossary.abbreviations('ibox en evcx')).toEqual([]);
  });

  it('reads a one-way phrase as its entry without ever adding it to a query', () => {
    // "geen buitenlanders" describes discrimination; added to every question on discrimination, its words
    // ("buitenlanders", "naam", "afkomst") only matched passages about the group in general.
    expect(glossary.expand('werkgever wil geen buitenlanders')).toEqual(expect.arrayContaining(['discriminatie', 'vooroordelen']));
    expect(glossary.matchedWords('werkgever wil geen buitenlanders')).toContain('buitenlanders');
    expect(glossary.expand('discriminatie op de werkvloer')).not.toContain('geen buitenlanders');
    expect(glossary.expand('discriminatie op de werkvloer')).not.toContain('huidskleur');
  });

  it('reads a one-way phrase with a gap ("hoeveel … werken") when its parts come in order, a few words apart', () => {
    expect(glossary.expand('hoeveel migranten werken er?')).toContain('werkzaamheidsgraad');
    expect(glossary.expand('hoeveel personen met een migratie-achtergrond werken in Vlaanderen?')).toContain('werkzaamheidsgraad');
    // Out of order, or too far apart: no longer a question about how many work.
    expect(glossary.expand('werken er hoeveel?')).not.toContain('werkzaamheidsgraad');
    expect(glossary.expand('hoeveel uren les volgt een nieuwkomer per week voor hij kan gaan werken')).not.toContain('werkzaamheidsgraad');
    expect(glossary.expand('mijn klant wil graag lasser worden')).toContain('beroepsopleiding');
    expect(glossary.expand('ik wil weten wat er moet worden gedaan rond taal')).not.toContain('beroepsopleiding');
  });

  it('does not count the list\'s subject ("met een migratie-achtergrond") among the words of a gap', () => {
    const small: Glossary = { id: 'test', title: 'Test', entries: [{ term: 'werkzaamheidsgraad', expansions: ['tewerkstellingsgraad'], readAs: ['procent … werkt'] }] };
    const expander = createGlossaryExpander([small]);
    // Between "procent" and "werkt": "van de mensen" and the subject, which does not count, so three words apart.
    for (const question of [
      'hoeveel procent van de mensen met een migratie-achtergrond werkt',
      'hoeveel procent van de mensen met migratieachtergrond werkt',
      'hoeveel procent van de personen met een migratieachtergrond werkt',
    ]) {
      expect(expander.expand(question), question).toContain('tewerkstellingsgraad');
    }
    // Any other words still count: four apart is too far.
    expect(expander.expand('hoeveel procent van de oudere mensen werkt')).not.toContain('tewerkstellingsgraad');
    expect(expander.expand('hoeveel procent van de oudere mensen met een migratie-achtergrond werkt')).not.toContain('tewerkstellingsgraad');
  });

  it('reads how many people with a migration background work, however the group is written, as the employment rate', () => {
    for (const question of [
      'hoeveel procent van de mensen met migratieachtergrond werkt',
      'hoeveel procent van de mensen met een migratie-achtergrond werkt',
      'hoeveel procent van de mensen met migratieachtergrond is werkzaam',
      'welk percentage van de personen met een migratie-achtergrond is aan het werk',
      'hoeveel procent van de mensen met migratieachtergrond heeft werk',
    ]) {
      expect(glossary.expand(question), question).toContain('werkzaamheidsgraad');
    }
  });

  it('counts the words in a gap as read by the glossary, but not as the situation the phrase names', () => {
    const question = 'klant uit Syrië wil lasser worden';
    expect(glossary.situation(question).terms).toEqual(expect.arrayContaining(['beroepsopleiding', 'land van herkomst']));
    expect([...glossary.matchedWords(question)].sort()).toEqual(['lasser', 'syrie', 'wil', 'worden']);
    expect([...glossary.situation(question).words].sort()).toEqual(['syrie', 'wil', 'worden']);
    // Only one-way phrases name a situation: "IBO" is a word the passages use.
    expect(glossary.situation('IBO voor anderstaligen').terms).toEqual([]);
    expect(glossary.situation('IBO voor anderstaligen').words.size).toBe(0);
  });

  it('expands, when asked about some words, only the phrases of the query that contain them', () => {
    const question = 'werkgever wil geen buitenlanders, discriminatie melden';
    expect(glossary.expand(question, ['buitenlanders'])).toContain('vooroordelen');
    expect(glossary.expand('taalcoach voor discriminatie', ['taalcoach'])).not.toContain('vooroordelen');
    expect(glossary.expand('taalcoach voor discriminatie', ['taalcoach'])).toContain('taalcoaching');
    // A one-way phrase names what the question is about, whichever words it is asked about: read as its situation.
    expect(glossary.situation('klant is analfabeet, discriminatie').terms).toContain('Nederlands als tweede taal');
    expect(glossary.situation('klant is analfabeet, discriminatie').terms).not.toContain('vooroordelen');
  });

  it('treats every phrase of an entry as equivalent', () => {
    const small: Glossary = { id: 'test', title: 'Test', entries: [{ term: 'TWE', expansions: ['tijdelijke werkervaring', 'werkervaringsjob'], readAs: [] }] };
    const expander = createGlossaryExpander([small]);
    expect(expander.expand('een werkervaringsjob zoeken').sort()).toEqual(['TWE', 'tijdelijke werkervaring']);
  });
});
