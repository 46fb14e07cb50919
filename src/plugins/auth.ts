// API keys: a Bearer key on every /api route when API_KEYS is set, checked in constant time, and the gate of the chat socket.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RawData } from 'ws';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** The subprotocol the chat socket speaks; a browser passes its key beside it as `bearer.<key>`. */
export const CHAT_PROTOCOL = 'actiewijzer';
export const BEARER_PROTOCOL_PREFIX = 'bearer.';
/** Close code for a chat socket without a valid key (the 4000 range is the application's; 401 as in HTTP). */
export const WS_UNAUTHORIZED = 4401;
export const SOCKET_AUTH_TIMEOUT_MS = 10_000;
export const SOCKET_AUTH_MAX_FAILURES = 3;

// Open without a key even when keys are required: the page must learn whether it has to ask for one.
const OPEN_API_ROUTES = new Set(['/api/auth']);
// The chat socket authenticates itself (protocol header or first message), so its upgrade passes the HTTP check.
const SOCKET_ROUTES = new Set(['/api/chat']);
// Without keys, only a server that listens on the machine itself is private.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export interface ApiKeys {
  readonly required: boolean;
  /** A stable label of the matching key (never the key itself), or null when it matches none. */
  identify(presented: string | undefined): string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiKeys: ApiKeys;
  }
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createApiKeys(keys: readonly string[]): ApiKeys {
  const digests = keys.map(digest);
  return {
    required: digests.length > 0,
    identify(presented) {
      if (presented === undefined || !digests.length) return null;
      // Equal-length digests make timingSafeEqual usable and keep the key's length out of the timing;
      // every key is compared so the time does not tell which one matched.
      const candidate = digest(presented);
      let match: string | null = null;
      for (const [index, known] of digests.entries()) {
        if (timingSafeEqual(known, candidate) && match === null) match = `key-${index + 1}`;
      }
      return match;
    },
  };
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1];
}

/** The key a browser sends as subprotocol `bearer.<key>` in Sec-WebSocket-Protocol. */
export function protocolToken(header: string | string[] | undefined): string | undefined {
  const offered = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((item) => item.trim());
  const bearer = offered.find((item) => item.startsWith(BEARER_PROTOCOL_PREFIX));
  return bearer?.slice(BEARER_PROTOCOL_PREFIX.length) || undefined;
}

/**
 * For ws's `handleProtocols`: a browser that offers subprotocols fails the connection unless one is selected,
 * and the bearer one must never be echoed back.
 */
export function selectChatProtocol(protocols: Set<string>): string | false {
  return protocols.has(CHAT_PROTOCOL) ? CHAT_PROTOCOL : false;
}

/** The key a request presents: the Authorization header, or for the chat upgrade the subprotocol. */
export function presentedKey(request: FastifyRequest): string | undefined {
  return bearerToken(request.headers.authorization) ?? protocolToken(request.headers['sec-websocket-protocol']);
}

const MISSING_KEY = 'Deze Actiewijzer vraagt een toegangssleutel. Stuur die mee als "Authorization: Bearer <sleutel>".';
const WRONG_KEY = 'Deze toegangssleutel is niet geldig. Vraag de juiste sleutel aan wie Actiewijzer beheert.';

function requiresKey(request: FastifyRequest): boolean {
  // Preflight requests never carry credentials; CORS answers them.
  if (request.method === 'OPTIONS') return false;
  // The matched route decides, so a differently written URL cannot slip past; unmatched URLs fall back to the path.
  const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  return path.startsWith('/api/') && !OPEN_API_ROUTES.has(path) && !SOCKET_ROUTES.has(path);
}

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth',
    {
      schema: {
        summary: 'Of deze Actiewijzer een toegangssleutel vraagt (altijd open, zodat de pagina weet of ze erom moet vragen)',
        response: { 200: z.object({ required: z.boolean() }) },
      },
    },
    async () => ({ required: app.apiKeys.required }),
  );
};

async function auth(app: FastifyInstance): Promise<void> {
  const keys = createApiKeys(app.config.API_KEYS);
  app.decorate('apiKeys', keys);
  if (!keys.required && !LOOPBACK_HOSTS.has(app.config.HOST)) {
    app.log.warn({ host: app.config.HOST }, 'API_KEYS is empty: anyone who can reach this host can use the API');
  }

  app.addHook('onRequest', async (request, reply) => {
    if (!keys.required || !requiresKey(request)) return;
    const presented = bearerToken(request.headers.authorization);
    if (keys.identify(presented) !== null) return;
    reply.header('www-authenticate', presented === undefined ? 'Bearer realm="Actiewijzer"' : 'Bearer realm="Actiewijzer", error="invalid_token"');
    throw new AppError('UNAUTHORIZED', presented === undefined ? MISSING_KEY : WRONG_KEY);
  });

  await app.register(authRoutes);
}

export const authPlugin = fp(auth, { name: 'auth', fastify: '5.x' });

// ---------------------------------------------------------------- the chat socket

export type GateMessage = { type: 'authenticated' } | { type: 'error'; code: 'UNAUTHORIZED'; message: string };

export interface ChatGate {
  /** True once the socket may ask questions. */
  readonly open: boolean;
  /** Handles a message that arrived while the gate was closed. */
  receive(data: RawData, isBinary: boolean): void;
}

export interface ChatGateOptions {
  keys: ApiKeys;
  request: Pick<FastifyRequest, 'headers'>;
  socket: { close(code: number, reason: string): void; once(event: 'close', listener: () => void): unknown };
  send: (message: GateMessage) => void;
  timeoutMs?: number;
}

export function isAuthMessage(raw: unknown): raw is { type: 'auth'; key?: unknown } {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'auth';
}

/**
 * A chat socket is open at once when no key is required or the upgrade carried a valid one; otherwise its first
 * message must be `{"type":"auth","key":"…"}`. Until then every message is refused, and after three refusals or
 * ten seconds the socket is closed with 4401.
 */
export function createChatGate(options: ChatGateOptions): ChatGate {
  const { keys, socket, send } = options;
  let open = !keys.required;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const refuse = (message: string, closeNow = false) => {
    send({ type: 'error', code: 'UNAUTHORIZED', message });
    failures += 1;
    if (closeNow || failures >= SOCKET_AUTH_MAX_FAILURES) shut('toegangssleutel ongeldig');
  };
  const shut = (reason: string) => {
    if (timer) clearTimeout(timer);
    timer = null;
    socket.close(WS_UNAUTHORIZED, reason);
  };

  if (!open) {
    const presented = bearerToken(options.request.headers.authorization) ?? protocolToken(options.request.headers['sec-websocket-protocol']);
    if (presented !== undefined) {
      if (keys.identify(presented) !== null) open = true;
      else refuse(WRONG_KEY, true);
    } else {
      timer = setTimeout(() => {
        send({ type: 'error', code: 'UNAUTHORIZED', message: 'Er kwam geen toegangssleutel binnen tien seconden; de verbinding wordt gesloten.' });
        shut('geen toegangssleutel');
      }, options.timeoutMs ?? SOCKET_AUTH_TIMEOUT_MS);
      socket.once('close', () => {
        if (timer) clearTimeout(timer);
      });
    }
  }

  return {
    get open() {
      return open;
    },
    receive(data, isBinary) {
      if (open) return;
      let raw: unknown = null;
      try {
        raw = isBinary ? null : JSON.parse(data.toString());
      } catch {
        raw = null;
      }
      if (!isAuthMessage(raw)) return refuse('Meld je eerst aan met je toegangssleutel: {"type":"auth","key":"…"}.');
      if (typeof raw.key !== 'string' || keys.identify(raw.key) === null) return refuse(WRONG_KEY);
      open = true;
      if (timer) clearTimeout(timer);
      timer = null;
      send({ type: 'authenticated' });
    },
  };
}
