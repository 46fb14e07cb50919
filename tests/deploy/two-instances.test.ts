// Two app instances on one database (PGlite wire server): a conversation begun on one continues on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentTurns } from '../../src/repositories/conversations-repository.js';
import { chatSocket } from '../helpers/chat-socket.js';
import { WIRE_START_MS, buildWireApp, startPgliteWire, type PgliteWire, type WireApp } from '../helpers/pglite-wire.js';

describe('two instances behind a load balancer', () => {
  let wire: PgliteWire;
  let a: WireApp;
  let b: WireApp;

  beforeAll(async () => {
    wire = await startPgliteWire();
    a = await buildWireApp(wire, { config: { ANSWER_MODE: 'extractive' } });
    // The second instance finds the corpus already ingested and uses it as it is.
    b = await buildWireApp(wire, { config: { ANSWER_MODE: 'extractive' } });
  }, WIRE_START_MS * 2);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await wire?.close();
  });

  it('shares the ingested corpus', async () => {
    const [fromA, fromB] = await Promise.all([
      a.app.inject({ url: '/api/search?q=erkenning%20van%20buitenlandse%20diploma%27s&k=5' }),
      b.app.inject({ url: '/api/search?q=erkenning%20van%20buitenlandse%20diploma%27s&k=5' }),
    ]);
    expect(fromA.statusCode).toBe(200);
    expect(fromB.json()).toEqual(fromA.json());
  });

  it('answers a follow-up on instance B with the history of the turn asked on instance A', async () => {
    const first = await a.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Hoe worden buitenlandse diploma’s erkend?' } });
    expect(first.statusCode).toBe(200);
    const { conversationId, refused } = first.json<{ conversationId: string; refused: boolean }>();
    expect(refused).toBe(false);

    const client = chatSocket(await b.app.injectWS('/api/chat'));
    try {
      client.send({ type: 'ask', question: 'en wat zegt actie 45 daarover?', conversationId, mode: 'extractive' });
      const done = await client.next('done', 'error');
      expect(done).toMatchObject({ type: 'done', conversationId, refused: false, mode: 'extractive' });
      expect((done['citations'] as { action: number }[]).map((citation) => citation.action)).toContain(45);
    } finally {
      client.socket.terminate();
    }

    // B read A's turn: the follow-up was searched together with the question it follows up on.
    const turns = await recentTurns(b.db.pool, conversationId, 5);
    expect(turns).toHaveLength(2);
    expect(turns[1]?.standaloneQuestion).toContain('Hoe worden buitenlandse diploma’s erkend?');

    for (const app of [a.app, b.app]) {
      const conversation = await app.inject({ url: `/api/conversations/${conversationId}` });
      expect(conversation.statusCode).toBe(200);
      expect(conversation.json<{ turns: { question: string }[] }>().turns.map((turn) => turn.question)).toEqual([
        'Hoe worden buitenlandse diploma’s erkend?',
        'en wat zegt actie 45 daarover?',
      ]);
    }
  });
});
