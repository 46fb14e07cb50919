// `npm run bench`: measures search, HTTP load, streamed chats, event-loop lag, start-up and a refused Ollama in one run; writes bench/results.md.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChatLoad, runDirectStreams } from './chat-load.js';
import { startChild, type Child } from './children.js';
import { runThroughput, startBackgroundSearches, searchPath, type ThroughputResult } from './http-load.js';
import { BENCH_MODEL, type AppReply, type AppRequest, type LagReading, type MemoryReading, type ModelReply, type ModelRequest, type RelayReply, type RelayRequest } from './protocol.js';
import { renderReport, type BenchResults } from './report.js';
import { runSearchBench } from './search-bench.js';
import { startServer } from './startup.js';
import { epochMs, sleep } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = fileURLToPath(new URL('results.md', import.meta.url));

// Sizes of each part, chosen so the whole run stays near a quarter of an hour on two cores (most of it building the 50 000-passage index).
const SETTINGS = { tokens: 60, tokenDelayMs: 20, chats: 200, mixedChats: 100, connections: 50, durationS: 10 };
const SEARCH_QUERIES = 100;
// Questions asked once to find those the service answers (refusals never reach the model, so they make no stream).
const SCREENED = 40;
// BENCH_SIZES="" skips the synthetic corpora (a quick run while working on the benchmark itself).
const SYNTHETIC_SIZES = (process.env['BENCH_SIZES'] ?? '10000,50000').split(',').filter(Boolean).map(Number);
const SEARCH_LOOPS = 8;
const CHAT_TIMEOUT_MS = 120_000;

const began = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${line}`);

interface EvalQuestion {
  question: string;
  gold: number[];
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const loadStart = os.loadavg();
  const cpus = os.cpus();
  log(`${cpus.length} cores (${cpus[0]?.model ?? '?'}), Node ${process.version}, load average ${loadStart.map((value) => value.toFixed(1)).join(' ')}`);
  const evalQuestions = JSON.parse(await fs.readFile(path.join(ROOT, 'tests/eval/questions.json'), 'utf8')) as EvalQuestion[];
  const queries = evalQuestions.map((entry) => entry.question).slice(0, SEARCH_QUERIES);
  // Chats need questions the service answers (not refusals, which never reach the model).
  const inScope = evalQuestions.filter((entry) => entry.gold.length > 0).map((entry) => entry.question);

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-bench-app-'));
  try {
    log('start-up: cold (fresh DATA_DIR, ingest)…');
    const cold = await startServer(dataDir, inScope[0] as string);
    log(`start-up: cold ${Math.round(cold.healthMs)} ms to /health; refused Ollama answered in ${Math.round(cold.refused.ms)} ms (${cold.refused.mode})`);
    const warm = await startServer(dataDir, inScope[1] as string);
    log(`start-up: warm ${Math.round(warm.healthMs)} ms to /health; refused Ollama answered in ${Math.round(warm.refused.ms)} ms (${warm.refused.mode})`);

    const model = await startChild<ModelRequest, ModelReply>('./fake-model.ts', {
      BENCH_TOKENS: String(SETTINGS.tokens),
      BENCH_TOKEN_DELAY_MS: String(SETTINGS.tokenDelayMs),
    });
    const app = await startChild<AppRequest, AppReply>('./app-process.ts', {
      ...appEnvironment(dataDir),
      ANSWER_MODE: 'llm',
      OLLAMA_HOST: `http://127.0.0.1:${readyPort(model.ready)}`,
      OLLAMA_CHAT_MODEL: BENCH_MODEL,
      // Every measurement below runs with the result cache off, so each search reaches the database; the cache gets its own run.
      SEARCH_CACHE_SIZE: '0',
    });
    try {
      const port = readyPort(app.ready);
      const clock = await calibrateClock(model);
      log(`app on 127.0.0.1:${port}; model clock offset ${clock.offsetMs.toFixed(3)} ms (round trip ${clock.rttMs.toFixed(3)} ms)`);
      const questions = await screenQuestions(port, inScope);
      log(`chat questions: ${questions.length} of the first ${Math.min(SCREENED, inScope.length)} are answered (not refused); warm-up done`);

      const lag = async (type: 'lag-reset' | 'lag-mark' | 'lag-read') => (await app.request<Extract<AppReply, { type: 'lag' | 'ok' }>>((id) => ({ type, id })));
      const memory = async () => (await app.request<Extract<AppReply, { type: 'memory' }>>((id) => ({ type: 'memory', id }))).memory;
      const readLags = async (): Promise<{ lag: LagReading; sinceMark: LagReading }> => {
        const reply = await lag('lag-read');
        if (reply.type !== 'lag') throw new Error('the app did not report its event-loop delay');
        return { lag: reply.lag, sinceMark: reply.sinceMark };
      };
      const readLag = async () => (await readLags()).lag;

      await lag('lag-reset');
      await sleep(2_000);
      const idleLag = await readLag();
      log(`idle event-loop lag p99 ${idleLag.p99.toFixed(2)} ms`);

      log(`throughput: ${SETTINGS.connections} connections, ${SETTINGS.durationS} s on /api/search…`);
      await runThroughput(port, queries, SETTINGS.connections, 2);
      const throughput = await runThroughput(port, queries, SETTINGS.connections, SETTINGS.durationS);
      log(`throughput: ${Math.round(throughput.requestsPerSecond)} req/s, p99 ${throughput.latency.p99} ms, ${throughput.non2xx} non-2xx, ${throughput.errors} errors`);
      // Requests that autocannon gave up on may still be queued in the app; the next test starts once it answers promptly again.
      await settle(port);

      // One chat alone: what the service adds to a stream when nothing else competes for its event loop.
      const single = await runChatLoad({ port, questions, chats: 1, tokens: SETTINGS.tokens, clockOffset: clock.offsetMs, timeoutMs: CHAT_TIMEOUT_MS });
      log(`one chat alone: per-token p50 ${single.perToken.p50.toFixed(2)} ms, p99 ${single.perToken.p99.toFixed(2)} ms; first token added ${single.firstTokenAdded.p50.toFixed(1)} ms`);

      // The control: the same streams read by this process straight from the model, no app in between.
      const directOne = await runDirectStreams({ port: readyPort(model.ready), streams: 1, tokens: SETTINGS.tokens, clockOffset: clock.offsetMs });
      const directMany = await runDirectStreams({ port: readyPort(model.ready), streams: SETTINGS.chats, tokens: SETTINGS.tokens, clockOffset: clock.offsetMs });
      log(`direct to the model: 1 stream p99 ${directOne.perToken.p99.toFixed(2)} ms; ${SETTINGS.chats} streams p99 ${directMany.perToken.p99.toFixed(2)} ms`);
      // The second control: the same chats through a relay that does only what every streaming service must.
      const relay = await startChild<RelayRequest, RelayReply>('./bare-relay.ts', { OLLAMA_HOST: `http://127.0.0.1:${readyPort(model.ready)}` });
      const relayed = await runChatLoad({ port: readyPort(relay.ready), questions, chats: SETTINGS.chats, tokens: SETTINGS.tokens, clockOffset: clock.offsetMs, timeoutMs: CHAT_TIMEOUT_MS })
        .finally(() => relay.stop({ type: 'close', id: 0 }));
      log(`${SETTINGS.chats} chats through a bare relay: ${relayed.complete} complete, per-token p99 ${relayed.perToken.p99.toFixed(2)} ms`);

      await sleep(500);
      const before: MemoryReading = await memory();
      await app.request((id) => ({ type: 'memory-peak-reset', id }));
      log(`chats: ${SETTINGS.chats} at once…`);
      const chatResult = await runChatLoad({ port, questions, chats: SETTINGS.chats, tokens: SETTINGS.tokens, clockOffset: clock.offsetMs, timeoutMs: CHAT_TIMEOUT_MS });
      const during = await memory();
      await sleep(1_000);
      const after = await memory();
      log(
        `chats: ${chatResult.complete}/${chatResult.chats} complete, ${chatResult.lostTokens} lost, ${chatResult.outOfOrder} out of order; ` +
          `per-token p99 ${chatResult.perToken.p99.toFixed(2)} ms; first token added p99 ${chatResult.firstTokenAdded.p99.toFixed(1)} ms; ` +
          `RSS ${mb(before.rss)} → peak ${mb(during.peakRss)} → ${mb(after.rss)}`,
      );

      log(`mixed: ${SETTINGS.mixedChats} chats with ${SEARCH_LOOPS} search loops…`);
      await lag('lag-reset');
      const background = startBackgroundSearches(port, queries, SEARCH_LOOPS);
      // The second window opens once every chat streams: the lag of the streaming itself, without the connections and
      // questions that all arrive in the first few hundred milliseconds.
      let marked: Promise<unknown> | null = null;
      let markedAt = 0;
      const mixedChats = await runChatLoad({
        port,
        questions,
        chats: SETTINGS.mixedChats,
        tokens: SETTINGS.tokens,
        clockOffset: clock.offsetMs,
        timeoutMs: CHAT_TIMEOUT_MS,
        onAllStreaming: () => {
          markedAt = performance.now();
          marked = lag('lag-mark');
        },
      });
      const streamed = marked !== null;
      await marked;
      // Read when the last chat is done, before the search loops wind down: both windows end with the streaming.
      const lags = await readLags();
      const mixedLag = lags.lag;
      const streamingLag = streamed ? { ...lags.sinceMark, windowMs: performance.now() - markedAt } : null;
      const searches = await background.stop();
      log(
        `mixed: lag p99 ${mixedLag.p99.toFixed(2)} ms, max ${mixedLag.max.toFixed(1)} ms (once all streamed: p99 ${streamingLag ? `${streamingLag.p99.toFixed(2)} ms` : 'never'}); ` +
          `per-token p99 ${mixedChats.perToken.p99.toFixed(2)} ms; ${searches.latency.count} searches`,
      );

      await app.stop({ type: 'close', id: 0 });
      await model.stop({ type: 'close', id: 0 });
      // The app logs at warn: anything it said under load belongs next to the figures.
      const appLog = app.output().trim().split('\n').filter(Boolean);
      if (appLog.length) log(`the app logged ${appLog.length} lines under load, first: ${appLog.slice(0, 3).map((line) => line.slice(0, 300)).join(' | ')}`);

      // The embedded database with one client, which sends the next query only once the last reply is back (the data directory
      // takes one process at a time, so this runs once the chat tests' app has stopped).
      const throughputOneClient = await throughputOfFreshApp(dataDir, { SEARCH_CACHE_SIZE: '0', DB_POOL_SIZE: '1' }, queries);
      log(`throughput, one database client: ${Math.round(throughputOneClient.requestsPerSecond)} req/s, p99 ${throughputOneClient.latency.p99} ms`);

      log(`throughput with the result cache (default settings): ${SETTINGS.connections} connections, ${SETTINGS.durationS} s on /api/search…`);
      const throughputCached = await throughputOfFreshApp(dataDir, {}, queries);
      log(`throughput, cache on: ${Math.round(throughputCached.requestsPerSecond)} req/s, p99 ${throughputCached.latency.p99} ms, ${throughputCached.non2xx} non-2xx, ${throughputCached.errors} errors`);

      log('search latency: real corpus, then synthetic corpora…');
      const search = await runSearchBench({ queries, syntheticSizes: SYNTHETIC_SIZES, variantBudgetMs: 12_000, maxRounds: 3, minHybridCalls: 10, log });

      const results: BenchResults = {
        machine: {
          cores: cpus.length,
          cpu: cpus[0]?.model.trim() ?? 'unknown',
          memoryGb: Math.round(os.totalmem() / 1024 ** 3),
          node: process.version,
          platform: `${os.platform()} ${os.arch()}`,
          loadStart,
          loadEnd: os.loadavg(),
          startedAt,
          totalMs: performance.now() - began,
        },
        startup: { cold, warm },
        throughput,
        throughputOneClient,
        throughputCached,
        chats: { single, result: chatResult, direct: { one: directOne, many: directMany }, relayed, memory: { before, during, after } },
        mixed: { chats: mixedChats, lag: mixedLag, streamingLag, idleLag, searches: { ...searches, concurrency: SEARCH_LOOPS } },
        clock,
        search,
        settings: SETTINGS,
      };
      const report = renderReport(results);
      await fs.writeFile(RESULTS, `${report}\n`);
      console.log(`\n${report}`);
      log(`written to ${path.relative(ROOT, RESULTS)}`);
    } finally {
      await app.stop({ type: 'close', id: 0 });
      await model.stop({ type: 'close', id: 0 });
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** /api/search throughput of an app child started for it (extractive, so no model is needed), after a 2 s warm-up. */
async function throughputOfFreshApp(dataDir: string, settings: Record<string, string>, queries: string[]): Promise<ThroughputResult> {
  const child = await startChild<AppRequest, AppReply>('./app-process.ts', { ...appEnvironment(dataDir), ANSWER_MODE: 'extractive', ...settings });
  try {
    const port = readyPort(child.ready);
    await runThroughput(port, queries, SETTINGS.connections, 2);
    return await runThroughput(port, queries, SETTINGS.connections, SETTINGS.durationS);
  } finally {
    await child.stop({ type: 'close', id: 0 });
  }
}

/** The app child's settings shared by every run: embedded database in the warm DATA_DIR, no keys, a limiter that never answers 429. */
function appEnvironment(dataDir: string): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    API_KEYS: '',
    LOG_LEVEL: 'warn',
    EMBEDDINGS: 'hashing',
    RATE_LIMIT_MAX: '1000000000',
  };
}

function readyPort(reply: { type: string; port?: number }): number {
  if (reply.type !== 'ready' || reply.port === undefined) throw new Error('a child process did not report its port');
  return reply.port;
}

/** NTP-style: the round trip with the least delay bounds the error of the offset by half of it. */
async function calibrateClock(model: Child<ModelRequest, ModelReply>): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Number.POSITIVE_INFINITY };
  for (let round = 0; round < 50; round += 1) {
    const sent = epochMs();
    const reply = await model.request<Extract<ModelReply, { type: 'clock' }>>((id) => ({ type: 'clock', id }));
    const received = epochMs();
    if (received - sent < best.rttMs) best = { offsetMs: reply.now - (sent + received) / 2, rttMs: received - sent };
  }
  return best;
}

/** Warms the app (JIT, caches) and keeps the questions it answers from its sources rather than refusing. */
async function screenQuestions(port: number, candidates: string[]): Promise<string[]> {
  const answered: string[] = [];
  for (const question of candidates.slice(0, SCREENED)) {
    const response = await fetch(`http://127.0.0.1:${port}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, mode: 'extractive' }),
    });
    const body = (await response.json()) as { refused?: boolean };
    if (response.ok && body.refused === false) answered.push(question);
    await fetch(`http://127.0.0.1:${port}${searchPath(question)}`).then((reply) => reply.arrayBuffer());
  }
  if (!answered.length) throw new Error('the app refused every screening question');
  return answered;
}

/** Waits (at most 30 s) until /health, which queries the database, answers within 20 ms twice in a row. */
async function settle(port: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  let quick = 0;
  while (quick < 2 && performance.now() < deadline) {
    const started = performance.now();
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.ok, () => false);
    quick = ok && performance.now() - started < 20 ? quick + 1 : 0;
    await sleep(100);
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}

main().catch((error: unknown) => {
  console.error('benchmark failed:', error);
  process.exit(1);
});
