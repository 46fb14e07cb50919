// Starts Actiewijzer: load config, open the database, ingest the corpus, listen; close gracefully on signals.
import { buildApp } from './app.js';
import { createLlmClient, openRuntime } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { AppError } from './errors.js';
import { createAppMetrics } from './plugins/metrics.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const started = performance.now();
  const runtime = await openRuntime(config);
  const metrics = createAppMetrics({ defaultMetrics: true });
  const llm = createLlmClient(config, metrics.ollamaError);
  const app = await buildApp(config, { db: runtime.db, corpus: runtime.corpus, llm, appMetrics: metrics });
  const { report, db } = runtime;
  app.log.info(
    { database: db.engine, sharedBuffersMb: db.sharedBuffersMb, added: report.added, updated: report.updated, unchanged: report.unchanged.length, embedded: report.embedded, model: report.model, ms: Math.round(performance.now() - started) },
    'corpus ready',
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await runtime.db.close();
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) console.error(error.message);
  else console.error('Actiewijzer kon niet starten:', error);
  process.exit(1);
});
