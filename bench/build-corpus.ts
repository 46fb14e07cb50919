// Child process: grows a copy of the ingested real corpus to N passages (synthetic-corpus.ts) and reports the timings over IPC.
import { openDatabase } from '../src/db/database.js';
import { loadSyntheticCorpus, type SyntheticLoadTimes } from './synthetic-corpus.js';

export type BuildReply = { type: 'built'; times: SyntheticLoadTimes } | { type: 'failed'; message: string };

const [dataDir, size] = [process.env['BENCH_DATA_DIR'], Number(process.env['BENCH_SIZE'])];
const BUILD_MEMORY = '1GB';
const send = (message: BuildReply) => new Promise<void>((resolve) => process.send?.(message, () => resolve()));

try {
  if (!dataDir || !Number.isInteger(size)) throw new Error('BENCH_DATA_DIR and BENCH_SIZE are required');
  // openDatabase, not openRuntime: an ingest of corpus/ would refit the embedder on the real passages and drop these vectors.
  const db = await openDatabase({ dataDir });
  // 64MB (the default) holds the HNSW graph of only ~10 000 of these vectors; past that pgvector builds on disk, several
  // times slower, which would put a 50 000-passage build far beyond the benchmark's time. The service's ingest does not raise it.
  const { embedder: _embedder, ...times } = await loadSyntheticCorpus(db, size, size, { maintenanceWorkMem: BUILD_MEMORY });
  await db.close();
  await send({ type: 'built', times });
  process.exit(0);
} catch (error) {
  await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
