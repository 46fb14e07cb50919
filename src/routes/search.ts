// GET /api/search: hybrid search over all passages, named actions first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, SearchQuerySchema, SearchResponseSchema } from '../http/schemas.js';
import { ROLE_ACTORS } from '../search/roles.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Zoeken in de actielijst en de andere documenten (volledige tekst + vectoren, gefuseerd)',
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, 400: ErrorResponseSchema },
      },
    },
    async (request) => {
      const { q, k, role } = request.query;
      const hits = await app.searchService.search(q, { k, preferActors: role ? ROLE_ACTORS[role] : [] });
      return {
        results: hits.map(({ passage, score }) => ({
          id: passage.id,
          document: passage.documentId,
          kind: passage.kind,
          action: passage.action,
          actions: passage.actions,
          number: passage.number,
          label: passage.label,
          section: passage.section,
          heading: passage.heading,
          text: passage.text,
          score: Math.round(score * 1000) / 1000,
        })),
      };
    },
  );
};
