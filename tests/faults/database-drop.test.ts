// The database goes away and comes back (PGlite wire server stopped and restarted): 503s meanwhile, then recovery without an app restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_START_MS, buildWireApp, startPgliteWire, type PgliteWire, type WireApp } from '../helpers/pglite-wire.js';

const DATABASE_UNAVAILABLE = {
  error: { code: 'DATABASE_UNAVAILABLE', message: 'De databank is tijdelijk niet bereikbaar. Probeer het zo dadelijk opnieuw.' },
};

describe('database connection drops and comes back', () => {
  let wire: PgliteWire;
  let test: WireApp;

  beforeAll(async () => {
    wire = await startPgliteWire();
    test = await buildWireApp(wire, { config: { ANSWER_MODE: 'extractive' } });
  }, WIRE_START_MS);
  afterAll(async () => {
    await test?.close();
    await wire?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE while the database is down and recovers when it is back', async () => {
    const search = (q = 'diploma') => test.app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
    const actions = () => test.app.inject({ url: '/api/actions' });
    const before = await search();
    expect(before.statusCode).toBe(200);
    expect((await actions()).statusCode).toBe(200);

    // The pool holds open connections now; stopping the server closes them under it.
    await wire.stop();
    for (const request of [() => search('kinderopvang'), actions, () => search('mentoring'), actions]) {
      const response = await request();
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual(DATABASE_UNAVAILABLE);
    }
    // A search answered a moment ago is still in the result cache, which needs no database.
    const remembered = await search();
    expect(remembered.statusCode).toBe(200);
    expect(remembered.json()).toEqual(before.json());
    const ask = await test.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Hoe worden diploma’s erkend?' } });
    expect(ask.statusCode).toBe(503);
    expect(ask.json()).toEqual(DATABASE_UNAVAILABLE);
    expect((await test.app.inject({ url: '/health' })).statusCode).toBe(503);

    await wire.start();
    const recovered = await search();
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json<{ results: unknown[] }>().results.length).toBeGreaterThan(0);
    expect((await actions()).json<{ actions: unknown[] }>().actions).toHaveLength(60);
    expect((await test.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('answers a chat question with a DATABASE_UNAVAILABLE message, and the next one normally once it is back', async () => {
    const client = await test.app.injectWS('/api/chat');
    const messages: { type: string; code?: string }[] = [];
    client.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as { type: string; code?: string }));
    const settled = async (count: number) => expect.poll(() => messages.filter((message) => message.type === 'done' || message.type === 'error').length).toBe(count);
    try {
      await wire.stop();
      client.send(JSON.stringify({ type: 'ask', question: 'Hoe worden diploma’s erkend?' }));
      await settled(1);
      expect(messages.at(-1)).toMatchObject({ type: 'error', code: 'DATABASE_UNAVAILABLE' });

      await wire.start();
      client.send(JSON.stringify({ type: 'ask', question: 'Hoe worden diploma’s erkend?' }));
      await settled(2);
      expect(messages.at(-1)).toMatchObject({ type: 'done', refused: false });
    } finally {
      client.terminate();
    }
  });
});
