// API keys through app.inject and injectWS on in-memory PGlite: Bearer on every /api route, open pages, the chat socket's three ways in.
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  bearerToken,
  createApiKeys,
  createChatGate,
  protocolToken,
  SOCKET_AUTH_TIMEOUT_MS,
  WS_UNAUTHORIZED,
  type GateMessage,
} from '../../src/plugins/auth.js';
import { chatSocket, type ChatSocket } from '../helpers/chat-socket.js';
import { buildAppOn, buildTestApp, type TestApp } from '../helpers/test-app.js';

const KEY = 'sleutel-een-4f9a2c7d';
const OTHER_KEY = 'sleutel-twee-b81d';
const QUESTION = 'Welke acties gaan over de erkenning van buitenlandse diploma’s?';

let open: TestApp;
let locked: TestApp;

beforeAll(async () => {
  open = await buildTestApp();
  locked = await buildAppOn(open.runtime, { config: { API_KEYS: `${KEY},${OTHER_KEY}` } });
});
afterAll(async () => {
  await locked?.close();
  await open?.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('key checks', () => {
  it('matches each configured key and nothing else, whatever its length', () => {
    const keys = createApiKeys([KEY, OTHER_KEY]);
    expect(keys.required).toBe(true);
    expect(keys.identify(KEY)).toBe('key-1');
    expect(keys.identify(OTHER_KEY)).toBe('key-2');
    for (const wrong of [undefined, '', 'x', KEY.slice(0, -1), `${KEY}x`, KEY.toUpperCase(), 'a'.repeat(10_000)]) {
      expect(keys.identify(wrong)).toBeNull();
    }
    expect(createApiKeys([]).required).toBe(false);
    expect(createApiKeys([]).identify(KEY)).toBeNull();
  });

  it('reads the key from the Authorization header and from the bearer subprotocol', () => {
    expect(bearerToken(`Bearer ${KEY}`)).toBe(KEY);
    expect(bearerToken(`bearer ${KEY}`)).toBe(KEY);
    expect(bearerToken(`Basic ${KEY}`)).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(protocolToken(`actiewijzer, bearer.${KEY}`)).toBe(KEY);
    expect(protocolToken('actiewijzer')).toBeUndefined();
    expect(protocolToken('bearer.')).toBeUndefined();
  });
});

describe('without API_KEYS', () => {
  it('says no key is needed and serves /api routes without one', async () => {
    expect((await open.app.inject({ url: '/api/auth' })).json()).toEqual({ required: false });
    expect((await open.app.inject({ url: '/api/status' })).statusCode).toBe(200);
  });
});

describe('with API_KEYS', () => {
  it('answers 401 UNAUTHORIZED in Dutch with WWW-Authenticate: Bearer when the key is missing', async () => {
    const response = await locked.app.inject({ url: '/api/status' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toContain('toegangssleutel');
  });

  it.each([
    ['a wrong key', `Bearer ${KEY}x`],
    ['a key that is too short', `Bearer ${KEY.slice(0, 4)}`],
    ['another scheme', `Basic ${KEY}`],
    ['an empty Bearer', 'Bearer '],
  ])('answers 401 for %s', async (_name, authorization) => {
    const response = await locked.app.inject({ url: '/api/status', headers: { authorization } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
    expect(response.json().error.code).toBe('UNAUTHORIZED');
  });

  it('accepts every configured key', async () => {
    for (const key of [KEY, OTHER_KEY]) {
      const response = await locked.app.inject({ url: '/api/status', headers: bearer(key) });
      expect(response.statusCode).toBe(200);
    }
  });

  it('guards every /api route in the published API except /api/auth', async () => {
    const spec = (await locked.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/') || path === '/api/auth') continue;
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{[^}]+\}/g, '1');
        const response = await locked.app.inject({ method: method.toUpperCase() as 'GET', url });
        expect(response.statusCode, `${method} ${path}`).toBe(401);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['get /api/status', 'post /api/ask', 'get /api/search', 'post /api/feedback', 'delete /api/conversations/{id}']));
  });

  it('guards unknown /api URLs too, so they cannot be probed', async () => {
    expect((await locked.app.inject({ url: '/api/bestaat-niet' })).statusCode).toBe(401);
  });

  it('does not run the question without a key', async () => {
    const before = await locked.runtime.db.pool.query('select count(*)::int as n from turns');
    const response = await locked.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } });
    expect(response.statusCode).toBe(401);
    const after = await locked.runtime.db.pool.query('select count(*)::int as n from turns');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('keeps /health, the page, its assets, /docs and /api/auth open', async () => {
    for (const url of ['/health', '/', '/app.js', '/api-key.js', '/styles.css', '/docs', '/docs/json']) {
      const response = await locked.app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(400);
    }
    expect((await locked.app.inject({ url: '/api/auth' })).json()).toEqual({ required: true });
  });
});

describe('the chat socket with API_KEYS', () => {
  let client: ChatSocket | undefined;
  afterEach(() => {
    client?.socket.terminate();
    client = undefined;
  });

  const connect = async (headers: Record<string, string> = {}) => {
    await locked.app.injectWS('/api/chat', { headers }, { onInit: (ws) => (client = chatSocket(ws)) });
    return client as ChatSocket;
  };

  it('answers at once when the upgrade carries the key as subprotocol bearer.<key>', async () => {
    const chat = await connect({ 'sec-websocket-protocol': `actiewijzer, bearer.${KEY}` });
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await chat.next('done', 'error')).type).toBe('done');
  });

  it('answers at once when the upgrade carries an Authorization header', async () => {
    const chat = await connect(bearer(OTHER_KEY));
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await chat.next('done', 'error')).type).toBe('done');
  });

  it('closes with 4401 when the subprotocol carries a wrong key', async () => {
    const chat = await connect({ 'sec-websocket-protocol': `actiewijzer, bearer.${KEY}x` });
    expect(await chat.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await chat.closed).toBe(WS_UNAUTHORIZED);
  });

  it('refuses questions until a first message authenticates, then answers', async () => {
    const chat = await connect();
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    const refused = await chat.next('error');
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refused.message).toEqual(expect.stringContaining('toegangssleutel'));
    chat.send({ type: 'auth', key: KEY });
    await chat.next('authenticated');
    // Nothing but the refusal came for the first question.
    expect(chat.messages.map((message) => message.type)).toEqual(['error', 'authenticated']);
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await chat.next('done', 'error')).type).toBe('done');
  });

  it('closes with 4401 after three failures', async () => {
    const chat = await connect();
    chat.send({ type: 'auth', key: 'fout-1' });
    chat.send('geen json');
    chat.send({ type: 'ask', question: QUESTION });
    expect(await chat.closed).toBe(WS_UNAUTHORIZED);
    expect(chat.messages).toHaveLength(3);
    expect(chat.messages.every((message) => message.type === 'error' && message.code === 'UNAUTHORIZED')).toBe(true);
  });

  it('selects the actiewijzer subprotocol for a real client, never echoing the key', async () => {
    await locked.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = locked.app.server.address() as AddressInfo;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/chat`, ['actiewijzer', `bearer.${KEY}`]);
    const chat = chatSocket(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    expect(ws.protocol).toBe('actiewijzer');
    chat.send({ type: 'ask', question: QUESTION, mode: 'extractive' });
    expect((await chat.next('done', 'error')).type).toBe('done');
    ws.close();
    await chat.closed;
  });
});

describe('the chat gate', () => {
  afterEach(() => vi.useRealTimers());

  it('closes with 4401 after ten seconds without a key', () => {
    vi.useFakeTimers();
    const socket = Object.assign(new EventEmitter(), { close: vi.fn() });
    const sent: GateMessage[] = [];
    const gate = createChatGate({ keys: createApiKeys([KEY]), request: { headers: {} }, socket, send: (message) => sent.push(message) });
    vi.advanceTimersByTime(SOCKET_AUTH_TIMEOUT_MS - 1);
    expect(socket.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(socket.close).toHaveBeenCalledWith(WS_UNAUTHORIZED, expect.any(String));
    expect(sent).toEqual([{ type: 'error', code: 'UNAUTHORIZED', message: expect.any(String) }]);
    expect(gate.open).toBe(false);
  });

  it('stops the timer once authenticated', () => {
    vi.useFakeTimers();
    const socket = Object.assign(new EventEmitter(), { close: vi.fn() });
    const gate = createChatGate({ keys: createApiKeys([KEY]), request: { headers: {} }, socket, send: () => undefined });
    gate.receive(Buffer.from(JSON.stringify({ type: 'auth', key: KEY })), false);
    expect(gate.open).toBe(true);
    vi.advanceTimersByTime(SOCKET_AUTH_TIMEOUT_MS * 2);
    expect(socket.close).not.toHaveBeenCalled();
  });

  it('is open from the start when no key is required', () => {
    const socket = Object.assign(new EventEmitter(), { close: vi.fn() });
    expect(createChatGate({ keys: createApiKeys([]), request: { headers: {} }, socket, send: () => undefined }).open).toBe(true);
  });
});
