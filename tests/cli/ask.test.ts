// `npm run ask`: answered by the running service when there is one, and refused in Dutch when another process holds the database.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/test-app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function ask(question: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/ask.ts', question], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', EMBEDDINGS: 'hashing', ANSWER_MODE: 'extractive', DATABASE_URL: '', API_KEYS: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run ask', () => {
  const testApp = useTestApp({ config: { ANSWER_MODE: 'extractive' } });
  let port = 0;
  let dataDir = '';

  beforeAll(async () => {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    port = (testApp.app.server.address() as AddressInfo).port;
    // A DATA_DIR held by this (running) test process: the command must not open it.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-ask-'));
    await fs.writeFile(path.join(dataDir, 'pglite.lock'), String(process.pid));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('asks the running service, leaving its database alone', async () => {
    const result = await ask('Welke acties gaan over kinderopvang?', { PORT: String(port), DATA_DIR: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(Actie 57)');
    expect(result.stdout).toContain('[zonder taalmodel]');
    // Each citation ends with the page's link to the action's text.
    expect(result.stdout).toMatch(new RegExp(`^- Actie 57 \\(3\\.6\\): “.+” http://127\\.0\\.0\\.1:${port}/#actie-57$`, 'm'));
  }, 90_000);

  it('ends quietly when the reader of its output is gone, as with `npm run ask -- … | head -1`', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/ask.ts', 'Welke acties gaan over kinderopvang?'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, EMBEDDINGS: 'hashing', ANSWER_MODE: 'extractive', DATABASE_URL: '', API_KEYS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the answer comes: every line the command writes finds no reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 90_000);

  it('says in Dutch that the database is in use when no service answers', async () => {
    const result = await ask('Welke acties gaan over kinderopvang?', { PORT: '9', DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`in gebruik door een ander proces (pid ${process.pid})`);
  }, 90_000);
});
