// Starts the benchmark's TypeScript child processes (through tsx, with an IPC channel) and matches their replies to requests by id.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child<Request, Reply> {
  process: ChildProcess;
  /** The child's first message, sent when it is ready. */
  ready: Reply;
  /** Sends a request built with a fresh id and resolves with the reply that carries the same id. */
  request<R extends Reply>(build: (id: number) => Request): Promise<R>;
  /** Sends `message`, then waits for the exit; kills the child after `timeoutMs`. */
  stop(message: Request, timeoutMs?: number): Promise<void>;
  output(): string;
}

const READY_TIMEOUT_MS = 180_000;

export async function startChild<Request, Reply extends { type: string }>(
  file: string,
  env: Record<string, string>,
): Promise<Child<Request, Reply>> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = fork(path, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;

  const ready = await new Promise<Reply>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited (${code}) before it was ready:\n${output}`));
    });
    child.on('message', (message: Reply & { id?: number }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const resolveReply = message.id === undefined ? undefined : waiting.get(message.id);
      if (message.id !== undefined) waiting.delete(message.id);
      resolveReply?.(message);
    });
  });

  return {
    process: child,
    ready,
    request<R extends Reply>(build: (id: number) => Request) {
      const id = nextId++;
      return new Promise<R>((resolve) => {
        waiting.set(id, (reply) => resolve(reply as R));
        child.send(build(id) as object);
      });
    },
    async stop(message, timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send(message as object);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
    output: () => output,
  };
}
