// Worker thread that owns the embedded PGlite, so its synchronous WASM query execution never blocks the main event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { serialize } from 'pg-protocol';
import type { PgliteWorkerData, PgliteWorkerReply, PgliteWorkerRequest } from './pglite-thread.js';

if (!parentPort) throw new Error('pglite-worker.ts must run in a worker thread (see pglite-thread.ts)');
const port = parentPort;

const { dataDir, sharedBuffersMb } = workerData as PgliteWorkerData;
// A failure here is thrown out of the worker: the main side sees the 'error' event and rejects waitReady with it.
const pglite = await PGlite.create({
  ...(dataDir ? { dataDir } : {}),
  extensions: { vector },
  ...(sharedBuffersMb ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`] } : {}),
});

const reply = (message: PgliteWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// PGlite is one session, shared by the main thread's connections. Their batches run one at a time in arrival order, except
// that while a connection is inside a transaction (or half way through an exchange: no ReadyForQuery yet) only that
// connection's batches run, as if it had the server to itself: others wait, and never see or join its uncommitted work.
const queue: PgliteWorkerRequest[] = [];
let owner: number | null = null;
let running = false;

port.on('message', (request: PgliteWorkerRequest) => {
  queue.push(request);
  void drain();
});

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let next = nextIndex(); next >= 0; next = nextIndex()) {
      const [request] = queue.splice(next, 1);
      await handle(request as PgliteWorkerRequest);
    }
  } finally {
    running = false;
  }
}

/** The first request that may run now; a close runs in turn even while a transaction is open, as a server shutdown would. */
function nextIndex(): number {
  if (owner === null || queue[0]?.type === 'close') return queue.length ? 0 : -1;
  return queue.findIndex((request) => request.type !== 'close' && request.connection === owner);
}

async function handle(request: PgliteWorkerRequest): Promise<void> {
  if (request.type === 'release') {
    try {
      // Like a server whose client disconnected: the connection's transaction is rolled back and its statements go.
      const closing = request.statements.map((name) => serialize.close({ type: 'S', name }));
      const rollback = owner === request.connection ? [serialize.sync(), serialize.query('rollback')] : [];
      if (closing.length || rollback.length) await run(joined([...rollback, ...closing, serialize.sync()]));
      if (owner === request.connection) owner = null;
      reply({ type: 'released', id: request.id });
    } catch (error) {
      reply({ type: 'failed', id: request.id, message: errorMessage(error) });
    }
    return;
  }
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
    const response = await run(request.bytes);
    owner = sessionIdle(response) ? null : request.connection;
    reply({ type: 'result', id: request.id, bytes: response }, [response.buffer as ArrayBuffer]);
  } catch (error) {
    // Which state the failure left the session in, PGlite says in answer to a Sync; without an answer the connection keeps
    // the session until its release rolls back.
    owner = (await run(serialize.sync()).then(sessionIdle, () => false)) ? null : request.connection;
    reply({ type: 'failed', id: request.id, message: errorMessage(error) });
  }
}

async function run(bytes: Uint8Array): Promise<Uint8Array> {
  // Not execProtocolRaw: besides returning the bytes, it parses every backend message into objects and appends them to a
  // list that only execProtocol ever clears, so each query's rows stayed in this thread's heap for good (about 7.6 MB
  // per thousand queries of 20 rows of 200 characters), and every garbage collection had more to walk. The stream hands
  // over the bytes alone.
  const chunks: Uint8Array[] = [];
  // A chunk is a view of PGlite's WASM memory, which the next chunk overwrites: copied at once.
  await pglite.execProtocolRawStream(bytes, { onRawData: (chunk) => chunks.push(chunk.slice()) });
  return joined(chunks);
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'; 'T' is in a transaction, 'E' in a failed one

/** Whether the response ends with ReadyForQuery saying the session is outside any transaction. */
function sessionIdle(response: Uint8Array): boolean {
  const at = response.length - 6;
  if (at < 0 || response[at] !== READY_FOR_QUERY) return false;
  const length = new DataView(response.buffer, response.byteOffset + at + 1, 4).getInt32(0);
  return length === 5 && response[at + 5] === IDLE;
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
