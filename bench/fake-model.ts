// Child process: an Ollama-compatible chat server whose every token carries the moment it was written, so a client can tell how late it arrived.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_MODEL, type ModelReply, type ModelRequest } from './protocol.js';
import { epochMs } from './stats.js';

/**
 * Why not tests/helpers/fake-ollama.ts: its scripts fix the content before the first token is sent, and the
 * per-token latency needs the time of each write inside the token itself.
 */
const tokens = Number(process.env['BENCH_TOKENS'] ?? 60);
const delayMs = Number(process.env['BENCH_TOKEN_DELAY_MS'] ?? 20);
let chats = 0;
let written = 0;

const send = (message: ModelReply) => process.send?.(message);

const server = createServer((req, res) => {
  const received = epochMs();
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => route(req, res, Buffer.concat(chunks).toString('utf8'), received));
});
server.keepAliveTimeout = 60_000;

function route(req: IncomingMessage, res: ServerResponse, raw: string, received: number): void {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/api/tags') {
    return json(res, { models: [{ name: BENCH_MODEL, model: BENCH_MODEL, modified_at: '2025-01-01T00:00:00Z', size: 1, digest: 'bench', details: {} }] });
  }
  if (req.method === 'POST' && path === '/api/chat') return chat(res, raw, received);
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('404 page not found');
}

function chat(res: ServerResponse, raw: string, received: number): void {
  const body = JSON.parse(raw) as { messages?: { role: string; content: string }[]; stream?: boolean };
  const prompt = body.messages?.filter((message) => message.role === 'user').at(-1)?.content ?? '';
  // Cite an action the answer service allows, so the citation check passes and no repair round-trip is made.
  const allowed = /Toegestane actienummers: (\d+)/.exec(prompt)?.[1] ?? /ALLEEN deze actienummers gebruiken: (\d+)/.exec(prompt)?.[1] ?? '1';
  const citation = ` (Actie ${allowed}).`;
  if (body.stream === false) return json(res, line(`⟦0@${epochMs()}⟧${citation}`, true));

  chats += 1;
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  res.flushHeaders();
  let timer: NodeJS.Timeout | undefined;
  res.on('close', () => clearTimeout(timer));
  const next = (index: number) => {
    if (res.destroyed) return;
    if (index === tokens) {
      res.end(`${JSON.stringify(line('', true))}\n`);
      return;
    }
    // The first token also carries when the request arrived, to split the service's share from the model's.
    const stamp = index === 0 ? `⟦${index}@${epochMs()}/${received}⟧` : `⟦${index}@${epochMs()}⟧`;
    res.write(`${JSON.stringify(line(`${stamp}${index === tokens - 1 ? citation : ' '}`, false))}\n`);
    written += 1;
    timer = setTimeout(() => next(index + 1), delayMs);
  };
  timer = setTimeout(() => next(0), delayMs);
}

function line(content: string, done: boolean) {
  return {
    model: BENCH_MODEL,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done,
    ...(done ? { done_reason: 'stop', total_duration: 1, load_duration: 1, prompt_eval_count: 1, eval_count: tokens, eval_duration: 1 } : {}),
  };
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

process.on('message', (message: ModelRequest) => {
  if (message.type === 'clock') send({ type: 'clock', id: message.id, now: epochMs() });
  if (message.type === 'stats') send({ type: 'stats', id: message.id, chats, tokens: written });
  if (message.type === 'close') server.close(() => process.exit(0));
});

server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: (server.address() as AddressInfo).port }));
