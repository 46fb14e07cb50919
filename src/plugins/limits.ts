// What may reach the app and what its pages may do: rate limit per key or address, the CORS allow-list, security headers.
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { PAGE_CSP } from '../routes/web.js';
import { createApiKeys, presentedKey } from './auth.js';

/** Helmet wants the policy as directives; the page's policy string stays the one source. */
export function cspDirectives(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values;
  }
  return directives;
}

// Swagger UI loads only its own files, but styles some elements inline; everything else is the page's policy.
export const DOCS_CSP = Object.entries({ ...cspDirectives(PAGE_CSP), 'style-src': ["'self'", "'unsafe-inline'"], 'font-src': ["'self'", 'data:'] })
  .map(([name, values]) => [name, ...values].join(' '))
  .join('; ');

/**
 * Health checks, and the page's files and docs: cheap to serve, and one page load fetches several of them, which would eat
 * the budget of everyone behind the same office address. The API and unknown URLs are counted (no free probing).
 */
function unlimited(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined && (route === '/health' || !route.startsWith('/api/'));
}

async function limits(app: FastifyInstance): Promise<void> {
  const { config } = app;
  // Empty allow-list: no CORS headers at all, so browsers keep other sites out.
  if (config.CORS_ORIGINS.length) {
    await app.register(cors, {
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'HEAD', 'POST', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type'],
      maxAge: 600,
    });
  }

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(PAGE_CSP) },
    // The same as frame-ancestors 'none', for browsers that only know the older header.
    xFrameOptions: { action: 'deny' },
  });

  const keys = createApiKeys(config.API_KEYS);
  // Several people behind one office address each get their own budget when they use their own key.
  const keyOf = (request: FastifyRequest) => {
    const id = keys.identify(presentedKey(request));
    return id ? `key:${id}` : `ip:${request.ip}`;
  };
  await app.register(rateLimit, {
    global: false,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW,
    keyGenerator: keyOf,
    allowList: unlimited,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Te veel aanvragen. Probeer het over ${Math.max(1, Math.ceil(context.ttl / 1000))} seconden opnieuw.`),
  });
  // One hook on the root instead of one per route: it also counts unknown URLs and requests that fail authentication.
  app.addHook('onRequest', app.rateLimit());
}

export const limitsPlugin = fp(limits, { name: 'limits', fastify: '5.x' });
