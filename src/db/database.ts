// Opens the database: embedded PGlite (in DATA_DIR) or a PostgreSQL server, always behind a pg Pool.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { fromSql } from 'pgvector';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { DEFAULT_SHARED_BUFFERS_MB, relationBytes, sharedBuffersFor } from './pglite-buffers.js';
import { runMigrations } from './migrate.js';
import { pglitePoolConfig, startPgliteThread, type PgliteThread } from './pglite-thread.js';

export interface Database {
  pool: pg.Pool;
  /** Which engine answers: useful in logs and for the health check. */
  engine: 'pglite' | 'postgres';
  /** The embedded database's page cache (shared_buffers) in MB; null on a PostgreSQL server, which has its own settings. */
  sharedBuffersMb: number | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /**
   * Pool size: connections to a PostgreSQL server (default 10; PGlite's wire server serializes queries, so tests use few),
   * or clients of the embedded database (default 8).
   */
  maxConnections?: number | undefined;
  /** The embedded database's page cache in MB; unset, it is sized from the data in dataDir (pglite-buffers.ts). */
  sharedBuffersMb?: number | undefined;
}

// A server that vanishes without closing the socket would otherwise leave requests waiting forever.
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 30_000;
// The hybrid search asks HNSW for 60 candidates, but an HNSW scan stops at ef_search rows (pgvector's default 40): at 50 000
// passages it got 41 on average. 200 gets all 60, and with the index's build parameters (HNSW_BUILD) recall@10 against an
// exact scan at 50 000 passages is 0.971–0.974, where 100 gives 0.933–0.945; the vector query takes about twice as long as
// at 100 (three full runs of npm run bench).
export const HNSW_EF_SEARCH = 200;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const vectorTypes = createVectorTypes();
  let pool: pg.Pool;
  let pglite: PgliteThread | undefined;
  let lock: DataDirLock | undefined;
  let sharedBuffersMb: number | null = null;
  if (options.databaseUrl) {
    pool = new pg.Pool({
      types: vectorTypes,
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
      // A startup option, so every pooled connection has it before its first query.
      options: `-c hnsw.ef_search=${HNSW_EF_SEARCH}`,
    });
  } else {
    const dataDir = options.dataDir === 'memory://' ? undefined : path.join(options.dataDir, 'pglite');
    if (dataDir) {
      await fs.mkdir(dataDir, { recursive: true });
      lock = await lockDataDir(options.dataDir);
    }
    // PGlite executes SQL synchronously (WASM); in its own thread a long query no longer stalls every request and stream.
    sharedBuffersMb = options.sharedBuffersMb ?? (dataDir ? sharedBuffersFor(await relationBytes(dataDir)) : DEFAULT_SHARED_BUFFERS_MB);
    pglite = startPgliteThread({ dataDir, sharedBuffersMb });
    try {
      await pglite.waitReady;
    } catch (error) {
      await lock?.release();
      throw error;
    }
    pool = new pg.Pool({ ...pglitePoolConfig(pglite, options.maxConnections), types: vectorTypes });
  }
  // A dropped server connection surfaces here for idle clients; without a listener it would crash the process.
  pool.on('error', () => undefined);

  const close = async () => {
    try {
      await pool.end();
    } finally {
      // After the pool: closing PGlite flushes DATA_DIR, then the thread ends and holds nothing open.
      try {
        await pglite?.close();
      } finally {
        await lock?.release();
      }
    }
  };
  try {
    await runMigrations(pool);
    // PGlite is a single session that outlives the pool's clients, so setting it once holds for every query.
    if (pglite) await pool.query(`set hnsw.ef_search = ${HNSW_EF_SEARCH}`);
    // The vector type exists only after the first migration. Its parser is looked up once and served by the
    // pool's type table: pgvector's per-connection registerTypes in a 'connect' listener races the caller's
    // first query on the same client (pg warns, and pg 9 will refuse).
    const { rows } = await pool.query<{ oid: number }>(`select oid from pg_type where typname = 'vector'`);
    if (!rows[0]) throw new Error('vector type not found in the database');
    vectorTypes.vectorOid = rows[0].oid;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }

  return { pool, engine: pglite ? 'pglite' : 'postgres', sharedBuffersMb, close };
}

/** Runs `work` in one transaction on one checked-out client; the client is always released. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** A pg type table that parses pgvector's `vector` (once its oid is known) and defers everything else to pg. */
interface VectorTypes extends pg.CustomTypesConfig {
  vectorOid: number | null;
}

function createVectorTypes(): VectorTypes {
  const types: VectorTypes = {
    vectorOid: null,
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === types.vectorOid && format !== 'binary'
        ? (value: string) => fromSql(value)
        : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
  return types;
}
