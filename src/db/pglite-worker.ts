// Worker thread that owns the embedded PGlite, so its synchronous WASM query execution never blocks the main event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { PgliteWorkerData, PgliteWorkerReply, PgliteWorkerRequest } from './pglite-thread.js';

if (!parentPort) throw new Error('pglite-worker.ts must run in a worker thread (see pglite-thread.ts)');
const port = parentPort;

const { dataDir } = workerData as PgliteWorkerData;
// A failure here is thrown out of the worker: the main side sees the 'error' event and rejects waitReady with it.
const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { vector } });

const reply = (message: PgliteWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// PGlite is one session; the chain keeps a close from overtaking requests that arrived before it.
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: PgliteWorkerRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: PgliteWorkerRequest): Promise<void> {
  if (request.type === 'close') {
    try {
      await pglite.close();
      reply({ type: 'closed', id: request.id });
    } catch (error) {
      reply({ type: 'failed', id: request.id, message: errorMessage(error) });
    }
    port.close();
    return;
  }
  try {
    // execProtocolRaw returns a fresh copy of PGlite's receive buffer, so handing its memory over is safe.
    const response = await pglite.execProtocolRaw(request.bytes);
    reply({ type: 'result', id: request.id, bytes: response }, [response.buffer as ArrayBuffer]);
  } catch (error) {
    reply({ type: 'failed', id: request.id, message: errorMessage(error) });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

reply({ type: 'ready' });
