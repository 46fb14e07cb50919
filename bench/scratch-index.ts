// Scratch: index build settings (removed before hand-off).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { vectorIndexName } from '../src/repositories/passages-repository.js';
import { loadSyntheticCorpus } from './synthetic-corpus.js';
const size = Number(process.argv[2]);
const dir = process.argv[3] === 'mem' ? 'memory://' : await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-bench-scratch-'));
const cpu = () => { const u = process.cpuUsage(); return ((u.user + u.system) / 1e6).toFixed(1) + 's cpu'; };
let t = performance.now();
const runtime = await openRuntime(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }, {}));
console.log('open+ingest', (performance.now() - t).toFixed(0), cpu());
t = performance.now();
const c = process.cpuUsage();
const load = await loadSyntheticCorpus(runtime.db, size, size, { index: false });
console.log('load', (performance.now() - t).toFixed(0), { ...load, embedder: undefined }, cpu(), process.cpuUsage(c));
const name = vectorIndexName(load.embedder.model);
for (const mem of ['64MB', '512MB']) {
  await runtime.db.pool.query(`drop index if exists ${name}`);
  await runtime.db.pool.query(`set maintenance_work_mem = '${mem}'`);
  t = performance.now();
  const c0 = process.cpuUsage();
  await runtime.db.pool.query(`create index ${name} on embeddings using hnsw ((embedding::vector(1536)) vector_cosine_ops) where model = '${load.embedder.model}'`);
  const c1 = process.cpuUsage(c0);
  console.log('index with', mem, (performance.now() - t).toFixed(0), 'ms', ((c1.user + c1.system) / 1e6).toFixed(1), 's cpu');
}
await runtime.db.close();
if (dir !== 'memory://') await fs.rm(dir, { recursive: true, force: true });
