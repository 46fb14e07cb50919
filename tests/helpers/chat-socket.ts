// Test client for the chat socket: collects server messages so a test can wait for the next one of a given type.
import type { WebSocket } from 'ws';

export interface ChatMessage {
  type: string;
  [key: string]: unknown;
}

export interface ChatSocket {
  socket: WebSocket;
  /** Every message received so far, in order. */
  messages: ChatMessage[];
  send(message: unknown): void;
  /** Resolves with the first message (received before or after the call, not yet consumed) whose type is one of `types`. */
  next(...types: string[]): Promise<ChatMessage>;
  /** Resolves with the close code once the socket is closed. */
  closed: Promise<number>;
}

const WAIT_MS = 20_000;

export function chatSocket(socket: WebSocket): ChatSocket {
  const messages: ChatMessage[] = [];
  let consumed = 0;
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString()) as ChatMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code: number) => resolve(code)));
  let isClosed = false;
  void closed.then(() => {
    isClosed = true;
    for (const wake of waiters.splice(0)) wake();
  });

  const next = (...types: string[]) =>
    new Promise<ChatMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${types.join('/')} message within ${WAIT_MS} ms; got ${JSON.stringify(messages)}`)), WAIT_MS);
      const check = () => {
        for (let index = consumed; index < messages.length; index++) {
          const message = messages[index] as ChatMessage;
          if (types.includes(message.type)) {
            consumed = index + 1;
            clearTimeout(timer);
            return resolve(message);
          }
        }
        if (isClosed) {
          clearTimeout(timer);
          return reject(new Error(`socket closed before a ${types.join('/')} message; got ${JSON.stringify(messages)}`));
        }
        waiters.push(check);
      };
      check();
    });

  return { socket, messages, send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)), next, closed };
}
