// Renders one benchmark run as Markdown: the goals with ✓/✗ first, then every figure side by side, then the method.
import { HNSW_BUILD } from '../src/repositories/passages-repository.js';
import type { ChatLoadResult, DirectStreamResult } from './chat-load.js';
import type { ThroughputResult } from './http-load.js';
import type { LagReading, MemoryReading } from './protocol.js';
import type { SearchBenchResult } from './search-bench.js';
import type { StartResult } from './startup.js';
import { grouped, type Summary } from './stats.js';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  loadStart: number[];
  loadEnd: number[];
  startedAt: string;
  totalMs: number;
}

export interface BenchResults {
  machine: Machine;
  startup: { cold: StartResult; warm: StartResult };
  /** Result cache off: every request reaches the database. */
  throughput: ThroughputResult;
  /** The same with one client of the embedded database (DB_POOL_SIZE=1) instead of eight. */
  throughputOneClient: ThroughputResult;
  /** Default settings: the result cache answers repeated queries. */
  throughputCached: ThroughputResult;
  chats: { single: ChatLoadResult; result: ChatLoadResult; direct: { one: DirectStreamResult; many: DirectStreamResult }; relayed: ChatLoadResult; memory: { before: MemoryReading; during: MemoryReading; after: MemoryReading } };
  mixed: {
    chats: ChatLoadResult;
    lag: LagReading;
    /** From the moment every chat had its first token to the last done; null if some chat never got one. */
    streamingLag: (LagReading & { windowMs: number }) | null;
    idleLag: LagReading;
    searches: { latency: Summary; failed: number; concurrency: number };
  };
  clock: { offsetMs: number; rttMs: number };
  search: SearchBenchResult;
  settings: { tokens: number; tokenDelayMs: number; chats: number; mixedChats: number; connections: number; durationS: number };
}

interface Goal {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export function renderReport(results: BenchResults): string {
  const { machine, startup, throughput, throughputOneClient, throughputCached, chats, mixed, settings } = results;
  const search = results.search.corpora;
  const real = search[0];
  const largest = search.at(-1);
  const lost = (result: ChatLoadResult) => result.lostTokens + result.outOfOrder + result.duplicateTokens + result.missingDone;
  const lostAll = lost(chats.single) + lost(chats.result) + lost(mixed.chats);
  const refusedWorst = Math.max(startup.cold.refused.ms, startup.warm.refused.ms);

  const goals: Goal[] = [];
  if (real) goals.push({ name: 'search p95, real corpus (service search, embedded)', target: '< 5 ms', measured: ms(real.hybrid.hnsw.latency.p95), met: real.hybrid.hnsw.latency.p95 < 5 });
  if (largest && largest !== real) {
    goals.push({ name: `search p95, ${grouped(largest.passages)} passages (embedded)`, target: '< 20 ms', measured: ms(largest.hybrid.hnsw.latency.p95), met: largest.hybrid.hnsw.latency.p95 < 20 });
  }
  for (const corpus of search.slice(1)) {
    goals.push({ name: `HNSW recall@10, ${grouped(corpus.passages)} passages`, target: '≥ 0.95', measured: corpus.recallAt10.toFixed(3), met: corpus.recallAt10 >= 0.95 });
  }
  goals.push(
    { name: `added latency per streamed token p99 (${settings.chats} chats)`, target: '< 2 ms', measured: ms(chats.result.perToken.p99), met: chats.result.perToken.p99 < 2 },
    { name: `event-loop lag p99 (${settings.mixedChats} chats + searches), whole run`, target: '< 20 ms', measured: ms(mixed.lag.p99), met: mixed.lag.p99 < 20 },
    {
      name: `event-loop lag p99 (${settings.mixedChats} chats + searches), once every chat streams`,
      target: '< 20 ms',
      measured: mixed.streamingLag ? ms(mixed.streamingLag.p99) : 'not reached',
      met: mixed.streamingLag !== null && mixed.streamingLag.p99 < 20,
    },
    {
      name: 'lost / out-of-order / duplicate tokens, missing done (all chat runs)',
      target: '0',
      measured: String(lostAll),
      met: lostAll === 0,
    },
    { name: `/api/search throughput (${settings.connections} connections), result cache on (default)`, target: '≥ 1 000 req/s', measured: `${Math.round(throughputCached.requestsPerSecond)} req/s`, met: throughputCached.requestsPerSecond >= 1000 },
    { name: `/api/search throughput (${settings.connections} connections), result cache off`, target: '≥ 1 000 req/s', measured: `${Math.round(throughput.requestsPerSecond)} req/s`, met: throughput.requestsPerSecond >= 1000 },
    { name: 'refused Ollama → extractive answer (worst of 2)', target: '< 2 s', measured: ms(refusedWorst), met: refusedWorst < 2000 && startup.cold.refused.answered && startup.warm.refused.answered },
  );

  const lines: string[] = [];
  lines.push('# Actiewijzer benchmark', '');
  lines.push(
    `Run ${machine.startedAt}, ${minutes(machine.totalMs)} in all. Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.platform}. ` +
      `Load average at start ${machine.loadStart.map((value) => value.toFixed(1)).join(' / ')}, at end ${machine.loadEnd.map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min; above ${machine.cores} the machine was shared and every figure is slower than on an idle one).`,
    '',
    'Embedded PGlite (WASM, in a worker thread of the app process), hashing embedder (1536 dimensions), everything on loopback. Produced by `npm run bench`; every figure below comes from this one run.',
    '',
  );

  lines.push('## Goals', '', '| Goal | Target | Measured | |', '|---|---|---|---|');
  for (const goal of goals) lines.push(`| ${goal.name} | ${goal.target} | ${goal.measured} | ${goal.met ? '✓' : '✗'} |`);
  lines.push(
    '',
    `The per-token figure cannot go below what this machine needs to pass a token between two processes: the scripted model read directly by the benchmark, no app, gives p99 ${ms(chats.direct.one.perToken.p99)} for 1 stream and ${ms(chats.direct.many.perToken.p99)} for ${chats.direct.many.streams} streams. ` +
      `The same ${chats.relayed.chats} chats through a bare relay (\`bench/bare-relay.ts\`: fetch, one WebSocket frame per token, nothing else) give p99 ${ms(chats.relayed.perToken.p99)}.`,
    '',
  );

  lines.push('## Search latency (in-process, one call at a time)', '');
  lines.push(
    'Hybrid = the service\'s `search()` (query analysis, hashing embedding, one SQL statement with BM25 + vectors fused by RRF and the named actions, passages through the service\'s reader, which fetches only passages it has not returned before). Vector = the vector CTE\'s query alone (top 10).',
    '',
    '| Corpus | Passages | Query | HNSW p50 | HNSW p95 | HNSW p99 | exact p50 | exact p95 | exact p99 | exact ÷ HNSW (p50) | calls (HNSW / exact) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const corpus of search) {
    for (const [name, variant] of [['hybrid', corpus.hybrid], ['vector', corpus.vector]] as const) {
      lines.push(
        `| ${corpus.label}${corpus.alongside ? ' *' : ''} | ${grouped(corpus.passages)} | ${name} | ${ms(variant.hnsw.latency.p50)} | ${ms(variant.hnsw.latency.p95)} | ${ms(variant.hnsw.latency.p99)} | ` +
          `${ms(variant.exact.latency.p50)} | ${ms(variant.exact.latency.p95)} | ${ms(variant.exact.latency.p99)} | ${ratio(variant.exact.latency.p50, variant.hnsw.latency.p50)} | ` +
          `${variant.hnsw.latency.count} / ${variant.exact.latency.count} |`,
      );
    }
  }
  const marked = search.find((corpus) => corpus.alongside);
  if (marked) lines.push('', `\\* ${marked.alongside}: two single-threaded processes on the two cores.`);
  lines.push(
    '',
    'The figures above are the steady state: they were measured after one pass over all questions, so the service\'s passage reader held the passages they return. That first pass, as after a start, when each question\'s passages are still fetched:',
    '',
    '| Corpus | hybrid (HNSW), first search of each question: p50 | p95 | p99 | calls |',
    '|---|---:|---:|---:|---:|',
  );
  for (const corpus of search) {
    lines.push(`| ${corpus.label}${corpus.alongside ? ' *' : ''} | ${ms(corpus.firstSearch.p50)} | ${ms(corpus.firstSearch.p95)} | ${ms(corpus.firstSearch.p99)} | ${corpus.firstSearch.count} |`);
  }
  lines.push('');
  lines.push(
    `| Corpus | recall@10 (vector, HNSW vs exact, ${search[0]?.recallQueries ?? 0} queries) | hybrid top-10 overlap, HNSW vs exact (queries) | vector rows for 60 requested (HNSW) | planner uses HNSW | page cache (shared_buffers) |`,
    '|---|---:|---:|---:|---|---:|',
  );
  for (const corpus of search) {
    lines.push(
      `| ${corpus.label} | ${corpus.recallAt10.toFixed(3)} | ${corpus.hybridOverlapAt10.toFixed(3)} (${corpus.hybridCompared}) | ${corpus.candidates.hnsw.toFixed(1)} | ${/hnsw/i.test(corpus.plans.hnsw) ? 'yes' : 'no (seq scan + sort)'} | ${corpus.sharedBuffersMb === null ? '—' : `${corpus.sharedBuffersMb}MB`} |`,
    );
  }
  const swept = search.filter((corpus) => corpus.efSweep.length);
  if (swept.length) {
    lines.push(
      '',
      'What recall would cost: the vector query (top 10) with other `hnsw.ef_search` values, same queries, against the same exact results.',
      '',
      '| Corpus | hnsw.ef_search | recall@10 | p50 | p95 | rows for 60 requested (every 5th query) |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const corpus of swept) {
      for (const entry of corpus.efSweep) {
        lines.push(`| ${corpus.label} | ${entry.efSearch}${entry.efSearch === corpus.efSearch ? ' (in use)' : ''} | ${entry.recallAt10.toFixed(3)} | ${ms(entry.latency.p50)} | ${ms(entry.latency.p95)} | ${entry.candidates.toFixed(1)} |`);
      }
    }
  }
  const loads = search.flatMap((corpus) => (corpus.load ? [{ label: corpus.label, load: corpus.load }] : []));
  if (loads.length) {
    lines.push(
      '',
      '| Synthetic corpus (built in a child process) | insert passages | insert embeddings | embed (hashing) | BM25 statistics | HNSW build (maintenance_work_mem) | vacuum | CPU time, whole build |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const { label, load } of loads) {
      lines.push(
        `| ${label} | ${seconds(load.insertPassagesMs)} | ${seconds(load.insertEmbeddingsMs)} | ${seconds(load.embedMs)} | ${seconds(load.statsMs)} | ` +
          `${seconds(load.indexMs)} (${load.maintenanceWorkMem ?? 'default'}) | ${seconds(load.vacuumMs)} | ${seconds(load.cpuMs)} |`,
      );
    }
    const notices = loads.flatMap(({ label, load }) => load.notices.map((notice) => `${label}: ${notice}`));
    if (notices.length) lines.push('', `Postgres notices during the builds: ${notices.map((notice) => `\`${notice}\``).join('; ')}.`);
  }
  lines.push('');

  lines.push('## HTTP: `/api/search` under load (autocannon, app in its own process)', '');
  const throughputRow = (label: string, t: ThroughputResult) =>
    `| ${label} | ${t.connections} | ${t.durationS.toFixed(1)} s | ${Math.round(t.requestsPerSecond)} | ${t.total} | ${t.non2xx} (${percent(t.non2xx, t.total)}) | ` +
    `${t.errors} / ${t.timeouts} | ${t.latency.p50} ms | ${t.latency.p97_5} ms | ${t.latency.p99} ms | ${t.latency.max} ms |`;
  lines.push(
    '| Result cache | Connections | Duration | req/s (2xx) | Requests | non-2xx | Errors / timeouts | latency p50 | p97.5 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    throughputRow('off (`SEARCH_CACHE_SIZE=0`): every request queries the database', throughput),
    throughputRow('off, and one client of the embedded database (`DB_POOL_SIZE=1`)', throughputOneClient),
    throughputRow('on (default): repeated queries answered from memory', throughputCached),
    '',
    `All runs send the same ~100 distinct questions over and over, so with the cache on nearly every request after the warm-up is a cache hit: that row shows the service's HTTP and cache path, the others the database path.`,
    `The embedded database runs one query at a time in its worker thread. With eight pg clients (the default) the next queries wait there while one runs; with one, each is sent only once the previous reply is back on the main thread. Eight clients ÷ one: ${ratio(throughput.requestsPerSecond, throughputOneClient.requestsPerSecond)} the requests per second (the one-client app ran in a fresh process after the chat tests).`,
    '',
  );

  lines.push(`## WebSocket chats against the scripted model (${settings.tokens} tokens, ${settings.tokenDelayMs} ms apart)`, '');
  lines.push(
    '| Run | Chats | complete | lost tokens | out of order | duplicates | missing done | not from model | per-token added p50 | p99 | max | before 1st token added p50 | p99 | 1st token wall p50 | p99 | service before model p50 | p99 | run time |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const runs = [['1 chat alone', chats.single], [`${settings.chats} chats at once`, chats.result], [`${settings.mixedChats} chats + searches`, mixed.chats]] as const;
  for (const [name, result] of runs) {
    lines.push(
      `| ${name} | ${result.chats} | ${result.complete} | ${result.lostTokens} | ${result.outOfOrder} | ${result.duplicateTokens} | ${result.missingDone} | ${result.notFromModel} | ` +
        `${ms(result.perToken.p50)} | ${ms(result.perToken.p99)} | ${ms(result.perToken.max)} | ${ms(result.firstTokenAdded.p50)} | ${ms(result.firstTokenAdded.p99)} | ` +
        `${ms(result.firstTokenWall.p50)} | ${ms(result.firstTokenWall.p99)} | ${ms(result.beforeModel.p50)} | ${ms(result.beforeModel.p99)} | ${seconds(result.durationMs)} |`,
    );
  }
  lines.push('');
  lines.push(
    'Control, no app in between: this process reads the scripted model\'s NDJSON streams itself (the floor of the per-token figure: loopback, both event loops, the clock alignment).',
    '',
    '| Streams | complete | lost tokens | out of order | per-token p50 | p99 | max |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const direct of [chats.direct.one, chats.direct.many]) {
    lines.push(`| ${direct.streams} | ${direct.complete} | ${direct.lostTokens} | ${direct.outOfOrder} | ${ms(direct.perToken.p50)} | ${ms(direct.perToken.p99)} | ${ms(direct.perToken.max)} |`);
  }
  lines.push(
    '',
    'Control with a service in between that does nothing else: the same chats through a bare relay (`bench/bare-relay.ts`: it reads the model with fetch, as the ollama client does, and sends one WebSocket frame per token; no LangChain, database or answer logic). Each chat calls the model as soon as its question arrives, so all streams run in step.',
    '',
    '| Chats | complete | lost tokens | out of order | duplicates | missing done | per-token p50 | p99 | max |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${chats.relayed.chats} | ${chats.relayed.complete} | ${chats.relayed.lostTokens} | ${chats.relayed.outOfOrder} | ${chats.relayed.duplicateTokens} | ${chats.relayed.missingDone} | ${ms(chats.relayed.perToken.p50)} | ${ms(chats.relayed.perToken.p99)} | ${ms(chats.relayed.perToken.max)} |`,
  );
  const errors = runs.flatMap(([, result]) => result.errors);
  if (errors.length) lines.push('', `Chat errors seen: ${[...new Set(errors)].map((error) => `\`${error}\``).join(', ')}`);
  lines.push('');
  lines.push(
    '| App process memory | RSS | heap used |',
    '|---|---:|---:|',
    `| before the ${settings.chats} chats | ${mb(chats.memory.before.rss)} | ${mb(chats.memory.before.heapUsed)} |`,
    `| during (peak RSS, sampled every 50 ms) | ${mb(chats.memory.during.peakRss)} | ${mb(chats.memory.during.heapUsed)} |`,
    `| after (1 s after the last done) | ${mb(chats.memory.after.rss)} | ${mb(chats.memory.after.heapUsed)} |`,
    '',
  );
  lines.push(
    '| Event loop of the app (monitorEventLoopDelay, 10 ms resolution) | lag p50 | lag p99 | lag max | mean |',
    '|---|---:|---:|---:|---:|',
    `| idle, 2 s | ${ms(mixed.idleLag.p50)} | ${ms(mixed.idleLag.p99)} | ${ms(mixed.idleLag.max)} | ${ms(mixed.idleLag.mean)} |`,
    `| ${settings.mixedChats} chats + ${mixed.searches.concurrency} search loops, whole run (connections, questions, streaming) | ${ms(mixed.lag.p50)} | ${ms(mixed.lag.p99)} | ${ms(mixed.lag.max)} | ${ms(mixed.lag.mean)} |`,
    mixed.streamingLag
      ? `| the same, from the moment every chat had its first token to the last done (${(mixed.streamingLag.windowMs / 1000).toFixed(2)} s) | ${ms(mixed.streamingLag.p50)} | ${ms(mixed.streamingLag.p99)} | ${ms(mixed.streamingLag.max)} | ${ms(mixed.streamingLag.mean)} |`
      : '| the same, once every chat streams | not reached: some chat never received a token | | | |',
    '',
    `A 10 ms histogram samples the loop about 100 times a second, so in a run of a few seconds its p99 is one of its few worst samples. The whole run starts with all ${settings.mixedChats} WebSocket connections opening and their questions arriving together (upgrade, handshake, query analysis and search for each); the second row starts once every chat has had its first token, and both end at the last done.`,
    '',
    `Searches during the mixed run: ${mixed.searches.latency.count} answered, ${mixed.searches.failed} failed; latency p50 ${ms(mixed.searches.latency.p50)}, p99 ${ms(mixed.searches.latency.p99)}.`,
    '',
  );

  lines.push('## Start-up and a refused Ollama (`npx tsx src/server.ts`)', '');
  lines.push(
    '| Start | spawn → /health 200 | open + ingest (server log) | passages embedded | refused Ollama → extractive answer | mode | HTTP | same question again (check cached) |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
  );
  for (const [name, start] of [['cold (fresh DATA_DIR)', startup.cold], ['warm (same DATA_DIR)', startup.warm]] as const) {
    lines.push(
      `| ${name} | ${seconds(start.healthMs)} | ${start.corpusReadyMs === null ? '–' : seconds(start.corpusReadyMs)} | ${start.embedded ?? '–'} | ${ms(start.refused.ms)} | ${start.refused.mode} | ${start.refused.status} | ${ms(start.againMs)} |`,
    );
  }
  lines.push('', `Cold ÷ warm: ${ratio(startup.cold.healthMs, startup.warm.healthMs)}.`, '');

  lines.push('## Vector query plans (EXPLAIN, once per corpus)', '');
  for (const corpus of search) {
    lines.push(`${corpus.label}, with HNSW allowed:`, '', '```', corpus.plans.hnsw, '```', '', `${corpus.label}, exact (\`enable_indexscan = off\`):`, '', '```', corpus.plans.exact, '```', '');
  }

  lines.push('## Method', '');
  lines.push(
    '- Search latency: the service\'s `createSearchService` on an embedded PGlite in a temporary DATA_DIR, called in this process one query at a time over ~100 questions of `tests/eval/questions.json`, after up to 10 warm-up calls (at most 3 s); rounds repeat up to a time budget, and where one call takes seconds a hybrid variant stops after 10 calls (the calls column says how many). "Exact" runs the same statements with `enable_indexscan = off` (PGlite has one session, so a session-level SET is what SET LOCAL is in one transaction), and DISCARD PLANS before and after so the hybrid search\'s prepared statement is planned again under it: the HNSW index cannot serve the ORDER BY and every vector is compared; the plans above show the difference. The search service lives as long as the measurement, as in a running service: its passage reader fetches the passages a search returns the first time and keeps them in memory (up to 5 000). One pass over all questions comes first and is reported on its own (first search of each question); every variant after it runs on the same warm reader. In the hybrid statement the setting also applies to the BM25 part and the final join, which then use no plain index scans either.',
    `- Synthetic corpora: the real corpus plus generated passages up to the stated total; each generated passage recombines 2–5 sentences of the real corpus chosen by a seeded PRNG (mulberry32, seed = size), inserted in multi-row statements, embedded by a hashing embedder fitted on all passages (as an ingest does), then BM25 statistics, the service's own HNSW index (\`ensureVectorIndex\`: m ${HNSW_BUILD.m}, ef_construction ${HNSW_BUILD.efConstruction}; built with \`maintenance_work_mem\` raised for that session, as the table says, because at the default 64MB the graph of more than ~10 000 of these vectors is built on disk, many times slower) and the VACUUM every ingest ends with. The 50 000-passage corpus is built in a child process while the smaller ones are built and measured. pgvector ${results.search.vectorVersion}; queries ran with the \`hnsw.ef_search\` the service's session has (${[...new Set(search.map((corpus) => corpus.efSearch))].join(', ')}). The search side is then opened as the service holds it after an ingest (embedder fitted on all passages, spelling corrector from all passages).`,
    `- App under load: the real app (\`buildApp\`, wired as \`src/server.ts\` wires it) in a child process on 127.0.0.1 with its warm DATA_DIR, \`RATE_LIMIT_MAX\` raised so the limiter does not answer 429 to one address sending thousands of requests (its hook still runs), and the search result cache off (\`SEARCH_CACHE_SIZE=0\`) so every search, chats included, goes to the database; a second app process, with one client of the embedded database (\`DB_POOL_SIZE=1\`), measures throughput without the cache, and a third, with default settings, measures it with the cache. Load generators run in this process, the scripted model in another.`,
    `- Per-token latency: the scripted model (bench/fake-model.ts, Ollama's NDJSON protocol) writes the time of each write into the token; the client subtracts it from the time the WebSocket delta arrived. Clocks of the two processes were aligned over IPC (offset ${results.clock.offsetMs.toFixed(3)} ms, best round trip ${results.clock.rttMs.toFixed(3)} ms). The figure includes loopback and the client's own event loop, so it is an upper bound for what the service adds.`,
    '- Before the first token, "added" = (question sent → first delta) − (model received the request → wrote its first token): the service\'s work before it calls the model plus the delivery of the first token.',
    '- Start-up: spawn → first 200 from /health (polled every 20 ms), including npx and tsx start-up; the refused-Ollama question is `POST /api/ask` in auto mode with `OLLAMA_HOST` on a closed port, asked right after start so the availability check is not cached.',
    '- Knob, for work on the benchmark itself: `BENCH_SIZES=` (empty) skips the synthetic corpora.',
    '',
  );
  return lines.join('\n');
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

function seconds(value: number): string {
  return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

function minutes(value: number): string {
  const total = Math.round(value / 1000);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}

function ratio(a: number, b: number): string {
  return b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}×` : '–';
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(2)} %` : '–';
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}
