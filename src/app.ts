// Builds the Fastify application from its configuration and injected dependencies; it never listens itself.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { createAnswerService, type AnswerService } from './answer/answer-service.js';
import type { LlmClient } from './answer/llm.js';
import type { AnswerMetrics } from './answer/metrics.js';
import { loadPrompts, type Prompts } from './answer/prompts.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { CorpusIndex } from './ingest/corpus-index.js';
import { authPlugin, selectChatProtocol } from './plugins/auth.js';
import { corpusRefreshPlugin } from './plugins/corpus-refresh.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { DOCS_CSP, limitsPlugin } from './plugins/limits.js';
import { createAppMetrics, metricsPlugin, type AppMetrics } from './plugins/metrics.js';
import { retentionPlugin } from './plugins/retention.js';
import { privateLoggerOptions } from './privacy/logging.js';
import { actionRoutes } from './routes/actions.js';
import { askRoutes } from './routes/ask.js';
import { chatRoutes } from './routes/chat.js';
import { conversationRoutes } from './routes/conversations.js';
import { covenantRoutes } from './routes/covenant.js';
import { documentRoutes } from './routes/documents.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { positiveActionRoutes } from './routes/positive-action.js';
import { searchRoutes } from './routes/search.js';
import { statusRoutes } from './routes/status.js';
import { webRoutes } from './routes/web.js';
import { withSearchCache } from './search/search-cache.js';
import { createSearchService, type SearchService } from './search/search-service.js';

// Validation messages reach people, so zod speaks Dutch. A field left out is named as missing: the locale's message for
// it listed the allowed values as if the value sent were wrong ("Ongeldige optie: verwacht één van …").
z.config(z.locales.nl());
z.config({ customError: (issue) => (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value') ? 'ontbreekt' : undefined) });

export interface AppDeps {
  db: Database;
  corpus: CorpusIndex;
  /** The chat model; without one answers are extractive only. */
  llm?: LlmClient | null;
  prompts?: Prompts;
  /** Replaces the answer service's Prometheus reporting (a spy in tests). */
  metrics?: AnswerMetrics;
  /** Prometheus series; created per app when absent. server.ts makes them first so the Ollama client can report errors too. */
  appMetrics?: AppMetrics;
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    corpus: CorpusIndex;
    searchService: SearchService;
    answers: AnswerService;
    llm: LlmClient | null;
    /** Open chat sockets, closed with 1001 on shutdown. */
    chatSockets: Set<WebSocket>;
  }
}

const WS_MAX_PAYLOAD = 16 * 1024;

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: privateLoggerOptions(deps.logger ?? { level: config.LOG_LEVEL }),
    bodyLimit: 16 * 1024,
    genReqId: () => crypto.randomUUID(),
    // A malformed URL ("/%") fails before routing, where the error handler does not reach; same JSON shape anyway.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      void reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'Ongeldige aanvraag: de URL is ongeldig.' } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const appMetrics = deps.appMetrics ?? createAppMetrics();
  const uncached = createSearchService({
    db: deps.db,
    glossary: deps.corpus.glossary,
    embedder: () => deps.corpus.embedder(),
    actionListId: () => deps.corpus.actionListId(),
    spelling: () => deps.corpus.spelling(),
    relatedActions: () => deps.corpus.relatedActions(),
  });
  const searchService = appMetrics.instrumentSearch(
    withSearchCache(uncached, { size: config.SEARCH_CACHE_SIZE, ttlMs: config.SEARCH_CACHE_TTL_MS, generation: () => deps.corpus.generation() }),
  );
  app.decorate('config', config);
  app.decorate('db', deps.db);
  app.decorate('corpus', deps.corpus);
  app.decorate('llm', deps.llm ?? null);
  app.decorate('searchService', searchService);
  app.decorate(
    'answers',
    createAnswerService({
      db: deps.db,
      search: searchService,
      corpus: deps.corpus,
      llm: deps.llm ?? null,
      prompts: deps.prompts ?? loadPrompts(),
      defaultMode: config.ANSWER_MODE,
      log: app.log,
      metrics: deps.metrics ?? appMetrics.answers,
    }),
  );
  app.decorate('chatSockets', new Set<WebSocket>());
  app.addHook('preClose', async () => {
    for (const socket of app.chatSockets) socket.close(1001, 'server gaat afsluiten');
  });

  registerErrorHandler(app);
  // Limits before auth, so requests without a valid key are rate-limited (per address) too.
  await app.register(limitsPlugin);
  await app.register(authPlugin);
  await app.register(retentionPlugin);
  await app.register(corpusRefreshPlugin);
  await app.register(metricsPlugin, { metrics: appMetrics });
  await app.register(swagger, {
    openapi: { info: { title: 'Actiewijzer API', description: 'Vragen over de SERV-actielijst personen met een migratie-achtergrond', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP, uiConfig: { validatorUrl: null } });
  // The ws library accepts 100 MiB frames by default; a question is at most a few KB.
  await app.register(websocket, { options: { maxPayload: WS_MAX_PAYLOAD, handleProtocols: selectChatProtocol } });

  await app.register(healthRoutes);
  await app.register(actionRoutes);
  await app.register(searchRoutes);
  await app.register(askRoutes);
  await app.register(chatRoutes);
  await app.register(statusRoutes);
  await app.register(conversationRoutes);
  await app.register(documentRoutes);
  await app.register(feedbackRoutes);
  await app.register(positiveActionRoutes);
  await app.register(covenantRoutes);
  await app.register(webRoutes);
  return app;
}
