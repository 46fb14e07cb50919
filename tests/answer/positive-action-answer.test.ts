// Positive-action answers: the legal conditions with their reference, Actie 44 and the Unia line; pure helpers and POST /api/ask (extractive and with a scripted model).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVerbatim, sentences } from '../../src/answer/citations.js';
import type { ChatTurn, LlmClient } from '../../src/answer/llm.js';
import { asksAboutProtectedCriterion, asksTheLaw, conditionLines, conditionsItem, isPositiveActionForTargetGroup, isPositiveActionQuestion, LEGAL_DISCLAIMER, legalWording, OTHER_LAW, rankLegalItems, UNIA_REFERRAL } from '../../src/answer/positive-action.js';
import type { StoredPassage } from '../../src/repositories/passages-repository.js';
import { storedPassage } from '../helpers/stored-passage.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

const QUESTION = 'Mag ik als werkgever voorrang geven aan kandidaten met een migratie-achtergrond?';

const item = (number: number, text: string, refs: string[]): StoredPassage =>
  storedPassage(`kader:item-${number}`, { documentId: 'kader', number, label: `Kader, punt ${number}`, section: { number: '1', title: 'Wet' }, text, refs });

const CONDITIONS = item(4, 'De wet stelt twee voorwaarden:\n\n- er bestaat een kennelijke ongelijkheid;\n- de maatregel is tijdelijk.\n\n[Antiracismewet art. 10 §2]', ['Antiracismewet art. 10 §2']);
const ITEMS = [
  item(2, 'Een onderscheid is geen discriminatie als de voorwaarden vervuld zijn. [Antiracismewet art. 10 §1]', ['Antiracismewet art. 10 §1']),
  item(3, 'Een maatregel zonder einde voldoet niet. [Unia, Positieve acties; Antiracismewet art. 10 §2]', ['Unia, Positieve acties', 'Antiracismewet art. 10 §2']),
  CONDITIONS,
  item(7, 'Een kandidaat mag alleen voorrang krijgen bij gelijkwaardige competenties. [Unia, Positieve acties]', ['Unia, Positieve acties']),
];

describe('positive-action helpers', () => {
  it('recognises positive-action questions', () => {
    expect(isPositiveActionQuestion(QUESTION)).toBe(true);
    expect(isPositiveActionQuestion('Mag een werkgever streefcijfers hanteren?')).toBe(true);
    expect(isPositiveActionQuestion('Hoe zit het met de erkenning van diploma’s?')).toBe(false);
  });

  it('recognises a job reserved for the group in everyday words, and no other "only for"', () => {
    expect(isPositiveActionQuestion('Mag ik als werkgever een vacature enkel openstellen voor mensen met een migratieachtergrond?')).toBe(true);
    expect(isPositiveActionQuestion('Kan ik een stageplaats alleen voor nieuwkomers voorzien?')).toBe(true);
    expect(isPositiveActionQuestion('Mag ik uitsluitend kandidaten van buitenlandse herkomst aanwerven?')).toBe(true);
    expect(isPositiveActionQuestion('Welke opleidingen zijn er alleen voor nieuwkomers?')).toBe(false);
    expect(isPositiveActionQuestion('Is er enkel steun voor grote bedrijven?')).toBe(false);
    // Whether something may be offered to the group alone is a question of positive action, whatever is offered.
    expect(isPositiveActionQuestion('mag een sectorfonds een opleiding enkel voor nieuwkomers organiseren')).toBe(true);
    expect(isPositiveActionQuestion('mogen we een mentorprogramma uitsluitend voor vluchtelingen opzetten?')).toBe(true);
    expect(isPositiveActionQuestion('mag ik alleen komen voor een gesprek met de VDAB over nieuwkomers?')).toBe(false);
    // Also with the permission asked last; it was answered as a question on training for newcomers, without the law.
    expect(isPositiveActionQuestion('is een opleiding enkel voor nieuwkomers toegestaan')).toBe(true);
    expect(isPositiveActionQuestion('een coachingtraject alleen voor vluchtelingen, mag dat?')).toBe(true);
    expect(isPositiveActionQuestion('zijn er opleidingen enkel voor nieuwkomers die je mag volgen met een leefloon?')).toBe(false);
  });

  it('recognises a quota in the singular too', () => {
    // "kan ik als werkgever een quotum hanteren?" was answered with sensitising and IBO quotes, without the conditions.
    expect(isPositiveActionQuestion('kan ik als werkgever een quotum hanteren?')).toBe(true);
    expect(isPositiveActionQuestion("quota's voor nieuwkomers")).toBe(true);
  });

  it.each([
    'stage enkel voor vluchtelingen, mag dat?',
    'een job voor enkel nieuwkomers',
    'werkplekken exclusief voor nieuwkomers',
    'alleen kandidaten met buitenlandse roots uitnodigen voor een gesprek, mag dat?',
    'mogen we bij gelijke geschiktheid de kandidaat met migratieachtergrond kiezen?',
    'een positive actie voor nieuwkomers',
    // One refugee: only "vluchtelinge(n)" was read as the group.
    'is een opleiding enkel voor een vluchteling toegestaan',
  ])('recognises "%s" as a positive-action question about the group', (question) => {
    expect(isPositiveActionForTargetGroup(question)).toBe(true);
  });

  it('recognises recruitment aimed at the group and the framework\'s instrument, not every vacancy', () => {
    for (const question of [
      'mogen we in onze vacature schrijven dat we kandidaten met migratieachtergrond aanmoedigen?',
      // In the passive, and in a "vacaturetekst" (read as "vacaturetekste(n)" only).
      'mogen we in de vacature zetten dat nieuwkomers aangemoedigd worden om te solliciteren',
      'een vacaturetekst waarin mensen met een migratieachtergrond worden uitgenodigd',
      'een vacature waarin nieuwkomers aangemoedigd worden',
      'een wervingscampagne gericht op nieuwkomers, mag dat?',
      // "rekruteringscampagne" was refused.
      'is een rekruteringscampagne gericht op migranten toegestaan',
      'is een diversiteitsclausule in een vacature toegelaten',
      'positief actieplan opstellen hoe',
      'wie keurt positieve actieplannen goed?',
      // The framework's first condition and the royal decree.
      'hoe toon ik een kennelijke ongelijkheid aan',
      'geldt het KB ook voor gemeenten',
      // A vacancy that says whom it seeks, or is aimed at them.
      'mag ik in een vacature zetten dat we mensen met migratieachtergrond zoeken?',
      'mag ik in mijn vacature vermelden dat kandidaten met een migratieachtergrond welkom zijn',
      'kan ik een jobadvertentie richten op nieuwkomers?',
    ]) {
      expect(isPositiveActionQuestion(question), question).toBe(true);
    }
    // Wanting no one of the group is the opposite, and asking for someone's origin is a criterion of the law.
    expect(isPositiveActionQuestion('mag ik in een vacature zetten dat we geen buitenlanders willen?')).toBe(false);
    expect(isPositiveActionQuestion('mag ik in de vacature naar de afkomst van nieuwkomers vragen')).toBe(false);
    expect(isPositiveActionForTargetGroup('mogen we in onze vacature schrijven dat we kandidaten met migratieachtergrond aanmoedigen?')).toBe(true);
    expect(isPositiveActionQuestion('hoe schrijf ik een vacature voor een lasser?')).toBe(false);
    expect(isPositiveActionQuestion('een gerichte opleiding voor nieuwkomers')).toBe(false);
    expect(legalWording('een wervingscampagne gericht op nieuwkomers')).toMatch(/gerichte wervingscampagnes$/);
  });

  it('matches a reserved-job question against the legal items with the framework\'s own word for it, and no other question', () => {
    expect(legalWording('Mag ik een vacature enkel openstellen voor nieuwkomers?')).toMatch(/\bvoorbehouden\b/);
    expect(legalWording(QUESTION)).toBe(QUESTION);
    expect(legalWording('Welke opleidingen zijn er alleen voor nieuwkomers?')).toBe('Welke opleidingen zijn er alleen voor nieuwkomers?');
    // "migranten" and "buitenlanders", HR staff's everyday words for the group.
    expect(isPositiveActionQuestion('is het legaal om een vacature alleen voor migranten open te stellen')).toBe(true);
    expect(legalWording('een job enkel voor buitenlanders')).toMatch(/\bvoorbehouden\b/);
  });

  it('knows a question about what the law allows at work, so a refusal can say where to ask it', () => {
    expect(asksTheLaw('mag ik als werkgever een hoofddoek verbieden')).toBe(true);
    expect(asksTheLaw('mag ik vragen naar iemands afkomst bij een sollicitatie?')).toBe(true);
    expect(asksTheLaw('is dat wettelijk toegestaan?')).toBe(true);
    // Recruitment in HR's words: it was refused without saying where to ask.
    expect(asksTheLaw("mag ik cv's anoniem maken")).toBe(true);
    expect(asksTheLaw('mogen we in de selectie een taaltest gebruiken?')).toBe(true);
    // A client's "geen allochtonen" however it is reported, and a requirement or refusal on language.
    expect(asksTheLaw('werkgever zegt: geen allochtonen, wat nu')).toBe(true);
    expect(asksTheLaw('mag ik Nederlands als vereiste stellen')).toBe(true);
    expect(asksTheLaw('mag ik iemand weigeren omdat hij geen nederlands spreekt')).toBe(true);
    // What an employer can impose or refuse: it quoted the decree's "verplichten" as if the list answered.
    expect(asksTheLaw('kan een werkgever een taaltest verplichten bij aanwerving')).toBe(true);
    expect(asksTheLaw('kunnen werkgevers een kandidaat weigeren met een buitenlands diploma')).toBe(true);
    expect(asksTheLaw('wat kan een werkgever doen voor diversiteit')).toBe(false);
    expect(asksTheLaw('mag ik een opleiding weigeren')).toBe(false);
    expect(asksTheLaw('mag ik vragen welke acties over taal gaan?')).toBe(false);
    expect(asksTheLaw('Wat is de hoofdstad van Australië?')).toBe(false);
    // Of those, the ones on a criterion of the anti-racism law, which the legal framework's first point names.
    expect(asksAboutProtectedCriterion('mag ik vragen naar iemands afkomst bij een sollicitatie?')).toBe(true);
    expect(asksAboutProtectedCriterion('is selecteren op huidskleur verboden?')).toBe(true);
    expect(asksAboutProtectedCriterion('mag ik in een vacature zetten dat we geen mensen met een migratieachtergrond willen')).toBe(true);
    expect(asksAboutProtectedCriterion('klant zegt "geen marokkanen"')).toBe(true);
    expect(asksAboutProtectedCriterion('mag ik als werkgever een hoofddoek verbieden')).toBe(false);
    expect(asksAboutProtectedCriterion('hoeveel mensen met een niet-EU-nationaliteit werken er?')).toBe(false);
  });

  it('takes positive action as being about the target group when the question names it or no other group', () => {
    expect(isPositiveActionForTargetGroup(QUESTION)).toBe(true);
    expect(isPositiveActionForTargetGroup('Mag ik enkel mensen met een migratieachtergrond aanwerven?')).toBe(true);
    expect(isPositiveActionForTargetGroup('hoelang mag een positieve actie duren')).toBe(true);
    expect(isPositiveActionForTargetGroup('Mag ik voorrang geven aan vrouwen?')).toBe(false);
    expect(isPositiveActionForTargetGroup('positieve actie voor 50-plussers')).toBe(false);
    expect(isPositiveActionForTargetGroup('een positief actieplan voor jongeren met een migratieachtergrond')).toBe(true);
    expect(isPositiveActionForTargetGroup('Hoe zit het met de erkenning van diploma’s voor nieuwkomers?')).toBe(false);
  });

  it("reads a question on a plan's approval with the framework's words for it, also with the separable verb", () => {
    expect(legalWording('wie keurt een positief actieplan goed?')).toMatch(/goedgekeurd goedkeuring federale minister aanspreekpunt$/);
    expect(legalWording('moet de toetredingsakte goedgekeurd worden?')).toMatch(/goedkeuring federale minister aanspreekpunt$/);
    expect(legalWording('wat is een goede positieve actie?')).toBe('wat is een goede positieve actie?');
    expect(isPositiveActionQuestion('wat is een toetredingsakte')).toBe(true);
  });

  it("matches a question on a plan's duration with the framework's words for it", () => {
    expect(legalWording('hoelang mag een positieve actie duren')).toMatch(/loopt hoogstens drie jaar$/);
    expect(legalWording('hoe lang loopt een positief actieplan?')).toMatch(/loopt hoogstens drie jaar$/);
    expect(legalWording('positief actieplan opstellen hoe')).toBe('positief actieplan opstellen hoe');
  });

  it('matches a question on for whom the rules hold with the framework\'s words for it, not one on a condition', () => {
    expect(legalWording('geldt het KB ook voor gemeenten')).toMatch(/van toepassing privésector$/);
    expect(legalWording("is het KB van toepassing op kmo's")).toMatch(/van toepassing privésector$/);
    expect(legalWording('geldt de voorrang ook bij gelijke competenties')).toBe('geldt de voorrang ook bij gelijke competenties');
  });

  it('finds the item that lists the conditions of art. 10 §2', () => {
    expect(conditionsItem(ITEMS)?.number).toBe(4);
    expect(conditionsItem(ITEMS.filter((passage) => passage !== CONDITIONS))?.number).toBe(3);
    expect(conditionsItem([ITEMS[0]!])).toBeNull();
  });

  it('ranks the items by the words they share with the question, rarer words first', () => {
    const vocabulary = { documents: 100, documentFrequency: (word: string) => (word === 'voorrang' ? 2 : word === 'maatregel' ? 40 : 0) };
    expect(rankLegalItems('Mag ik voorrang geven?', ITEMS, vocabulary).map((passage) => passage.number)).toEqual([7]);
    // 3 and 4 both mention a maatregel; the tie keeps document order.
    expect(rankLegalItems('voorrang voor een maatregel', ITEMS, vocabulary).map((passage) => passage.number)).toEqual([7, 3, 4]);
    expect(rankLegalItems('kinderopvang', ITEMS, vocabulary)).toEqual([]);
  });

  it('keeps a legal reference ("art. 10 §2") inside its sentence', () => {
    expect(sentences('Een maatregel zonder einde voldoet niet. [Antiracismewet art. 10 §2] Daarna volgt art. 4 van de wet. Einde.')).toEqual([
      'Een maatregel zonder einde voldoet niet. [Antiracismewet art. 10 §2] Daarna volgt art. 4 van de wet.',
      'Einde.',
    ]);
  });

  it('quotes the conditions verbatim, label first and reference last, without repeating what the answer quotes', () => {
    expect(conditionLines(CONDITIONS, 'Kader, punt 4', '')).toEqual([
      '- “De wet stelt twee voorwaarden:” [Kader, punt 4]',
      '- “er bestaat een kennelijke ongelijkheid;”',
      '- “de maatregel is tijdelijk.” [Antiracismewet art. 10 §2]',
    ]);
    expect(conditionLines(CONDITIONS, 'Kader, punt 4', '- “De wet stelt twee voorwaarden:” [Kader, punt 4]')).toEqual([
      '- “er bestaat een kennelijke ongelijkheid;” [Kader, punt 4]',
      '- “de maatregel is tijdelijk.” [Antiracismewet art. 10 §2]',
    ]);
    // A reference inside the last sentence is quoted with it.
    expect(conditionLines(ITEMS[1]!, null, '')).toEqual(['- “Een maatregel zonder einde voldoet niet. [Unia, Positieve acties; Antiracismewet art. 10 §2]”']);
  });
});

interface AskBody {
  answer: string;
  citations: { action: number | null; quote: string; document: string; label?: string | null }[];
  refused: boolean;
  passages: { id: string; action: number | null }[];
  mode: string;
}

/** A model that answers with a fixed text and keeps the prompts it was sent. */
function scriptedModel(answer: string): LlmClient & { prompts: ChatTurn[][] } {
  const prompts: ChatTurn[][] = [];
  return {
    model: 'script',
    prompts,
    status: async () => ({ available: true, model: 'script' }),
    async *stream(messages) {
      prompts.push(messages);
      yield answer;
    },
    async complete(messages) {
      prompts.push(messages);
      return answer;
    },
  };
}

describe('POST /api/ask with a positive-action question', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 180_000);
  afterAll(async () => t?.close());

  const ask = async (question: string, mode: 'extractive' | 'llm' = 'extractive', app = t.app): Promise<AskBody> => {
    const response = await app.inject({ method: 'POST', url: '/api/ask', payload: { question, mode } });
    expect(response.statusCode).toBe(200);
    return response.json<AskBody>();
  };

  it('cites Actie 44, quotes a condition with its reference to art. 10 and ends with the Unia line', async () => {
    const body = await ask(QUESTION);
    expect(body.refused).toBe(false);
    expect(body.mode).toBe('extractive');
    expect(body.citations.map((citation) => citation.action)).toContain(44);
    expect(body.answer).toContain('Antiracismewet art. 10');
    expect(body.answer).toMatch(/“[^”]+”.*\[Antiracismewet art\. 10 §2\]/);
    expect(body.answer).toContain('Unia');
    expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    expect(body.passages.some((passage) => passage.id.startsWith('positieve-actie-kader:'))).toBe(true);
  });

  it('quotes the legal document word for word, under its label', async () => {
    const body = await ask(QUESTION);
    const legal = body.citations.filter((citation) => citation.document === 'positieve-actie-kader');
    expect(legal.length).toBeGreaterThan(0);
    const { rows } = await t.runtime.db.pool.query<{ text: string; label: string }>(`select text, label from passages where document_id = 'positieve-actie-kader'`);
    for (const citation of legal) {
      const source = rows.find((row) => row.label === citation.label);
      expect(source, citation.label ?? '').toBeDefined();
      expect(isVerbatim(citation.quote, source!.text)).toBe(true);
      expect(body.answer).toContain(`[${citation.label}]`);
    }
    // Every quoted sentence of the answer is a span of a stored passage.
    const all = (await t.runtime.db.pool.query<{ text: string }>('select text from passages')).rows.map((row) => row.text);
    for (const [, quote] of body.answer.matchAll(/“([^”]+)”/g)) expect(all.some((text) => isVerbatim(quote!, text)), quote).toBe(true);
  });

  it('brings the legal conditions even when the wording finds none of the legal items', async () => {
    const body = await ask('Welke quota mag een sector hanteren?');
    expect(body.refused).toBe(false);
    expect(body.passages.some((passage) => passage.id.startsWith('positieve-actie-kader:'))).toBe(true);
    expect(body.answer).toContain('[Antiracismewet art. 10 §2]');
    expect(body.answer).toContain(LEGAL_DISCLAIMER);
  });

  it('answers a vacancy reserved for the group in everyday words with the conditions and the Unia line, not a refusal', async () => {
    // None of its words but "werkgever" and "migratieachtergrond" is in the corpus: the search alone found too little.
    const body = await ask('Mag ik als werkgever een vacature enkel openstellen voor mensen met een migratieachtergrond?');
    expect(body.refused).toBe(false);
    expect(body.citations.map((citation) => citation.action)).toContain(44);
    expect(body.answer).toContain('[Antiracismewet art. 10 §2]');
    expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
  });

  const reservedItemLine = async (): Promise<string> => {
    const { rows } = await t.runtime.db.pool.query<{ text: string; label: string }>(
      `select text, label from passages where document_id = 'positieve-actie-kader' and text like '%uitsluitend voor de doelgroep voorbehouden%'`,
    );
    expect(rows).toHaveLength(1);
    const item = rows[0]!;
    return `- “${item.text.replace(/\s+/g, ' ').trim()}” [${item.label}]`;
  };

  it('answers a vacancy reserved for the group with the item on reserving a job, quoted whole, first', async () => {
    const body = await ask('Mag ik als werkgever een vacature enkel openstellen voor mensen met een migratieachtergrond?');
    const first = body.answer.split('\n').find((line) => line.startsWith('- “'));
    // The whole item: the open question and the advice that follows it.
    expect(first).toBe(await reservedItemLine());
    // The question names the group in the one-word spelling that only a few findings on schools use; they are not quoted.
    expect(body.answer).not.toContain('bevindingen bij Actie 8');
  });

  it('brings the item on reserving a job also when the search found another legal item first', async () => {
    // "stage" finds the item that lists reserved traineeships among examples; the question is whether one may be kept.
    const body = await ask('stage enkel voor vluchtelingen, mag dat?');
    expect(body.answer.split('\n').find((line) => line.startsWith('- “'))).toBe(await reservedItemLine());
    expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
  });

  it('answers a vacancy that encourages the group to apply with the framework\'s point on aimed recruitment, first', async () => {
    // It was answered from Actie 49 alone ("Zij kunnen zich vrij inschrijven bij de VDAB …"), without conditions or Unia line.
    // Put in the passive, "aangemoedigd", it quoted the VDAB's unknown women and the civil effect of tools (Acties 46, 18).
    for (const question of [
      'mogen we in onze vacature schrijven dat we kandidaten met migratieachtergrond aanmoedigen?',
      'mag ik in de vacaturetekst schrijven dat kandidaten met migratieachtergrond aangemoedigd worden te solliciteren',
    ]) {
      const body = await ask(question);
      expect(body.refused, question).toBe(false);
      const first = body.answer.split('\n').find((line) => line.startsWith('- “'));
      expect(first, question).toMatch(/^- “Als voorbeelden noemen commentaren op het KB: gerichte wervingscampagnes/);
      expect(body.answer, question).toContain('[Antiracismewet art. 10 §2]');
      expect(body.citations.map((citation) => citation.action), question).toContain(44);
      expect(body.answer.trimEnd().split('\n').at(-1), question).toBe(LEGAL_DISCLAIMER);
    }
  });

  it('answers a vacancy that says it seeks the group with the point on aimed recruitment and no sentence of the list but Actie 44', async () => {
    // Not read as positive action, it quoted Acties 35, 8 and 27 and said only that the list is no law. Read as one, its
    // "zetten" and "zoeken" still quoted "inzetten" and "onderzoekers", the framework's "gerichte" Actie 49's
    // "vindplaatsgericht", and Actie 49's opening stood in for an action until Actie 44's line came after it.
    const body = await ask('mag ik in een vacature zetten dat we mensen met migratieachtergrond zoeken?');
    const first = body.answer.split('\n').find((line) => line.startsWith('- “'));
    expect(first).toMatch(/^- “Als voorbeelden noemen commentaren op het KB: gerichte wervingscampagnes/);
    expect(body.citations.map((citation) => citation.action).filter((action) => action !== null)).toEqual([44]);
    expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
  });

  it('answers a preference between equally competent candidates with the point on it, first, and no sentence of the list but Actie 44', async () => {
    // "competenties" of the framework's condition chose Actie 18 ("competenties te herkennen"), quoted first.
    const body = await ask('mag ik bij gelijke competenties iemand met migratieachtergrond kiezen');
    expect(body.answer.split('\n').find((line) => line.startsWith('- “'))).toMatch(/^- “Volgens de richtlijnen van Unia mag een kandidaat uit de doelgroep alleen voorrang krijgen/);
    expect(body.citations.map((citation) => citation.action).filter((action) => action !== null)).toEqual([44]);
  });

  it('answers how the inequality is shown, and for whom the royal decree holds, with the points on them, first', async () => {
    // Not positive-action questions: "geldt het KB ook voor gemeenten?" quoted Acties 34 and 35 on local employers, "hoe toon
    // ik een kennelijke ongelijkheid aan?" Actie 20; "welke cijfers …" led with the point on reserving a job.
    const first = (body: AskBody) => body.answer.split('\n').find((line) => line.startsWith('- “'));
    const scope = await ask('geldt het KB ook voor gemeenten');
    expect(first(scope)).toContain('Het is alleen van toepassing op de privésector.');
    expect(scope.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    for (const question of ['hoe toon ik een kennelijke ongelijkheid aan', 'welke cijfers heb ik nodig voor een positief actieplan']) {
      const body = await ask(question);
      expect(first(body), question).toMatch(/^- “Het plan toont de kennelijke ongelijkheid aan .*bijvoorbeeld statistieken/);
      expect(body.citations.map((citation) => citation.action).filter((action) => action !== null), question).toEqual([44]);
    }
  });

  it('answers for examples of positive actions, or an offer only for the group, with the point listing examples, first', async () => {
    // The point was eighth in the search: the answer quoted Actie 45's "goede praktijkvoorbeelden" and points 6 and 3.
    for (const question of ['voorbeelden van positieve acties', 'mag een sectorfonds een opleiding enkel voor nieuwkomers organiseren']) {
      const body = await ask(question);
      expect(body.refused, question).toBe(false);
      const first = body.answer.split('\n').find((line) => line.startsWith('- “'));
      expect(first, question).toMatch(/^- “Als voorbeelden noemen commentaren op het KB: .*opleidingen/);
      expect(body.answer.trimEnd().split('\n').at(-1), question).toBe(LEGAL_DISCLAIMER);
    }
    // Asked as a follow-up of a positive-action question, with the singular.
    const plan = (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'wat is een positief actieplan', mode: 'extractive' } })).json<{ conversationId: string }>();
    const example = (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'geef eens een voorbeeld', conversationId: plan.conversationId, mode: 'extractive' } })).json<AskBody>();
    expect(example.answer).toContain('Als voorbeelden noemen commentaren op het KB');
    expect(example.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
  });

  it('answers a question about a "positief actieplan" as positive action', async () => {
    const body = await ask('positief actieplan opstellen hoe');
    expect(body.refused).toBe(false);
    expect(body.answer).toContain('Het instrument is een positief actieplan.');
    expect(body.citations.map((citation) => citation.action)).toContain(44);
    expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
  });

  it('answers how long positive action may run with the point on a plan\'s duration, first; for women it refuses', async () => {
    // Refused: it names no group, and "hoelang" and "duren" are in no passage.
    const body = await ask('hoelang mag een positieve actie duren');
    expect(body.refused).toBe(false);
    const first = body.answer.split('\n').find((line) => line.startsWith('- “'));
    expect(first).toMatch(/^- “Volgens Acerta en 1819\.brussels loopt een plan hoogstens drie jaar/);
    expect(body.citations.map((citation) => citation.action)).toContain(44);
    expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    // Another law's, whatever the search finds: once "vrouwen" was a glossary word, it was answered with the anti-racism
    // law's conditions.
    const women = await ask('positieve actie voor vrouwen');
    expect(women.refused).toBe(true);
    expect(women.citations).toEqual([]);
    expect(women.answer.split('\n')).toEqual([OTHER_LAW, UNIA_REFERRAL]);
  });

  it('answers a follow-up that turns a positive-action question to a group or a traineeship as that question for it', async () => {
    const inConversation = async (question: string, conversationId: string): Promise<AskBody> => {
      const response = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, mode: 'extractive', conversationId } });
      expect(response.statusCode).toBe(200);
      return response.json<AskBody>();
    };
    const first = (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'positieve actie', mode: 'extractive' } })).json<{ conversationId: string }>();
    // Another group: it quoted the framework with no word on the other law.
    const women = await inConversation('mag dat voor vrouwen?', first.conversationId);
    expect(women.refused).toBe(true);
    expect(women.answer.split('\n')).toEqual([OTHER_LAW, UNIA_REFERRAL]);
    // The target group: it quoted VDAB's outreach (Actie 49) with no conditions, no Actie 44 and no disclaimer.
    const refugees = await inConversation('en voor vluchtelingen?', first.conversationId);
    expect(refugees.refused).toBe(false);
    expect(refugees.citations.map((citation) => citation.action)).toContain(44);
    expect(refugees.answer).toContain('[Antiracismewet art. 10 §2]');
    expect(refugees.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    // So does one that turns it to a traineeship: it quoted the HIVA study on kinds of courses, with no conditions.
    const vacancy = (
      await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'mag ik een vacature alleen voor vluchtelingen openstellen', mode: 'extractive' } })
    ).json<{ conversationId: string }>();
    const traineeship = await inConversation('en als het een stage is?', vacancy.conversationId);
    expect(traineeship.citations.map((citation) => citation.action)).toContain(44);
    expect(traineeship.answer).toContain('[Antiracismewet art. 10 §2]');
    expect(traineeship.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    // Who approves it is a point of the framework, not whom the actions quoted address: their actors were listed.
    const approval = await inConversation('wie moet dat goedkeuren?', vacancy.conversationId);
    expect(approval.answer).toContain('moet goedgekeurd worden door de federale minister van Werk');
    expect(approval.answer).not.toContain('Tot wie deze acties zich richten');
  });

  it('answers who approves a plan with the points on approval, and a toetredingsakte as positive action', async () => {
    // "keurt … goed" shares no word with "goedgekeurd": the answer had no point on approval.
    const approval = await ask('wie keurt een positief actieplan goed');
    // And first: the point on reserving a job ("… binnen een goedgekeurd positief actieplan") was quoted before it.
    const first = approval.answer.split('\n').find((line) => line.startsWith('- “'));
    expect(first).toContain('moet goedgekeurd worden door de federale minister van Werk');
    // Asked with "laten", which the point on reserving a job has too ("juridisch te laten toetsen"), that point came first.
    const having = await ask('bij wie moet ik een positief actieplan laten goedkeuren');
    expect(having.answer.split('\n').find((line) => line.startsWith('- “'))).toMatch(/FOD Werkgelegenheid|federale minister van Werk/);
    // "wat is een toetredingsakte" cited Actie 55 ("discriminerende praktijken …") because no other sentence had an action.
    const deed = await ask('wat is een toetredingsakte');
    expect(deed.citations.map((citation) => citation.action).filter((action) => action !== null)).toEqual([44]);
    expect(deed.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
  });

  it('answers a follow-up on the duration or the approval of a plan as positive action, and a change of topic not', async () => {
    const ask2 = async (question: string, conversationId: string): Promise<AskBody & { conversationId: string }> =>
      (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, conversationId, mode: 'extractive' } })).json();
    const first = (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'wat is een positief actieplan', mode: 'extractive' } })).json<{ conversationId: string }>();
    // "hoe lang mag dat duren?" quoted "Te lange trajecten …" (Actie 22) without the legal point or the disclaimer.
    const duration = await ask2('hoe lang mag dat duren?', first.conversationId);
    expect(duration.answer.split('\n').find((line) => line.startsWith('- “'))).toMatch(/^- “Volgens Acerta en 1819\.brussels loopt een plan hoogstens drie jaar/);
    expect(duration.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    // The point on approval, though "hoe lang mag dat duren?" is among the words the answer is matched by.
    const approval = await ask2('wie keurt dat goed?', first.conversationId);
    expect(approval.answer).toContain('moet goedgekeurd worden door de federale minister van Werk');
    // Without a word that points back ("het" is none) it was searched alone, and quoted "Te lange trajecten …" again.
    const plan = (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'we willen als bedrijf een positief actieplan opstellen', mode: 'extractive' } })).json<{ conversationId: string }>();
    const itsDuration = await ask2('hoe lang mag het duren?', plan.conversationId);
    expect(itsDuration.answer.split('\n').find((line) => line.startsWith('- “'))).toMatch(/^- “Volgens Acerta en 1819\.brussels loopt een plan hoogstens drie jaar/);
    expect(itsDuration.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    const evc = await ask2('en wat zegt de lijst over EVC?', first.conversationId);
    expect(evc.answer).not.toContain(LEGAL_DISCLAIMER);
    expect(evc.citations.map((citation) => citation.action)).toContain(18);
  });

  it('answers for the conditions with the point listing them, first, also as a follow-up, and with no line on refugees', async () => {
    const ask1 = async (question: string, conversationId?: string): Promise<AskBody & { conversationId: string }> =>
      (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question, mode: 'extractive', ...(conversationId ? { conversationId } : {}) } })).json();
    const firstQuote = (body: AskBody) => body.answer.split('\n').find((line) => line.startsWith('- “'));
    // They came last, after the framework's examples and definition.
    expect(firstQuote(await ask1('welke voorwaarden gelden voor een positieve actie?'))).toMatch(/^- “De wet stelt vier voorwaarden.*\[Juridisch kader \(\d{4}\), punt 4\]$/);
    const stage = await ask1('mag ik een stage voorbehouden voor vluchtelingen');
    // The law is the same for refugees: the line saying no quote names them stood before the conditions.
    expect(stage.answer).not.toContain('specifiek over');
    expect(firstQuote(await ask1('welke voorwaarden?', stage.conversationId))).toMatch(/^- “De wet stelt vier voorwaarden/);
  });

  it('quotes no sentence whose only word in common with the question is "mag"', async () => {
    const body = await ask('mag ik een vacature enkel voor mensen met migratieachtergrond openstellen?');
    expect(body.answer).toContain(LEGAL_DISCLAIMER);
    // "… dat het behalen van een extra taalniveau tewerkstelling niet in de weg mag staan" (Actie 18).
    expect(body.answer).not.toContain('in de weg mag staan');
    expect(body.citations.map((citation) => citation.action)).not.toContain(18);
  });

  it('quotes no sentence of the list for the permission asked or the group alone', async () => {
    // Nearly every sentence of the list names the group: "nieuwkomers" quoted the B2 entry level of higher education
    // (Actie 23) and the foreign qualifications of newcomers (Actie 19); "toegelaten" quoted "… waardoor enkel sterke
    // profielen worden toegelaten" (Actie 40).
    const vacancy = await ask('mogen we een vacature enkel voor nieuwkomers openstellen');
    expect(vacancy.citations.map((citation) => citation.action).filter((action) => action !== null)).toEqual([44]);
    const traineeship = await ask('is een stage enkel voor vluchtelingen toegelaten');
    expect(traineeship.answer).not.toContain('enkel sterke profielen worden toegelaten');
    expect(traineeship.answer).toContain(LEGAL_DISCLAIMER);
  });

  it('adds no legal line to other questions', async () => {
    const body = await ask('Hoe zit het met de erkenning van buitenlandse diploma’s?');
    expect(body.answer).not.toContain(LEGAL_DISCLAIMER);
    expect(body.answer).not.toContain('Antiracismewet');
  });

  it('gives the model the legal conditions among its passages and appends the Unia line to its answer', async () => {
    const model = scriptedModel('Voorrang kan alleen bij gelijke competenties [Juridisch kader (2026), punt 7] en binnen de wettelijke voorwaarden (Actie 44).');
    const other = await buildAppOn(t.runtime, { llm: model });
    try {
      const body = await ask(QUESTION, 'llm', other.app);
      expect(body.mode).toBe('llm');
      expect(body.refused).toBe(false);
      const prompt = model.prompts[0]!.map((message) => message.content).join('\n');
      expect(prompt).toContain('De wet stelt vier voorwaarden');
      expect(prompt).toContain('[Antiracismewet art. 10 §2]');
      expect(body.citations.map((citation) => citation.action)).toContain(44);
      expect(body.answer.trimEnd().split('\n').at(-1)).toBe(LEGAL_DISCLAIMER);
    } finally {
      await other.close();
    }
  });
});
