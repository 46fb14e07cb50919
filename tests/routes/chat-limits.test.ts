// Limits of the chat socket through injectWS on in-memory PGlite: questions per minute, one answer in flight, frame size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmClient } from '../../src/answer/llm.js';
import { chatSocket, type ChatSocket } from '../helpers/chat-socket.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

const QUESTION = 'Welke acties gaan over de erkenning van buitenlandse diploma’s?';

/** Settles only when `signal` aborts (at once if it already has). */
const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A model that never finishes on its own: an answer stays in flight until it is cancelled. */
const stallingModel: LlmClient = {
  model: 'traag',
  status: async () => ({ available: true, model: 'traag' }),
  async *stream(_messages, signal) {
    yield await untilAborted(signal);
  },
  complete: (_messages, signal) => untilAborted(signal),
};

let t: TestApp;
const sockets: ChatSocket[] = [];

beforeAll(async () => {
  t = await buildTestApp({ llm: stallingModel, config: { WS_QUESTIONS_PER_MINUTE: 3 } });
});
afterAll(async () => {
  for (const chat of sockets) chat.socket.terminate();
  await t?.close();
});

async function connect(app = t.app): Promise<ChatSocket> {
  let chat: ChatSocket | undefined;
  await app.injectWS('/api/chat', {}, { onInit: (ws) => (chat = chatSocket(ws)) });
  sockets.push(chat as ChatSocket);
  return chat as ChatSocket;
}

describe('the chat socket', () => {
  it('refuses a second question while an answer is in flight, and takes one again once it is cancelled', async () => {
    const chat = await connect();
    chat.send({ type: 'ask', question: QUESTION, mode: 'llm' });
    await chat.next('start');
    chat.send({ type: 'ask', question: 'Wat zegt actie 44?', mode: 'llm' });
    const busy = await chat.next('error');
    expect(busy.code).toBe('BUSY');
    expect(busy.message).toMatch(/^Er wordt nog een antwoord opgesteld/);
    chat.send({ type: 'cancel' });
    await chat.next('cancelled');
    // The refused question started nothing: exactly one start so far.
    expect(chat.messages.filter((message) => message.type === 'start')).toHaveLength(1);
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await chat.next('done', 'error')).type).toBe('done');
  });

  it('allows WS_QUESTIONS_PER_MINUTE questions per connection, then answers RATE_LIMITED without starting one', async () => {
    const chat = await connect();
    for (let i = 0; i < 3; i++) {
      chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
      expect((await chat.next('done', 'error')).type).toBe('done');
    }
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    const limited = await chat.next('error', 'start');
    expect(limited).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
    expect(limited.message).toMatch(/^Te veel vragen na elkaar/);
    // A new connection has a budget of its own; this one stays open.
    const other = await connect();
    other.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await other.next('done', 'error')).type).toBe('done');
    expect(chat.socket.readyState).toBe(chat.socket.OPEN);
  });

  it('closes a socket that sends a frame over 16 KB with 1009, and the server keeps serving', async () => {
    const chat = await connect();
    chat.send({ type: 'ask', question: 'x'.repeat(17 * 1024) });
    expect(await chat.closed).toBe(1009);
    expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
    const next = await connect();
    next.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await next.next('done', 'error')).type).toBe('done');
  });

  it('accepts a frame just under the limit (and validates the question length itself)', async () => {
    const chat = await connect();
    chat.send({ type: 'ask', question: 'x'.repeat(15 * 1024) });
    const refused = await chat.next('error');
    expect(refused.code).toBe('INVALID_MESSAGE');
    expect(chat.socket.readyState).toBe(chat.socket.OPEN);
  });

  it('counts the WebSocket upgrade against the HTTP rate limit', async () => {
    const limited = await buildAppOn(t.runtime, { config: { RATE_LIMIT_MAX: 1 } });
    try {
      await connect(limited.app);
      await expect(limited.app.injectWS('/api/chat')).rejects.toThrow(/429/);
    } finally {
      await limited.close();
    }
  });
});
