// Main-thread side of the PGlite worker: starts it, and speaks the Postgres protocol to it for node-postgres's pool.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';

export interface PgliteWorkerData {
  /** Directory of the database cluster; absent keeps it in memory. */
  dataDir?: string | undefined;
  /** Postgres' shared_buffers, in MB (pglite-buffers.ts); absent keeps PGlite's default. */
  sharedBuffersMb?: number | undefined;
}

type WorkerCall =
  | { type: 'exec'; connection: number; bytes: Uint8Array }
  /** The connection has ended: its open transaction is rolled back and its prepared statements are closed. */
  | { type: 'release'; connection: number; statements: string[] }
  | { type: 'close' };
export type PgliteWorkerRequest = WorkerCall & { id: number };

export type PgliteWorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; bytes: Uint8Array }
  | { type: 'failed'; id: number; message: string }
  | { type: 'released'; id: number }
  | { type: 'closed'; id: number };

export interface PgliteThread {
  /** Settles when PGlite in the worker has started (or failed to). */
  waitReady: Promise<void>;
  /**
   * Runs protocol bytes in the worker for one connection (0 unless given) and returns the backend messages, ErrorResponse
   * included unless throwOnError.
   */
  execProtocolStream(message: Uint8Array, options?: { throwOnError?: boolean; connection?: number }): Promise<BackendMessage[]>;
  /** Tells the worker a connection has ended, so the session is not left in its transaction. */
  release(connection: number, statements: string[]): Promise<void>;
  /** Closes PGlite (flushing DATA_DIR) and ends the thread; idempotent. */
  close(): Promise<void>;
  /** The thread itself, for tests that need to kill it. */
  readonly worker: Worker;
}

// The routes answer 503 for these SQLSTATEs (plugins/error-handler.ts), as they would for a PostgreSQL server that went away.
const CONNECTION_FAILURE = '08006';
const CONNECTION_DOES_NOT_EXIST = '08003';

function connectionError(message: string, code: string, cause?: unknown): Error {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
}

/** The worker's entry: from source it is TypeScript, which a worker thread cannot load by itself. */
function workerEntry(): URL {
  // '.ts' under tsx and vitest; '.js' should the sources ever be compiled.
  const extension = path.extname(fileURLToPath(import.meta.url));
  const worker = new URL(`./pglite-worker${extension}`, import.meta.url);
  if (extension !== '.ts') return worker;
  // `--import tsx` in the worker's execArgv does nothing on Node 20: tsx registers its hooks there only on the main thread
  // (it cannot tell a worker from Node's own loader thread before Node 22.22), and vitest's module runner is no Node loader at
  // all. So a small ES module registers tsx's hooks in the worker itself and then imports the TypeScript entry. It is a data:
  // URL because that needs no file on disk; data: modules resolve only absolute specifiers, hence the resolved URLs.
  const bootstrap = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
    'register();',
    `await import(${JSON.stringify(worker.href)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

export function startPgliteThread(data: PgliteWorkerData): PgliteThread {
  // No inherited execArgv: the parent's `--import tsx` would register tsx a second time on Node versions where it works in
  // workers, and some parent flags are not allowed in a worker.
  const worker = new Worker(workerEntry(), { name: 'pglite', workerData: data, execArgv: [] });

  const pending = new Map<number, { resolve: (reply: PgliteWorkerReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ready = false;
  let closing: Promise<void> | null = null;
  // Once set, every request fails with it at once: a caller must never wait on a thread that will not answer.
  let unavailable: Error | null = null;

  let markReady!: () => void;
  let failStart!: (error: Error) => void;
  const waitReady = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  // A start failure must reach whoever awaits this promise, and never the process as an unhandled rejection.
  waitReady.catch(() => undefined);

  // Referenced only while something waits on the worker: an idle database must not keep the process alive (as in-process
  // PGlite did not), but a pending query must, or a script awaiting nothing else would exit half way.
  const updateRef = () => {
    if (unavailable) return;
    if (!ready || closing || pending.size > 0) worker.ref();
    else worker.unref();
  };

  const fail = (error: Error) => {
    if (unavailable) return;
    unavailable = error;
    failStart(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  worker.on('message', (reply: PgliteWorkerReply) => {
    if (reply.type === 'ready') {
      ready = true;
      markReady();
    } else {
      const request = pending.get(reply.id);
      pending.delete(reply.id);
      request?.resolve(reply);
    }
    updateRef();
  });
  worker.on('error', (error) => {
    fail(connectionError(`PGlite worker failed: ${error.message}`, CONNECTION_FAILURE, error));
  });
  worker.on('exit', (code) => {
    fail(closing
      ? connectionError('PGlite worker is closed', CONNECTION_DOES_NOT_EXIST)
      : connectionError(`PGlite worker exited unexpectedly (exit code ${code})`, CONNECTION_FAILURE));
  });

  const send = (request: WorkerCall, transfer: ArrayBuffer[] = []) =>
    new Promise<PgliteWorkerReply>((resolve, reject) => {
      if (unavailable) return reject(unavailable);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies PgliteWorkerRequest, transfer);
      updateRef();
    });

  return {
    waitReady,
    worker,
    async execProtocolStream(message, options) {
      if (closing && !unavailable) throw connectionError('PGlite worker is closing', CONNECTION_DOES_NOT_EXIST);
      // pg's serializer may hand out a view of Node's shared Buffer pool, which must not be transferred; a private copy can be.
      const bytes = new Uint8Array(message);
      const reply = await send({ type: 'exec', connection: options?.connection ?? 0, bytes }, [bytes.buffer]);
      if (reply.type === 'failed') throw connectionError(`PGlite failed: ${reply.message}`, CONNECTION_FAILURE);
      if (reply.type !== 'result') throw new Error(`unexpected reply from the PGlite worker: ${reply.type}`);
      const messages: BackendMessage[] = [];
      // A fresh parser per response: PGlite answers with whole messages, so nothing can carry over to the next one.
      new Parser().parse(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), (parsed) => messages.push(parsed));
      if (options?.throwOnError ?? true) {
        const error = messages.find((parsed) => parsed.name === 'error');
        if (error) throw error;
      }
      return messages;
    },
    async release(connection, statements) {
      if (unavailable) return;
      const reply = await send({ type: 'release', connection, statements });
      if (reply.type === 'failed') throw connectionError(`PGlite failed: ${reply.message}`, CONNECTION_FAILURE);
    },
    close() {
      closing ??= (async () => {
        try {
          if (!unavailable) {
            const reply = await send({ type: 'close' }).catch(() => null);
            if (reply?.type === 'failed') throw new Error(`closing PGlite failed: ${reply.message}`);
          }
        } finally {
          await worker.terminate();
        }
      })();
      return closing;
    },
  };
}

// /api/search at 50 connections with the result cache off, in runs taken in turns: one client 536–577 req/s with the worker
// busy 69–70% of the time, two 507–637, four 656–780 (82–85%), eight 796 in both runs (86–87%).
const PIPELINED_CLIENTS = 8;

/**
 * Pool settings that give every pg client its own protocol connection to the thread. PGlite's createPgConfig shares one
 * connection object between the pool's successive clients: when the pool drops a client after a failed query, the 'end'
 * it queued reaches the next client ("Connection terminated unexpectedly") and the dropped client's late replies land in
 * the next client's query, which then returns wrong rows. One connection per client, as with a socket, has neither.
 */
export function pglitePoolConfig(thread: PgliteThread, clients = PIPELINED_CLIENTS): pg.PoolConfig {
  class PgliteClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connection: new PgliteConnection(thread) } as pg.ClientConfig);
      // A dead worker reaches every query as its rejection. pg also emits 'error' on the client, and a checked-out client
      // (a transaction) has no listener of its own: the event would be thrown and take the process down.
      this.on('error', () => undefined);
    }
  }
  return {
    // PGlite is one session, which runs one batch at a time; several clients let the next query wait in the worker instead
    // of behind the previous reply's trip back to this thread. The worker keeps a transaction's session to its connection.
    max: clients,
    // Kept, not closed after 10 s idle: each client prepares its own statements, and an idle timer would hold the process.
    idleTimeoutMillis: 0,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
    host: 'localhost',
    port: 5432,
    Client: PgliteClient,
  };
}

// 0 is the thread's own connection, for execProtocolStream called without one.
let lastConnection = 0;

/** The part of pg's socket Connection that pg's Client uses, backed by the thread instead of a socket. */
class PgliteConnection extends EventEmitter {
  // pg's Client reads these: end() skips connection.end() unless _connecting, and destroys the stream for an active query.
  _connecting = false;
  readonly stream = { destroy: () => this.end() };
  // pg's Client keeps the names it has prepared on its connection. Each connection prepares its own statements, under names of
  // its own (see #named): shared, a query in a transaction could bind a name whose parse another client had sent but the
  // worker held back until the transaction ends.
  readonly parsedStatements: Record<string, unknown> = {};
  readonly submittedNamedStatements: Record<string, unknown> = {};
  readonly #thread: PgliteThread;
  readonly #id = ++lastConnection;
  #replies: Promise<void> = Promise.resolve();
  #unsent: Uint8Array[] = [];
  #failed = false;
  #ended = false;

  constructor(thread: PgliteThread) {
    super();
    this.#thread = thread;
  }

  /** The session-wide name of this connection's statement `name` ('' is the unnamed statement, which is per batch). */
  #named(name: string | undefined): string | undefined {
    return name ? `${name}__c${this.#id}` : name;
  }

  async connect(): Promise<void> {
    this._connecting = true;
    try {
      await this.#thread.waitReady;
    } catch (error) {
      this.#fail(error);
      return;
    }
    // PGlite needs no startup or authentication exchange: the session is ready.
    process.nextTick(() => this.emit('readyForQuery'));
  }

  #send(bytes: Uint8Array): void {
    // pg writes a query as several messages in one go (parse, bind, describe, execute, sync). They travel together, as in
    // one socket write, so a query costs one round trip to the worker instead of five.
    this.#unsent.push(bytes);
    if (this.#unsent.length === 1) queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    if (this.#unsent.length === 0) return;
    const batch = this.#unsent.length === 1 ? (this.#unsent[0] as Uint8Array) : Buffer.concat(this.#unsent);
    this.#unsent = [];
    // Posted at once, not after the previous reply: the worker runs batches in arrival order (only those of the connection
    // whose transaction is open go ahead), so what one client sent runs before what a later client sends, even when the
    // pool dropped the first before its last messages were answered.
    const reply = this.#thread.execProtocolStream(batch, { throwOnError: false, connection: this.#id });
    reply.catch(() => undefined); // handled in turn below; this only keeps Node from calling it unhandled meanwhile
    this.#replies = this.#replies.then(
      () => reply.then((messages) => this.#deliver(messages), (error: unknown) => this.#fail(error)),
    );
  }

  #deliver(messages: BackendMessage[]): void {
    if (this.#failed) return;
    for (const message of messages) {
      if (this.listenerCount('message') > 0) this.emit('message', message);
      // pg's Client takes an ErrorResponse as 'errorMessage'.
      this.emit(message.name === 'error' ? 'errorMessage' : message.name, message);
    }
  }

  // Like a socket: one 'error', after which the remaining replies are dropped; pg then ends this client.
  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.emit('error', error);
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    // Like a socket closing: 'end' once everything already sent has been answered, and the server forgets the session's
    // transaction and statements.
    this.#flush();
    const names = new Set([...Object.keys(this.parsedStatements), ...Object.keys(this.submittedNamedStatements)]);
    const statements = [...names].flatMap((name) => this.#named(name) ?? []);
    const released = this.#thread.release(this.#id, statements).catch(() => undefined);
    this.#replies = this.#replies.then(async () => {
      await released;
      this.emit('end');
    });
  }

  requestSsl(): void {}
  startup(): void {}
  password(): void {}
  cancel(): void {}
  ref(): void {}
  unref(): void {}
  sendSASLInitialResponseMessage(mechanism: string, initialResponse: string): void {
    this.#send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
  }
  sendSCRAMClientFinalMessage(additionalData: string): void {
    this.#send(serialize.sendSCRAMClientFinalMessage(additionalData));
  }
  query(text: string): void {
    this.#send(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.#send(serialize.parse({ ...query, name: this.#named(query.name) }));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.#send(serialize.bind({ ...config, statement: this.#named(config?.statement) }));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.#send(serialize.execute(config));
  }
  describe(message: Parameters<typeof serialize.describe>[0]): void {
    this.#send(serialize.describe(message.type === 'S' ? { ...message, name: this.#named(message.name) } : message));
  }
  close(message: Parameters<typeof serialize.close>[0]): void {
    this.#send(serialize.close(message.type === 'S' ? { ...message, name: this.#named(message.name) } : message));
  }
  flush(): void {
    this.#send(serialize.flush());
  }
  sync(): void {
    this.#send(serialize.sync());
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.#send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.#send(serialize.copyDone());
  }
  sendCopyFail(message: string): void {
    this.#send(serialize.copyFail(message));
  }
}
