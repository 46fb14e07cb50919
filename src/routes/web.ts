// The web page at / (static files from src/web/public) and GET /api/tags, the display names the page shows.
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTORS, THEMES } from '../corpus/tags.js';

const PUBLIC_DIR = fileURLToPath(new URL('../web/public/', import.meta.url));

// The page loads nothing inline and nothing from elsewhere; the policy keeps it that way. The limits plugin sends it
// (with the other security headers) on every response. 'self' in connect-src also covers ws(s):// on the same host.
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const webRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    // One route per file found at start instead of a catch-all, so unknown paths keep the JSON 404.
    wildcard: false,
    index: 'index.html',
    // No build step means no hashed file names: browsers revalidate (ETag) instead of caching blindly.
    cacheControl: false,
    setHeaders(reply) {
      reply.header('cache-control', 'no-cache');
    },
  });

  app.get(
    '/api/tags',
    {
      schema: {
        summary: 'Actoren en thema’s waarmee acties gelabeld zijn, met hun weergavenaam',
        response: { 200: z.object({ actors: z.record(z.string(), z.string()), themes: z.record(z.string(), z.string()) }) },
      },
    },
    async () => ({ actors: ACTORS, themes: THEMES }),
  );
};
