// POST /api/positive-action/check: HR's check of a described positive-action measure against the legal conditions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../http/schemas.js';
import { checkPositiveAction, PositiveActionRequestSchema, PositiveActionResponseSchema } from '../positive-action/index.js';
import { anchorQuotes } from '../positive-action/stored-quotes.js';
import { passagesForActions } from '../repositories/passages-repository.js';

export const positiveActionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/positive-action/check',
    {
      schema: {
        summary: 'Een positieve-actiemaatregel toetsen aan de wettelijke voorwaarden (oriëntatie, geen juridisch advies)',
        body: PositiveActionRequestSchema,
        response: { 200: PositiveActionResponseSchema, 400: ErrorResponseSchema, 413: ErrorResponseSchema },
      },
    },
    async (request) => {
      const result = checkPositiveAction(request.body);
      const cited = [...new Set(result.citations.map((citation) => citation.action))];
      const stored = (await passagesForActions(app.db.pool, cited)).filter((passage) => passage.kind === 'action' && passage.action !== null);
      const texts = new Map(stored.map((passage) => [passage.action as number, passage.text]));
      return { ...result, citations: anchorQuotes(result.citations, texts) };
    },
  );
};
