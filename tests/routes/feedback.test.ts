// POST /api/feedback and GET /api/feedback through app.inject: stored, linked to turns, listed newest first, and validated.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordTurn } from '../../src/repositories/conversations-repository.js';
import { useTestApp } from '../helpers/test-app.js';

const testApp = useTestApp();

/** A conversation with one turn, as the chat stores them: the rows feedback may point at. */
async function seedTurn(): Promise<{ conversationId: string; turnId: number }> {
  const conversationId = randomUUID();
  const turn = await recordTurn(testApp.runtime.db.pool, {
    conversationId,
    question: 'Wat zegt actie 19?',
    standaloneQuestion: 'Wat zegt actie 19?',
    answer: 'Actie 19 gaat over diploma-erkenning.',
    citations: [],
    actions: [19],
    mode: 'extractive',
    refused: false,
  });
  return { conversationId, turnId: turn.id };
}

const post = (payload: unknown) => testApp.app.inject({ method: 'POST', url: '/api/feedback', payload: payload as Record<string, unknown> });

describe('POST /api/feedback', () => {
  it('stores feedback linked to its conversation and turn and returns it with 201', async () => {
    const { conversationId, turnId } = await seedTurn();
    const response = await post({
      conversationId,
      turnId,
      helpful: true,
      comment: '  Duidelijk, met het juiste actienummer.  ',
      question: 'Wat zegt actie 19?',
      answer: 'Actie 19 gaat over diploma-erkenning.',
    });
    expect(response.statusCode).toBe(201);
    const { feedback } = response.json();
    expect(feedback).toMatchObject({
      conversationId,
      turnId,
      helpful: true,
      comment: 'Duidelijk, met het juiste actienummer.',
      question: 'Wat zegt actie 19?',
      answer: 'Actie 19 gaat over diploma-erkenning.',
    });
    expect(feedback.id).toEqual(expect.any(Number));
    expect(new Date(feedback.createdAt).toString()).not.toBe('Invalid Date');
  });

  it('accepts a bare judgement and stores absent and empty texts as null', async () => {
    const response = await post({ helpful: false, comment: '   ' });
    expect(response.statusCode).toBe(201);
    expect(response.json().feedback).toMatchObject({ helpful: false, comment: null, question: null, answer: null, conversationId: null, turnId: null });
  });

  it('takes the conversation from the turn, and accepts the turn id as a string', async () => {
    const { conversationId, turnId } = await seedTurn();
    const response = await post({ turnId: String(turnId), helpful: true });
    expect(response.statusCode).toBe(201);
    expect(response.json().feedback).toMatchObject({ conversationId, turnId });
  });

  it('keeps feedback whose conversation no longer exists, unlinked', async () => {
    const { turnId } = await seedTurn();
    const response = await post({ conversationId: randomUUID(), turnId, helpful: false, comment: 'Gesprek is al opgeruimd.' });
    expect(response.statusCode).toBe(201);
    // The turn belongs to another conversation than the one named, so neither link is kept.
    expect(response.json().feedback).toMatchObject({ conversationId: null, turnId: null, comment: 'Gesprek is al opgeruimd.' });
  });

  it.each([
    ['helpful is missing', { comment: 'zonder oordeel' }, 'helpful'],
    ['helpful is not a boolean', { helpful: 'ja' }, 'helpful'],
    ['the comment is longer than 2000 characters', { helpful: true, comment: 'x'.repeat(2001) }, 'comment'],
    ['conversationId is no uuid', { helpful: true, conversationId: 'gesprek-1' }, 'conversationId'],
    ['turnId is no positive integer', { helpful: true, turnId: -3 }, 'turnId'],
  ])('answers 400 with a Dutch coded error when %s', async (_name, payload, field) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/^Ongeldige aanvraag: /);
    expect(body.error.message).toContain(field);
  });

  it('answers 400 INVALID_JSON for a body that is not JSON', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/feedback', headers: { 'content-type': 'application/json' }, payload: '{helpful:' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'INVALID_JSON', message: 'De aanvraag bevat geen geldige JSON.' } });
  });
});

describe('GET /api/feedback', () => {
  it('lists all feedback newest first', async () => {
    const first = (await post({ helpful: true, comment: 'eerste' })).json().feedback;
    const second = (await post({ helpful: false, comment: 'tweede' })).json().feedback;
    const response = await testApp.app.inject({ method: 'GET', url: '/api/feedback' });
    expect(response.statusCode).toBe(200);
    const { feedback } = response.json() as { feedback: { id: number; comment: string | null; createdAt: string }[] };
    expect(feedback[0]?.id).toBe(second.id);
    expect(feedback[1]?.id).toBe(first.id);
    const times = feedback.map((item) => Date.parse(item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(Object.keys(feedback[0] ?? {}).sort()).toEqual(['answer', 'comment', 'conversationId', 'createdAt', 'helpful', 'id', 'question', 'turnId']);
  });
});
