// Ollama fails in the middle of a streamed answer (fake Ollama's error-mid-stream and drop scripts): the chat socket gets an error or the extractive fallback, and the app stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaClient } from '../../src/answer/llm.js';
import { chatSocket, type ChatSocket } from '../helpers/chat-socket.js';
import { startFakeOllama, type ChatScript, type FakeOllama } from '../helpers/fake-ollama.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// Naming the action puts it first among the passages, so a model answer citing it passes the citation check.
const QUESTION = 'Wat zegt Actie 19 over de erkenning van buitenlandse diploma’s?';
const FAILURES: [string, ChatScript][] = [
  ['an error line mid-stream', { kind: 'error-mid-stream', contentBefore: 'Volgens Actie 19 worden ', error: 'llama runner process has terminated' }],
  ['a connection dropped mid-stream', { kind: 'drop', contentBefore: 'Volgens Actie 19 worden ' }],
  ['a connection dropped before any answer', { kind: 'drop' }],
];

describe('Ollama dies mid-stream', () => {
  let ollama: FakeOllama;
  let test: TestApp;
  let client: ChatSocket;

  beforeAll(async () => {
    ollama = await startFakeOllama();
    const llm = createOllamaClient({ host: ollama.url, model: 'qwen2.5:3b', timeoutMs: 10_000, connectTimeoutMs: 1_000, numCtx: 2048, numPredict: 200 });
    test = await buildTestApp({ config: { ANSWER_MODE: 'auto' }, llm });
    client = chatSocket(await test.app.injectWS('/api/chat'));
  }, 120_000);
  afterAll(async () => {
    client?.socket.terminate();
    await test?.close();
    await ollama?.close();
  });

  /** A model answer that passes the citation check, to show the socket still answers with the model afterwards. */
  const healthyAnswer = async () => {
    ollama.enqueueChat({ kind: 'answer', content: 'Actie 19 vraagt een gedeeltelijke of voorwaardelijke erkenning van buitenlandse diploma’s.' });
    client.send({ type: 'ask', question: QUESTION, mode: 'llm' });
    return client.next('done', 'error');
  };

  it.each(FAILURES)('auto mode falls back to an extractive answer after %s', async (_name, script) => {
    ollama.enqueueChat(script);
    client.send({ type: 'ask', question: QUESTION, mode: 'auto' });
    expect(await client.next('start')).toMatchObject({ mode: 'llm' });
    const done = await client.next('done', 'error');
    expect(done).toMatchObject({ type: 'done', mode: 'extractive', refused: false });
    expect(done['answer']).toMatch(/^Het taalmodel kon niet gebruikt worden/);
    expect((done['citations'] as unknown[]).length).toBeGreaterThan(0);

    expect(await healthyAnswer()).toMatchObject({ type: 'done', mode: 'llm', refused: false });
  });

  it.each(FAILURES)('llm mode reports MODEL_FAILED after %s and keeps the socket open', async (_name, script) => {
    ollama.enqueueChat(script);
    client.send({ type: 'ask', question: QUESTION, mode: 'llm' });
    const failed = await client.next('done', 'error');
    expect(failed).toMatchObject({ type: 'error', code: 'MODEL_FAILED' });
    expect(failed['message']).toMatch(/^Het taalmodel \(Ollama op /);

    expect(await healthyAnswer()).toMatchObject({ type: 'done', mode: 'llm', refused: false });
    expect((await test.app.inject({ url: '/health' })).statusCode).toBe(200);
  });
});
