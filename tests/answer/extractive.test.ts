// composeExtractive on hand-made passages: which sentences are quoted, and how another document's numbered items are quoted.
import { describe, expect, it } from 'vitest';
import { composeExtractive, NO_FIGURE, notAbout, notNamed, notSaid } from '../../src/answer/extractive.js';
import type { StoredPassage } from '../../src/repositories/passages-repository.js';
import { createSpellingCorrector } from '../../src/search/spelling.js';
import { tokenize } from '../../src/search/text.js';
import { searchHit, storedPassage } from '../helpers/stored-passage.js';

const passage = (id: string, text: string, fields: Partial<StoredPassage> = {}) => storedPassage(id, { text, ...fields });

const ACTION = passage('lijst:actie-44', 'Stimuleer ondernemingen om werk te maken van positieve acties. Verspreid goede praktijken bij werkgevers.', { action: 44, actions: [44] });
const SCHOOL = passage('lijst:context-8', 'Leerlingen met een migratieachtergrond krijgen andere adviezen op school dan andere leerlingen.', { kind: 'context', actions: [8] });
const RESERVED_ITEM = passage(
  'kader:item-10',
  'Of een job uitsluitend voor de doelgroep voorbehouden mag worden, beslechten de bronnen niet. Laat zo een plan altijd eerst juridisch toetsen bij Unia. [KB 11 februari 2019]',
  { documentId: 'kader', number: 10, label: 'Kader, punt 10' },
);
const CONDITIONS_ITEM = passage(
  'kader:item-4',
  'De wet stelt twee voorwaarden voor een voorbehouden job:\n\n- er bestaat een kennelijke ongelijkheid;\n- de maatregel is tijdelijk en voorbehouden aan de doelgroep.\n\n[Antiracismewet art. 10 §2]',
  { documentId: 'kader', number: 4, label: 'Kader, punt 4' },
);
const PROCEDURE_ITEM = passage(
  'kader:item-12',
  'Het instrument is een positief actieplan. Het wordt vastgelegd in een cao of een toetredingsakte. Voor de toetredingsakte geldt een procedure met het paritair comité. [KB 11 februari 2019]',
  { documentId: 'kader', number: 12, label: 'Kader, punt 12' },
);
const ALL = [ACTION, SCHOOL, RESERVED_ITEM, CONDITIONS_ITEM, PROCEDURE_ITEM];
const vocabulary = createSpellingCorrector(ALL.map((stored) => stored.text));
const quotedLines = (answer: string) => answer.split('\n').filter((line) => line.startsWith('- “'));

describe('composeExtractive', () => {
  it('tags a sentence of a numbered part without an action with that part, and one of the introduction as such', () => {
    // The paragraph on entrepreneurship stands under 3.3.2 with no action after it; it was tagged "(inleiding van de actielijst)".
    const part = passage('lijst:intro-10', 'De commissie onderstreept dat ook ondernemerschap kansen kan bieden.', {
      kind: 'intro',
      section: { number: '3.3.2', title: 'Kansen op de arbeidsmarkt' },
      heading: 'Ondernemerschap',
    });
    const letter = passage('lijst:intro-1', 'Met deze actielijst wil de commissie het ondernemerschap stimuleren.', { kind: 'intro', section: { number: null, title: 'Brief aan de minister' } });
    const words = createSpellingCorrector([part.text, letter.text, ACTION.text]);
    const { answer } = composeExtractive('ondernemerschap', [searchHit(part), searchHit(letter), searchHit(ACTION)], words, [44]);
    expect(quotedLines(answer)).toEqual(
      expect.arrayContaining([
        '- “De commissie onderstreept dat ook ondernemerschap kansen kan bieden.” (onderdeel 3.3.2 Kansen op de arbeidsmarkt › Ondernemerschap, zonder actienummer)',
        '- “Met deze actielijst wil de commissie het ondernemerschap stimuleren.” (inleiding van de actielijst)',
      ]),
    );
  });

  it('says when a question asks how to apply, what it costs or how long it takes and no quote says it', () => {
    const recognition = passage('lijst:actie-19', 'De erkenning van buitenlandse diploma’s moet sneller en eenvoudiger.', { action: 19, actions: [19] });
    const refund = passage('lijst:actie-28', 'De kinderopvang en het vervoer worden terugbetaald tijdens een erkende opleiding.', { action: 28, actions: [28] });
    const words = createSpellingCorrector([recognition.text, refund.text]);
    const last = (question: string, hits: StoredPassage[], asked?: string) =>
      composeExtractive(question, hits.map((hit) => searchHit(hit)), words, [19, 28], asked ? { asked } : {}).answer.split('\n').at(-1);
    expect(last('hoe vraag ik de erkenning van mijn diploma aan', [recognition])).toBe(notSaid(['hoe je dat aanvraagt']));
    expect(last('hoe lang duurt de erkenning en is die gratis', [recognition])).toBe(notSaid(['wat het kost', 'hoe lang het duurt']));
    expect(notSaid(['hoe je dat aanvraagt', 'wat het kost', 'hoe lang het duurt'])).toBe('Geen van deze zinnen zegt hoe je dat aanvraagt, wat het kost of hoe lang het duurt.');
    // A quote on refunds says something about the cost.
    expect(last('is de kinderopvang gratis tijdens een opleiding', [refund])).not.toMatch(/^Geen van deze zinnen/);
    // A follow-up is composed with the turn before: only what the asker asked now counts.
    expect(last('is dat gratis? hoe vraag ik de erkenning van mijn diploma aan', [recognition], 'is dat gratis?')).toBe(notSaid(['wat het kost']));
    // A noun is no question how to apply: "een NARIC-aanvraag" asks nothing of the kind.
    expect(last('wat zegt de lijst over een aanvraag tot erkenning', [recognition])).not.toMatch(/^Geen van deze zinnen/);
  });

  it('says when a question asks for a figure and none of the quotes has one', () => {
    // "hoeveel jongeren verlaten school zonder diploma?" quoted sentences on early school leaving, none with a number, as
    // if they answered how many.
    const leavers = passage('lijst:context-15', 'Jongeren verlaten de school te vaak zonder diploma.', { kind: 'context', actions: [15] });
    const share = passage('lijst:context-16', 'Van de jongeren verlaat 12,4% de school zonder diploma.', { kind: 'context', actions: [15] });
    const words = createSpellingCorrector([leavers.text, share.text]);
    const without = composeExtractive('hoeveel jongeren verlaten school zonder diploma', [searchHit(leavers)], words, [15]).answer;
    expect(without.split('\n').at(-1)).toBe(NO_FIGURE);
    const withFigure = composeExtractive('hoeveel jongeren verlaten school zonder diploma', [searchHit(share), searchHit(leavers)], words, [15]).answer;
    expect(withFigure).not.toContain(NO_FIGURE);
    expect(composeExtractive('jongeren zonder diploma', [searchHit(leavers)], words, [15]).answer).not.toContain(NO_FIGURE);
    // A comparison asks for no number: "vergelijk actie 18 en 19" got the line.
    expect(composeExtractive('vergelijk de jongeren zonder diploma', [searchHit(leavers)], words, [15]).answer).not.toContain(NO_FIGURE);
    // A number in a name is no figure: "hoeveel nieuwkomers zijn er?" quoted the entry level "(B2)" and said nothing.
    const level = passage('lijst:actie-23', 'Het vereiste instapniveau voor nieuwkomers ligt erg hoog (B2).', { action: 23, actions: [23] });
    const levelWords = createSpellingCorrector([level.text]);
    expect(composeExtractive('hoeveel nieuwkomers zijn er', [searchHit(level)], levelWords, [23]).answer.split('\n').at(-1)).toBe(NO_FIGURE);
  });

  it('quotes more actions for a question asking which actions, at most two sentences of each', () => {
    const care = passage('lijst:actie-57', 'Zorg voor voldoende kinderopvang in elke gemeente. Breid de inkomensgerelateerde kinderopvang uit. Maak kinderopvang flexibel.', { action: 57, actions: [57] });
    const letter = passage('lijst:intro-2', 'Het geheel vraagt een flankerend beleid met kinderopvang en mobiliteit.', { kind: 'intro' });
    const findings = passage('lijst:context-18', 'Kinderopvang is een randvoorwaarde voor duurzame activering.', { kind: 'context', actions: [57] });
    const refund = passage('lijst:actie-28', 'Een erkende opleiding laat toe de kinderopvang en het vervoer van de cursist terug te betalen.', { action: 28, actions: [28] });
    const words = createSpellingCorrector([care.text, letter.text, findings.text, refund.text]);
    const hits = [care, letter, findings, refund].map((hit) => searchHit(hit));
    expect(composeExtractive('welke acties gaan over kinderopvang', hits, words, [57, 28]).actions).toEqual([57, 28]);
    expect(quotedLines(composeExtractive('acties over kinderopvang', hits, words, [57, 28]).answer).filter((line) => line.endsWith('(Actie 57)'))).toHaveLength(2);
    // Asked about the topic itself, the best sentences are quoted as they score.
    expect(composeExtractive('kinderopvang', hits, words, [57, 28]).actions).toEqual([57]);
  });

  it('says when a question asks about a part of the group that none of the quotes names', () => {
    const recognition = passage('lijst:actie-19', 'De erkenning van buitenlandse diploma’s moet sneller en goedkoper.', { action: 19, actions: [19] });
    const outreach = passage('lijst:actie-49', 'VDAB moet ook vluchtelingen en NEET-jongeren actief opzoeken voor erkenning.', { action: 49, actions: [49] });
    const words = createSpellingCorrector([recognition.text, outreach.text]);
    const answer = (question: string, ...hits: StoredPassage[]) => composeExtractive(question, hits.map((hit) => searchHit(hit)), words, [19, 49]).answer;
    expect(answer('erkenning diploma vluchtelingen', recognition).split('\n').at(-1)).toBe(notAbout(['vluchtelingen']));
    expect(answer('erkenning diploma asielzoekers', recognition).split('\n').at(-1)).toBe('Geen van deze zinnen gaat specifiek over vluchtelingen.');
    expect(answer('erkenning diploma vrouwen en jongeren', recognition).split('\n').at(-1)).toBe(notAbout(['vrouwen', 'jongeren']));
    // A quote that names them, or a question that names none of them, gets no such line.
    expect(answer('erkenning diploma vluchtelingen', recognition, outreach)).not.toContain('specifiek over');
    expect(answer('erkenning diploma jongeren', recognition, outreach)).not.toContain('specifiek over');
    expect(answer('erkenning diploma', recognition)).not.toContain('specifiek over');
  });

  it('says when a follow-up narrows the topic to something the documents never name', () => {
    const recognition = passage('lijst:actie-19', 'De erkenning van buitenlandse diploma’s moet sneller.', { action: 19, actions: [19] });
    const words = createSpellingCorrector([recognition.text]);
    const last = (asked: string) =>
      composeExtractive(`erkenning diploma ${asked}`, [searchHit(recognition)], words, [19], { asked }).answer.split('\n').at(-1);
    expect(last('en voor een verpleegkundige?')).toBe(notNamed('verpleegkundige'));
    expect(notNamed('verpleegkundige')).toBe('Over ‘verpleegkundige’ zegt de actielijst niets in het bijzonder: deze zinnen gaan over het onderwerp in het algemeen.');
    expect(last('en bij een lasser')).toBe(notNamed('lasser'));
    // A word the passages have, one the glossary reads, or a question that narrows nothing gets no such line.
    expect(last('en voor de erkenning?')).not.toContain('in het bijzonder');
    // Nor does another form of a word the passages have: "buitenlands" for their "buitenlandse".
    expect(last('en voor buitenlands?')).not.toContain('in het bijzonder');
    const read = composeExtractive('erkenning diploma en voor een ingenieur', [searchHit(recognition)], words, [19], { asked: 'en voor een ingenieur?', expand: () => ['hooggeschoolde'] });
    expect(read.answer).not.toContain('in het bijzonder');
    expect(last('wat is een verpleegkundige?')).not.toContain('in het bijzonder');
  });

  it('quotes a part of the group the question names from the search\'s other passages, in place of the weakest quote', () => {
    const recognition = passage('lijst:actie-19', 'De erkenning van buitenlandse diploma’s moet sneller. Erkenning van diploma’s vraagt een nauwe band met de sectoren.', { action: 19, actions: [19] });
    const competences = passage('lijst:actie-20', 'Competenties tellen bij de erkenning meer dan diploma’s. Een diploma is niet alles bij de erkenning van kennis.', { action: 20, actions: [20] });
    const outreach = passage('lijst:actie-49', 'VDAB moet ook vluchtelingen actief opzoeken voor de erkenning van hun diploma.', { action: 49, actions: [49] });
    const words = createSpellingCorrector([recognition.text, competences.text, outreach.text]);
    const hits = [searchHit(recognition), searchHit(competences)];
    const question = 'erkenning diploma vluchteling';
    const alone = composeExtractive(question, hits, words, [19, 20]);
    expect(quotedLines(alone.answer)).toHaveLength(4);
    expect(alone.answer.split('\n').at(-1)).toBe(notAbout(['vluchtelingen']));
    expect(alone.beyond).toEqual([]);

    const withMore = composeExtractive(question, hits, words, [19, 20], { more: [searchHit(outreach)] });
    const quotes = quotedLines(withMore.answer);
    expect(quotes).toHaveLength(4);
    expect(quotes.at(-1)).toBe('- “VDAB moet ook vluchtelingen actief opzoeken voor de erkenning van hun diploma.” (Actie 49)');
    // The three best of the answer's own sentences stay.
    expect(quotes.slice(0, 3)).toEqual(quotedLines(alone.answer).slice(0, 3));
    expect(withMore.answer).not.toContain('specifiek over');
    expect(withMore.beyond).toEqual(['lijst:actie-49']);
    expect(withMore.actions).toContain(49);
    // Without a part of the group asked about, the other passages are not quoted.
    expect(composeExtractive('erkenning diploma', hits, words, [19, 20], { more: [searchHit(outreach)] }).beyond).toEqual([]);
  });

  it('quotes a sentence that points back with the sentence before it in its paragraph', () => {
    const checks = passage(
      'lijst:actie-55',
      'De commissie vindt het prioritair dat discriminerende praktijken worden weggewerkt. Dat vergt onder meer efficiënte controles.\n\nDit vraagt ook meer inspecteurs voor controles.',
      { action: 55, actions: [55] },
    );
    const words = createSpellingCorrector([checks.text]);
    const quotes = quotedLines(composeExtractive('controles', [searchHit(checks)], words, [55]).answer);
    expect(quotes).toEqual([
      '- “De commissie vindt het prioritair dat discriminerende praktijken worden weggewerkt. Dat vergt onder meer efficiënte controles.” (Actie 55)',
      // The sentence before it is in another paragraph.
      '- “Dit vraagt ook meer inspecteurs voor controles.” (Actie 55)',
    ]);
    // Quoted on its own already, the sentence pointed to is not quoted twice.
    const both = quotedLines(composeExtractive('prioritair controles', [searchHit(checks)], words, [55]).answer);
    expect(both.filter((line) => line.includes('prioritair'))).toHaveLength(1);
  });

  it('quotes a sentence ending in a colon with the line it introduces, and not with a list', () => {
    // "… volgens de zogenaamde Vesoc-definitie:" was quoted without the definition, which shares no word with the question.
    const definition = passage(
      'lijst:intro-8',
      'De focus ligt op personen volgens de zogenaamde Vesoc-definitie:\n\nGeboortenationaliteit van een land van buiten de EU15\n\nUiteraard gaat achter deze definitie nog een grote diversiteit verscholen.',
      { kind: 'intro', section: { number: '1', title: 'Personen met een migratie-achtergrond' } },
    );
    const list = passage('lijst:actie-4', 'Zet in op monitoring door werk te maken van:\n\n- Een jaarlijkse rapportering op basis van de Vesoc-definitie.\n- Cijfers over schoolloopbanen.', {
      action: 4,
      actions: [4],
    });
    const words = createSpellingCorrector([definition.text, list.text, ACTION.text]);
    const { answer } = composeExtractive('wat is de Vesoc-definitie', [searchHit(definition), searchHit(list)], words, [4]);
    const lines = quotedLines(answer);
    expect(lines).toContain(
      '- “De focus ligt op personen volgens de zogenaamde Vesoc-definitie: Geboortenationaliteit van een land van buiten de EU15” (onderdeel 1 Personen met een migratie-achtergrond, zonder actienummer)',
    );
    expect(lines).toContain('- “Een jaarlijkse rapportering op basis van de Vesoc-definitie.” (Actie 4)');
    expect(lines.some((line) => line.includes('maken van: Een jaarlijkse'))).toBe(false);
  });

  it('chooses no sentence by the title of a linked document', () => {
    // "[Advies laaggeschoolde vrouwen …](http://…)" names an earlier advice; its words took a place in answers on women.
    const advices = passage(
      'lijst:intro-10',
      'Voor meer aanbevelingen rond ondernemerschap verwijst de commissie naar eerdere adviezen, waaronder [Advies laaggeschoolde vrouwen](http://www.serv.be/advies-vrouwen) (26 mei 2018).',
      { kind: 'intro', section: { number: '3.3.2', title: 'Kansen op de arbeidsmarkt' } },
    );
    const outreach = passage('lijst:actie-49', 'VDAB moet outreachend werken ten aanzien van laaggeschoolde vrouwen.', { action: 49, actions: [49] });
    const words = createSpellingCorrector([advices.text, outreach.text, ACTION.text]);
    const women = quotedLines(composeExtractive('acties voor laaggeschoolde vrouwen', [searchHit(advices), searchHit(outreach)], words, [49]).answer);
    expect(women).toEqual(['- “VDAB moet outreachend werken ten aanzien van laaggeschoolde vrouwen.” (Actie 49)']);
    // The sentence's own words still choose it.
    const enterprise = quotedLines(composeExtractive('aanbevelingen rond ondernemerschap', [searchHit(advices), searchHit(outreach)], words, [49]).answer);
    expect(enterprise[0]).toContain('Voor meer aanbevelingen rond ondernemerschap');
  });

  it('quotes a numbered item of another document whole, even when only its first sentence matches the question', () => {
    const { answer } = composeExtractive('Mag een job uitsluitend voorbehouden worden?', [searchHit(RESERVED_ITEM), searchHit(ACTION)], vocabulary, [44]);
    const line = quotedLines(answer).find((entry) => entry.includes('[Kader, punt 10]'));
    expect(line).toBe(
      '- “Of een job uitsluitend voor de doelgroep voorbehouden mag worden, beslechten de bronnen niet. Laat zo een plan altijd eerst juridisch toetsen bij Unia. [KB 11 februari 2019]” [Kader, punt 10]',
    );
  });

  it('quotes a longer item by its matching sentences only', () => {
    const { answer } = composeExtractive('Welke procedure geldt voor het paritair comité?', [searchHit(PROCEDURE_ITEM), searchHit(ACTION)], vocabulary, [44]);
    expect(answer).toContain('- “Voor de toetredingsakte geldt een procedure met het paritair comité. [KB 11 februari 2019]” [Kader, punt 12]');
    expect(answer).not.toContain('Het instrument is een positief actieplan.');
  });

  it('keeps quoting an item with a list line by line', () => {
    const { answer } = composeExtractive('Mag een job voorbehouden worden aan de doelgroep?', [searchHit(CONDITIONS_ITEM), searchHit(ACTION)], vocabulary, [44]);
    const lines = quotedLines(answer).filter((entry) => entry.includes('[Kader, punt 4]'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.split('”')[0]!.includes('\n')).toBe(false);
    expect(answer).not.toContain('voorwaarden voor een voorbehouden job: er bestaat');
  });

  it('does not choose a sentence because it names the people the whole list is about', () => {
    // The one-word spelling is rare, so it would outweigh every topical word if it counted.
    const { answer } = composeExtractive('Hoe verspreiden werkgevers goede praktijken voor mensen met een migratieachtergrond?', [searchHit(SCHOOL), searchHit(ACTION)], vocabulary, [44]);
    expect(answer).toContain('Verspreid goede praktijken bij werkgevers.');
    expect(answer).not.toContain('andere adviezen op school');
  });

  it('quotes every action the question names, in the order named, before the best sentences of the rest', () => {
    const first = passage('lijst:actie-3', 'Zet het integratiebeleidsplan sterker in. Betrek alle beleidsdomeinen.', { action: 3, actions: [3] });
    const second = passage('lijst:actie-4', 'Zet in op monitoring. Verzamel cijfers over schoolloopbanen.', { action: 4, actions: [4] });
    const hits = [{ ...searchHit(second), named: true }, { ...searchHit(first), named: true }, searchHit(ACTION)];
    const { answer, actions } = composeExtractive('acties 4 en 3', hits, vocabulary, [4, 3, 44]);
    expect(quotedLines(answer)).toEqual(['- “Zet in op monitoring.” (Actie 4)', '- “Zet het integratiebeleidsplan sterker in.” (Actie 3)']);
    expect(actions).toEqual([4, 3]);
  });

  it('quotes a named action by the sentence that matches the rest of the question, and a lone named action by its opening', () => {
    const monitoring = passage('lijst:actie-4', 'Zet in op monitoring. Verzamel cijfers over schoolloopbanen. Betrek onderzoekers.', { action: 4, actions: [4] });
    const named = { ...searchHit(monitoring), named: true };
    const words = createSpellingCorrector([...ALL, monitoring].map((stored) => stored.text));
    expect(quotedLines(composeExtractive('actie 4: welke cijfers over schoolloopbanen?', [named], words, [4]).answer)).toEqual([
      '- “Verzamel cijfers over schoolloopbanen.” (Actie 4)',
    ]);
    expect(quotedLines(composeExtractive('actie 4', [named], words, [4]).answer)).toEqual([
      '- “Zet in op monitoring.” (Actie 4)',
      '- “Verzamel cijfers over schoolloopbanen.” (Actie 4)',
    ]);
  });

  it('cites a findings sentence with the action of its group that shares a rare word with it, else with the best-ranked one', () => {
    const findings = passage(
      'lijst:context-8',
      'Een goed uitgewerkt EVC-beleid is cruciaal voor nieuwkomers. Nieuwkomers botsen op de erkenning van hun buitenlandse diploma.',
      { kind: 'context', actions: [18, 19] },
    );
    const evc = passage('lijst:actie-18', 'Een toegankelijk en betaalbaar EVC-beleid is van groot belang.', { action: 18, actions: [18] });
    const diplomas = passage('lijst:actie-19', 'De erkenning van buitenlandse diploma moet sneller voor nieuwkomers.', { action: 19, actions: [19] });
    const words = createSpellingCorrector([...ALL, findings, evc, diplomas].map((stored) => stored.text));
    // The corpus index holds every action's words; here those of the two actions.
    const actionWords = new Map([evc, diplomas].map((stored) => [stored.action as number, new Set(tokenize(stored.text))]));
    const { answer } = composeExtractive('nieuwkomers', [searchHit(findings), searchHit(diplomas), searchHit(evc)], words, [19, 18], { actionWords });
    expect(quotedLines(answer)).toContain('- “Een goed uitgewerkt EVC-beleid is cruciaal voor nieuwkomers.” (bevindingen bij Actie 18)');
    expect(quotedLines(answer)).toContain('- “Nieuwkomers botsen op de erkenning van hun buitenlandse diploma.” (bevindingen bij Actie 19)');
  });

  it('says whether any quoted sentence matched the question, or only the best-ranked action’s opening was taken', () => {
    expect(composeExtractive('goede praktijken bij werkgevers', [searchHit(ACTION)], vocabulary, [44]).matched).toBe(true);
    const unmatched = composeExtractive('anonieme sollicitaties', [searchHit(ACTION)], vocabulary, [44]);
    expect(unmatched.matched).toBe(false);
    expect(unmatched.actions).toEqual([44]);
    expect(composeExtractive('actie 44', [{ ...searchHit(ACTION), named: true }], vocabulary, [44]).matched).toBe(true);
  });

  it('scores sentences by what the search reads a word no passage has as, and only for such words', () => {
    const orientation = passage('lijst:actie-10', 'Onderwijs moet inzetten op een uitstekende studieoriëntering voor jongeren.', { action: 10, actions: [10] });
    const guidance = passage('lijst:actie-52', 'Individuele begeleiding van werkzoekenden geeft de beste resultaten.', { action: 52, actions: [52] });
    const words = createSpellingCorrector([...ALL, orientation, guidance].map((stored) => stored.text));
    const hits = [searchHit(orientation), searchHit(guidance)];
    const glossary = (_question: string, words: readonly string[]) => (words.includes('studiekeuze') ? ['studieoriëntering'] : ['begeleiding op maat']);
    expect(composeExtractive('begeleiding bij studiekeuze', hits, words, [10, 52]).actions).toEqual([52]);
    const { answer, actions } = composeExtractive('begeleiding bij studiekeuze', hits, words, [10, 52], { expand: glossary });
    expect(quotedLines(answer)).toContain('- “Onderwijs moet inzetten op een uitstekende studieoriëntering voor jongeren.” (Actie 10)');
    expect(actions).toContain(10);
  });

  it('prefers a sentence naming the instrument the question names over one matching its other words', () => {
    const portfolio = passage('lijst:noot-14', 'Ondernemingen investeren in talent via de KMO-portefeuille voor elke kmo.', { kind: 'note', actions: [1] });
    const training = passage('lijst:actie-35', 'Zet voor werkzoekenden in op IBO bij werkgevers.', { action: 35, actions: [35] });
    const words = createSpellingCorrector([...ALL, portfolio, training].map((stored) => stored.text));
    const hits = [searchHit(portfolio), searchHit(training)];
    // "kmo" is the rarer word here: without the instrument, the KMO sentence comes first.
    expect(quotedLines(composeExtractive('IBO bij een kmo', hits, words, [1, 35]).answer)[0]).toContain('KMO-portefeuille');
    const { answer } = composeExtractive('IBO bij een kmo', hits, words, [1, 35], { fieldTerms: [[' ibo ', ' individuele beroepsopleiding ']] });
    expect(quotedLines(answer)[0]).toBe('- “Zet voor werkzoekenden in op IBO bij werkgevers.” (Actie 35)');
  });

  it('does not read the words of a web address as words of the sentence', () => {
    const advices = passage('lijst:intro-1', 'Zie het [Advies hooggeschoolden](http://www.serv.be/publicatie/advies-hooggeschoolde-allochtonen-quota) van 2014.', { kind: 'intro', actions: [] });
    const target = passage('lijst:actie-31', 'Het streefcijfer voor de overheid als werkgever moet omhoog, als quota.', { action: 31, actions: [31] });
    const words = createSpellingCorrector([...ALL, advices, target].map((stored) => stored.text));
    const { answer } = composeExtractive('quota', [searchHit(advices), searchHit(target)], words, [31]);
    expect(quotedLines(answer)).toEqual(['- “Het streefcijfer voor de overheid als werkgever moet omhoog, als quota.” (Actie 31)']);
  });
});

