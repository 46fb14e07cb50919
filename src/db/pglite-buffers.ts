// How much memory the embedded database caches table and index pages in (shared_buffers), sized from the data it holds.
import fs from 'node:fs/promises';
import path from 'node:path';

const MB = 1024 * 1024;
/** Postgres' default, and PGlite's. */
export const DEFAULT_SHARED_BUFFERS_MB = 128;
/** PGlite (32-bit WASM) did not start with 2 048MB; 1 024MB leaves the rest of its memory to queries and index builds. */
export const MAX_SHARED_BUFFERS_MB = 1024;

/**
 * Half of the data, between the default and the maximum. At 50 000 passages the tables and indexes take 1.27 GB, the HNSW
 * index 385 MB of it: with 128MB each vector query read most of its index pages from the files again (p50 21 ms; 100
 * questions, ef_search 200), with 512MB or 1GB 10.5 ms. PGlite takes the whole buffer when it starts (RSS about 300 MB at
 * 128MB, 720 MB at 512MB, and 0.1–0.2 s more to start), so a corpus the size of the action list keeps the default.
 */
export function sharedBuffersFor(dataBytes: number): number {
  const half = Math.ceil(dataBytes / 2 / MB);
  return Math.min(MAX_SHARED_BUFFERS_MB, Math.max(DEFAULT_SHARED_BUFFERS_MB, half));
}

/** Bytes of the cluster's tables and indexes (`base/`: not the WAL, which no query reads); 0 for a new directory. */
export async function relationBytes(clusterDir: string): Promise<number> {
  let entries: string[];
  try {
    entries = await fs.readdir(path.join(clusterDir, 'base'), { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  // About 960 files even for the real corpus (PGlite's template databases included): stat one after the other, they took
  // 49–73 ms of every start (median 59 over 8 runs); all at once, on libuv's thread pool, 9–14 ms (median 13), same total.
  const stats = await Promise.all(entries.map((entry) => fs.stat(path.join(clusterDir, 'base', entry))));
  return stats.reduce((total, stat) => (stat.isFile() ? total + stat.size : total), 0);
}
