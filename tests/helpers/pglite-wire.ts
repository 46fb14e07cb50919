// A PGlite (with pgvector) behind its Postgres wire-protocol server, so tests can use DATABASE_URL, share one database, and cut the connection.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { LlmClient } from '../../src/answer/llm.js';
import { loadConfig, type Config, type ConfigInput } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createHashingProvider } from '../../src/embeddings/providers.js';
import { openCorpusIndex, type CorpusIndex } from '../../src/ingest/corpus-index.js';

/** Starting PGlite and ingesting the corpus over the wire can take a minute on a busy two-core machine. */
export const WIRE_START_MS = 180_000;

export interface PgliteWire {
  /** postgres://… URL of the wire server; stays the same across stop() and start(). */
  url: string;
  port: number;
  pglite: PGlite;
  /** Closes the listening socket and every client connection, like a database server going down. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startPgliteWire(): Promise<PgliteWire> {
  const pglite = await PGlite.create({ extensions: { vector } });
  let server: PGLiteSocketServer | null = null;
  let port = 0;
  const start = async () => {
    // The wire server answers one query at a time anyway; the connection limit only has to exceed the pools' sizes.
    const next = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 32 });
    await next.start();
    port = Number(next.getServerConn().split(':').at(-1));
    server = next;
  };
  await start();
  const stop = async () => {
    const current = server;
    server = null;
    await current?.stop();
  };
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    pglite,
    stop,
    start,
    async close() {
      await stop();
      await pglite.close();
    },
  };
}

export interface WireApp {
  app: FastifyInstance;
  db: Database;
  corpus: CorpusIndex;
  config: Config;
  close(): Promise<void>;
}

/** One app instance on its own small pool to the wire server, with the real corpus ingested (a no-op when it already is). */
export async function buildWireApp(
  wire: PgliteWire,
  options: { config?: ConfigInput; llm?: LlmClient | null } = {},
): Promise<WireApp> {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DATABASE_URL: wire.url, ...options.config }, {});
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, maxConnections: 3 });
  try {
    const { index } = await openCorpusIndex({ db, provider: createHashingProvider(), corpusDir: config.CORPUS_DIR });
    const app = await buildApp(config, { db, corpus: index, llm: options.llm ?? null });
    await app.ready();
    return {
      app,
      db,
      corpus: index,
      config,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
