// POST /api/positive-action/check through app.inject on the real corpus: the contract, a table of cases, verbatim citations and 400s.
import { describe, expect, it } from 'vitest';
import { isVerbatim } from '../../src/answer/citations.js';
import { PositiveActionResponseSchema, type Answers, type ConditionId, type Outcome, type Sector } from '../../src/positive-action/schema.js';
import { useTestApp } from '../helpers/test-app.js';

const testApp = useTestApp();

const ALL_MET: Answers = {
  manifestInequality: 'yes',
  objective: 'yes',
  temporary: 'yes',
  sameRequirements: 'yes',
  preferenceAtEqualCompetence: 'yes',
  exclusiveReservation: 'no',
  approvedPlan: 'yes',
};

interface CheckBody {
  outcome: Outcome;
  conditions: { id: ConditionId; status: string; explanation: string; references: string[]; actions: number[] }[];
  nextSteps: string[];
  citations: { action: number; quote: string }[];
  disclaimer: string;
}

const post = (payload: unknown) => testApp.app.inject({ method: 'POST', url: '/api/positive-action/check', payload: payload as object });

async function check(sector: Sector, answers: Partial<Answers> = {}): Promise<CheckBody> {
  const response = await post({ sector, measure: 'Gerichte wervingscampagne voor technici met een migratie-achtergrond.', answers: { ...ALL_MET, ...answers } });
  expect(response.statusCode).toBe(200);
  return response.json<CheckBody>();
}

describe('POST /api/positive-action/check', () => {
  it('answers with outcome, conditions, next steps, citations and a disclaimer, in the published shape', async () => {
    const body = await check('private');
    expect(Object.keys(body).sort()).toEqual(['citations', 'conditions', 'disclaimer', 'nextSteps', 'outcome']);
    expect(() => PositiveActionResponseSchema.parse(body)).not.toThrow();
    for (const condition of body.conditions) {
      expect(Object.keys(condition).sort()).toEqual(['actions', 'explanation', 'id', 'references', 'status']);
      expect(condition.actions).toContain(44);
    }
    expect(body.conditions.find((c) => c.id === 'manifest_inequality')?.references).toContain('Antiracismewet art. 10 §2');
    expect(body.disclaimer).toContain('geen juridisch advies');
    expect(body.nextSteps.at(-1)).toContain('Unia');
  });

  it.each<[string, Sector, Partial<Answers>, Outcome]>([
    ['everything met in the private sector', 'private', {}, 'fits_framework'],
    ['everything met at the Flemish government', 'flemish_public', {}, 'fits_framework'],
    ['a local government, whose framework is not settled', 'local_government', {}, 'missing_conditions'],
    ['another sector, whose framework is not settled', 'other', {}, 'missing_conditions'],
    ['no proven inequality', 'private', { manifestInequality: 'no' }, 'not_allowed_as_described'],
    ['an unknown end date', 'private', { temporary: 'unknown' }, 'missing_conditions'],
    ['lower requirements for the target group', 'flemish_public', { sameRequirements: 'no' }, 'not_allowed_as_described'],
    ['preference without equal competence', 'private', { preferenceAtEqualCompetence: 'no' }, 'not_allowed_as_described'],
    ['no approved plan in the private sector', 'private', { approvedPlan: 'no' }, 'not_allowed_as_described'],
    ['a reserved job without an approved plan', 'private', { exclusiveReservation: 'yes', approvedPlan: 'no' }, 'not_allowed_as_described'],
    ['a reserved job at the Flemish government', 'flemish_public', { exclusiveReservation: 'yes' }, 'not_allowed_as_described'],
    ['a reserved job with an approved plan (never settled)', 'private', { exclusiveReservation: 'yes' }, 'missing_conditions'],
  ])('%s → %s', async (_, sector, answers, outcome) => {
    const body = await check(sector, answers);
    expect(body.outcome).toBe(outcome);
  });

  it('asks about the approved plan in the private sector only', async () => {
    expect((await check('private')).conditions.map((c) => c.id)).toContain('approved_plan');
    for (const sector of ['flemish_public', 'local_government', 'other'] as const) {
      expect((await check(sector)).conditions.map((c) => c.id)).not.toContain('approved_plan');
    }
  });

  it('quotes Acties 44, 45 and 56 verbatim as they are stored', async () => {
    const seen = new Set<number>();
    for (const body of [await check('private', { approvedPlan: 'no' }), await check('local_government'), await check('flemish_public')]) {
      for (const citation of body.citations) {
        const action = await testApp.app.inject({ method: 'GET', url: `/api/actions/${citation.action}` });
        expect(action.statusCode).toBe(200);
        expect(isVerbatim(citation.quote, action.json<{ text: string }>().text), `Actie ${citation.action}: ${citation.quote}`).toBe(true);
        seen.add(citation.action);
      }
    }
    expect([...seen].sort()).toEqual([44, 45, 56]);
  });

  const valid = { sector: 'private', measure: 'Gerichte wervingscampagne.', answers: ALL_MET };
  it.each<[string, unknown, string]>([
    ['an unknown sector', { ...valid, sector: 'bouw' }, 'sector: '],
    ['a missing sector', { measure: valid.measure, answers: ALL_MET }, 'sector: ontbreekt'],
    ['an empty measure', { ...valid, measure: '   ' }, 'measure: '],
    ['a measure of 2001 characters', { ...valid, measure: 'x'.repeat(2001) }, 'measure: '],
    ['missing answers', { sector: 'private', measure: valid.measure }, 'answers: '],
    ['a missing answer', { ...valid, answers: { ...ALL_MET, objective: undefined } }, 'answers.objective: ontbreekt'],
    ['an answer other than yes, no or unknown', { ...valid, answers: { ...ALL_MET, approvedPlan: 'misschien' } }, 'answers.approvedPlan: '],
    ['an array instead of an object', [valid], 'Ongeldige aanvraag'],
  ])('rejects %s with 400 and a Dutch message naming the field', async (_, payload, message) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining(message) } });
    expect(response.json().error.message).toMatch(/^Ongeldige aanvraag/);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/positive-action/check', headers: { 'content-type': 'application/json' }, payload: '{"sector":' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String) } });
  });
});
