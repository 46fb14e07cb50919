// GET /health: 200 once the corpus is ingested and the database answers; load balancers poll it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => {
      await app.db.pool.query('select 1');
      return { status: 'ok' as const };
    },
  );
};
