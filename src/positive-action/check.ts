// Checks a described positive-action measure against the legal conditions per sector (orientation, not legal advice).
import {
  ACTION_44_DEFINITION,
  ACTION_44_FLEMISH_CONTEXT,
  ACTION_45_SECTOR_LIST,
  ACTION_56_CODE_OF_CONDUCT,
} from './action-quotes.js';
import { REFERENCES, type Reference } from './references.js';
import {
  PositiveActionRequestSchema,
  type Answer,
  type Citation,
  type ConditionId,
  type ConditionResult,
  type ConditionStatus,
  type Outcome,
  type PositiveActionRequest,
  type PositiveActionRequestInput,
  type PositiveActionResponse,
  type Sector,
} from './schema.js';

const R = REFERENCES;

/** Status texts for a condition, keyed by status. */
interface StatusTexts {
  met: string;
  not_met: string;
  unknown: string;
}

/** Status of a condition whose `yes` answer means the condition is met. */
function statusFromAnswer(answer: Answer): ConditionStatus {
  if (answer === 'yes') return 'met';
  if (answer === 'no') return 'not_met';
  return 'unknown';
}

function condition(
  id: ConditionId,
  status: ConditionStatus,
  texts: StatusTexts,
  rule: string,
  references: readonly Reference[],
  actions: readonly number[],
): ConditionResult {
  return {
    id,
    status,
    explanation: `${texts[status]} ${rule}`.trim(),
    references: [...new Set(references)],
    actions: [...new Set(actions)],
  };
}

/** The references for the basic conditions of art. 10 §2 (or its Flemish counterpart) per sector. */
function baseReferences(sector: Sector): Reference[] {
  switch (sector) {
    case 'flemish_public':
      return [R.decree2008];
    case 'local_government':
      return [R.antiracismArt10Par2, R.decree2008];
    case 'private':
    case 'other':
      return [R.antiracismArt10Par2];
  }
}

function manifestInequality(request: PositiveActionRequest): ConditionResult {
  const { sector } = request;
  let rule =
    'Een positieve actie vereist een kennelijke ongelijkheid: de doelgroep moet aantoonbaar ondervertegenwoordigd of benadeeld zijn.';
  const references = baseReferences(sector);
  if (sector === 'private') {
    rule +=
      ' In de privésector moet het positief actieplan die ongelijkheid tussen de doelgroep en het andere personeel aantonen, bijvoorbeeld met statistieken.';
    references.push(R.royalDecree2019);
  }
  if (sector === 'flemish_public') {
    rule =
      'Volgens secundaire bronnen gaat ook het decreet van 10 juli 2008 uit van een kennelijke ongelijkheid die de maatregel goedmaakt. Het decreet van 8 mei 2002 noemt kansengroepen de groepen die niet evenredig vertegenwoordigd zijn op de arbeidsmarkt.';
    references.push(R.decree2002Art2);
  }
  return condition(
    'manifest_inequality',
    statusFromAnswer(request.answers.manifestInequality),
    {
      met: 'Je geeft aan dat er een aangetoonde kennelijke ongelijkheid is.',
      not_met:
        'Je geeft aan dat er geen aantoonbare kennelijke ongelijkheid is; zonder die ongelijkheid is de maatregel geen toegelaten positieve actie.',
      unknown: 'Het is nog niet duidelijk of er een kennelijke ongelijkheid is aangetoond.',
    },
    rule,
    references,
    [44],
  );
}

function objective(request: PositiveActionRequest): ConditionResult {
  const rule =
    request.sector === 'flemish_public'
      ? 'Volgens secundaire bronnen vraagt het decreet van 10 juli 2008 dat de maatregel objectief verantwoord is door een legitiem doel; leg het wegwerken van de ongelijkheid daarom uitdrukkelijk vast als doel.'
      : 'Het wegwerken van de ongelijkheid moet uitdrukkelijk vastgelegd zijn als na te streven doel.';
  return condition(
    'objective',
    statusFromAnswer(request.answers.objective),
    {
      met: 'Je geeft aan dat het wegwerken van de ongelijkheid als doel is vastgelegd.',
      not_met: 'Je geeft aan dat het wegwerken van de ongelijkheid niet als doel is vastgelegd.',
      unknown: 'Het is nog niet duidelijk of het wegwerken van de ongelijkheid als doel is vastgelegd.',
    },
    rule,
    baseReferences(request.sector),
    [44],
  );
}

function temporary(request: PositiveActionRequest): ConditionResult {
  const { sector } = request;
  let rule =
    'De maatregel moet tijdelijk zijn en stoppen zodra het doel bereikt is; een maatregel zonder einde voldoet niet.';
  const references = baseReferences(sector);
  if (sector === 'private') {
    rule += ' Volgens Acerta en 1819.brussels loopt een positief actieplan hoogstens drie jaar.';
    references.push(R.royalDecree2019);
  }
  if (sector === 'flemish_public') {
    rule += ' Volgens secundaire bronnen gaat het ook in het decreet van 10 juli 2008 om tijdelijke maatregelen.';
  }
  return condition(
    'temporary',
    statusFromAnswer(request.answers.temporary),
    {
      met: 'Je geeft aan dat de maatregel tijdelijk is en stopt zodra het doel bereikt is.',
      not_met: 'Je geeft aan dat de maatregel niet tijdelijk is of geen einde heeft.',
      unknown: 'Het is nog niet duidelijk of de maatregel tijdelijk is en wanneer hij stopt.',
    },
    rule,
    references,
    [44],
  );
}

function sameRequirements(request: PositiveActionRequest): ConditionResult {
  const legalBasis =
    request.sector === 'flemish_public'
      ? 'Dat is de richtlijn van Unia.'
      : 'Dat is de richtlijn van Unia; de wet laat niet toe dat de maatregel de rechten van anderen onnodig beperkt.';
  return condition(
    'same_requirements',
    statusFromAnswer(request.answers.sameRequirements),
    {
      met: 'Je geeft aan dat voor kandidaten uit de doelgroep dezelfde beroepsvereisten gelden.',
      not_met:
        'Je geeft aan dat voor kandidaten uit de doelgroep lagere of andere beroepsvereisten gelden; dan wordt de positieve actie positieve discriminatie.',
      unknown: 'Het is nog niet duidelijk of voor kandidaten uit de doelgroep dezelfde beroepsvereisten gelden.',
    },
    `Positieve actie mag geen positieve discriminatie worden: kandidaten uit de doelgroep moeten aan dezelfde beroepsvereisten voldoen als de andere kandidaten. ${legalBasis}`,
    [R.unia, ...baseReferences(request.sector)],
    [44, 56],
  );
}

function preferenceAtEqualCompetence(request: PositiveActionRequest): ConditionResult {
  const flemish = request.sector === 'flemish_public';
  let rule = 'Volgens de richtlijnen van Unia mag een kandidaat uit de doelgroep alleen voorrang krijgen bij gelijke competenties.';
  if (flemish) {
    rule +=
      ' De Vlaamse overheid werkt als werkgever met streefcijfers: zolang die niet gehaald zijn, krijgt bij gelijkwaardigheid de kandidaat uit de ondervertegenwoordigde groep voorrang.';
  }
  return condition(
    'preference_at_equal_competence',
    statusFromAnswer(request.answers.preferenceAtEqualCompetence),
    {
      met: 'Je geeft aan dat voorrang alleen speelt bij gelijke competenties (of dat de maatregel geen voorrang bij selectie inhoudt).',
      not_met:
        'Je geeft aan dat kandidaten uit de doelgroep ook voorrang krijgen als hun competenties niet gelijkwaardig zijn; dat is positieve discriminatie.',
      unknown: 'Het is nog niet duidelijk of voorrang alleen speelt bij gelijke competenties.',
    },
    rule,
    flemish ? [R.unia, R.flemishPersonnelPolicy, ...baseReferences(request.sector)] : [R.unia, ...baseReferences(request.sector)],
    [44, 56],
  );
}

const NOT_SETTLED =
  'De geraadpleegde bronnen beslechten niet of een job of plaats uitsluitend voor de doelgroep voorbehouden mag worden; Actiewijzer beschouwt dat hoogstens als mogelijk binnen een goedgekeurd positief actieplan en raadt altijd een juridische toetsing aan. Zo’n maatregel past daarom nooit zonder meer in het kader.';

/** Status and explanation of the exclusive-reservation condition; the answer `yes` is the problematic one. */
function exclusiveReservation(request: PositiveActionRequest): ConditionResult {
  const { sector, answers } = request;
  const actions = sector === 'private' ? [44, 45] : [44];
  const references: Reference[] =
    sector === 'flemish_public' ? [R.flemishPersonnelPolicy, R.unia, R.royalDecree2019] : [R.unia, R.royalDecree2019];
  const texts: StatusTexts = {
    met: 'Je geeft aan dat de maatregel geen job of plaats uitsluitend voor de doelgroep voorbehoudt.',
    not_met: 'De maatregel behoudt een job of plaats uitsluitend voor de doelgroep voor.',
    unknown: 'De maatregel behoudt een job of plaats uitsluitend voor de doelgroep voor.',
  };
  if (answers.exclusiveReservation === 'no') {
    return condition('exclusive_reservation', 'met', texts, '', references, actions);
  }
  if (answers.exclusiveReservation === 'unknown') {
    return condition(
      'exclusive_reservation',
      'unknown',
      { ...texts, unknown: 'Het is nog niet duidelijk of de maatregel een job of plaats uitsluitend voor de doelgroep voorbehoudt.' },
      `Als dat zo is: ${NOT_SETTLED}`,
      references,
      actions,
    );
  }
  if (sector === 'flemish_public') {
    return condition(
      'exclusive_reservation',
      'not_met',
      texts,
      'Bij de Vlaamse overheid bestaan voorbehouden betrekkingen alleen voor personen met een handicap of een chronische ziekte, niet voor personen met een migratie-achtergrond. De geraadpleegde bronnen zien een exclusieve voorbehouding hoogstens als mogelijk binnen een goedgekeurd positief actieplan, en dat instrument van het KB van 11 februari 2019 geldt alleen voor de privésector.',
      references,
      actions,
    );
  }
  if (answers.approvedPlan === 'no') {
    return condition(
      'exclusive_reservation',
      'not_met',
      texts,
      `${NOT_SETTLED} Zonder goedgekeurd positief actieplan past de voorbehouding niet in het kader.`,
      references,
      actions,
    );
  }
  if (answers.approvedPlan === 'unknown') {
    return condition(
      'exclusive_reservation',
      'unknown',
      texts,
      `${NOT_SETTLED} Het is nog niet duidelijk of er een goedgekeurd positief actieplan is; ook met zo’n plan blijft een juridische toetsing nodig.`,
      references,
      actions,
    );
  }
  const withPlan =
    sector === 'private'
      ? ' Je geeft aan dat er een goedgekeurd plan is: laat nagaan of het deze voorbehouding uitdrukkelijk bevat en laat ze juridisch toetsen.'
      : ' Je geeft aan dat er een goedgekeurd plan is, maar het KB van 11 februari 2019 geldt alleen voor de privésector: laat juridisch toetsen op welke basis dat plan de voorbehouding toelaat.';
  return condition('exclusive_reservation', 'unknown', texts, `${NOT_SETTLED}${withPlan}`, references, actions);
}

function approvedPlan(request: PositiveActionRequest): ConditionResult {
  return condition(
    'approved_plan',
    statusFromAnswer(request.answers.approvedPlan),
    {
      met: 'Je geeft aan dat de maatregel deel uitmaakt van een goedgekeurd positief actieplan.',
      not_met: 'Je geeft aan dat er geen goedgekeurd positief actieplan is.',
      unknown: 'Het is nog niet duidelijk of er een goedgekeurd positief actieplan is.',
    },
    'In de privésector bepaalt het KB van 11 februari 2019 de voorwaarden: de maatregel hoort in een positief actieplan, vastgelegd in een cao of een toetredingsakte en goedgekeurd door de federale minister van Werk. Zonder goedgekeurd plan past geen enkele voorkeursbehandeling van de doelgroep in het kader.',
    [R.royalDecree2019, R.antiracismArt10Par3],
    [44, 45],
  );
}

function applicableFramework(sector: 'local_government' | 'other'): ConditionResult {
  const texts: StatusTexts = {
    met: '',
    not_met: '',
    unknown: 'Welk juridisch kader voor jouw organisatie geldt, is niet vastgesteld.',
  };
  if (sector === 'local_government') {
    return condition(
      'applicable_framework',
      'unknown',
      texts,
      'Actiewijzer bevat geen afzonderlijke regeling voor lokale besturen. Het KB van 11 februari 2019 geldt alleen voor de privésector, en volgens secundaire bronnen vallen gemeenschaps- en gewestmateries onder decreten en niet onder de federale antidiscriminatiewetten. Laat bij Unia nagaan welk kader voor jouw bestuur geldt.',
      [R.antiracismArt10Par3, R.royalDecree2019, R.decree2008],
      [44],
    );
  }
  return condition(
    'applicable_framework',
    'unknown',
    texts,
    'Actiewijzer bevat geen afzonderlijke regeling voor deze sector. De wet laat de Koning bepalen in welke situaties en onder welke voorwaarden positieve actie mag, en het KB van 11 februari 2019 doet dat alleen voor de privésector. Laat bij Unia nagaan welk kader voor jouw organisatie geldt.',
    [R.antiracismArt10Par3, R.royalDecree2019],
    [44],
  );
}

/** The conditions that apply to the request's sector, in a fixed order. */
export function evaluateConditions(request: PositiveActionRequest): ConditionResult[] {
  const conditions = [
    manifestInequality(request),
    objective(request),
    temporary(request),
    sameRequirements(request),
    preferenceAtEqualCompetence(request),
    exclusiveReservation(request),
  ];
  if (request.sector === 'private') conditions.push(approvedPlan(request));
  if (request.sector === 'local_government' || request.sector === 'other') {
    conditions.push(applicableFramework(request.sector));
  }
  return conditions;
}

/** Any condition not met: not allowed as described; else any unknown: missing conditions; else it fits. */
export function decideOutcome(conditions: readonly ConditionResult[]): Outcome {
  if (conditions.some((c) => c.status === 'not_met')) return 'not_allowed_as_described';
  if (conditions.some((c) => c.status === 'unknown')) return 'missing_conditions';
  return 'fits_framework';
}

const NEXT_STEPS: Record<ConditionId, string> = {
  manifest_inequality:
    'Verzamel cijfers die de kennelijke ongelijkheid aantonen: vergelijk de vertegenwoordiging van de doelgroep in je personeel (per functie of niveau, bij aanwerving en doorstroming) met die van het andere personeel.',
  objective:
    'Leg schriftelijk vast dat het wegwerken van die ongelijkheid het doel van de maatregel is, liefst met een meetbaar streefcijfer.',
  temporary: 'Bepaal een einddatum en evaluatiemomenten, en laat de maatregel stoppen zodra het doel bereikt is.',
  same_requirements:
    'Hanteer voor kandidaten uit de doelgroep dezelfde functie- en beroepsvereisten als voor alle andere kandidaten.',
  preference_at_equal_competence: 'Beperk een eventuele voorrang tot kandidaten met gelijke competenties.',
  exclusive_reservation:
    'Herwerk de maatregel zodat hij geen job of plaats uitsluitend voorbehoudt (bijvoorbeeld gerichte werving, begeleiding of opleiding), of laat de voorbehouding vooraf juridisch toetsen door Unia.',
  approved_plan:
    'Stel een positief actieplan op in een cao of via een toetredingsakte (met de procedure van het arbeidsreglement) en laat het goedkeuren door de federale minister van Werk; de FOD WASO is daarvoor het aanspreekpunt.',
  applicable_framework:
    'Laat bij Unia nagaan welk juridisch kader (federale wetgeving of Vlaamse decreten) op jouw organisatie van toepassing is.',
};

function nextSteps(request: PositiveActionRequest, conditions: readonly ConditionResult[], outcome: Outcome): string[] {
  const steps = conditions.filter((c) => c.status !== 'met').map((c) => NEXT_STEPS[c.id]);
  const planOpen = conditions.some((c) => c.id === 'approved_plan' && c.status !== 'met');
  if (request.sector === 'private' && planOpen) {
    steps.push(
      'Vraag bij je sectorfonds na of er al een sectorale cao met een positief actieplan of een lijst van legale positieve acties bestaat (Actie 45).',
    );
  }
  if (outcome === 'fits_framework') {
    steps.push(
      'Bewaar de onderbouwing (cijfers, doel, einddatum), evalueer de maatregel regelmatig en stop hem zodra het doel bereikt is.',
    );
  }
  steps.push('Vraag bij twijfel advies aan Unia.');
  return [...new Set(steps)];
}

function citations(sector: Sector, conditions: readonly ConditionResult[]): Citation[] {
  const actions = new Set(conditions.flatMap((c) => c.actions));
  const result: Citation[] = [{ action: 44, quote: ACTION_44_DEFINITION }];
  if (sector === 'flemish_public' || sector === 'local_government') {
    result.push({ action: 44, quote: ACTION_44_FLEMISH_CONTEXT });
  }
  if (actions.has(45)) result.push({ action: 45, quote: ACTION_45_SECTOR_LIST });
  if (actions.has(56)) result.push({ action: 56, quote: ACTION_56_CODE_OF_CONDUCT });
  return result;
}

function disclaimer(sector: Sector): string {
  const base =
    'Dit is een oriëntatie op basis van de wetgeving en de richtlijnen van Unia, geen juridisch advies. Laat een concrete maatregel beoordelen door Unia.';
  return sector === 'private'
    ? `${base} Voor de goedkeuring van een positief actieplan in de privésector is de FOD Werkgelegenheid, Arbeid en Sociaal Overleg (FOD WASO) het aanspreekpunt.`
    : base;
}

/** Validates the request (throws a ZodError when invalid) and checks the measure against the framework. */
export function checkPositiveAction(request: PositiveActionRequestInput): PositiveActionResponse {
  const parsed = PositiveActionRequestSchema.parse(request);
  const conditions = evaluateConditions(parsed);
  const outcome = decideOutcome(conditions);
  return {
    outcome,
    conditions,
    nextSteps: nextSteps(parsed, conditions, outcome),
    citations: citations(parsed.sector, conditions),
    disclaimer: disclaimer(parsed.sector),
  };
}
