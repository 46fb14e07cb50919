// GET /metrics: Prometheus series for HTTP routes, retrieval, answers, sockets and Ollama errors (in-memory PGlite, fake Ollama).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildApp } from '../../src/app.js';
import { createOllamaClient } from '../../src/answer/llm.js';
import { createAppMetrics } from '../../src/plugins/metrics.js';
import { chatSocket } from '../helpers/chat-socket.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

/** The value of one sample in Prometheus text format; labels must match exactly (in any order). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

async function scrape(app: FastifyInstance): Promise<string> {
  const response = await app.inject({ url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

// One ingested corpus for the file; the other describes build their apps on it.
let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp({ config: { ANSWER_MODE: 'extractive' } });
}, 120_000);
afterAll(async () => test?.close());

describe('GET /metrics', () => {
  it('times HTTP requests by route pattern and status, not by raw URL', async () => {
    await test.app.inject({ url: '/api/actions/12' });
    await test.app.inject({ url: '/api/actions/61' });
    await test.app.inject({ url: '/api/search?q=diploma' });
    await test.app.inject({ url: '/bestaat/niet' });
    const text = await scrape(test.app);
    const name = 'actiewijzer_http_request_duration_seconds_count';
    expect(sample(text, name, { method: 'GET', route: '/api/actions/:number', status_code: '200' })).toBe(1);
    expect(sample(text, name, { method: 'GET', route: '/api/actions/:number', status_code: '404' })).toBe(1);
    expect(sample(text, name, { method: 'GET', route: '/api/search', status_code: '200' })).toBe(1);
    expect(sample(text, name, { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain('q=diploma');
    expect(text).not.toContain('/api/actions/12');
  });

  it('counts searches, answers by mode and refusals by reason', async () => {
    const before = await scrape(test.app);
    const searches = sample(before, 'actiewijzer_retrieval_duration_seconds_count', { outcome: 'ok' }) ?? 0;

    const answered = await test.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Hoe worden buitenlandse diploma’s erkend?' } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ refused: false, mode: 'extractive' });
    const refused = await test.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Wat is het recept voor lasagne?' } });
    expect(refused.json()).toMatchObject({ refused: true });

    const text = await scrape(test.app);
    expect(sample(text, 'actiewijzer_retrieval_duration_seconds_count', { outcome: 'ok' })).toBe(searches + 2);
    expect(sample(text, 'actiewijzer_answer_duration_seconds_count', { mode: 'extractive' })).toBe(2);
    expect(sample(text, 'actiewijzer_answer_first_token_seconds_count', { mode: 'extractive' })).toBe(2);
    const refusals = text.split('\n').filter((line) => line.startsWith('actiewijzer_answer_refusals_total{'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/reason="[\w-]+"\} 1$/);
  });

  it('reports open chat sockets', async () => {
    const client = chatSocket(await test.app.injectWS('/api/chat'));
    expect(sample(await scrape(test.app), 'actiewijzer_websocket_connections')).toBe(1);
    // injectWS's in-memory stream does not pass a close on to the server side, so the way back to 0 is
    // checked over a real connection in the next test.
    client.socket.terminate();
  });

  it('counts a real socket down again once it closes', async () => {
    const other = await buildApp(test.runtime.config, { db: test.runtime.db, corpus: test.runtime.corpus });
    try {
      const address = await other.listen({ port: 0, host: '127.0.0.1' });
      const client = chatSocket(new WebSocket(`${address.replace('http', 'ws')}/api/chat`));
      await new Promise((resolve, reject) => client.socket.once('open', resolve).once('error', reject));
      expect(sample(await scrape(other), 'actiewijzer_websocket_connections')).toBe(1);
      client.socket.close(1000);
      await client.closed;
      await expect.poll(async () => sample(await scrape(other), 'actiewijzer_websocket_connections')).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('keeps the series of two apps in one process apart', async () => {
    const other = await buildApp(test.runtime.config, { db: test.runtime.db, corpus: test.runtime.corpus });
    try {
      await other.ready();
      await other.inject({ url: '/api/actions/3' });
      await other.inject({ url: '/api/actions/3' });
      const mine = await scrape(test.app);
      const theirs = await scrape(other);
      const name = 'actiewijzer_http_request_duration_seconds_count';
      const labels = { method: 'GET', route: '/api/actions/:number', status_code: '200' };
      expect(sample(theirs, name, labels)).toBe(2);
      expect(sample(mine, name, labels)).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('GET /metrics with API keys required', () => {
  let keyed: TestApp;
  beforeAll(async () => {
    keyed = await buildAppOn(test.runtime, { config: { API_KEYS: 'sleutel-voor-de-test-0123456789' } });
  });
  afterAll(async () => keyed?.close());

  it('stays open to scrapers, which carry no key, while /api routes ask for one', async () => {
    expect((await keyed.app.inject({ url: '/api/actions' })).statusCode).toBe(401);
    const text = await scrape(keyed.app);
    expect(sample(text, 'actiewijzer_http_request_duration_seconds_count', { method: 'GET', route: '/api/actions', status_code: '401' })).toBe(1);
  });
});

describe('GET /metrics with a failing model', () => {
  let ollama: FakeOllama;
  let app: FastifyInstance;
  beforeAll(async () => {
    ollama = await startFakeOllama();
    const metrics = createAppMetrics();
    const llm = createOllamaClient({
      host: ollama.url,
      model: 'qwen2.5:3b',
      timeoutMs: 10_000,
      connectTimeoutMs: 1_000,
      numCtx: 2048,
      numPredict: 200,
      onError: metrics.ollamaError,
    });
    app = await buildApp({ ...test.runtime.config, ANSWER_MODE: 'auto' }, { db: test.runtime.db, corpus: test.runtime.corpus, llm, appMetrics: metrics });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await ollama?.close();
  });

  it('counts Ollama errors by kind and the fallbacks they cause by reason', async () => {
    ollama.enqueueChat({ kind: 'error-mid-stream', contentBefore: 'Volgens Actie ', error: 'model runner crashed' });
    const response = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Hoe worden buitenlandse diploma’s erkend?' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ mode: 'extractive', fallback: 'MODEL_FAILED' });

    const text = await scrape(app);
    expect(sample(text, 'actiewijzer_ollama_errors_total', { kind: 'failed' })).toBe(1);
    expect(sample(text, 'actiewijzer_answer_fallbacks_total', { reason: 'MODEL_FAILED' })).toBe(1);
    expect(sample(text, 'actiewijzer_answer_duration_seconds_count', { mode: 'extractive' })).toBe(1);
  });

  it('counts a citation repair when the model cites nothing', async () => {
    ollama.enqueueChat(
      { kind: 'answer', content: 'Diploma’s worden erkend via NARIC.' },
      { kind: 'answer', content: 'Nog steeds zonder actienummer.' },
    );
    const response = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Hoe worden buitenlandse diploma’s erkend?' } });
    expect(response.json()).toMatchObject({ fallback: 'citation-check' });
    const text = await scrape(app);
    expect(sample(text, 'actiewijzer_citation_repairs_total')).toBe(1);
    expect(sample(text, 'actiewijzer_answer_fallbacks_total', { reason: 'citation-check' })).toBe(1);
  });
});
