// The embedded database's page cache: sized from the data it holds, or as configured.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/bootstrap.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { relationBytes, sharedBuffersFor } from '../../src/db/pglite-buffers.js';

const MB = 1024 * 1024;
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-buffers-'));
  dirs.push(dir);
  return dir;
};

/** What the database runs with, checked against what it says it was given. */
async function sharedBuffers(db: Database): Promise<string> {
  const { rows } = await db.pool.query<{ shared_buffers: string }>('show shared_buffers');
  const shown = rows[0]?.shared_buffers ?? '';
  expect(shown).toBe(`${db.sharedBuffersMb}MB`);
  return shown;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('sharedBuffersFor', () => {
  it("keeps Postgres' 128MB for data up to twice that, then takes half of the data, up to 1GB", () => {
    expect(sharedBuffersFor(0)).toBe(128);
    expect(sharedBuffersFor(60 * MB)).toBe(128);
    expect(sharedBuffersFor(256 * MB)).toBe(128);
    expect(sharedBuffersFor(300 * MB)).toBe(150);
    expect(sharedBuffersFor(1300 * MB)).toBe(650);
    expect(sharedBuffersFor(5000 * MB)).toBe(1024);
  });
});

describe('relationBytes', () => {
  it('adds up the files under base/, in every database, and nothing else', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, 'base', '5'), { recursive: true });
    await fs.mkdir(path.join(dir, 'base', '1'), { recursive: true });
    await fs.mkdir(path.join(dir, 'pg_wal'), { recursive: true });
    await fs.writeFile(path.join(dir, 'base', '5', '16384'), Buffer.alloc(3000));
    await fs.writeFile(path.join(dir, 'base', '5', '16385'), Buffer.alloc(500));
    await fs.writeFile(path.join(dir, 'base', '1', '1259'), Buffer.alloc(20));
    await fs.writeFile(path.join(dir, 'pg_wal', '000000010000000000000001'), Buffer.alloc(9000));
    expect(await relationBytes(dir)).toBe(3520);
  });

  it('is 0 for a directory where no database has been created yet', async () => {
    expect(await relationBytes(path.join(await tempDir(), 'pglite'))).toBe(0);
  });
});

describe('the embedded database', () => {
  it('starts a new data directory with 128MB', async () => {
    const db = await openDatabase({ dataDir: await tempDir() });
    try {
      expect(await sharedBuffers(db)).toBe('128MB');
    } finally {
      await db.close();
    }
  }, 60_000);

  it('starts with half of the data it holds as cache', async () => {
    const dataDir = await tempDir();
    await (await openDatabase({ dataDir })).close();
    // 600 MB of relation files without writing them: a sparse file in the template database, which no query reads.
    const padding = path.join(dataDir, 'pglite', 'base', '1', '999999');
    await fs.writeFile(padding, '');
    await fs.truncate(padding, 600 * MB);
    const db = await openDatabase({ dataDir });
    try {
      expect(await sharedBuffers(db)).toMatch(/^(30[0-9]|31[0-9])MB$/);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('takes PGLITE_SHARED_BUFFERS_MB over the sizing', async () => {
    const config = loadConfig({ DATA_DIR: await tempDir(), LOG_LEVEL: 'silent', PGLITE_SHARED_BUFFERS_MB: '64' }, {});
    const runtime = await openRuntime(config);
    try {
      expect(await sharedBuffers(runtime.db)).toBe('64MB');
    } finally {
      await runtime.db.close();
    }
  }, 120_000);
});
