// GET and DELETE /api/conversations/:id through app.inject, and the retention job, on in-memory PGlite.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredConversations } from '../../src/plugins/retention.js';
import { conversationExists, recordTurn, setConversationTime } from '../../src/repositories/conversations-repository.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

const QUESTION = 'Welke acties gaan over de erkenning van buitenlandse diploma’s?';
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string, params: unknown[] = []) => (await t.runtime.db.pool.query<{ n: number }>(sql, params)).rows[0]?.n;

/** A conversation with one stored turn, last touched `age` days ago. */
async function conversation(age: number): Promise<string> {
  const id = randomUUID();
  await setConversationTime(t.runtime.db.pool, id, daysAgo(age));
  await recordTurn(t.runtime.db.pool, { conversationId: id, question: QUESTION, standaloneQuestion: QUESTION, answer: 'Zie Actie 19.', citations: [], actions: [19], mode: 'extractive', refused: false });
  // recordTurn marks the conversation as active now; put it back where the test wants it.
  await setConversationTime(t.runtime.db.pool, id, daysAgo(age));
  return id;
}

describe('GET and DELETE /api/conversations/:id', () => {
  it('returns a conversation, deletes it with its turns, and then knows it no more', async () => {
    const asked = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, mode: 'extractive' } });
    const { conversationId, turnId } = asked.json();
    const feedback = await t.app.inject({ method: 'POST', url: '/api/feedback', payload: { conversationId, turnId, helpful: true } });
    expect(feedback.statusCode).toBe(201);

    const read = await t.app.inject({ url: `/api/conversations/${conversationId}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: conversationId, turns: [{ id: turnId, question: QUESTION }] });

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/conversations/${conversationId}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(await count('select count(*)::int as n from turns where conversation_id = $1', [conversationId])).toBe(0);
    // Feedback outlives the conversation, unlinked.
    expect(await count('select count(*)::int as n from feedback where id = $1 and conversation_id is null and turn_id is null', [feedback.json().feedback.id])).toBe(1);

    for (const method of ['GET', 'DELETE'] as const) {
      const gone = await t.app.inject({ method, url: `/api/conversations/${conversationId}` });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error.code).toBe('CONVERSATION_NOT_FOUND');
      expect(gone.json().error.message).toBe('Dit gesprek bestaat niet (meer).');
    }
  });

  it('answers 400 in Dutch for an id that is no UUID', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/conversations/gesprek-1' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('UUID') });
  });
});

describe('retention', () => {
  it('deletes conversations untouched for longer than the retention period, with their turns, and keeps the rest', async () => {
    const old = await conversation(45);
    const justOld = await conversation(31);
    const recent = await conversation(29);
    const fresh = await conversation(0);

    const deleted = await purgeExpiredConversations(t.runtime.db.pool, 30, t.app.log);
    expect(deleted).toBeGreaterThanOrEqual(2);
    for (const id of [old, justOld]) {
      expect(await conversationExists(t.runtime.db.pool, id)).toBe(false);
      expect(await count('select count(*)::int as n from turns where conversation_id = $1', [id])).toBe(0);
    }
    for (const id of [recent, fresh]) expect(await conversationExists(t.runtime.db.pool, id)).toBe(true);
  });

  it('runs once when the app starts, with RETENTION_DAYS from the config', async () => {
    const tenDays = await conversation(10);
    const twoDays = await conversation(2);
    const app = await buildAppOn(t.runtime, { config: { RETENTION_DAYS: 7 } });
    try {
      expect(await conversationExists(t.runtime.db.pool, tenDays)).toBe(false);
      expect(await conversationExists(t.runtime.db.pool, twoDays)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('logs a failure instead of throwing, so the next run can retry', async () => {
    const failing = { query: async () => Promise.reject(new Error('Connection terminated')) };
    const warnings: unknown[] = [];
    const log = { ...t.app.log, warn: (...args: unknown[]) => void warnings.push(args) } as unknown as typeof t.app.log;
    expect(await purgeExpiredConversations(failing, 30, log)).toBe(0);
    expect(warnings).toHaveLength(1);
  });
});
