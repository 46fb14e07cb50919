// HTTP load on /api/search: autocannon at a fixed number of connections, and a steady background searcher for the mixed test.
import autocannon from 'autocannon';
import { summarize, type Summary } from './stats.js';

export interface ThroughputResult {
  connections: number;
  durationS: number;
  requestsPerSecond: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Milliseconds, as autocannon reports them (its histogram rounds to whole ms). */
  latency: { p50: number; p97_5: number; p99: number; max: number };
}

export function searchPath(query: string): string {
  return `/api/search?q=${encodeURIComponent(query)}`;
}

export async function runThroughput(port: number, queries: string[], connections: number, durationS: number): Promise<ThroughputResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: durationS,
    // Each connection walks through the same questions, so the database answers varied queries, not one cached plan.
    requests: queries.map((query) => ({ method: 'GET', path: searchPath(query) })),
  });
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    connections,
    durationS: result.duration,
    requestsPerSecond: result['2xx'] / result.duration,
    total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
  };
}

export interface BackgroundSearch {
  /** Stops issuing requests and resolves once the ones in flight have finished. */
  stop(): Promise<{ latency: Summary; failed: number }>;
}

/** `concurrency` loops, each sending the next search as soon as the previous one answered. */
export function startBackgroundSearches(port: number, queries: string[], concurrency: number): BackgroundSearch {
  const samples: number[] = [];
  let failed = 0;
  let running = true;
  let next = 0;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      const query = queries[next++ % queries.length] as string;
      const started = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${port}${searchPath(query)}`);
        await response.arrayBuffer();
        if (response.ok) samples.push(performance.now() - started);
        else failed += 1;
      } catch {
        failed += 1;
      }
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { latency: summarize(samples), failed };
    },
  };
}
