// GET /api/actions and /api/actions/:number: browsing the action list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getActionDetail, listActionSummaries } from '../actions/action-service.js';
import { AppError } from '../errors.js';
import { ActionDetailSchema, ActionParamsSchema, ActionSummarySchema, ActionsQuerySchema, ErrorResponseSchema } from '../http/schemas.js';

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/actions',
    {
      schema: {
        summary: 'Alle acties van de actielijst, op nummer; filterbaar op actor en thema',
        querystring: ActionsQuerySchema,
        response: { 200: z.object({ actions: z.array(ActionSummarySchema) }), 400: ErrorResponseSchema },
      },
    },
    async (request) => ({ actions: await listActionSummaries(app.db.pool, request.query) }),
  );

  app.get(
    '/api/actions/:number',
    {
      schema: {
        summary: 'Eén actie met de bevindingen ervoor, de voetnoten en de acties uit dezelfde groep',
        params: ActionParamsSchema,
        response: { 200: ActionDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request) => {
      const listId = app.corpus.actionListId();
      const detail = listId ? await getActionDetail(app.db.pool, listId, request.params.number) : null;
      if (!detail) throw new AppError('ACTION_NOT_FOUND', `Actie ${request.params.number} bestaat niet; de actielijst telt de acties 1 tot 60.`);
      return detail;
    },
  );
};
