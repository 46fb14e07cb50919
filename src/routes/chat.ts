// WebSocket /api/chat: streamed answers, one in flight per connection, cancellable, errors as messages.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { AppError, isAppError } from '../errors.js';
import { ChatClientMessageSchema } from '../http/schemas.js';
import { createChatGate, isAuthMessage } from '../plugins/auth.js';
import { isDatabaseUnavailable } from '../plugins/error-handler.js';

type ServerMessage =
  | { type: 'start'; conversationId: string; mode: 'llm' | 'extractive' }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: string; citations: unknown[]; mode: 'llm' | 'extractive'; refused: boolean; conversationId: string; turnId: number }
  | { type: 'cancelled' }
  | { type: 'authenticated' }
  | { type: 'error'; code: string; message: string };

export const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  // A plain GET would get @fastify/websocket's empty 404; say in the usual JSON what this route wants instead.
  const websocketOnly = async (request: { ws: boolean }) => {
    if (!request.ws) throw new AppError('UPGRADE_REQUIRED', 'Deze route is een WebSocket: open ze met een WebSocket-verbinding.');
  };
  app.get('/api/chat', { websocket: true, schema: { hide: true }, preValidation: websocketOnly }, (socket: WebSocket, request) => {
    let inFlight: AbortController | null = null;
    const asked: number[] = [];
    app.chatSockets.add(socket);

    const send = (message: ServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const fail = (code: string, message: string) => send({ type: 'error', code, message });
    const gate = createChatGate({ keys: app.apiKeys, request, socket, send });

    socket.on('message', (data, isBinary) => {
      if (!gate.open) return gate.receive(data, isBinary);
      let raw: unknown;
      try {
        raw = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        return fail('INVALID_MESSAGE', 'Dit bericht is geen geldige JSON.');
      }
      // A key sent again after the upgrade already carried one changes nothing.
      if (isAuthMessage(raw)) return send({ type: 'authenticated' });
      const parsed = ChatClientMessageSchema.safeParse(raw);
      if (!parsed.success) {
        return fail('INVALID_MESSAGE', `Ongeldig bericht: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'bericht'}: ${issue.message}`).join('; ')}`);
      }
      const message = parsed.data;
      if (message.type === 'cancel') {
        inFlight?.abort(new DOMException('cancelled by the user', 'AbortError'));
        return;
      }
      if (inFlight) return fail('BUSY', 'Er wordt nog een antwoord opgesteld. Wacht tot het klaar is of annuleer het eerst.');
      // @fastify/rate-limit only sees the upgrade request, so questions on an open socket are counted here.
      const now = Date.now();
      while (asked.length && now - (asked[0] as number) > 60_000) asked.shift();
      if (asked.length >= app.config.WS_QUESTIONS_PER_MINUTE) {
        return fail('RATE_LIMITED', 'Te veel vragen na elkaar. Wacht een minuut en probeer opnieuw.');
      }
      asked.push(now);

      const controller = new AbortController();
      inFlight = controller;
      app.answers
        .ask({
          question: message.question,
          conversationId: message.conversationId,
          mode: message.mode,
          role: message.role,
          signal: controller.signal,
          onStart: (info) => send({ type: 'start', ...info }),
          onDelta: (text) => send({ type: 'delta', text }),
        })
        .then((result) =>
          send({ type: 'done', answer: result.answer, citations: result.citations, mode: result.mode, refused: result.refused, conversationId: result.conversationId, turnId: result.turnId }),
        )
        .catch((error: unknown) => {
          if (controller.signal.aborted) return send({ type: 'cancelled' });
          if (isAppError(error)) return fail(error.code, error.message);
          if (isDatabaseUnavailable(error)) return fail('DATABASE_UNAVAILABLE', 'De databank is tijdelijk niet bereikbaar. Probeer het zo dadelijk opnieuw.');
          request.log.error({ err: error }, 'chat answer failed');
          fail('INTERNAL', 'Er ging iets mis bij het opstellen van het antwoord. Probeer het opnieuw.');
        })
        .finally(() => {
          if (inFlight === controller) inFlight = null;
        });
    });

    socket.on('close', () => {
      app.chatSockets.delete(socket);
      inFlight?.abort(new DOMException('client disconnected', 'AbortError'));
    });
    socket.on('error', () => socket.terminate());
  });
};
