// Builds the app for tests on an in-memory PGlite with the real corpus, and tears it down.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { LlmClient } from '../../src/answer/llm.js';
import type { AnswerMetrics } from '../../src/answer/metrics.js';
import { openRuntime, type Runtime } from '../../src/bootstrap.js';
import { loadConfig, type Config, type ConfigInput } from '../../src/config.js';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: ConfigInput;
  llm?: LlmClient | null;
  metrics?: AnswerMetrics;
  logger?: FastifyServerOptions['logger'];
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ANSWER_MODE: 'auto', ...options.config }, {});
  const runtime = await openRuntime(config);
  const built = await buildAppOn(runtime, options);
  return {
    ...built,
    async close() {
      await built.close();
      await runtime.db.close();
    },
  };
}

/** One app for a whole test file: built in beforeAll (ingesting the real corpus takes seconds alone, minutes on a busy machine), closed in afterAll. */
export function useTestApp(options: TestAppOptions = {}): Pick<TestApp, 'app' | 'runtime'> {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await buildTestApp(options);
  }, 180_000);
  afterAll(async () => {
    await built?.close();
  });
  const ready = () => {
    if (!built) throw new Error('the test app is built in beforeAll');
    return built;
  };
  return {
    get app() {
      return ready().app;
    },
    get runtime() {
      return ready().runtime;
    },
  };
}

/** A second app on an existing runtime: cheap, because the corpus is already ingested. */
export async function buildAppOn(runtime: Runtime, options: TestAppOptions = {}): Promise<TestApp> {
  // Only the options given override the runtime's config; the rest stays as the runtime was opened with.
  const overrides = loadConfig({ LOG_LEVEL: 'silent', ...options.config }, {});
  const keys = Object.keys(options.config ?? {}) as (keyof Config)[];
  const config: Config = { ...runtime.config, ...Object.fromEntries(keys.map((key) => [key, overrides[key]])) };
  const app = await buildApp(config, {
    db: runtime.db,
    corpus: runtime.corpus,
    llm: options.llm ?? null,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  await app.ready();
  return { app, runtime, close: () => app.close() };
}
