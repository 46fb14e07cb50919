// Property-based tests (fast-check) with random and hostile input at every route and on the chat socket (in-memory PGlite, extractive answers).
import fc from 'fast-check';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatSocket } from '../helpers/chat-socket.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const RUNS = 50;
type Method = Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'>;
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
// Routes the OpenAPI document leaves out.
const HIDDEN_ROUTES: { method: Method; path: string }[] = [
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/api/chat' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/docs' },
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Percent-encodes every byte, so lone surrogates and control characters travel as the bytes a client would send. */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

const shortText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '../../etc/passwd', '<script>alert(1)</script>', "' or 1=1 --", '%', '%zz', 'actie 45', ...HOSTILE_KEYS),
);
// Past every limit: the body limit, the question length, Fastify's parameter length.
const text = fc.oneof(shortText, fc.integer({ min: 1, max: 5 }).map((n) => 'x'.repeat(n * 25_000)));
// A raw path segment or query value: encoded text, or printable characters as they come (broken escapes included).
const urlPart = fc.oneof(text.map(encode), fc.string({ unit: fc.constantFrom(...'azAZ09%-._~!$&\'()*+,;=:@/?#[]'.split('')), maxLength: 30 }));
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom('q', 'k', 'role', 'actor', 'theme', 'mode', ...HOSTILE_KEYS), urlPart), urlPart), { maxLength: 5 });

const hostileObject = fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS, 'question', 'conversationId', 'mode', 'role', 'helpful', 'turnId', 'type'), fc.string()), fc.jsonValue(), { maxKeys: 6 });
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  hostileObject.map((value) => JSON.stringify(value)),
  // Prototype pollution as a client would send it: the literal "__proto__" key in the JSON text.
  fc.jsonValue().map((value) => `{"__proto__":{"polluted":${JSON.stringify(value)}},"constructor":{"prototype":{"polluted":true}},"question":"Wat is actie 45?"}`),
  fc.record({ question: text, conversationId: fc.oneof(fc.uuid(), text), mode: fc.oneof(fc.constantFrom('auto', 'llm', 'extractive'), text), role: text }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  text,
);
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=grens', 'application/octet-stream'),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz/;=-+ '.split('')), maxLength: 30 }),
);

/** fc.assert, with counterexamples cut short: a 125 000-character string would bury the failure. */
async function check<T extends unknown[]>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  const short = (value: unknown) =>
    JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && item.length > 200 ? `${item.slice(0, 200)}… (${item.length} tekens)` : item));
  await fc.assert(property, {
    numRuns,
    ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
    asyncReporter: async (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`property failed (seed ${details.seed}, path ${details.counterexamplePath}):\n${short(details.counterexample)}\n${cause.slice(0, 2000)}`);
    },
  });
}

function expectErrorShape(status: number, method: Method, headers: Record<string, unknown>, payload: string, label: string): void {
  expect(status, label).toBeLessThan(500);
  if (status < 400 || method === 'HEAD') return;
  expect(String(headers['content-type']), label).toMatch(/^application\/json/);
  const parsed = JSON.parse(payload) as { error?: { code?: unknown; message?: unknown } };
  expect(parsed, label).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(parsed.error?.code, label).toMatch(/^[A-Z_]+$/);
}

async function publicRoutes(app: FastifyInstance): Promise<{ method: Method; path: string }[]> {
  const spec = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const routes = Object.entries(spec.paths ?? {}).flatMap(([path, operations]) =>
    Object.keys(operations)
      .map((method) => method.toUpperCase())
      .filter((method): method is Method => (METHODS as string[]).includes(method))
      .map((method) => ({ method, path })),
  );
  return [...routes, ...HIDDEN_ROUTES];
}

// One app for the file; limits out of the way, so every generated request reaches its route.
let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp({ config: { ANSWER_MODE: 'extractive', RATE_LIMIT_MAX: 1_000_000, WS_QUESTIONS_PER_MINUTE: 1_000_000 } });
}, 120_000);
afterAll(async () => test?.close());

describe('hostile input', () => {
  let routes: { method: Method; path: string }[];

  beforeAll(async () => {
    routes = await publicRoutes(test.app);
    expect(routes.length).toBeGreaterThan(8);
  });

  it('answers every route with < 500, and the JSON error shape for every 4xx', async () => {
    const route = fc.constantFrom(...routes);
    await check(
      fc.asyncProperty(
        route,
        fc.oneof(fc.constant<Method | null>(null), fc.constantFrom(...METHODS)),
        fc.array(urlPart, { minLength: 1, maxLength: 2 }),
        query,
        body,
        contentType,
        async (target, otherMethod, params, pairs, payload, type) => {
          const method = otherMethod ?? target.method;
          let used = 0;
          const path = target.path.replace(/\{[^}]+\}|:\w+/g, () => params[used++ % params.length] ?? '');
          const search = pairs.map(([key, value]) => `${key}=${value}`).join('&');
          const url = search ? `${path}?${search}` : path;
          const response = await test.app.inject({
            method,
            url,
            ...(payload !== undefined && method !== 'GET' && method !== 'HEAD' ? { payload, headers: { 'content-type': type } } : {}),
          });
          expectErrorShape(response.statusCode, method, response.headers, response.body, `${method} ${url.slice(0, 200)}`);
        },
      ),
      RUNS * 2,
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 120_000);

  it('answers random paths with a JSON 404 or another 4xx, never a 5xx', async () => {
    await check(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.array(urlPart, { minLength: 1, maxLength: 4 }), async (method, segments) => {
        const url = `/${segments.join('/')}`;
        const response = await test.app.inject({ method, url });
        expectErrorShape(response.statusCode, method, response.headers, response.body, `${method} ${url.slice(0, 200)}`);
      }),
      RUNS,
    );
  });

  it('answers the cases the properties found with the JSON error shape', async () => {
    const badUrl = await test.app.inject({ url: '/%' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'Ongeldige aanvraag: de URL is ongeldig.' } });
    // @fastify/websocket answers a plain GET on a socket route with an empty 404 of its own.
    const plain = await test.app.inject({ url: '/api/chat' });
    expect(plain.statusCode).toBe(426);
    expect(plain.json()).toMatchObject({ error: { code: 'UPGRADE_REQUIRED' } });
  });

  it('keeps objects unpolluted by "__proto__" and "constructor" keys in JSON bodies', async () => {
    for (const url of ['/api/ask', '/api/feedback']) {
      const response = await test.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"question":"Wat zegt actie 45?","helpful":true}',
      });
      expectErrorShape(response.statusCode, 'POST', response.headers, response.body, url);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('hostile chat frames', () => {
  // Frames stay under the socket's 16 KiB limit; a bigger one closes the socket by design (tested below).
  const frame = fc.oneof(
    shortText.map((value) => ({ data: value as string | Buffer })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ data: Buffer.from(bytes) as string | Buffer })),
    fc.jsonValue().map((value) => ({ data: JSON.stringify(value) as string | Buffer })),
    hostileObject.map((value) => ({ data: JSON.stringify(value) as string | Buffer })),
    fc
      .record({ type: fc.oneof(fc.constantFrom('ask', 'cancel', 'auth', '__proto__'), fc.string()), question: shortText, conversationId: fc.oneof(fc.uuid(), shortText), mode: shortText, role: shortText }, { requiredKeys: ['type'] })
      .map((value) => ({ data: JSON.stringify(value) as string | Buffer })),
  );

  it('answers every frame without closing the socket, with well-formed messages only', async () => {
    const client = chatSocket(await test.app.injectWS('/api/chat'));
    // After each frame a probe that is never JSON: its reply proves the socket still reads and answers.
    const PROBE = 'geen json';
    const notJsonReplies = () =>
      client.messages.filter((message) => message.type === 'error' && message['code'] === 'INVALID_MESSAGE' && /geen geldige JSON/.test(String(message['message']))).length;
    try {
      await check(
        fc.asyncProperty(frame, async ({ data }) => {
          const expected = notJsonReplies() + (typeof data !== 'string' || !isJson(data) ? 1 : 0) + 1;
          client.socket.send(data, { binary: typeof data !== 'string' });
          client.socket.send(PROBE);
          await expect.poll(notJsonReplies, { timeout: 10_000 }).toBe(expected);
          expect(client.socket.readyState).toBe(client.socket.OPEN);
        }),
        RUNS * 2,
      );
      for (const message of client.messages) {
        expect(['start', 'delta', 'done', 'cancelled', 'error', 'authenticated']).toContain(message.type);
        if (message.type === 'error') {
          expect(message).toEqual({ type: 'error', code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) });
          expect(message['code']).not.toBe('INTERNAL');
        }
      }
    } finally {
      client.socket.terminate();
    }
  }, 120_000);

  it('closes only a socket that sends a frame over the size limit (1009), and the app keeps answering', async () => {
    const client = chatSocket(await test.app.injectWS('/api/chat'));
    client.socket.send('x'.repeat(64 * 1024));
    expect(await client.closed).toBe(1009);

    const next = chatSocket(await test.app.injectWS('/api/chat'));
    try {
      next.send({ type: 'ask', question: 'Wat zegt actie 45?', mode: 'extractive' });
      expect(await next.next('done', 'error')).toMatchObject({ type: 'done', refused: false });
    } finally {
      next.socket.terminate();
    }
  });
});

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
