// One process per embedded database: a DATA_DIR in use by a running process is refused with a Dutch message, a stale lock is taken over.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { AppError } from '../../src/errors.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe('the DATA_DIR lock', () => {
  it('refuses a database that another running process holds, naming it, and takes over once that process is gone', async () => {
    const dataDir = await tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await fs.writeFile(path.join(dataDir, 'pglite.lock'), String(other.pid));
      const refused = await openDatabase({ dataDir }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('BUSY');
      expect((refused as AppError).message).toContain(`in gebruik door een ander proces (pid ${other.pid})`);
    } finally {
      const exited = new Promise((resolve) => other.once('exit', resolve));
      other.kill();
      await exited;
    }

    const db = await openDatabase({ dataDir });
    expect(await fs.readFile(path.join(dataDir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    await expect(fs.access(path.join(dataDir, 'pglite.lock'))).rejects.toThrow();
  }, 60_000);

  it('treats a lock with its own pid as stale (a restarted container has the same pid)', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, 'pglite.lock'), String(process.pid));
    const lock = await lockDataDir(dataDir);
    await lock.release();
  });

  it('is not needed for an in-memory database', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    await db.close();
  }, 60_000);
});
