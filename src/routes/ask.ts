// POST /api/ask: one question, one answer with checked citations (the REST twin of the chat socket).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AskBodySchema, AskResponseSchema, ErrorResponseSchema } from '../http/schemas.js';

export const askRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/ask',
    {
      schema: {
        summary: 'Een vraag stellen; het antwoord verwijst altijd naar actienummers',
        body: AskBodySchema,
        response: { 200: AskResponseSchema, 400: ErrorResponseSchema, 413: ErrorResponseSchema, 502: ErrorResponseSchema, 503: ErrorResponseSchema, 504: ErrorResponseSchema },
      },
    },
    async (request) => {
      // A client that goes away stops the generation instead of leaving it running.
      const controller = new AbortController();
      request.raw.on('close', () => {
        if (!request.raw.complete || request.raw.destroyed) controller.abort();
      });
      const { question, conversationId, mode, role } = request.body;
      return app.answers.ask({ question, conversationId, mode, role, signal: controller.signal });
    },
  );
};
