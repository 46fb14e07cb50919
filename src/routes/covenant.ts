// POST /api/covenant/outline: the actions a sector covenant can build on, as JSON or (Accept: text/markdown) as Markdown.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listActionSummaries } from '../actions/action-service.js';
import { buildOutline, LEGAL_DOCUMENT_ID, outlineToMarkdown, positiveActionTypes } from '../covenant/outline.js';
import { CovenantOutlineBodySchema, CovenantOutlineResponseSchema, ErrorResponseSchema } from '../http/schemas.js';
import { getDocumentPassages } from '../repositories/passages-repository.js';

/** True when the client lists text/markdown (with a non-zero weight) among what it accepts. */
export function wantsMarkdown(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const weight = params.find((param) => param.startsWith('q='));
    return type === 'text/markdown' && (weight === undefined || Number(weight.slice(2)) > 0);
  });
}

export const covenantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/covenant/outline',
    {
      schema: {
        summary: 'Overzicht voor een sectorconvenant: de acties voor sectoren en werkgevers per thema, en mogelijke positieve acties',
        description: 'Met `Accept: text/markdown` komt hetzelfde overzicht als Markdown-document.',
        body: CovenantOutlineBodySchema,
        response: {
          200: {
            description: 'Het overzicht',
            content: { 'application/json': { schema: CovenantOutlineResponseSchema }, 'text/markdown': { schema: z.string() } },
          },
          400: ErrorResponseSchema,
          413: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const [actions, legal] = await Promise.all([listActionSummaries(app.db.pool), getDocumentPassages(app.db.pool, LEGAL_DOCUMENT_ID)]);
      const types = positiveActionTypes(legal);
      const outline = buildOutline(actions, request.body, types.types);
      if (wantsMarkdown(request.headers.accept)) {
        // A string with a non-JSON content type is sent as it is, past the JSON serializer.
        return reply.type('text/markdown; charset=utf-8').send(outlineToMarkdown(outline, types.source));
      }
      return outline;
    },
  );
};
