// SIGTERM during a streamed answer (the real server process, a slow fake Ollama): no new connections, the answer is cancelled, the socket closes with 1001, exit code 0.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { chatSocket } from '../helpers/chat-socket.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The server ingests the corpus into a fresh PGlite before it listens.
const START_MS = 90_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('SIGTERM while an answer streams', () => {
  let ollama: FakeOllama;
  let child: ChildProcess;
  let dataDir: string;
  let url: string;
  let output = '';
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    ollama = await startFakeOllama();
    // Slow enough that the answer is still streaming when the signal comes: 40 tokens, 250 ms apart.
    ollama.setDefaultChat(() => ({ kind: 'answer', content: 'Actie 12 zegt dat diploma’s sneller erkend moeten worden. '.repeat(5), tokenDelayMs: 250 }));
    const port = await freePort();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-sigterm-'));
    url = `http://127.0.0.1:${port}`;
    // `npm start` runs `tsx src/server.ts`; calling tsx itself (not npm or npx, which do not pass SIGTERM on)
    // makes the signal reach the server and the exit code the server's own.
    child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
        EMBEDDINGS: 'hashing',
        ANSWER_MODE: 'llm',
        OLLAMA_HOST: ollama.url,
      },
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

    const deadline = Date.now() + START_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped while starting:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no /health within ${START_MS} ms:\n${output}`);
      const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, START_MS + 10_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await ollama?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('cancels the answer, closes the socket with 1001, refuses new connections and exits 0', async () => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/chat`);
    const client = chatSocket(socket);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    client.send({ type: 'ask', question: 'Hoe worden buitenlandse diploma’s erkend?' });
    expect(await client.next('start')).toMatchObject({ mode: 'llm' });
    await client.next('delta');
    expect(ollama.activeChats()).toBe(1);

    child.kill('SIGTERM');
    expect(await client.closed).toBe(1001);
    // The answer did not run on after the socket went: its request to the model was cut off.
    await ollama.waitForClientAbort(1);
    expect(client.messages.some((message) => message.type === 'done')).toBe(false);

    // The server no longer takes new work: the connection is refused, or Fastify answers 503 while closing.
    const late = await fetch(`${url}/health`).then((response) => response.status, () => 'refused');
    expect([503, 'refused']).toContain(late);

    expect(await exit).toEqual({ code: 0, signal: null });
    expect(output).toContain('"signal":"SIGTERM"');
    expect(output).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});
