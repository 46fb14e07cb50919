// GET /health through app.inject: 200 while the database answers, 503 in the error shape when it does not.
import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { useTestApp } from '../helpers/test-app.js';

const testApp = useTestApp();

/** A local port nothing listens on any more: connecting to it is refused, as with a stopped PostgreSQL. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('geen poort'))));
    });
  });
}

describe('GET /health', () => {
  it('answers 200 {"status":"ok"} when the database answers', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 DATABASE_UNAVAILABLE when the database server cannot be reached', async () => {
    const pool = new pg.Pool({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/postgres`, connectionTimeoutMillis: 2_000 });
    const db: Database = { pool, engine: 'postgres', sharedBuffersMb: null, close: () => pool.end() };
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }, {}), { db, corpus: testApp.runtime.corpus });
    try {
      await app.ready();
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        error: { code: 'DATABASE_UNAVAILABLE', message: 'De databank is tijdelijk niet bereikbaar. Probeer het zo dadelijk opnieuw.' },
      });
    } finally {
      await app.close();
      await db.close();
    }
  });
});
