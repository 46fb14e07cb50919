// Search latency in-process on embedded PGlite: the service's hybrid search and the vector query alone, HNSW beside an exact scan, with recall.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pgvector from 'pgvector/pg';
import { openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createGlossaryExpander } from '../src/corpus/glossary.js';
import { openDatabase, type Database } from '../src/db/database.js';
import type { Embedder } from '../src/embeddings/embedder.js';
import { createHashingEmbedder, fitHashingState } from '../src/embeddings/hashing-embedder.js';
import { readCorpus } from '../src/ingest/corpus-files.js';
import { listDocuments } from '../src/repositories/documents-repository.js';
import { allPassageTexts, sqlLiteral } from '../src/repositories/passages-repository.js';
import { createSearchService, type SearchService } from '../src/search/search-service.js';
import { createSpellingCorrector } from '../src/search/spelling.js';
import type { BuildReply } from './build-corpus.js';
import type { SyntheticLoadTimes } from './synthetic-corpus.js';
import { grouped, percentile, summarize, type Summary } from './stats.js';

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

export interface VariantResult {
  latency: Summary;
  rounds: number;
}

export interface CorpusSearchResult {
  label: string;
  passages: number;
  load: SyntheticLoadTimes | null;
  /** Set when another process was busy on the other core during the measurement. */
  alongside: string | null;
  /**
   * The hybrid search's first call for each question, when the service's passage reader does not hold its passages yet
   * (as after a start). Every variant is measured after this pass, on the same warm reader.
   */
  firstSearch: Summary;
  hybrid: { hnsw: VariantResult; exact: VariantResult };
  vector: { hnsw: VariantResult; exact: VariantResult };
  /** Mean share of the exact top 10 that HNSW also returns (vector query alone). */
  recallAt10: number;
  recallQueries: number;
  /** Mean share of the hybrid top 10 (exact vectors) that the hybrid search with HNSW also returns. */
  hybridOverlapAt10: number;
  /** Queries that went through both hybrid variants. */
  hybridCompared: number;
  /** Rows the vector query with HNSW returns when the hybrid search asks for its 60 candidates (averaged). */
  candidates: { requested: number; hnsw: number };
  /** `hnsw.ef_search` as the service's database session has it: every other figure was measured with it. */
  efSearch: number;
  /** The vector query with other `hnsw.ef_search` values: what recall would cost (empty where the planner does not use HNSW). */
  efSweep: { efSearch: number; recallAt10: number; latency: Summary; candidates: number }[];
  plans: { hnsw: string; exact: string };
  /** The embedded database's page cache in MB as opened for this corpus (sized from its data: src/db/pglite-buffers.ts). */
  sharedBuffersMb: number | null;
}

export interface SearchBenchOptions {
  queries: string[];
  /** Passage counts of the synthetic corpora, beside the real one. */
  syntheticSizes: number[];
  /** Time per variant after which calls stop, once the minimum number was made. */
  variantBudgetMs: number;
  maxRounds: number;
  /** Fewest calls per hybrid variant (each vector variant always runs every query once, for recall). */
  minHybridCalls: number;
  log: (line: string) => void;
}

// The hybrid search asks each ranker for this many candidates (CANDIDATES in search-service.ts).
const HYBRID_CANDIDATES = 60;
const K = 10;
const WARMUP = 10;
const WARMUP_MS = 3_000;
// pgvector's default (40) first, for reference, then larger candidate lists.
const EF_SWEEP = [40, 100, 200, 400];

export async function runSearchBench(options: SearchBenchOptions): Promise<SearchBenchResult> {
  const results: CorpusSearchResult[] = [];
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-bench-search-'));
  const realDir = path.join(root, 'real');
  const sizes = [...options.syntheticSizes].sort((a, b) => a - b);
  const largest = sizes.pop();
  try {
    // The real corpus is ingested once; each synthetic corpus grows a copy of it.
    const ingested = await openRuntime(loadConfig({ DATA_DIR: realDir, LOG_LEVEL: 'silent', EMBEDDINGS: 'hashing' }, {}));
    await ingested.db.close();
    const dirOf = (size: number) => path.join(root, `synthetic-${size}`);
    for (const size of options.syntheticSizes) await fs.cp(realDir, dirOf(size), { recursive: true });

    // The real corpus, the headline figure, is measured with nothing else running.
    const vectorVersion = await measureCorpus('real corpus', realDir, null, null, options, results);

    // The largest build (minutes of single-threaded HNSW construction) runs in its own process while the smaller ones are built and measured.
    const background = largest === undefined ? null : buildCorpus(dirOf(largest), largest);
    const alongside = largest === undefined ? null : `measured while the ${grouped(largest)}-passage corpus was being built in another process`;
    background?.catch(() => undefined);
    if (largest !== undefined) options.log(`search: building ${largest} passages in a child process…`);
    for (const size of sizes) {
      options.log(`search: building ${size} passages in a child process…`);
      const load = await buildCorpus(dirOf(size), size);
      logLoad(load, options);
      await measureCorpus(`synthetic ${grouped(size)}`, dirOf(size), load, alongside, options, results);
      await fs.rm(dirOf(size), { recursive: true, force: true });
    }
    if (background && largest !== undefined) {
      const load = await background;
      logLoad(load, options);
      await measureCorpus(`synthetic ${grouped(largest)}`, dirOf(largest), load, null, options, results);
    }
    return { corpora: results, vectorVersion };
  } finally {
    for (const builder of builders) builder.kill('SIGKILL');
    await fs.rm(root, { recursive: true, force: true });
  }
}

export interface SearchBenchResult {
  corpora: CorpusSearchResult[];
  vectorVersion: string;
}

function logLoad(load: SyntheticLoadTimes, options: SearchBenchOptions): void {
  const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
  options.log(
    `search: ${load.passages} passages built: passages ${s(load.insertPassagesMs)}, embeddings ${s(load.insertEmbeddingsMs)}, embed ${s(load.embedMs)}, ` +
      `BM25 stats ${s(load.statsMs)}, HNSW build ${s(load.indexMs)}, vacuum ${s(load.vacuumMs)} (CPU ${s(load.cpuMs)} in all)`,
  );
}

/** Opens a built corpus as the service would hold it after an ingest, measures it, and closes it. */
async function measureCorpus(
  label: string,
  dataDir: string,
  load: SyntheticLoadTimes | null,
  alongside: string | null,
  options: SearchBenchOptions,
  results: CorpusSearchResult[],
): Promise<string> {
  const db = await openDatabase({ dataDir });
  try {
    const texts = (await allPassageTexts(db.pool)).map((passage) => passage.text);
    // What corpus-index.ts holds after an ingest: the hashing embedder fitted on every passage, spelling from every passage.
    const embedder = createHashingEmbedder(fitHashingState(texts));
    const { rows } = await db.pool.query<{ model: string }>('select distinct model from embeddings');
    if (rows.length !== 1 || rows[0]?.model !== embedder.model) {
      throw new Error(`stored embeddings (${rows.map((row) => row.model).join(', ')}) are not those of ${embedder.model}`);
    }
    const glossary = createGlossaryExpander((await readCorpus(CORPUS_DIR)).glossaries);
    const actionList = (await listDocuments(db.pool)).find((document) => document.kind === 'action-list')?.id ?? null;
    const spelling = createSpellingCorrector(texts);
    const service = createSearchService({ db, glossary, embedder: () => embedder, actionListId: () => actionList, spelling: () => spelling });
    results.push({ ...(await benchCorpus(label, db, service, embedder, options)), load, alongside, sharedBuffersMb: db.sharedBuffersMb });
    const { rows: version } = await db.pool.query<{ extversion: string }>(`select extversion from pg_extension where extname = 'vector'`);
    return version[0]?.extversion ?? '?';
  } finally {
    await db.close();
  }
}

// Builders still running when the benchmark fails are stopped with it, not left to fill a deleted directory.
const builders = new Set<ChildProcess>();

/** Runs build-corpus.ts in a child process and resolves with its timings. */
function buildCorpus(dataDir: string, size: number): Promise<SyntheticLoadTimes> {
  const child = fork(fileURLToPath(new URL('./build-corpus.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DATA_DIR: dataDir, BENCH_SIZE: String(size) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  builders.add(child);
  return new Promise((resolve, reject) => {
    let reply: BuildReply | null = null;
    child.on('message', (message: BuildReply) => (reply = message));
    child.once('exit', (code) => {
      builders.delete(child);
      const last = reply as BuildReply | null;
      if (last?.type === 'built') resolve(last.times);
      else reject(new Error(last?.type === 'failed' ? last.message : `building ${size} passages failed (exit ${code})`));
    });
  });
}

async function benchCorpus(
  label: string,
  db: Database,
  service: SearchService,
  embedder: Embedder,
  options: SearchBenchOptions,
): Promise<Omit<CorpusSearchResult, 'load' | 'alongside' | 'sharedBuffersMb'>> {
  const { rows: countRows } = await db.pool.query<{ n: number }>('select count(*)::int as n from passages');
  const passages = countRows[0]?.n ?? 0;
  const vectors = await Promise.all(options.queries.map((query) => embedder.embedQuery(query)));
  const dims = embedder.dimensions;
  // The vector part of the hybrid search, alone: the same expression and partial-index predicate.
  const vectorSql = `select passage_id from embeddings where model = ${sqlLiteral(embedder.model)}
    order by embedding::vector(${dims}) <=> $1::vector(${dims}) limit $2`;
  const vectorQuery = async (index: number, limit = K) =>
    (await db.pool.query<{ passage_id: string }>(vectorSql, [pgvector.toSql(vectors[index] as number[]), limit])).rows.map((row) => row.passage_id);
  const hybridQuery = async (index: number) => (await service.search(options.queries[index] as string, { k: K })).map((hit) => hit.passage.id);

  const explain = async () => {
    const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${vectorSql}`, [pgvector.toSql(vectors[0] as number[]), K]);
    // The query vector is a 1536-number literal in the plan; it says nothing, so it is shown as the parameter it was.
    return rows.map((row) => row['QUERY PLAN'].replace(/'\[[^\]]*\]'::vector/g, '$1::vector')).join('\n');
  };
  // "Exact": the planner may not use an index scan, so the HNSW index cannot serve the ORDER BY and every vector is compared.
  // PGlite has a single session, so a session-level SET is what SET LOCAL would be inside one transaction.
  // The hybrid search is a named prepared statement, and a setting does not invalidate its cached plan: without DISCARD
  // PLANS the "exact" hybrid calls kept running the HNSW plan (at 50 000 passages 80 ms a call, where a real scan takes 1.2 s).
  const exactly = async <T>(work: () => Promise<T>): Promise<T> => {
    await db.pool.query('set enable_indexscan = off');
    await db.pool.query('discard plans');
    try {
      return await work();
    } finally {
      await db.pool.query('reset enable_indexscan');
      await db.pool.query('discard plans');
    }
  };

  const { rows: efRows } = await db.pool.query<{ hnsw_ef_search: string }>(`select current_setting('hnsw.ef_search', true) as hnsw_ef_search`);
  const efSearchInUse = Number(efRows[0]?.hnsw_ef_search ?? 40);
  const plans = { hnsw: await explain(), exact: await exactly(explain) };
  options.log(`search [${label}] vector plan with HNSW:\n${indent(plans.hnsw)}\nsearch [${label}] vector plan, exact:\n${indent(plans.exact)}`);

  const candidates: number[] = [];
  for (let index = 0; index < options.queries.length; index += 1) candidates.push((await vectorQuery(index, HYBRID_CANDIDATES)).length);

  // One pass in the order a fresh service would meet the questions; without it the first variant measured would carry the
  // reader's first fetches and the second would not, and HNSW and exact would not be compared on equal terms.
  const firstSamples: number[] = [];
  for (let index = 0; index < options.queries.length; index += 1) {
    const before = performance.now();
    await hybridQuery(index);
    firstSamples.push(performance.now() - before);
  }
  const firstSearch = summarize(firstSamples);
  options.log(`search [${label} hybrid, first search of each question]: p50 ${firstSearch.p50.toFixed(2)} ms, p95 ${firstSearch.p95.toFixed(2)} ms`);

  const measure = (name: string, run: (index: number) => Promise<string[]>, minCalls: number) => measureVariant(`${label} ${name}`, options, run, minCalls);
  // Recall needs every query through both vector variants; the hybrid ones may stop at the budget (seconds per call at 50 000).
  const all = options.queries.length;
  const hybridHnsw = await measure('hybrid/HNSW', hybridQuery, options.minHybridCalls);
  const vectorHnsw = await measure('vector/HNSW', (index) => vectorQuery(index), all);
  const { hybridExact, vectorExact } = await exactly(async () => ({
    hybridExact: await measure('hybrid/exact', hybridQuery, options.minHybridCalls),
    vectorExact: await measure('vector/exact', (index) => vectorQuery(index), all),
  }));

  // One pass over the queries per setting, against the exact results above.
  const efSweep: CorpusSearchResult['efSweep'] = [];
  if (/hnsw/i.test(plans.hnsw)) {
    for (const efSearch of EF_SWEEP) {
      await db.pool.query(`set hnsw.ef_search = ${efSearch}`);
      // RESET would fall back to pgvector's default, not to what openDatabase set for the session.
      try {
        const samples: number[] = [];
        const recalls: number[] = [];
        const rows: number[] = [];
        for (let index = 0; index < vectorExact.tops.length; index += 1) {
          const before = performance.now();
          const top = await vectorQuery(index);
          samples.push(performance.now() - before);
          recalls.push(overlap(vectorExact.tops[index] ?? [], top));
          // The 60-candidate question is asked on a sample only: at the largest ef it costs as much as the rest of the sweep.
          if (index % 5 === 0) rows.push((await vectorQuery(index, HYBRID_CANDIDATES)).length);
        }
        efSweep.push({ efSearch, recallAt10: average(recalls), latency: summarize(samples), candidates: average(rows) });
        options.log(`search [${label}] ef_search ${efSearch}: recall@10 ${average(recalls).toFixed(3)}, p50 ${percentile(samples, 50).toFixed(2)} ms`);
      } finally {
        await db.pool.query(`set hnsw.ef_search = ${efSearchInUse}`);
      }
    }
  }

  return {
    label,
    passages,
    efSearch: efSearchInUse,
    efSweep,
    firstSearch,
    hybrid: { hnsw: hybridHnsw.result, exact: hybridExact.result },
    vector: { hnsw: vectorHnsw.result, exact: vectorExact.result },
    recallAt10: average(vectorExact.tops.map((exact, index) => overlap(exact, vectorHnsw.tops[index] ?? []))),
    recallQueries: vectorExact.tops.length,
    hybridOverlapAt10: average(hybridExact.tops.slice(0, hybridHnsw.tops.length).map((exact, index) => overlap(exact, hybridHnsw.tops[index] ?? []))),
    hybridCompared: Math.min(hybridExact.tops.length, hybridHnsw.tops.length),
    candidates: { requested: HYBRID_CANDIDATES, hnsw: average(candidates) },
    plans,
  };
}

/**
 * Sequential calls, query after query and round after round, until at least `minCalls` calls were made and the budget
 * is spent (or `maxRounds` rounds are done). The first round's results are kept for the recall comparisons.
 */
async function measureVariant(
  name: string,
  options: SearchBenchOptions,
  run: (index: number) => Promise<string[]>,
  minCalls: number,
): Promise<{ result: VariantResult; tops: string[][] }> {
  const count = options.queries.length;
  // Warm-up: a few calls, bounded in time too, since one hybrid call takes seconds at 50 000 passages.
  const warming = performance.now();
  for (let index = 0; index < Math.min(WARMUP, count) && (index === 0 || performance.now() - warming < WARMUP_MS); index += 1) await run(index);
  const samples: number[] = [];
  const tops: string[][] = [];
  const started = performance.now();
  const enough = () => samples.length >= Math.min(minCalls, count * options.maxRounds) && performance.now() - started >= options.variantBudgetMs;
  while (samples.length < count * options.maxRounds && !enough()) {
    const index = samples.length % count;
    const before = performance.now();
    const top = await run(index);
    samples.push(performance.now() - before);
    if (samples.length <= count) tops.push(top);
  }
  const latency = summarize(samples);
  options.log(`search [${name}]: ${samples.length} calls, p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
  return { result: { latency, rounds: samples.length / count }, tops };
}

function overlap(expected: string[], actual: string[]): number {
  if (!expected.length) return 1;
  const got = new Set(actual);
  return expected.filter((id) => got.has(id)).length / expected.length;
}

function average(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
