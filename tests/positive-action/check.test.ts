// Table tests for checkPositiveAction: each condition in turn, sector rules, exclusive reservation and the response schema.
import { describe, expect, it } from 'vitest';
import { ACTION_QUOTES } from '../../src/positive-action/action-quotes.js';
import { checkPositiveAction } from '../../src/positive-action/check.js';
import {
  PositiveActionResponseSchema,
  type Answers,
  type ConditionId,
  type Outcome,
  type PositiveActionRequestInput,
  type Sector,
} from '../../src/positive-action/schema.js';

const ALL_MET: Answers = {
  manifestInequality: 'yes',
  objective: 'yes',
  temporary: 'yes',
  sameRequirements: 'yes',
  preferenceAtEqualCompetence: 'yes',
  exclusiveReservation: 'no',
  approvedPlan: 'yes',
};

function request(sector: Sector, answers: Partial<Answers> = {}): PositiveActionRequestInput {
  return {
    sector,
    measure: '  Gerichte wervingscampagne voor technici met een migratie-achtergrond.  ',
    answers: { ...ALL_MET, ...answers },
  };
}

function check(sector: Sector, answers: Partial<Answers> = {}) {
  const response = checkPositiveAction(request(sector, answers));
  expect(() => PositiveActionResponseSchema.parse(response)).not.toThrow();
  return response;
}

function statusOf(response: ReturnType<typeof checkPositiveAction>, id: ConditionId) {
  return response.conditions.find((c) => c.id === id)?.status;
}

const SECTORS: Sector[] = ['private', 'flemish_public', 'local_government', 'other'];

/** Answer keys whose `yes` means met, with the condition they drive. */
const POSITIVE_ANSWERS: [keyof Answers, ConditionId][] = [
  ['manifestInequality', 'manifest_inequality'],
  ['objective', 'objective'],
  ['temporary', 'temporary'],
  ['sameRequirements', 'same_requirements'],
  ['preferenceAtEqualCompetence', 'preference_at_equal_competence'],
];

describe('checkPositiveAction: all conditions met per sector', () => {
  const expected: Record<Sector, Outcome> = {
    private: 'fits_framework',
    flemish_public: 'fits_framework',
    // The fact sheet settles no framework for these sectors: at best missing_conditions.
    local_government: 'missing_conditions',
    other: 'missing_conditions',
  };
  it.each(SECTORS)('%s', (sector) => {
    const response = check(sector);
    expect(response.outcome).toBe(expected[sector]);
    if (sector === 'local_government' || sector === 'other') {
      expect(statusOf(response, 'applicable_framework')).toBe('unknown');
      expect(response.conditions.filter((c) => c.status !== 'met').map((c) => c.id)).toEqual(['applicable_framework']);
    } else {
      expect(response.conditions.every((c) => c.status === 'met')).toBe(true);
    }
  });

  it('lists the sector-specific conditions', () => {
    const ids = (sector: Sector) => check(sector).conditions.map((c) => c.id);
    expect(ids('private')).toContain('approved_plan');
    expect(ids('flemish_public')).not.toContain('approved_plan');
    expect(ids('flemish_public')).not.toContain('applicable_framework');
    expect(ids('local_government')).toContain('applicable_framework');
    expect(ids('other')).not.toContain('approved_plan');
  });
});

describe('checkPositiveAction: each condition missing in turn', () => {
  const cases = SECTORS.flatMap((sector) =>
    POSITIVE_ANSWERS.flatMap(([key, id]) => [
      { sector, key, id, answer: 'no' as const, status: 'not_met', outcome: 'not_allowed_as_described' as Outcome },
      { sector, key, id, answer: 'unknown' as const, status: 'unknown', outcome: 'missing_conditions' as Outcome },
    ]),
  );
  it.each(cases)('$sector: $key = $answer → $outcome', ({ sector, key, id, answer, status, outcome }) => {
    const response = check(sector, { [key]: answer });
    expect(response.outcome).toBe(outcome);
    expect(statusOf(response, id)).toBe(status);
    expect(response.nextSteps.length).toBeGreaterThan(1);
  });

  it.each(SECTORS)('%s: one "no" outweighs "unknown" answers', (sector) => {
    const response = check(sector, { manifestInequality: 'unknown', temporary: 'no' });
    expect(response.outcome).toBe('not_allowed_as_described');
  });
});

describe('checkPositiveAction: private sector and the approved plan', () => {
  it('without an approved plan nothing fits', () => {
    const response = check('private', { approvedPlan: 'no' });
    expect(response.outcome).toBe('not_allowed_as_described');
    const plan = response.conditions.find((c) => c.id === 'approved_plan');
    expect(plan?.status).toBe('not_met');
    expect(plan?.references).toContain('KB 11 februari 2019');
    expect(plan?.actions).toEqual([44, 45]);
    expect(response.nextSteps.some((s) => s.includes('minister van Werk'))).toBe(true);
    expect(response.disclaimer).toContain('FOD WASO');
  });

  it('an unknown plan is missing_conditions', () => {
    expect(check('private', { approvedPlan: 'unknown' }).outcome).toBe('missing_conditions');
  });

  it('the plan answer does not matter for the public sectors', () => {
    expect(check('flemish_public', { approvedPlan: 'no' }).outcome).toBe('fits_framework');
    expect(check('flemish_public').disclaimer).not.toContain('FOD WASO');
  });
});

describe('checkPositiveAction: exclusive reservation is never fits_framework', () => {
  const cases: { sector: Sector; approvedPlan: Answers['approvedPlan']; outcome: Outcome }[] = [
    { sector: 'private', approvedPlan: 'yes', outcome: 'missing_conditions' },
    { sector: 'private', approvedPlan: 'unknown', outcome: 'missing_conditions' },
    { sector: 'private', approvedPlan: 'no', outcome: 'not_allowed_as_described' },
    { sector: 'flemish_public', approvedPlan: 'yes', outcome: 'not_allowed_as_described' },
    { sector: 'flemish_public', approvedPlan: 'no', outcome: 'not_allowed_as_described' },
    { sector: 'local_government', approvedPlan: 'yes', outcome: 'missing_conditions' },
    { sector: 'local_government', approvedPlan: 'no', outcome: 'not_allowed_as_described' },
    { sector: 'other', approvedPlan: 'yes', outcome: 'missing_conditions' },
    { sector: 'other', approvedPlan: 'no', outcome: 'not_allowed_as_described' },
  ];
  it.each(cases)('$sector with approvedPlan = $approvedPlan → $outcome', ({ sector, approvedPlan, outcome }) => {
    const response = check(sector, { exclusiveReservation: 'yes', approvedPlan });
    expect(response.outcome).toBe(outcome);
    expect(response.outcome).not.toBe('fits_framework');
    expect(statusOf(response, 'exclusive_reservation')).not.toBe('met');
  });

  it('with an approved plan it is flagged for a legal check', () => {
    const response = check('private', { exclusiveReservation: 'yes' });
    const condition = response.conditions.find((c) => c.id === 'exclusive_reservation');
    expect(condition?.status).toBe('unknown');
    expect(condition?.explanation).toMatch(/juridisch/);
  });

  it.each(SECTORS)('%s: an unknown reservation is missing_conditions', (sector) => {
    const response = check(sector, { exclusiveReservation: 'unknown' });
    expect(response.outcome).toBe('missing_conditions');
    expect(statusOf(response, 'exclusive_reservation')).toBe('unknown');
  });
});

describe('checkPositiveAction: response content', () => {
  it.each(SECTORS)('%s: every condition cites Actie 44 and has a reference', (sector) => {
    for (const c of check(sector).conditions) {
      expect(c.actions).toContain(44);
      expect(c.references.length).toBeGreaterThan(0);
      expect(c.explanation.length).toBeGreaterThan(20);
    }
  });

  it.each(SECTORS)('%s: citations are known quotes, Actie 44 first', (sector) => {
    const response = check(sector);
    expect(response.citations[0]?.action).toBe(44);
    const known = new Set(ACTION_QUOTES.map((q) => `${q.action}|${q.quote}`));
    for (const c of response.citations) expect(known.has(`${c.action}|${c.quote}`)).toBe(true);
    const cited = new Set(response.citations.map((c) => c.action));
    for (const action of response.conditions.flatMap((c) => c.actions)) expect(cited.has(action)).toBe(true);
  });

  it('cites Actie 45 only where a sector plan applies', () => {
    expect(check('private').citations.map((c) => c.action)).toContain(45);
    expect(check('flemish_public').citations.map((c) => c.action)).not.toContain(45);
  });

  it('has a Dutch disclaimer pointing to Unia', () => {
    const { disclaimer } = check('other');
    expect(disclaimer).toContain('geen juridisch advies');
    expect(disclaimer).toContain('Unia');
  });
});

describe('checkPositiveAction: request validation', () => {
  it('trims the measure and rejects empty or too long measures', () => {
    expect(() => checkPositiveAction({ ...request('private'), measure: '   ' })).toThrow();
    expect(() => checkPositiveAction({ ...request('private'), measure: 'x'.repeat(2001) })).toThrow();
    expect(() => checkPositiveAction({ ...request('private'), measure: ` ${'x'.repeat(2000)} ` })).not.toThrow();
  });

  it('rejects unknown sectors and answers', () => {
    const bad = { ...request('private'), sector: 'federal' } as unknown as PositiveActionRequestInput;
    expect(() => checkPositiveAction(bad)).toThrow();
    const badAnswer = {
      ...request('private'),
      answers: { ...ALL_MET, temporary: 'maybe' },
    } as unknown as PositiveActionRequestInput;
    expect(() => checkPositiveAction(badAnswer)).toThrow();
  });
});
