// The check for corpus changes made by other instances: it runs on a shared PostgreSQL server, not on the embedded database.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { CorpusIndex } from '../../src/ingest/corpus-index.js';
import { useTestApp } from '../helpers/test-app.js';

const INTERVAL_MS = 20;

describe('corpus refresh', () => {
  const t = useTestApp();

  /** Builds an app on the test runtime whose corpus counts its refresh calls, waits, and says how many there were. */
  async function refreshesWithin(ms: number, databaseUrl: string | undefined): Promise<number> {
    let calls = 0;
    const corpus: CorpusIndex = Object.create(t.runtime.corpus, {
      refresh: { value: async () => ((calls += 1), false) },
    });
    const config = { ...t.runtime.config, CORPUS_REFRESH_MS: INTERVAL_MS, DATABASE_URL: databaseUrl };
    const app = await buildApp(config, { db: t.runtime.db, corpus, llm: null });
    try {
      await app.ready();
      await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
      await app.close();
    }
    return calls;
  }

  it('checks every CORPUS_REFRESH_MS when the database is a shared server', async () => {
    expect(await refreshesWithin(10 * INTERVAL_MS, 'postgres://actiewijzer@db:5432/actiewijzer')).toBeGreaterThanOrEqual(3);
  });

  it('does not check on the embedded database, which no other instance can open', async () => {
    expect(await refreshesWithin(10 * INTERVAL_MS, undefined)).toBe(0);
  });
});
