// Grows a database to N passages with Dutch-ish synthetic passages (real sentences recombined by a seeded PRNG), embedded and indexed in bulk.
import { createHash } from 'node:crypto';
import pgvector from 'pgvector/pg';
import { sentences } from '../src/answer/citations.js';
import type { Database } from '../src/db/database.js';
import { withTransaction } from '../src/db/database.js';
import type { Embedder } from '../src/embeddings/embedder.js';
import { createHashingEmbedder, fitHashingState } from '../src/embeddings/hashing-embedder.js';
import { upsertDocument } from '../src/repositories/documents-repository.js';
import { allPassageTexts, deleteOtherModels, ensureVectorIndex, refreshTermStatistics, refreshVectorStatistics, vacuumCorpusTables } from '../src/repositories/passages-repository.js';
import { createRandom, pick } from './stats.js';

export const SYNTHETIC_DOCUMENT = 'synthetic-bench';

export interface SyntheticLoadTimes {
  /** Passages in the database afterwards (real + synthetic). */
  passages: number;
  model: string;
  insertPassagesMs: number;
  insertEmbeddingsMs: number;
  embedMs: number;
  indexMs: number;
  statsMs: number;
  /** VACUUM of the corpus tables, which every ingest ends with: it lets index-only scans skip the heap. */
  vacuumMs: number;
  /** CPU time of this process over the whole load: on a shared machine, wall time alone overstates the cost. */
  cpuMs: number;
  maintenanceWorkMem: string | null;
  /** What Postgres said during the index build. */
  notices: string[];
}

export interface SyntheticLoad extends SyntheticLoadTimes {
  embedder: Embedder;
}

// Rows per insert statement: passages take 17 parameters, so 500 rows stay far below Postgres' 65 535.
const PASSAGE_BATCH = 500;
const EMBEDDING_BATCH = 250;

/** Sentences of the real corpus that read as prose (headings and footnote stubs are too short to recombine). */
export function sentencePool(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => sentences(text)).filter((sentence) => sentence.length >= 40 && sentence.length <= 400))];
}

/** Deterministic passages: 2–5 real sentences in a random order, with a heading borrowed from another one. */
export function generatePassages(pool: string[], count: number, seed: number): { heading: string; text: string }[] {
  const random = createRandom(seed);
  const passages: { heading: string; text: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const length = 2 + Math.floor(random() * 4);
    const parts: string[] = [];
    for (let part = 0; part < length; part += 1) parts.push(pick(pool, random));
    const heading = pick(pool, random).split(/\s+/).slice(0, 6).join(' ');
    passages.push({ heading, text: parts.join(' ') });
  }
  return passages;
}

export interface SyntheticLoadOptions {
  index?: boolean;
  /** For the HNSW build only, e.g. '1GB'; the service's ingest leaves Postgres' default (64MB). */
  maintenanceWorkMem?: string;
}

/**
 * Adds synthetic passages until the database holds `total`, then does what an ingest does for a new corpus:
 * one hashing embedder fitted on every passage, embeddings for all of them, BM25 statistics, the HNSW index and a VACUUM.
 */
export async function loadSyntheticCorpus(db: Database, total: number, seed: number, options: SyntheticLoadOptions = {}): Promise<SyntheticLoad> {
  const cpu = process.cpuUsage();
  const real = await allPassageTexts(db.pool);
  const missing = total - real.length;
  if (missing <= 0) throw new Error(`the database already holds ${real.length} passages`);
  const generated = generatePassages(sentencePool(real.map((passage) => passage.text)), missing, seed);

  let started = performance.now();
  await withTransaction(db.pool, async (client) => {
    await upsertDocument(client, {
      id: SYNTHETIC_DOCUMENT,
      title: 'Synthetisch benchmarkdocument',
      kind: 'synthetic',
      itemLabel: 'Fragment',
      relatedActions: [],
      origin: 'upload',
      markdown: '# Synthetisch benchmarkdocument\n',
      contentHash: `seed-${seed}-${missing}`,
    });
    for (let start = 0; start < generated.length; start += PASSAGE_BATCH) {
      const batch = generated.slice(start, start + PASSAGE_BATCH);
      const values: unknown[] = [];
      const rows = batch.map((passage, offset) => {
        const ordinal = start + offset;
        const base = values.length;
        values.push(`${SYNTHETIC_DOCUMENT}:p-${ordinal}`, ordinal, passage.heading, passage.text, hash(passage.text));
        return `($${base + 1}, '${SYNTHETIC_DOCUMENT}', $${base + 2}, 'context', 'Synthetische passages', $${base + 3}, $${base + 4}, $${base + 5})`;
      });
      await client.query(
        `insert into passages (id, document_id, ordinal, kind, section_title, heading, text, content_hash) values ${rows.join(', ')}`,
        values,
      );
    }
  });
  const insertPassagesMs = performance.now() - started;

  // The same embedder an ingest would build: fitted on every passage text in the stored order.
  started = performance.now();
  const all = await allPassageTexts(db.pool);
  const embedder = createHashingEmbedder(fitHashingState(all.map((passage) => passage.text)));
  const vectors = await embedder.embedDocuments(all.map((passage) => passage.text));
  const embedMs = performance.now() - started;

  started = performance.now();
  await withTransaction(db.pool, async (client) => {
    for (let start = 0; start < all.length; start += EMBEDDING_BATCH) {
      const values: unknown[] = [embedder.model];
      const rows = all.slice(start, start + EMBEDDING_BATCH).map((passage, offset) => {
        const base = values.length;
        values.push(passage.id, passage.contentHash, pgvector.toSql(vectors[start + offset] as number[]));
        return `($${base + 1}, $1, $${base + 2}, $${base + 3})`;
      });
      await client.query(`insert into embeddings (passage_id, model, content_hash, embedding) values ${rows.join(', ')}`, values);
    }
    await deleteOtherModels(client, embedder.model);
  });
  const insertEmbeddingsMs = performance.now() - started;

  started = performance.now();
  await refreshTermStatistics(db.pool);
  const statsMs = performance.now() - started;

  started = performance.now();
  const notices: string[] = [];
  if (options.index !== false) {
    const client = await db.pool.connect();
    // pgvector says so in a NOTICE when the graph outgrows maintenance_work_mem and the build continues on disk, much slower.
    const listen = (notice: { message?: string }) => notices.push(notice.message ?? '');
    client.on('notice', listen);
    try {
      if (options.maintenanceWorkMem) await client.query(`set maintenance_work_mem = '${options.maintenanceWorkMem}'`);
      await ensureVectorIndex(client, embedder.model, embedder.dimensions);
      await client.query('reset maintenance_work_mem');
    } finally {
      client.off('notice', listen);
      client.release();
    }
  }
  // As an ingest does: without statistics the planner guesses too few rows per model and scans every vector.
  await refreshVectorStatistics(db.pool);
  const indexMs = performance.now() - started;

  // As an ingest does once it has committed. Without it every posting a search read was also fetched from the table, for
  // its visibility: at 50 000 passages the hybrid statement took p50 18.4–19.0 / p95 27.3–28.0 ms without and
  // 16.6–17.3 / 23.7–25.8 ms with (two corpora built alike, measured in turns, two rounds each).
  started = performance.now();
  await vacuumCorpusTables(db.pool);
  const vacuumMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    embedder,
    model: embedder.model,
    passages: all.length,
    insertPassagesMs,
    insertEmbeddingsMs,
    embedMs,
    indexMs,
    statsMs,
    vacuumMs,
    maintenanceWorkMem: options.maintenanceWorkMem ?? null,
    notices,
    cpuMs: (used.user + used.system) / 1000,
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
