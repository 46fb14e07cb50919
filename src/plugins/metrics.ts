// Prometheus metrics at GET /metrics: HTTP latency per route, retrieval and answer latency, refusals, fallbacks, sockets, Ollama errors.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnswerMetrics } from '../answer/metrics.js';
import type { SearchService } from '../search/search-service.js';

export interface AppMetrics {
  /** Each app has its own registry: two instances (or many tests) in one process must not share series. */
  readonly registry: Registry;
  readonly answers: AnswerMetrics;
  /** Matches createOllamaClient's `onError`; bound, so it can be passed as is. */
  readonly ollamaError: (kind: string) => void;
  /** Times every search, whether it serves /api/search or an answer. */
  instrumentSearch(service: SearchService): SearchService;
}

export interface AppMetricsOptions {
  /** Process metrics (memory, event loop, GC); they start observers, so only the real server turns them on. */
  defaultMetrics?: boolean;
}

const PREFIX = 'actiewijzer_';
// A model on a CPU can take a minute for one answer; retrieval and most HTTP requests take milliseconds.
const ANSWER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];
const FAST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export function createAppMetrics(options: AppMetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];

  const retrieval = new Histogram({
    name: `${PREFIX}retrieval_duration_seconds`,
    help: 'Duur van een zoekopdracht (volledige tekst + vectoren), in seconden',
    labelNames: ['outcome'] as const,
    buckets: FAST_BUCKETS,
    registers,
  });
  const answerDuration = new Histogram({
    name: `${PREFIX}answer_duration_seconds`,
    help: 'Duur van een volledig antwoord, per modus, in seconden',
    labelNames: ['mode'] as const,
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const firstToken = new Histogram({
    name: `${PREFIX}answer_first_token_seconds`,
    help: 'Tijd tot de eerste tekst van een antwoord, per modus, in seconden',
    labelNames: ['mode'] as const,
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const refusals = new Counter({
    name: `${PREFIX}answer_refusals_total`,
    help: 'Geweigerde vragen, per reden',
    labelNames: ['reason'] as const,
    registers,
  });
  const repairs = new Counter({
    name: `${PREFIX}citation_repairs_total`,
    help: 'Antwoorden van het taalmodel die na de verwijzingscontrole hersteld moesten worden',
    registers,
  });
  const fallbacks = new Counter({
    name: `${PREFIX}answer_fallbacks_total`,
    help: 'Antwoorden die zonder taalmodel samengesteld werden hoewel het taalmodel gekozen was, per reden',
    labelNames: ['reason'] as const,
    registers,
  });
  const ollamaErrors = new Counter({
    name: `${PREFIX}ollama_errors_total`,
    help: 'Fouten van Ollama, per soort',
    labelNames: ['kind'] as const,
    registers,
  });

  return {
    registry,
    answers: {
      refused: (reason) => refusals.inc({ reason }),
      repaired: () => repairs.inc(),
      fellBack: (reason) => fallbacks.inc({ reason }),
      answered: (mode, seconds, firstTokenSeconds) => {
        answerDuration.observe({ mode }, seconds);
        if (firstTokenSeconds !== null) firstToken.observe({ mode }, firstTokenSeconds);
      },
    },
    ollamaError: (kind) => ollamaErrors.inc({ kind }),
    instrumentSearch: (service) => ({
      ...service,
      async search(query, searchOptions) {
        const stop = retrieval.startTimer();
        try {
          const hits = await service.search(query, searchOptions);
          stop({ outcome: 'ok' });
          return hits;
        } catch (error) {
          stop({ outcome: 'error' });
          throw error;
        }
      },
    }),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export interface MetricsPluginOptions {
  metrics: AppMetrics;
}

async function registerMetrics(app: FastifyInstance, options: MetricsPluginOptions): Promise<void> {
  const { metrics } = options;
  const registers = [metrics.registry];
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Duur van HTTP-aanvragen, per route en status, in seconden',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: FAST_BUCKETS,
    registers,
  });
  new Gauge({
    name: `${PREFIX}websocket_connections`,
    help: 'Open chatverbindingen (WebSocket)',
    registers,
    // Read at scrape time from the set the chat route keeps anyway, so the two cannot drift apart.
    collect() {
      this.set(app.hasDecorator('chatSockets') ? app.chatSockets.size : 0);
    },
  });

  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: one series per route, not one per action number or typo.
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  // Open like /health: scrapers carry no API key, and the series hold no questions or answers.
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

export const metricsPlugin = fp(registerMetrics, { name: 'metrics', fastify: '5.x' });
