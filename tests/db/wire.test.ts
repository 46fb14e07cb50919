// The same storage-and-search suite over a real PostgreSQL wire connection (pg → PGlite socket server).
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { registerStorageSearchSuite } from './storage-search-suite.js';

/** A port the OS just handed out; the server binds it right after. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('geen poort'))));
    });
  });
}

/** The server counts a closed connection until its handler detaches; wait for that before connecting again. */
async function openWhenFree() {
  const deadline = Date.now() + 30_000;
  while (server.getStats().activeConnections > 0) {
    if (Date.now() > deadline) throw new Error('de vorige verbinding met de socketserver sluit niet');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return openDatabase({ databaseUrl, dataDir: 'memory://', maxConnections: 1 });
}

let pglite: PGlite;
let server: PGLiteSocketServer;
let databaseUrl: string;

beforeAll(async () => {
  pglite = await PGlite.create({ extensions: { vector } });
  const port = await freePort();
  // PGlite is one session: the server serves one connection at a time, so the pool below holds one as well.
  server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 1 });
  await server.start();
  databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await pglite?.close();
});

describe('wire connection', () => {
  it('is a PostgreSQL connection, not embedded PGlite', async () => {
    const db = await openWhenFree();
    try {
      expect(db.engine).toBe('postgres');
      expect(db.sharedBuffersMb).toBeNull();
      const { rows } = await db.pool.query<{ v: number[] }>("select '[1,2,3]'::vector as v");
      expect(rows[0]?.v).toEqual([1, 2, 3]);
    } finally {
      await db.close();
    }
  }, 120_000);
});

registerStorageSearchSuite('PostgreSQL-protocol via pg', openWhenFree);
