// Limits through app.inject on in-memory PGlite: rate limit per key or address, body size, the CORS allow-list, CSP and other security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspDirectives, DOCS_CSP } from '../../src/plugins/limits.js';
import { PAGE_CSP } from '../../src/routes/web.js';
import { buildAppOn, buildTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';

const KEY = 'sleutel-limiet-1';
const OTHER_KEY = 'sleutel-limiet-2';
const ALLOWED_ORIGIN = 'https://intranet.voorbeeld.be';

let base: TestApp;
beforeAll(async () => {
  base = await buildTestApp();
});
afterAll(async () => {
  await base?.close();
});

/** A fresh app per test on the shared runtime, so each starts with empty rate-limit counters. */
async function withApp(config: TestAppOptions['config'], run: (t: TestApp) => Promise<void>) {
  const t = await buildAppOn(base.runtime, { config });
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED in Dutch with Retry-After once RATE_LIMIT_MAX is used up', () =>
    withApp({ RATE_LIMIT_MAX: 3, RATE_LIMIT_WINDOW: '1 minute' }, async ({ app }) => {
      for (let i = 0; i < 3; i++) {
        const response = await app.inject({ url: '/api/tags' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['x-ratelimit-remaining']).toBe(String(2 - i));
      }
      const limited = await app.inject({ url: '/api/tags' });
      expect(limited.statusCode).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = limited.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toMatch(/^Te veel aanvragen\. Probeer het over \d+ seconden opnieuw\.$/);
      // Security headers stay on refusals too.
      expect(limited.headers['x-content-type-options']).toBe('nosniff');
    }));

  it('never limits /health, nor the page’s own files', () =>
    withApp({ RATE_LIMIT_MAX: 2 }, async ({ app }) => {
      for (let i = 0; i < 4; i++) {
        for (const url of ['/health', '/', '/app.js', '/styles.css']) expect((await app.inject({ url })).statusCode, url).toBe(200);
      }
      expect((await app.inject({ url: '/api/tags' })).statusCode).toBe(200);
    }));

  it('counts unknown URLs, so probing is limited too', () =>
    withApp({ RATE_LIMIT_MAX: 2 }, async ({ app }) => {
      expect((await app.inject({ url: '/wp-login.php' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/.env' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/admin' })).statusCode).toBe(429);
    }));

  it('counts per address without keys', () =>
    withApp({ RATE_LIMIT_MAX: 2 }, async ({ app }) => {
      const from = (remoteAddress: string) => app.inject({ url: '/api/tags', remoteAddress });
      await from('10.0.0.1');
      await from('10.0.0.1');
      expect((await from('10.0.0.1')).statusCode).toBe(429);
      expect((await from('10.0.0.2')).statusCode).toBe(200);
    }));

  it('counts per key with keys, and counts requests without a valid key per address', () =>
    withApp({ RATE_LIMIT_MAX: 2, API_KEYS: `${KEY},${OTHER_KEY}` }, async ({ app }) => {
      const call = (key?: string) => app.inject({ url: '/api/tags', remoteAddress: '10.0.0.9', headers: key ? { authorization: `Bearer ${key}` } : {} });
      expect((await call(KEY)).statusCode).toBe(200);
      expect((await call(KEY)).statusCode).toBe(200);
      expect((await call(KEY)).statusCode).toBe(429);
      // A colleague at the same address with another key has a budget of their own.
      expect((await call(OTHER_KEY)).statusCode).toBe(200);
      // Guessing keys from that address is limited as well.
      expect((await call('geraden-1')).statusCode).toBe(401);
      expect((await call('geraden-2')).statusCode).toBe(401);
      expect((await call('geraden-3')).statusCode).toBe(429);
    }));
});

describe('body size', () => {
  it('refuses a JSON body over 16 KB with 413 PAYLOAD_TOO_LARGE in Dutch', async () => {
    const response = await base.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'x'.repeat(17 * 1024) } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'De aanvraag is te groot.' } });
  });
});

describe('CORS', () => {
  it('sends CORS headers only to origins on the allow-list', () =>
    withApp({ CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://ander.voorbeeld.be` }, async ({ app }) => {
      const allowed = await app.inject({ url: '/api/tags', headers: { origin: ALLOWED_ORIGIN } });
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(allowed.headers.vary).toMatch(/origin/i);
      const denied = await app.inject({ url: '/api/tags', headers: { origin: 'https://kwaadaardig.voorbeeld.com' } });
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    }));

  it('answers a preflight from an allowed origin without a key, allowing the Authorization header', () =>
    withApp({ CORS_ORIGINS: ALLOWED_ORIGIN, API_KEYS: KEY }, async ({ app }) => {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/ask',
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      // The 401 for a missing key carries the CORS headers, so the other site can read why.
      const unauthorized = await app.inject({ method: 'POST', url: '/api/ask', headers: { origin: ALLOWED_ORIGIN }, payload: { question: 'Actie 19?' } });
      expect(unauthorized.statusCode).toBe(401);
      expect(unauthorized.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    }));

  it('sends no CORS headers at all when the allow-list is empty', async () => {
    const response = await base.app.inject({ url: '/api/tags', headers: { origin: ALLOWED_ORIGIN } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await base.app.inject({ method: 'OPTIONS', url: '/api/ask', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers', () => {
  it('serves the page with its content-security policy: only its own scripts, nothing inline', async () => {
    const response = await base.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(cspDirectives(csp)).toEqual(cspDirectives(PAGE_CSP));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    // The page itself keeps to it: no inline scripts or styles, no handlers in attributes.
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.body).not.toMatch(/\son[a-z]+=/);
    expect(response.body).not.toMatch(/<style|\sstyle=/);
  });

  it('puts the same policy on API answers and a relaxed one (inline styles) on /docs', async () => {
    const api = (await base.app.inject({ url: '/api/tags' })).headers['content-security-policy'];
    expect(cspDirectives(String(api))).toEqual(cspDirectives(PAGE_CSP));
    const docs = await base.app.inject({ url: '/docs' });
    const page = docs.statusCode >= 300 && docs.statusCode < 400 ? await base.app.inject({ url: String(docs.headers.location) }) : docs;
    expect(page.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(DOCS_CSP).toMatch(/script-src 'self'(;|$)/);
  });

  it('sends helmet’s headers and hides the framework', async () => {
    for (const url of ['/', '/api/tags', '/health', '/bestaat-niet']) {
      const { headers } = await base.app.inject({ url });
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
      expect(headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
  });
});
