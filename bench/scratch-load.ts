// Scratch: times the synthetic load alone (removed before hand-off).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { loadSyntheticCorpus } from './synthetic-corpus.js';
const size = Number(process.argv[2]);
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-bench-scratch-'));
let t = performance.now();
const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, {}));
console.log('open+ingest', performance.now() - t, process.cpuUsage());
t = performance.now();
const load = await loadSyntheticCorpus(runtime.db, size, size);
console.log('load', performance.now() - t, { ...load, embedder: undefined }, process.cpuUsage(), process.memoryUsage.rss() / 1e6);
await runtime.db.close();
await fs.rm(dataDir, { recursive: true, force: true });
