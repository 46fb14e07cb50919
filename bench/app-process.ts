// Child process: the real app wired as src/server.ts wires it, listening on 127.0.0.1, reporting its event-loop delay and memory over IPC.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { createLlmClient, openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createAppMetrics } from '../src/plugins/metrics.js';
import type { AppReply, AppRequest } from './protocol.js';

// server.ts has no hook for measurements and exits on signals; this entry builds the same app and adds only the probes.
const started = performance.now();

const config = loadConfig();
const runtime = await openRuntime(config);
const metrics = createAppMetrics({ defaultMetrics: true });
const llm = createLlmClient(config, metrics.ollamaError);
const app = await buildApp(config, { db: runtime.db, corpus: runtime.corpus, llm, appMetrics: metrics });
await app.listen({ port: 0, host: '127.0.0.1' });

// 10 ms resolution: finer sampling would itself load the loop it measures.
const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
// A second histogram for a window inside the first: the mixed run marks the moment every chat is streaming.
const sinceMark = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
sinceMark.enable();
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50).unref();

const send = (message: AppReply) => process.send?.(message);
// The histogram records the whole interval between its timer's runs, so the lag is what exceeds the resolution.
const lagMs = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS);
const reading = (histogram: typeof delay) => ({
  p50: lagMs(histogram.percentile(50)),
  p99: lagMs(histogram.percentile(99)),
  max: lagMs(histogram.max),
  mean: lagMs(histogram.mean),
});

process.on('message', (message: AppRequest) => {
  switch (message.type) {
    case 'lag-reset':
      delay.reset();
      sinceMark.reset();
      return send({ type: 'ok', id: message.id });
    case 'lag-mark':
      sinceMark.reset();
      return send({ type: 'ok', id: message.id });
    case 'lag-read':
      return send({ type: 'lag', id: message.id, lag: reading(delay), sinceMark: reading(sinceMark) });
    case 'memory-peak-reset':
      peakRss = process.memoryUsage.rss();
      return send({ type: 'ok', id: message.id });
    case 'memory': {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      return send({ type: 'memory', id: message.id, memory: { rss: usage.rss, heapUsed: usage.heapUsed, peakRss } });
    }
    case 'close':
      void app
        .close()
        .then(() => runtime.db.close())
        .then(() => process.exit(0), () => process.exit(1));
      return;
  }
});

send({ type: 'ready', port: (app.server.address() as AddressInfo).port, startupMs: performance.now() - started });
