// One process per embedded database: PGlite has no postmaster to stop a second process from writing the same files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';

export interface DataDirLock {
  release(): Promise<void>;
}

/** Takes `DATA_DIR/pglite.lock` for this process; a lock left by a process that no longer runs is taken over. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      return {
        async release() {
          await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
      // Our own pid in the lock is stale too: a restarted container runs as the same pid (often 1) as the one before.
      if (owner !== process.pid && isRunning(owner)) {
        throw new AppError(
          'BUSY',
          `De databank in ${dataDir} is in gebruik door een ander proces (pid ${owner}), bijvoorbeeld de draaiende server. ` +
            'Stop dat proces, of gebruik de server zelf (de API of de webpagina).',
        );
      }
      await fs.rm(file, { force: true });
    }
  }
  throw new AppError('BUSY', `De databank in ${dataDir} kon niet vergrendeld worden: probeer het opnieuw.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
