// Search latency in-process on embedded PGlite: the service's hybrid search and the vector query alone, HNSW beside an exact scan, with recall.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pgvector from 'pgvector/pg';
import { openRuntime, type Runtime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import type { Embedder } from '../src/embeddings/embedder.js';
import { sqlLiteral } from '../src/repositories/passages-repository.js';
import { createSearchService, type SearchService } from '../src/search/search-service.js';
import { loadSyntheticCorpus, type SyntheticLoad } from './synthetic-corpus.js';
import { summarize, type Summary } from './stats.js';

export interface VariantResult {
  latency: Summary;
  rounds: number;
}

export interface CorpusSearchResult {
  label: string;
  passages: number;
  load: SyntheticLoad | null;
  hybrid: { hnsw: VariantResult; exact: VariantResult };
  vector: { hnsw: VariantResult; exact: VariantResult };
  /** Mean share of the exact top 10 that HNSW also returns (vector query alone). */
  recallAt10: number;
  /** Mean share of the hybrid top 10 (exact vectors) that the hybrid search with HNSW also returns. */
  hybridOverlapAt10: number;
  /** Rows the vector query with HNSW returns when the hybrid search asks for its 60 candidates (averaged). */
  candidates: { requested: number; hnsw: number };
  plans: { hnsw: string; exact: string };
}

export interface SearchBenchOptions {
  queries: string[];
  /** Passage counts of the synthetic corpora, beside the real one. */
  syntheticSizes: number[];
  /** Upper bound per variant: rounds over all queries stop when it is spent (one round always completes). */
  variantBudgetMs: number;
  maxRounds: number;
  log: (line: string) => void;
}

// The hybrid search asks each ranker for this many candidates (CANDIDATES in search-service.ts).
const HYBRID_CANDIDATES = 60;
const K = 10;
const WARMUP = 10;

export async function runSearchBench(options: SearchBenchOptions): Promise<CorpusSearchResult[]> {
  const results: CorpusSearchResult[] = [];
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-bench-search-'));
  const realDir = path.join(root, 'real');
  const configFor = (dataDir: string) => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', EMBEDDINGS: 'hashing' }, {});
  try {
    const real = await openRuntime(configFor(realDir));
    try {
      results.push({ ...(await benchCorpus('real corpus', real, real.corpus.embedder(), options)), load: null });
    } finally {
      await real.db.close();
    }
    for (const size of options.syntheticSizes) {
      // A copy of the ingested real corpus: the second open finds it unchanged and skips the ingest.
      const dataDir = path.join(root, `synthetic-${size}`);
      await fs.cp(realDir, dataDir, { recursive: true });
      const runtime = await openRuntime(configFor(dataDir));
      try {
        options.log(`search: loading a corpus of ${size} passages…`);
        const load = await loadSyntheticCorpus(runtime.db, size, size);
        options.log(
          `search: ${load.passages} passages: insert ${(load.insertMs / 1000).toFixed(1)} s, embed ${(load.embedMs / 1000).toFixed(1)} s, ` +
            `BM25 stats ${(load.statsMs / 1000).toFixed(1)} s, HNSW build ${(load.indexMs / 1000).toFixed(1)} s (CPU ${(load.cpuMs / 1000).toFixed(1)} s in all)`,
        );
        results.push({ ...(await benchCorpus(`synthetic ${size.toLocaleString('en-US')}`, runtime, load.embedder, options)), load });
      } finally {
        await runtime.db.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  return results;
}

async function benchCorpus(label: string, runtime: Runtime, embedder: Embedder, options: SearchBenchOptions): Promise<Omit<CorpusSearchResult, 'load'>> {
  const { db, corpus } = runtime;
  // The same wiring as app.ts (without the Prometheus wrapper): the function /api/search and the chat call.
  const service: SearchService = createSearchService({
    db,
    glossary: corpus.glossary,
    embedder: () => embedder,
    actionListId: () => corpus.actionListId(),
    spelling: () => corpus.spelling(),
  });
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
  const exactly = async <T>(work: () => Promise<T>): Promise<T> => {
    await db.pool.query('set enable_indexscan = off');
    try {
      return await work();
    } finally {
      await db.pool.query('reset enable_indexscan');
    }
  };

  const plans = { hnsw: await explain(), exact: await exactly(explain) };
  options.log(`search [${label}] vector plan with HNSW:\n${indent(plans.hnsw)}\nsearch [${label}] vector plan, exact:\n${indent(plans.exact)}`);

  const candidates: number[] = [];
  for (let index = 0; index < options.queries.length; index += 1) candidates.push((await vectorQuery(index, HYBRID_CANDIDATES)).length);

  const measure = (name: string, run: (index: number) => Promise<string[]>) => measureVariant(`${label} ${name}`, options, run);
  const hybridHnsw = await measure('hybrid/HNSW', hybridQuery);
  const vectorHnsw = await measure('vector/HNSW', (index) => vectorQuery(index));
  const { hybridExact, vectorExact } = await exactly(async () => ({
    hybridExact: await measure('hybrid/exact', hybridQuery),
    vectorExact: await measure('vector/exact', (index) => vectorQuery(index)),
  }));

  return {
    label,
    passages,
    hybrid: { hnsw: hybridHnsw.result, exact: hybridExact.result },
    vector: { hnsw: vectorHnsw.result, exact: vectorExact.result },
    recallAt10: average(vectorExact.tops.map((exact, index) => overlap(exact, vectorHnsw.tops[index] ?? []))),
    hybridOverlapAt10: average(hybridExact.tops.map((exact, index) => overlap(exact, hybridHnsw.tops[index] ?? []))),
    candidates: { requested: HYBRID_CANDIDATES, hnsw: average(candidates) },
    plans,
  };
}

/**
 * Sequential calls over all queries, round after round, until the budget or the round limit is reached.
 * The first round's results are kept: recall compares them between the HNSW and the exact variant.
 */
async function measureVariant(
  name: string,
  options: SearchBenchOptions,
  run: (index: number) => Promise<string[]>,
): Promise<{ result: VariantResult; tops: string[][] }> {
  for (let index = 0; index < Math.min(WARMUP, options.queries.length); index += 1) await run(index);
  const samples: number[] = [];
  const tops: string[][] = [];
  const started = performance.now();
  let rounds = 0;
  while (rounds < options.maxRounds && (rounds === 0 || performance.now() - started < options.variantBudgetMs)) {
    for (let index = 0; index < options.queries.length; index += 1) {
      const before = performance.now();
      const top = await run(index);
      samples.push(performance.now() - before);
      if (rounds === 0) tops.push(top);
    }
    rounds += 1;
  }
  const latency = summarize(samples);
  options.log(`search [${name}]: ${samples.length} calls, p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
  return { result: { latency, rounds }, tops };
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
