// Child process: the thinnest relay of the scripted model's streams to WebSocket chats, a control for what the app adds per token.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { modelContents } from './model-stream.js';
import type { RelayReply, RelayRequest } from './protocol.js';

/**
 * What any Node service does for a streamed token, and nothing more: read the model's NDJSON with fetch (as the ollama
 * client does), parse each line, send one WebSocket frame. No LangChain, database, question analysis or citation check.
 * Every chat calls the model as soon as its question arrives, so its streams run in step; the app's run longer first.
 */
const model = process.env['OLLAMA_HOST'] ?? '';
const server = createServer();
const sockets = new WebSocketServer({ server, path: '/api/chat', maxPayload: 64 * 1024 });

sockets.on('connection', (socket) => {
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type?: string };
    if (message.type === 'ask') relay(socket).catch((error: unknown) => socket.send(JSON.stringify({ type: 'error', code: 'RELAY', message: String(error) })));
  });
});

async function relay(socket: WebSocket): Promise<void> {
  for await (const { content } of modelContents(model, Date.now)) socket.send(JSON.stringify({ type: 'delta', text: content }));
  socket.send(JSON.stringify({ type: 'done', mode: 'llm' }));
}

const send = (message: RelayReply) => process.send?.(message);
process.on('message', (message: RelayRequest) => {
  if (message.type === 'close') server.close(() => process.exit(0));
});
server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: (server.address() as AddressInfo).port }));
