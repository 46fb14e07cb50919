// Opens the database: embedded PGlite (in DATA_DIR) or a PostgreSQL server, always behind a pg Pool.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import pgvector from 'pgvector/pg';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { runMigrations } from './migrate.js';

export interface Database {
  pool: pg.Pool;
  /** Which engine answers: useful in logs and for the health check. */
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Pool size for a PostgreSQL server (default 10); PGlite's wire server serializes queries, so tests use few. */
  maxConnections?: number;
}

// A server that vanishes without closing the socket would otherwise leave requests waiting forever.
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 30_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let pool: pg.Pool;
  let pglite: PGlite | undefined;
  if (options.databaseUrl) {
    pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
  } else {
    const dataDir = options.dataDir === 'memory://' ? undefined : path.join(options.dataDir, 'pglite');
    if (dataDir) await fs.mkdir(dataDir, { recursive: true });
    pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { vector } });
    pool = new pg.Pool(createPgConfig(pglite));
  }
  // A dropped server connection surfaces here for idle clients; without a listener it would crash the process.
  pool.on('error', () => undefined);

  await runMigrations(pool);
  // The vector type exists only after the first migration, so register it per connection from now on.
  // The migration's connection stays idle in the pool (PGlite's pool holds only that one): register it here.
  const migrated = await pool.connect();
  try {
    await pgvector.registerTypes(migrated);
  } finally {
    migrated.release();
  }
  pool.on('connect', (client) => {
    pgvector.registerTypes(client).catch(() => undefined);
  });

  return {
    pool,
    engine: pglite ? 'pglite' : 'postgres',
    async close() {
      await pool.end();
      if (pglite) await pglite.close();
    },
  };
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
