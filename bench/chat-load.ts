// WebSocket chat load: many concurrent /api/chat conversations against the scripted model, checking every token and timing its delivery.
import { WebSocket } from 'ws';
import { modelContents } from './model-stream.js';
import { TOKEN_PATTERN } from './protocol.js';
import { epochMs, summarize, type Summary } from './stats.js';

export interface ChatLoadOptions {
  port: number;
  questions: string[];
  chats: number;
  /** Tokens the scripted model streams per answer. */
  tokens: number;
  /** Scripted model clock minus ours (ms): its timestamps are converted to our clock. */
  clockOffset: number;
  timeoutMs: number;
  /** Called once, when every chat has received its first token (or ended). */
  onAllStreaming?: () => void;
}

export interface ChatLoadResult {
  chats: number;
  /** Chats that received every token in order, then a `done` in llm mode. */
  complete: number;
  lostTokens: number;
  outOfOrder: number;
  duplicateTokens: number;
  missingDone: number;
  /** Chats whose answer did not come from the model (mode extractive), or that ended with an error. */
  notFromModel: number;
  errors: string[];
  /** Token written by the model → delta received by the client, for every token after the first (ms). */
  perToken: Summary;
  /** Before the first token, what the service adds: (question sent → first delta) minus the model's own (request received → first token written). */
  firstTokenAdded: Summary;
  /** Question sent → first delta received, the model's scripted wait included. */
  firstTokenWall: Summary;
  /** Question sent → the model receives the request: the service's work before it calls the model. */
  beforeModel: Summary;
  /** First question sent → last `done` received. */
  durationMs: number;
}

interface ChatState {
  sent: number;
  received: Set<number>;
  expected: number;
  outOfOrder: number;
  duplicates: number;
  firstReceived: number | null;
  modelReceived: number | null;
  firstWritten: number | null;
  done: boolean;
  mode: string | null;
  error: string | null;
}

export async function runChatLoad(options: ChatLoadOptions): Promise<ChatLoadResult> {
  const url = `ws://127.0.0.1:${options.port}/api/chat`;
  const perToken: number[] = [];
  const states: ChatState[] = [];
  const sockets: WebSocket[] = [];

  // All sockets are opened first, so the questions go out together and the streams really overlap.
  await Promise.all(
    Array.from({ length: options.chats }, async () => {
      const socket = new WebSocket(url, 'actiewijzer');
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
    }),
  );

  const started = epochMs();
  let lastDone = started;
  // A chat counts once: at its first token, or when it ends without one.
  const streaming = new Set<ChatState>();
  const firstSeen = (state: ChatState) => {
    if (streaming.has(state)) return;
    streaming.add(state);
    if (streaming.size === options.chats) options.onAllStreaming?.();
  };
  const finished = sockets.map(
    (socket, index) =>
      new Promise<void>((resolve) => {
        const state: ChatState = {
          sent: 0,
          received: new Set(),
          expected: 0,
          outOfOrder: 0,
          duplicates: 0,
          firstReceived: null,
          modelReceived: null,
          firstWritten: null,
          done: false,
          mode: null,
          error: null,
        };
        states.push(state);
        const timer = setTimeout(() => {
          state.error ??= `no done within ${options.timeoutMs} ms`;
          socket.terminate();
        }, options.timeoutMs);
        const end = () => {
          clearTimeout(timer);
          firstSeen(state);
          resolve();
        };
        socket.on('close', end);
        socket.on('error', (error) => {
          state.error ??= error.message;
          end();
        });
        socket.on('message', (data: Buffer) => {
          const arrived = epochMs();
          const message = JSON.parse(data.toString()) as { type: string; text?: string; mode?: string; code?: string; message?: string };
          if (message.type === 'delta') {
            for (const match of (message.text ?? '').matchAll(TOKEN_PATTERN)) {
              const token = Number(match[1]);
              const written = Number(match[2]) - options.clockOffset;
              if (state.received.has(token)) state.duplicates += 1;
              if (token !== state.expected) state.outOfOrder += 1;
              state.expected = token + 1;
              state.received.add(token);
              if (token === 0) {
                firstSeen(state);
                state.firstReceived = arrived;
                state.firstWritten = written;
                state.modelReceived = match[3] === undefined ? null : Number(match[3]) - options.clockOffset;
              } else {
                perToken.push(arrived - written);
              }
            }
          } else if (message.type === 'done') {
            state.done = true;
            state.mode = message.mode ?? null;
            lastDone = Math.max(lastDone, arrived);
            socket.close();
          } else if (message.type === 'error') {
            state.error ??= `${message.code ?? 'ERROR'}: ${message.message ?? ''}`;
            socket.close();
          }
        });
        state.sent = epochMs();
        socket.send(JSON.stringify({ type: 'ask', question: options.questions[index % options.questions.length], mode: 'llm' }));
      }),
  );
  await Promise.all(finished);

  const firstTokenWall: number[] = [];
  const firstTokenAdded: number[] = [];
  const beforeModel: number[] = [];
  for (const state of states) {
    if (state.firstReceived === null) continue;
    firstTokenWall.push(state.firstReceived - state.sent);
    if (state.modelReceived !== null && state.firstWritten !== null) {
      beforeModel.push(state.modelReceived - state.sent);
      firstTokenAdded.push(state.firstReceived - state.sent - (state.firstWritten - state.modelReceived));
    }
  }
  const complete = states.filter((state) => state.done && state.mode === 'llm' && state.received.size === options.tokens && state.outOfOrder === 0);
  return {
    chats: options.chats,
    complete: complete.length,
    lostTokens: states.reduce((sum, state) => sum + (options.tokens - state.received.size), 0),
    outOfOrder: states.reduce((sum, state) => sum + state.outOfOrder, 0),
    duplicateTokens: states.reduce((sum, state) => sum + state.duplicates, 0),
    missingDone: states.filter((state) => !state.done).length,
    notFromModel: states.filter((state) => state.error !== null || (state.done && state.mode !== 'llm')).length,
    errors: [...new Set(states.flatMap((state) => (state.error ? [state.error] : [])))].slice(0, 5),
    perToken: summarize(perToken),
    firstTokenAdded: summarize(firstTokenAdded),
    firstTokenWall: summarize(firstTokenWall),
    beforeModel: summarize(beforeModel),
    durationMs: lastDone - started,
  };
}

export interface DirectStreamResult {
  streams: number;
  complete: number;
  lostTokens: number;
  outOfOrder: number;
  /** Token written by the model → line read by this process, with no app in between: the floor of the per-token figure. */
  perToken: Summary;
}

/** The control experiment: this process reads the scripted model's NDJSON streams itself, as the app would. */
export async function runDirectStreams(options: { port: number; streams: number; tokens: number; clockOffset: number }): Promise<DirectStreamResult> {
  const perToken: number[] = [];
  const outcomes = await Promise.all(
    Array.from({ length: options.streams }, async () => {
      const received = new Set<number>();
      let expected = 0;
      let outOfOrder = 0;
      for await (const { content, arrived } of modelContents(`http://127.0.0.1:${options.port}`, epochMs)) {
        for (const match of content.matchAll(TOKEN_PATTERN)) {
          const token = Number(match[1]);
          if (token !== expected) outOfOrder += 1;
          expected = token + 1;
          received.add(token);
          if (token > 0) perToken.push(arrived - (Number(match[2]) - options.clockOffset));
        }
      }
      return { received: received.size, outOfOrder };
    }),
  );
  return {
    streams: options.streams,
    complete: outcomes.filter((outcome) => outcome.received === options.tokens && outcome.outOfOrder === 0).length,
    lostTokens: outcomes.reduce((sum, outcome) => sum + options.tokens - outcome.received, 0),
    outOfOrder: outcomes.reduce((sum, outcome) => sum + outcome.outOfOrder, 0),
    perToken: summarize(perToken),
  };
}
