// The REST contract of POST /api/ask: shape, validation, sizes, conversations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskResponseSchema } from '../../src/http/schemas.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/ask', payload: payload as object });

describe('POST /api/ask', () => {
  it('answers in the documented shape and names the mode', async () => {
    const response = await post({ question: 'Wat zegt actie 37?' });
    expect(response.statusCode).toBe(200);
    const body = AskResponseSchema.parse(response.json());
    expect(body.mode).toBe('extractive');
    expect(body.citations.map((c) => c.action)).toContain(37);
    expect(body.passages[0]).toMatchObject({ action: 37 });
    expect(body.conversationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{}, 'question'],
    [{ question: '' }, 'question'],
    [{ question: '   ' }, 'question'],
    [{ question: 'x'.repeat(2001) }, 'question'],
    [{ question: 'ok?', mode: 'magic' }, 'mode'],
    [{ question: 'ok?', conversationId: 'niet-een-uuid' }, 'conversationId'],
  ])('rejects %j with 400 naming %s', async (payload, field) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_REQUEST');
    expect(response.json().error.message).toContain(field);
  });

  it('rejects malformed JSON and an oversized body with the error shape', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '{"question":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    const huge = await post({ question: 'a', padding: 'x'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('continues a conversation given its id and deletes it on request', async () => {
    const first = (await post({ question: 'Welke acties gaan over kinderopvang?' })).json();
    const second = (await post({ question: 'En wat zegt actie 58 daarover?', conversationId: first.conversationId })).json();
    expect(second.conversationId).toBe(first.conversationId);
    const read = await t.app.inject({ method: 'GET', url: `/api/conversations/${first.conversationId}` });
    expect(read.json().turns.map((turn: { question: string }) => turn.question)).toEqual([
      'Welke acties gaan over kinderopvang?',
      'En wat zegt actie 58 daarover?',
    ]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/conversations/${first.conversationId}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/conversations/${first.conversationId}` })).statusCode).toBe(404);
  });
});
