// Two app instances on one database (PGlite wire server): a conversation begun on one continues on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentTurns } from '../../src/repositories/conversations-repository.js';
import { chatSocket } from '../helpers/chat-socket.js';
import { WIRE_START_MS, buildWireApp, startPgliteWire, type PgliteWire, type WireApp } from '../helpers/pglite-wire.js';

// How often instance B looks whether another instance changed the corpus (the default is ten seconds).
const REFRESH_MS = 200;

describe('two instances behind a load balancer', () => {
  let wire: PgliteWire;
  let a: WireApp;
  let b: WireApp;

  beforeAll(async () => {
    wire = await startPgliteWire();
    a = await buildWireApp(wire, { config: { ANSWER_MODE: 'extractive' } });
    // The second instance finds the corpus already ingested and uses it as it is.
    b = await buildWireApp(wire, { config: { ANSWER_MODE: 'extractive', CORPUS_REFRESH_MS: REFRESH_MS } });
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

  it('searches as A does after A ingested an uploaded document, new passages and vectors included', async () => {
    // The hashing embedder is fitted on the whole corpus: after an upload on A the stored vectors belong to a new model, and
    // B, still embedding questions with the old one, found no vectors at all (full-text search alone) until it restarted.
    const markdown = [
      '---',
      'id: advies-buddywerking',
      'title: Advies buddywerking (test)',
      'kind: advice',
      'itemLabel: Aanbeveling',
      '---',
      '',
      '## Aanbeveling 1',
      '',
      'Zet buddywerking in voor nieuwkomers die een eerste job zoeken, met een buddy uit dezelfde sector.',
      '',
    ].join('\n');
    const boundary = 'actiewijzer-test-boundary';
    const payload = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="buddywerking.md"',
      'Content-Type: text/markdown',
      '',
      markdown,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const uploaded = await a.app.inject({ method: 'POST', url: '/api/documents', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploaded.statusCode).toBe(201);

    const search = async (app: WireApp) =>
      (await app.app.searchService.search('buddywerking voor nieuwkomers met een eerste job', { k: 5 })).map((hit) => ({ id: hit.passage.id, fts: hit.ftsRank, vector: hit.vectorRank }));
    const fromA = await search(a);
    expect(fromA[0]?.id).toBe('advies-buddywerking:item-1');
    expect(fromA.filter((hit) => hit.vector !== null)).toHaveLength(5);
    // B notices within a few of its checks, and from then on answers as A does.
    const deadline = Date.now() + 50 * REFRESH_MS;
    let fromB = await search(b);
    while (JSON.stringify(fromB) !== JSON.stringify(fromA) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
      fromB = await search(b);
    }
    expect(fromB).toEqual(fromA);
    // Each has now read the corpus as it is stored: neither reads it again, A not after its own ingest either.
    expect(await b.corpus.refresh()).toBe(false);
    expect(await a.corpus.refresh()).toBe(false);
  });
});
