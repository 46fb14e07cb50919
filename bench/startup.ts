// Start-up and a refused Ollama: `npx tsx src/server.ts` as a child, timed from spawn to /health 200, cold (with ingest) and warm.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const START_TIMEOUT_MS = 180_000;
const POLL_MS = 20;

export interface StartResult {
  /** Spawn → first /health 200 (npx and tsx start-up included). */
  healthMs: number;
  /** What the server logs as its own open + ingest time ("corpus ready"), when it logs it. */
  corpusReadyMs: number | null;
  /** Passages the start embedded (0 when the stored corpus was unchanged). */
  embedded: number | null;
  /** POST /api/ask right after start, Ollama refusing connections: the answer's time, mode and whether it has text. */
  refused: { ms: number; mode: string; status: number; answered: boolean };
  /** The same question again at once: the availability check is cached now, so this is the answer without the refused connection. */
  againMs: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the server on `dataDir`, waits for /health, asks one question with Ollama unreachable, and stops it with SIGTERM. */
export async function startServer(dataDir: string, question: string): Promise<StartResult> {
  const port = await freePort();
  // A port that was free a moment ago and has no listener: connections to it are refused at once.
  const closedPort = await freePort();
  const started = performance.now();
  // Its own process group, so SIGTERM reaches npx, tsx and the server alike (npx does not pass signals on).
  const child = spawn('npx', ['tsx', 'src/server.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      API_KEYS: '',
      LOG_LEVEL: 'info',
      EMBEDDINGS: 'hashing',
      ANSWER_MODE: 'auto',
      OLLAMA_HOST: `http://127.0.0.1:${closedPort}`,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped while starting:\n${output}`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`no /health within ${START_TIMEOUT_MS} ms:\n${output}`);
      const healthy = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
      if (healthy) break;
      await sleep(POLL_MS);
    }
    const healthMs = performance.now() - started;

    const ask = async () => {
      const asked = performance.now();
      const response = await fetch(`${base}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      });
      const body = (await response.json()) as { mode?: string; answer?: string };
      return { ms: performance.now() - asked, mode: body.mode ?? '?', status: response.status, answered: (body.answer ?? '').length > 0 };
    };
    const refused = await ask();
    const again = await ask();

    const ready = readyLog(output);
    return { healthMs, corpusReadyMs: ready?.ms ?? null, embedded: ready?.embedded ?? null, refused, againMs: again.ms };
  } finally {
    await stop(child, exited);
  }
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

function readyLog(output: string): { ms: number; embedded: number } | null {
  for (const line of output.split('\n')) {
    if (!line.includes('corpus ready')) continue;
    try {
      const entry = JSON.parse(line) as { ms?: number; embedded?: number };
      if (typeof entry.ms === 'number') return { ms: entry.ms, embedded: entry.embedded ?? 0 };
    } catch {
      // A line that merely mentions the words is not the log entry.
    }
  }
  return null;
}
