// Logger options that keep questions and personal data out of the logs: no query strings, redacted error texts.
import type { FastifyError, FastifyRequest, FastifyServerOptions } from 'fastify';
import { redact } from './redact.js';

type LoggerOption = FastifyServerOptions['logger'];

/** Adds the private serializers to Fastify's logger options; `false` (no logging) stays as it is. */
export function privateLoggerOptions(logger: LoggerOption): LoggerOption {
  if (!logger) return logger;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: { ...base.serializers, req: serializeRequest, err: serializeError },
    // Messages too: `log.error({ err }, error.message)` would otherwise write an error's text unredacted.
    hooks: {
      ...base.hooks,
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redact(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

/** `/api/search?q=mijn vraag` becomes `/api/search?q=[weggelaten]`: the query string holds the question itself. */
export function loggableUrl(url: string): string {
  const [path = '', query] = url.split(/\?(.*)/s, 2);
  // Decoded first: %40 would hide an e-mail address from redact.
  const safePath = redact(decoded(path));
  if (query === undefined) return safePath;
  const names = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${redact(pair.split('=', 1)[0] ?? '')}=[weggelaten]`);
  return `${safePath}?${names.join('&')}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

// Error texts can quote what went in (a database value, a model's reply), so they pass through redact as well.
function serializeError(error: FastifyError, depth = 0): SerializedError {
  const serialized: SerializedError = {
    type: error.name ?? 'Error',
    message: redact(String(error.message ?? '')),
    stack: redact(String(error.stack ?? '')),
  };
  if (error.code !== undefined) serialized.code = error.code;
  if (error.statusCode !== undefined) serialized.statusCode = error.statusCode;
  if (error.cause instanceof Error && depth < 3) serialized.cause = serializeError(error.cause as FastifyError, depth + 1);
  return serialized;
}
