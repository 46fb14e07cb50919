// Builds the Fastify application from its configuration and injected dependencies; it never listens itself.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { CorpusIndex } from './ingest/corpus-index.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { actionRoutes } from './routes/actions.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { createSearchService, type SearchService } from './search/search-service.js';

// Validation messages reach people, so zod speaks Dutch.
z.config(z.locales.nl());

export interface AppDeps {
  db: Database;
  corpus: CorpusIndex;
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    corpus: CorpusIndex;
    searchService: SearchService;
  }
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: 16 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('config', config);
  app.decorate('db', deps.db);
  app.decorate('corpus', deps.corpus);
  app.decorate(
    'searchService',
    createSearchService({ db: deps.db, glossary: deps.corpus.glossary, embedder: () => deps.corpus.embedder(), actionListId: () => deps.corpus.actionListId(), spelling: () => deps.corpus.spelling() }),
  );

  registerErrorHandler(app);
  await app.register(swagger, {
    openapi: { info: { title: 'Actiewijzer API', description: 'Vragen over de SERV-actielijst personen met een migratie-achtergrond', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes);
  await app.register(actionRoutes);
  await app.register(searchRoutes);
  return app;
}
