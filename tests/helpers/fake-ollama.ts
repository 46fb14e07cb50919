// Scripted Ollama-compatible HTTP server (node:http only) so tests can drive the model path, including its failures.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ChatScript =
  | { kind: 'answer'; content: string; tokenDelayMs?: number; chunkSize?: number }
  | { kind: 'http-error'; status: number; body?: string }
  | { kind: 'error-mid-stream'; contentBefore: string; error: string }
  | { kind: 'drop'; contentBefore?: string }
  | { kind: 'hang' }
  | { kind: 'malformed'; raw: string };

export interface ChatMessage {
  role: string;
  content: string;
  [key: string]: unknown;
}

/** The /api/chat body as the ollama client sends it; only `model` and `messages` are guaranteed. */
export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  /** "json" (jsonMode) or a JSON schema (withStructuredOutput's default jsonSchema method). */
  format?: string | Record<string, unknown>;
  keep_alive?: string | number;
  think?: boolean | string;
  /** Model options such as num_ctx, num_predict, temperature, stop. */
  options?: Record<string, unknown>;
  tools?: unknown[];
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body; undefined when empty, the raw text when it was not JSON. */
  body: unknown;
}

export interface FakeOllama {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Names reported by /api/tags; chat/embed/show with another model get Ollama's 404. */
  models: string[];
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Queue scripts for the next /api/chat calls (consumed only by requests for a known model). */
  enqueueChat(...scripts: ChatScript[]): void;
  /** Answers chat requests when the queue is empty; the default echoes the last user message. */
  setDefaultChat(fn: (body: ChatRequestBody) => ChatScript): void;
  /** Number of chat responses still open right now (to assert that aborted generations were stopped). */
  activeChats(): number;
  /** Number of chat responses whose connection the client closed before the response was complete. */
  clientAborts(): number;
  /** Resolves once at least `count` chat connections (in total) were closed by the client mid-response. */
  waitForClientAbort(count?: number): Promise<void>;
  /** Stops the server: destroys open sockets (hanging chats included) and clears every pending timer. */
  close(): Promise<void>;
}

export interface FakeOllamaOptions {
  models?: string[];
  embedDimensions?: number;
}

const DEFAULT_MODELS = ['qwen2.5:3b', 'bge-m3'];
const FAKE_VERSION = '0.12.0';
const NDJSON = 'application/x-ndjson';
const JSON_TYPE = 'application/json; charset=utf-8';

export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = [...(options.models ?? DEFAULT_MODELS)];
  const embedDimensions = options.embedDimensions ?? 16;
  const requests: RecordedRequest[] = [];
  const queue: ChatScript[] = [];
  let defaultChat: (body: ChatRequestBody) => ChatScript = (body) => ({
    kind: 'answer',
    content: `echo: ${lastUserContent(body.messages)}`,
  });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  // Settle when each chat response's 'close' fired, so close() can promise activeChats() === 0.
  const chatClosed = new Set<Promise<void>>();
  let openChats = 0;
  let aborts = 0;
  let closing = false;
  const abortWaiters: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const notifyAbort = () => {
    aborts += 1;
    for (const waiter of [...abortWaiters]) {
      if (aborts >= waiter.count) {
        abortWaiters.splice(abortWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const server = createServer((req, res) => {
    // A client abort surfaces as ECONNRESET on both streams; it is expected here, not a test failure.
    req.on('error', () => {});
    res.on('error', () => {});
    void readBody(req).then((raw) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const body = parseBody(raw);
      requests.push({ method: req.method ?? 'GET', path, body });
      route(req.method ?? 'GET', path, body, res);
    }, () => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Half-sent requests from aborted clients must not crash the test process.
  server.on('clientError', (_error, socket) => socket.destroy());

  const knownModel = (name: string) => models.some((m) => sameModel(m, name));

  function route(method: string, path: string, body: unknown, res: ServerResponse): void {
    if (method === 'GET' && path === '/') return sendText(res, 200, 'Ollama is running');
    if (method === 'HEAD' && path === '/') return sendText(res, 200, '');
    if (method === 'GET' && path === '/api/version') return sendJson(res, 200, { version: FAKE_VERSION });
    if (method === 'GET' && path === '/api/tags') return sendJson(res, 200, { models: models.map(tagEntry) });
    if (method === 'POST' && path === '/api/show') return show(body, res);
    if (method === 'POST' && path === '/api/chat') return chat(body, res);
    if (method === 'POST' && path === '/api/embed') return embed(body, res);
    if (method === 'POST' && path === '/api/embeddings') return legacyEmbeddings(body, res);
    // Ollama's router (gin) answers unknown routes, and known routes with the wrong method, like this.
    sendText(res, 404, '404 page not found');
  }

  function show(body: unknown, res: ServerResponse): void {
    const name = stringField(body, 'model') ?? stringField(body, 'name');
    if (!name) return sendJson(res, 400, { error: 'model is required' });
    if (!knownModel(name)) return sendJson(res, 404, { error: `model '${name}' not found` });
    const embedding = isEmbeddingModel(name);
    sendJson(res, 200, {
      license: '',
      modelfile: `# Modelfile generated by fake-ollama\nFROM ${name}\n`,
      parameters: '',
      template: '{{ .Prompt }}',
      details: modelDetails(name),
      model_info: {
        'general.architecture': embedding ? 'bert' : 'qwen2',
        'general.parameter_count': 3_000_000_000,
        [embedding ? 'bert.context_length' : 'qwen2.context_length']: 32768,
        [embedding ? 'bert.embedding_length' : 'qwen2.embedding_length']: embedding ? embedDimensions : 2048,
      },
      capabilities: embedding ? ['embedding'] : ['completion', 'tools'],
      modified_at: MODIFIED_AT,
    });
  }

  function embed(body: unknown, res: ServerResponse): void {
    const model = stringField(body, 'model');
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    if (!knownModel(model)) return sendJson(res, 404, { error: notFound(model) });
    const input = isRecord(body) ? body['input'] : undefined;
    const texts = typeof input === 'string' ? [input] : isStringArray(input) ? input : undefined;
    if (!texts) return sendJson(res, 400, { error: 'invalid input type' });
    // Ollama truncates to `dimensions` for models that support it; mirror that so the client option is testable.
    const requested = isRecord(body) ? body['dimensions'] : undefined;
    const dims = typeof requested === 'number' && Number.isInteger(requested) && requested > 0 ? requested : embedDimensions;
    sendJson(res, 200, {
      model,
      embeddings: texts.map((text) => hashVector(text, dims)),
      total_duration: 1_000_000,
      load_duration: 100_000,
      prompt_eval_count: texts.reduce((sum, text) => sum + countWords(text), 0),
    });
  }

  function legacyEmbeddings(body: unknown, res: ServerResponse): void {
    const model = stringField(body, 'model');
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    if (!knownModel(model)) return sendJson(res, 404, { error: notFound(model) });
    const prompt = stringField(body, 'prompt') ?? '';
    // The legacy endpoint answers an empty prompt with an empty vector rather than an error.
    sendJson(res, 200, { embedding: prompt === '' ? [] : hashVector(prompt, embedDimensions) });
  }

  function chat(body: unknown, res: ServerResponse): void {
    if (!isRecord(body)) return sendJson(res, 400, { error: 'invalid request body' });
    const model = stringField(body, 'model');
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    if (!knownModel(model)) return sendJson(res, 404, { error: notFound(model) });
    const request = { ...body, model, messages: toMessages(body['messages']) } as ChatRequestBody;
    const script = queue.shift() ?? defaultChat(request);
    // Ollama streams unless told otherwise; the ollama client always sends `stream` explicitly.
    const stream = body['stream'] !== false;

    openChats += 1;
    const ownTimers = new Set<NodeJS.Timeout>();
    let droppedByServer = false;
    let markClosed = () => {};
    const closedPromise = new Promise<void>((resolve) => (markClosed = resolve));
    chatClosed.add(closedPromise);
    res.on('close', () => {
      openChats -= 1;
      chatClosed.delete(closedPromise);
      markClosed();
      for (const timer of ownTimers) {
        clearTimeout(timer);
        timers.delete(timer);
      }
      if (!res.writableFinished && !droppedByServer && !closing) notifyAbort();
    });
    const schedule = (ms: number, fn: () => void) => {
      const timer = later(ms, () => {
        ownTimers.delete(timer);
        if (!res.destroyed) fn();
      });
      ownTimers.add(timer);
    };
    const drop = () => {
      droppedByServer = true;
      res.destroy();
    };

    switch (script.kind) {
      case 'http-error': {
        const text = script.body ?? JSON.stringify({ error: `fake ollama: scripted HTTP ${script.status}` });
        res.writeHead(script.status, { 'Content-Type': looksLikeJson(text) ? JSON_TYPE : 'text/plain; charset=utf-8' });
        res.end(text);
        return;
      }
      case 'malformed':
        res.writeHead(200, { 'Content-Type': stream ? NDJSON : JSON_TYPE });
        res.end(script.raw);
        return;
      case 'hang':
        // Headers are withheld too: a stuck Ollama is indistinguishable from one that is still loading the model.
        return;
      case 'drop': {
        const before = script.contentBefore ?? '';
        if (before === '') return drop();
        res.writeHead(200, { 'Content-Type': stream ? NDJSON : JSON_TYPE });
        const partial = stream
          ? splitContent(before).map((piece) => line(chunkLine(model, piece))).join('')
          : halfOf(JSON.stringify(finalLine(model, before, 1, request)));
        // Flush what was written before cutting the connection, so the client sees a partial response.
        res.write(partial, () => drop());
        return;
      }
      case 'error-mid-stream': {
        if (!stream) return sendJson(res, 500, { error: script.error });
        res.writeHead(200, { 'Content-Type': NDJSON });
        for (const piece of splitContent(script.contentBefore)) res.write(line(chunkLine(model, piece)));
        res.end(line({ error: script.error }));
        return;
      }
      case 'answer': {
        const pieces = splitContent(script.content, script.chunkSize);
        const delay = script.tokenDelayMs ?? 0;
        if (!stream) {
          const respond = () => sendJson(res, 200, finalLine(model, script.content, pieces.length, request));
          return delay > 0 ? schedule(delay * pieces.length, respond) : respond();
        }
        res.writeHead(200, { 'Content-Type': NDJSON });
        const finish = (): void => {
          res.end(line(finalLine(model, '', pieces.length, request)));
        };
        if (delay <= 0) {
          for (const piece of pieces) res.write(line(chunkLine(model, piece)));
          return finish();
        }
        // Flush headers now so the client's fetch resolves and it starts reading before the first token.
        res.flushHeaders();
        const next = (index: number) => {
          const piece = pieces[index];
          if (piece === undefined) return finish();
          res.write(line(chunkLine(model, piece)));
          schedule(delay, () => next(index + 1));
        };
        schedule(delay, () => next(0));
        return;
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    models,
    requests,
    enqueueChat: (...scripts) => {
      queue.push(...scripts);
    },
    setDefaultChat: (fn) => {
      defaultChat = fn;
    },
    activeChats: () => openChats,
    clientAborts: () => aborts,
    waitForClientAbort: (count = 1) =>
      new Promise<void>((resolve, reject) => {
        if (aborts >= count) return resolve();
        if (closing) return reject(new Error('fake ollama is closed'));
        abortWaiters.push({ count, resolve, reject });
      }),
    close: async () => {
      if (closing) return;
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const waiter of abortWaiters.splice(0)) waiter.reject(new Error('fake ollama closed before the client aborted'));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await Promise.all([closed, ...chatClosed]);
    },
  };
}

const MODIFIED_AT = '2025-01-01T00:00:00.000000000Z';

function notFound(model: string): string {
  return `model ${JSON.stringify(model)} not found, try pulling it first`;
}

/** Ollama treats a name without a tag as `:latest`. */
function sameModel(a: string, b: string): boolean {
  const norm = (name: string) => (name.includes(':') ? name : `${name}:latest`);
  return norm(a) === norm(b);
}

function isEmbeddingModel(name: string): boolean {
  return /embed|bge|e5|minilm/i.test(name);
}

function modelDetails(name: string) {
  const embedding = isEmbeddingModel(name);
  return {
    parent_model: '',
    format: 'gguf',
    family: embedding ? 'bert' : 'qwen2',
    families: [embedding ? 'bert' : 'qwen2'],
    parameter_size: embedding ? '567M' : '3.1B',
    quantization_level: embedding ? 'F16' : 'Q4_K_M',
  };
}

function tagEntry(name: string) {
  const full = name.includes(':') ? name : `${name}:latest`;
  return {
    name: full,
    model: full,
    modified_at: MODIFIED_AT,
    size: 1_000_000_000,
    digest: createHash('sha256').update(full).digest('hex'),
    details: modelDetails(name),
  };
}

function chunkLine(model: string, content: string) {
  return { model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false };
}

function finalLine(model: string, content: string, evalCount: number, request: ChatRequestBody) {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done: true,
    done_reason: 'stop',
    total_duration: 2_000_000,
    load_duration: 100_000,
    prompt_eval_count: request.messages.reduce((sum, m) => sum + countWords(m.content), 0),
    prompt_eval_duration: 500_000,
    eval_count: evalCount,
    eval_duration: 1_000_000,
  };
}

/** Word by word (whitespace stays attached) or fixed-size pieces; the pieces always concatenate to `content`. */
function splitContent(content: string, chunkSize?: number): string[] {
  if (chunkSize !== undefined && chunkSize > 0) {
    const pieces: string[] = [];
    for (let i = 0; i < content.length; i += chunkSize) pieces.push(content.slice(i, i + chunkSize));
    return pieces;
  }
  return content.match(/\S+\s*|\s+/g) ?? [];
}

/** Deterministic unit vector from a hash of the text, so equal texts embed equally across runs. */
export function hashVector(text: string, dims: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dims; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 4 <= digest.length && values.length < dims; i += 4) {
      values.push(digest.readUInt32BE(i) / 0xffffffff - 0.5);
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((v) => v / norm);
}

function halfOf(text: string): string {
  return text.slice(0, Math.floor(text.length / 2));
}

function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': JSON_TYPE });
  res.end(JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted before its body was complete'));
    });
  });
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function stringField(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

function toMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((m) => ({
    ...m,
    role: typeof m['role'] === 'string' ? m['role'] : 'user',
    content: typeof m['content'] === 'string' ? m['content'] : '',
  }));
}

function lastUserContent(messages: ChatMessage[]): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
