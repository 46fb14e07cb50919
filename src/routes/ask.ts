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
    async (request, reply) => {
      // A client that goes away before the answer is sent stops the generation instead of leaving it running.
      // (The request stream closes as soon as its body is read, so it is the response that is watched.)
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new DOMException('client disconnected', 'AbortError'));
      });
      const { question, conversationId, mode, role } = request.body;
      return app.answers.ask({ question, conversationId, mode, role, signal: controller.signal });
    },
  );
};
