// The storage-and-search suite on embedded PGlite, in memory; and on disk, where the corpus survives a restart.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createHashingProvider } from '../../src/embeddings/providers.js';
import { readCorpus, type CorpusFiles } from '../../src/ingest/corpus-files.js';
import { ingestDocuments, type IngestReport } from '../../src/ingest/ingest.js';
import { listDocuments, type DocumentRow } from '../../src/repositories/documents-repository.js';
import { registerStorageSearchSuite } from './storage-search-suite.js';

registerStorageSearchSuite('PGlite in het geheugen', () => openDatabase({ dataDir: 'memory://' }));

describe('PGlite on disk', () => {
  const provider = createHashingProvider();
  let dataDir: string;
  let files: CorpusFiles;
  let firstReport: IngestReport;
  let stored: DocumentRow[];

  // Creating a database cluster on disk is the slow part (minutes on a busy machine), so it happens in the hook.
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-pglite-'));
    files = await readCorpus(new URL('../../corpus/', import.meta.url).pathname);
    const db = await openDatabase({ dataDir });
    try {
      expect(db.engine).toBe('pglite');
      firstReport = (await ingestDocuments(db, provider, { documents: files.documents, origin: 'corpus' })).report;
      stored = await listDocuments(db.pool);
    } finally {
      await db.close();
    }
  }, 180_000);

  afterAll(async () => {
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('ingested the corpus into the data directory', () => {
    expect(firstReport.added).toHaveLength(files.documents.length);
    expect(stored.map((entry) => entry.id).sort()).toEqual(files.documents.map((entry) => entry.document.meta.id).sort());
  });

  it('keeps the corpus across a close and reopen: the next ingest changes nothing', async () => {
    const reopened = await openDatabase({ dataDir });
    try {
      expect(await listDocuments(reopened.pool)).toEqual(stored);
      const { report } = await ingestDocuments(reopened, provider, { documents: files.documents, origin: 'corpus' });
      expect(report).toMatchObject({ added: [], updated: [], removed: [], embedded: 0, model: firstReport.model });
      expect(report.unchanged).toHaveLength(files.documents.length);
      const { rows } = await reopened.pool.query<{ n: string }>('select count(*) as n from embeddings where model = $1', [report.model]);
      expect(Number(rows[0]?.n)).toBe(report.passages);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
