// GET and DELETE /api/conversations/:id: reading back a conversation, and deleting it on request.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { ConversationIdSchema, ErrorResponseSchema, TurnSchema } from '../http/schemas.js';
import { conversationExists, deleteConversation, listTurns } from '../repositories/conversations-repository.js';

const Params = z.object({ id: ConversationIdSchema });
const notFound = () => new AppError('CONVERSATION_NOT_FOUND', 'Dit gesprek bestaat niet (meer).');

export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/conversations/:id',
    { schema: { summary: 'Een gesprek met zijn vragen en antwoorden', params: Params, response: { 200: z.object({ id: z.string(), turns: z.array(TurnSchema) }), 400: ErrorResponseSchema, 404: ErrorResponseSchema } } },
    async (request) => {
      if (!(await conversationExists(app.db.pool, request.params.id))) throw notFound();
      const turns = await listTurns(app.db.pool, request.params.id);
      return { id: request.params.id, turns: turns.map(({ id, question, answer, citations, mode, refused, createdAt }) => ({ id, question, answer, citations, mode, refused, createdAt })) };
    },
  );
  app.delete(
    '/api/conversations/:id',
    { schema: { summary: 'Een gesprek verwijderen', params: Params, response: { 204: z.null(), 400: ErrorResponseSchema, 404: ErrorResponseSchema } } },
    async (request, reply) => {
      if (!(await deleteConversation(app.db.pool, request.params.id))) throw notFound();
      return reply.status(204).send(null);
    },
  );
};
