// The one error handler: coded errors keep their status and Dutch message; anything unexpected is logged and hidden.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.js';

// node-postgres and PGlite report a lost or refused connection with these codes.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006']);
const CONNECTION_MESSAGES = /Query read timeout|Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end|not queryable/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && CONNECTION_CODES.has(code)) || CONNECTION_MESSAGES.test(error.message);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      if (error.statusCode >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => {
        const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return field ? `${field}: ${issue.message}` : issue.message;
      });
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: `Ongeldige aanvraag: ${issues.join('; ')}` } });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(503).send({
        error: { code: 'DATABASE_UNAVAILABLE', message: 'De databank is tijdelijk niet bereikbaar. Probeer het zo dadelijk opnieuw.' },
      });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return reply.status(status).send({ error: { code: clientCode(error, status), message: clientMessage(error, status) } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Er ging iets mis aan onze kant. Probeer het opnieuw.' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `Deze pagina of route bestaat niet: ${request.method} ${request.url.split('?')[0]}` } }),
  );
}

function clientCode(error: FastifyError, status: number): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  return error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'INVALID_JSON' : 'BAD_REQUEST';
}

// Fastify's own messages are English; people get Dutch ones.
function clientMessage(error: FastifyError, status: number): string {
  if (status === 413) return 'De aanvraag is te groot.';
  if (status === 415) return 'Dit inhoudstype wordt niet ondersteund.';
  if (status === 429) return 'Te veel aanvragen. Wacht even en probeer opnieuw.';
  if (status === 404) return 'Niet gevonden.';
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'De aanvraag bevat geen geldige JSON.';
  return 'Ongeldige aanvraag.';
}
