// GET /api/status: whether answers come with or without a language model, for the page's banner.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StatusResponseSchema } from '../http/schemas.js';

export const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/status', { schema: { summary: 'Beschikbaarheid van het taalmodel', response: { 200: StatusResponseSchema } } }, async () => {
    const status = app.config.ANSWER_MODE === 'extractive' || !app.llm ? null : await app.llm.status();
    return {
      llm: { available: status?.available ?? false, model: app.config.OLLAMA_CHAT_MODEL, reason: status ? (status.reason ?? null) : 'disabled' },
      mode: app.config.ANSWER_MODE,
      embeddings: app.corpus.embedder().model,
    };
  });
};
