// The chat WebSocket protocol (injectWS): start, deltas, done; errors as messages; cancel; one answer at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createOllamaClient } from '../../src/answer/llm.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

interface Message {
  type: string;
  [key: string]: unknown;
}

let t: TestApp;
let ollama: FakeOllama;
beforeAll(async () => {
  t = await buildTestApp();
  ollama = await startFakeOllama({ models: ['qwen2.5:3b'] });
});
afterAll(async () => {
  await t?.close();
  await ollama?.close();
});

/** Collects messages from a socket; `until` resolves with everything received once a predicate holds. */
function collector(socket: WebSocket) {
  const messages: Message[] = [];
  const waiters: { predicate: (m: Message) => boolean; resolve: (all: Message[]) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Message;
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...messages]);
      }
    }
  });
  return {
    messages,
    until: (predicate: (m: Message) => boolean) =>
      new Promise<Message[]>((resolve) => {
        if (messages.some(predicate)) return resolve([...messages]);
        waiters.push({ predicate, resolve });
      }),
  };
}

describe('WebSocket /api/chat', () => {
  it('streams start, deltas and done with checked citations; the deltas add up to the answer', async () => {
    const socket = await t.app.injectWS('/api/chat');
    const inbox = collector(socket);
    socket.send(JSON.stringify({ type: 'ask', question: 'Hoe zit het met de erkenning van buitenlandse diploma’s?' }));
    const all = await inbox.until((m) => m.type === 'done');
    expect(all[0]).toMatchObject({ type: 'start', mode: 'extractive' });
    const deltas = all.filter((m) => m.type === 'delta').map((m) => m.text as string);
    const done = all.at(-1) as Message;
    expect(deltas.join('')).toBe(done.answer);
    expect(done).toMatchObject({ mode: 'extractive', refused: false });
    expect((done.citations as { action: number }[]).map((c) => c.action)).toContain(19);
    socket.terminate();
  });

  it('answers a malformed frame with an error message and stays usable', async () => {
    const socket = await t.app.injectWS('/api/chat');
    const inbox = collector(socket);
    socket.send('dit is geen json');
    socket.send(JSON.stringify({ type: 'ask' }));
    socket.send(JSON.stringify({ type: 'onbekend' }));
    await inbox.until(() => inbox.messages.filter((m) => m.type === 'error').length === 3);
    expect(inbox.messages.every((m) => m.type === 'error' && m.code === 'INVALID_MESSAGE' && typeof m.message === 'string')).toBe(true);
    socket.send(JSON.stringify({ type: 'ask', question: 'wat zegt actie 12' }));
    const all = await inbox.until((m) => m.type === 'done');
    expect((all.at(-1)?.citations as { action: number }[]).map((c) => c.action)).toContain(12);
    socket.terminate();
  });

  it('continues a conversation on the same socket with the conversationId', async () => {
    const socket = await t.app.injectWS('/api/chat');
    const inbox = collector(socket);
    socket.send(JSON.stringify({ type: 'ask', question: 'Welke acties gaan over positieve acties?' }));
    const first = (await inbox.until((m) => m.type === 'done')).at(-1) as Message;
    socket.send(JSON.stringify({ type: 'ask', question: 'En wat zegt actie 45 daarover?', conversationId: first.conversationId }));
    await inbox.until(() => inbox.messages.filter((m) => m.type === 'done').length === 2);
    const second = inbox.messages.filter((m) => m.type === 'done')[1] as Message;
    expect(second.conversationId).toBe(first.conversationId);
    expect((second.citations as { action: number }[]).map((c) => c.action)).toContain(45);
    socket.terminate();
  });

  it('allows one answer in flight, cancels on request and stops the model within a second', async () => {
    const app = await buildAppOn(t.runtime, {
      llm: createOllamaClient({ host: ollama.url, model: 'qwen2.5:3b', timeoutMs: 30_000, connectTimeoutMs: 1_000, numCtx: 4096, numPredict: 200 }),
    });
    try {
      ollama.setDefaultChat(() => ({ kind: 'answer', content: Array.from({ length: 200 }, (_, i) => `woord${i}`).join(' '), tokenDelayMs: 50 }));
      const socket = await app.app.injectWS('/api/chat');
      const inbox = collector(socket);
      socket.send(JSON.stringify({ type: 'ask', question: 'erkenning buitenlandse diploma’s' }));
      await inbox.until((m) => m.type === 'delta');
      expect(inbox.messages[0]).toMatchObject({ type: 'start', mode: 'llm' });
      socket.send(JSON.stringify({ type: 'ask', question: 'nog een vraag' }));
      await inbox.until((m) => m.type === 'error');
      expect(inbox.messages.find((m) => m.type === 'error')).toMatchObject({ code: 'BUSY' });
      const aborts = ollama.clientAborts();
      socket.send(JSON.stringify({ type: 'cancel' }));
      await inbox.until((m) => m.type === 'cancelled');
      await ollama.waitForClientAbort(aborts + 1);
      expect(ollama.activeChats()).toBe(0);
      // The socket is usable again after a cancel.
      ollama.setDefaultChat(() => ({ kind: 'answer', content: 'Kort antwoord (Actie 19).' }));
      socket.send(JSON.stringify({ type: 'ask', question: 'erkenning buitenlandse diploma’s' }));
      const done = (await inbox.until((m) => m.type === 'done')).at(-1) as Message;
      expect(done).toMatchObject({ mode: 'llm', answer: 'Kort antwoord (Actie 19).' });
      socket.terminate();
    } finally {
      await app.close();
    }
  });

  it('stops the generation when the client disconnects', async () => {
    const app = await buildAppOn(t.runtime, {
      llm: createOllamaClient({ host: ollama.url, model: 'qwen2.5:3b', timeoutMs: 30_000, connectTimeoutMs: 1_000, numCtx: 4096, numPredict: 200 }),
    });
    try {
      ollama.setDefaultChat(() => ({ kind: 'answer', content: Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '), tokenDelayMs: 50 }));
      const socket = await app.app.injectWS('/api/chat');
      const inbox = collector(socket);
      const aborts = ollama.clientAborts();
      socket.send(JSON.stringify({ type: 'ask', question: 'erkenning buitenlandse diploma’s' }));
      await inbox.until((m) => m.type === 'delta');
      socket.terminate();
      await ollama.waitForClientAbort(aborts + 1);
      expect(ollama.activeChats()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
