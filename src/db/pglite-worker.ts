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
    // Not execProtocolRaw: besides returning the bytes, it parses every backend message into objects and appends them to a
    // list that only execProtocol ever clears, so each query's rows stayed in this thread's heap for good (about 7.6 MB
    // per thousand queries of 20 rows of 200 characters), and every garbage collection had more to walk. The stream hands
    // over the bytes alone.
    const chunks: Uint8Array[] = [];
    // A chunk is a view of PGlite's WASM memory, which the next chunk overwrites: copied at once.
    await pglite.execProtocolRawStream(request.bytes, { onRawData: (chunk) => chunks.push(chunk.slice()) });
    const response = joined(chunks);
    reply({ type: 'result', id: request.id, bytes: response }, [response.buffer as ArrayBuffer]);
  } catch (error) {
    reply({ type: 'failed', id: request.id, message: errorMessage(error) });
  }
}

/** One buffer of its own (not a view of a shared pool), so it can be transferred to the main thread. */
function joined(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

reply({ type: 'ready' });
