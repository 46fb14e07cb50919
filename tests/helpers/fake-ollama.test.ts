// Checks the fake Ollama through the real clients the service uses (@langchain/ollama and ollama), not by hand-rolled HTTP.
import { ChatOllama, OllamaEmbeddings } from '@langchain/ollama';
import { Ollama } from 'ollama';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { hashVector, startFakeOllama, type FakeOllama } from './fake-ollama.js';

const CHAT_MODEL = 'qwen2.5:3b';
const EMBED_MODEL = 'bge-m3';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [CHAT_MODEL, EMBED_MODEL] });
});

afterEach(async () => {
  await fake.close();
  vi.restoreAllMocks();
});

function chatModel(model = CHAT_MODEL): ChatOllama {
  return new ChatOllama({ baseUrl: fake.url, model, maxRetries: 0 });
}

function bodyOf(path: string): Record<string, unknown> {
  const request = fake.requests.filter((r) => r.path === path).at(-1);
  expect(request).toBeDefined();
  return request?.body as Record<string, unknown>;
}

async function collect(stream: AsyncIterable<{ content: unknown }>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const chunk of stream) pieces.push(String(chunk.content));
  return pieces;
}

describe('fake Ollama via ChatOllama', () => {
  it('answers invoke with the scripted content and records the request as sent', async () => {
    fake.enqueueChat({ kind: 'answer', content: 'Zie actie 12 en actie 14.' });
    const model = new ChatOllama({ baseUrl: fake.url, model: CHAT_MODEL, maxRetries: 0, numCtx: 4096, numPredict: 256, keepAlive: '5m' });

    const reply = await model.invoke('Welke acties gaan over taal?');

    expect(reply.content).toBe('Zie actie 12 en actie 14.');
    expect(reply.usage_metadata?.output_tokens).toBe(6);
    // ChatOllama streams even for invoke, and puts model options under `options`.
    expect(bodyOf('/api/chat')).toMatchObject({
      model: CHAT_MODEL,
      stream: true,
      keep_alive: '5m',
      options: { num_ctx: 4096, num_predict: 256 },
      messages: [{ role: 'user', content: 'Welke acties gaan over taal?' }],
    });
  });

  it('falls back to the default script, which can be replaced', async () => {
    expect((await chatModel().invoke('hallo')).content).toBe('echo: hallo');
    fake.setDefaultChat((body) => ({ kind: 'answer', content: `${body.messages.length} bericht(en)` }));
    expect((await chatModel().invoke('hallo')).content).toBe('1 bericht(en)');
  });

  it('streams the content in order, word by word or in fixed-size chunks', async () => {
    fake.enqueueChat({ kind: 'answer', content: 'een twee  drie' }, { kind: 'answer', content: 'abcdefg', chunkSize: 3 });

    const words = await collect(await chatModel().stream('x'));
    const fixed = await collect(await chatModel().stream('x'));

    // Two empty chunks trail: Ollama's done line (content "") and LangChain's own chunk carrying usage_metadata.
    expect(words).toEqual(['een ', 'twee  ', 'drie', '', '']);
    expect(fixed).toEqual(['abc', 'def', 'g', '', '']);
  });

  it('sends structured output as `format` (a JSON schema, or "json" in jsonMode)', async () => {
    fake.enqueueChat({ kind: 'answer', content: '{"acties":[12]}' }, { kind: 'answer', content: '{"acties":[3]}' });
    const schema = z.object({ acties: z.array(z.number()) });

    expect(await chatModel().withStructuredOutput(schema).invoke('x')).toEqual({ acties: [12] });
    expect(bodyOf('/api/chat')['format']).toMatchObject({ type: 'object', properties: { acties: { type: 'array' } } });

    expect(await chatModel().withStructuredOutput(schema, { method: 'jsonMode' }).invoke('x')).toEqual({ acties: [3] });
    expect(bodyOf('/api/chat')['format']).toBe('json');
  });

  it('rejects a model that is not pulled with Ollama\'s "not found" message, without consuming the queue', async () => {
    fake.enqueueChat({ kind: 'answer', content: 'bewaard' });

    await expect(chatModel('llama3').invoke('x')).rejects.toThrow(/model "llama3" not found, try pulling it first/);
    expect((await chatModel().invoke('x')).content).toBe('bewaard');
  });

  it('makes the stream throw on an error reported mid-stream, after the partial content', async () => {
    fake.enqueueChat({ kind: 'error-mid-stream', contentBefore: 'Volgens actie', error: 'llama runner process has terminated' });

    const seen: string[] = [];
    const consume = async () => {
      for await (const chunk of await chatModel().stream('x')) seen.push(String(chunk.content));
    };

    await expect(consume()).rejects.toThrow('llama runner process has terminated');
    expect(seen).toEqual(['Volgens ', 'actie']);
  });

  it('surfaces HTTP errors, dropped connections and broken bodies as rejections', async () => {
    fake.enqueueChat(
      { kind: 'http-error', status: 500, body: '{"error":"out of memory"}' },
      { kind: 'drop', contentBefore: 'half' },
      { kind: 'drop' },
      { kind: 'malformed', raw: '{"model":"qwen2.5:3b","message":{"role":"assistant","content":"x"},"done":false}' },
    );

    await expect(chatModel().invoke('x')).rejects.toThrow('out of memory');
    await expect(chatModel().invoke('x')).rejects.toThrow(/terminated/);
    await expect(chatModel().invoke('x')).rejects.toThrow(/fetch failed/);
    await expect(chatModel().invoke('x')).rejects.toThrow('Did not receive done or success response in stream.');
  });

  it('stops a slow answer when the stream is aborted, and the server sees the connection close', async () => {
    fake.enqueueChat({ kind: 'answer', content: 'a b c d e f g h i j k l m n o p', tokenDelayMs: 40 });
    const controller = new AbortController();
    // Aborting while the consumer awaits the next chunk is the case ChatOllama turns into a closed connection:
    // it aborts its fetch when that next chunk arrives (see the report on abort handling).
    setTimeout(() => controller.abort(), 100);

    const seen: string[] = [];
    const consume = async () => {
      for await (const chunk of await chatModel().stream('x', { signal: controller.signal })) seen.push(String(chunk.content));
    };

    await expect(consume()).rejects.toThrow(/abort/i);
    await fake.waitForClientAbort();
    await vi.waitFor(() => expect(fake.activeChats()).toBe(0), { timeout: 500, interval: 10 });
    expect(seen.length).toBeLessThan(5);
  });
});

describe('fake Ollama via OllamaEmbeddings', () => {
  it('returns deterministic unit vectors of the configured dimension', async () => {
    const embeddings = new OllamaEmbeddings({ baseUrl: fake.url, model: EMBED_MODEL, maxRetries: 0 });

    const query = await embeddings.embedQuery('inburgering');
    const docs = await embeddings.embedDocuments(['inburgering', 'werk']);

    expect(query).toHaveLength(16);
    expect(Math.hypot(...query)).toBeCloseTo(1, 10);
    expect(docs[0]).toEqual(query);
    expect(docs[1]).not.toEqual(query);
    expect(query).toEqual(hashVector('inburgering', 16));
    expect(bodyOf('/api/embed')).toMatchObject({ model: EMBED_MODEL, input: ['inburgering', 'werk'] });
  });

  it('honours embedDimensions and the per-request `dimensions` option', async () => {
    const wide = await startFakeOllama({ models: [EMBED_MODEL], embedDimensions: 1024 });
    try {
      expect(await new OllamaEmbeddings({ baseUrl: wide.url, model: EMBED_MODEL, maxRetries: 0 }).embedQuery('x')).toHaveLength(1024);
      expect(await new OllamaEmbeddings({ baseUrl: wide.url, model: EMBED_MODEL, maxRetries: 0, dimensions: 8 }).embedQuery('x')).toHaveLength(8);
    } finally {
      await wide.close();
    }
  });

  it('rejects an unknown embedding model with "not found"', async () => {
    const embeddings = new OllamaEmbeddings({ baseUrl: fake.url, model: 'nomic-embed-text', maxRetries: 0 });
    await expect(embeddings.embedQuery('x')).rejects.toThrow(/not found/);
  });
});

describe('fake Ollama via the ollama client and raw HTTP', () => {
  it('lists, shows and versions like Ollama, normalising untagged names to :latest', async () => {
    const client = new Ollama({ host: fake.url });

    const { models } = await client.list();
    expect(models.map((m) => m.name)).toEqual([CHAT_MODEL, `${EMBED_MODEL}:latest`]);
    expect((await client.show({ model: EMBED_MODEL })).capabilities).toEqual(['embedding']);
    await expect(client.show({ model: 'llama3' })).rejects.toThrow(/not found/);
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await client.embeddings({ model: `${EMBED_MODEL}:latest`, prompt: 'x' })).embedding).toEqual(hashVector('x', 16));
  });

  it('answers stream:false with one complete message', async () => {
    fake.enqueueChat({ kind: 'answer', content: 'in één keer' });
    const reply = await new Ollama({ host: fake.url }).chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'x' }], stream: false });
    expect(reply).toMatchObject({ done: true, done_reason: 'stop', message: { role: 'assistant', content: 'in één keer' } });
  });

  it('treats an absent `stream` as true, as the Ollama server does', async () => {
    fake.enqueueChat({ kind: 'answer', content: 'a b' });
    const response = await fetch(`${fake.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: CHAT_MODEL, messages: [] }) });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { done: boolean });
    expect(lines.map((l) => l.done)).toEqual([false, false, true]);
  });

  it('answers unknown paths with 404 and records every request', async () => {
    const response = await fetch(`${fake.url}/api/generate-nothing`, { method: 'POST', body: 'not json' });
    expect(response.status).toBe(404);
    expect(fake.requests).toEqual([{ method: 'POST', path: '/api/generate-nothing', body: 'not json' }]);
  });

  it('close() ends a hanging chat, so its client fails instead of waiting forever', async () => {
    fake.enqueueChat({ kind: 'hang' });
    const pending = chatModel().invoke('x');
    const settled = pending.then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await vi.waitFor(() => expect(fake.activeChats()).toBe(1), { timeout: 500, interval: 5 });

    await fake.close();

    expect(fake.activeChats()).toBe(0);
    expect(fake.clientAborts()).toBe(0);
    expect(await settled).toMatch(/fetch failed/);
  });
});
