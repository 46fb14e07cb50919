// The chat model behind an interface: Ollama through LangChain in production, scripted servers in tests.
import { ChatOllama } from '@langchain/ollama';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { AppError } from '../errors.js';
import { startDeadline } from './deadline.js';

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmStatus {
  available: boolean;
  model: string;
  reason?: 'unreachable' | 'model-missing';
}

export interface LlmClient {
  readonly model: string;
  /** Whether the model can answer now; cached briefly so it does not slow every request. */
  status(): Promise<LlmStatus>;
  stream(messages: ChatTurn[], signal: AbortSignal): AsyncIterable<string>;
  complete(messages: ChatTurn[], signal: AbortSignal): Promise<string>;
}

export interface OllamaChatOptions {
  host: string;
  model: string;
  /** Whole-answer limit; a stalled stream ends with MODEL_TIMEOUT. */
  timeoutMs: number;
  /** Limit for the availability check, which decides the auto mode. */
  connectTimeoutMs: number;
  numCtx: number;
  numPredict: number;
  onError?: (kind: string) => void;
}

const STATUS_TTL_MS = 15_000;

export function createOllamaClient(options: OllamaChatOptions): LlmClient {
  let cached: { at: number; status: Promise<LlmStatus> } | null = null;

  const model = (signal: AbortSignal) =>
    new ChatOllama({
      baseUrl: options.host,
      model: options.model,
      numCtx: options.numCtx,
      numPredict: options.numPredict,
      temperature: 0.1,
      maxRetries: 0,
      // The ollama client ignores LangChain's signal for the HTTP request itself; passing it to fetch
      // is what actually closes the connection when a user cancels or disconnects.
      fetch: (input, init) =>
        fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    });

  const translate = (error: unknown, signal: AbortSignal): AppError => {
    if (error instanceof AppError) return error;
    const status = (error as { status_code?: unknown }).status_code;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 404 || /not found, try pulling/i.test(message)) {
      options.onError?.('model-missing');
      cached = null;
      return new AppError(
        'MODEL_NOT_AVAILABLE',
        `Het taalmodel "${options.model}" is niet geïnstalleerd in Ollama. Installeer het met: ollama pull ${options.model}`,
        { cause: error },
      );
    }
    if (signal.aborted && signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError') {
      options.onError?.('timeout');
      return new AppError('MODEL_TIMEOUT', `Het taalmodel antwoordde niet binnen ${Math.round(options.timeoutMs / 1000)} seconden.`, { cause: error });
    }
    options.onError?.('failed');
    cached = null;
    return new AppError('MODEL_FAILED', `Het taalmodel (Ollama op ${options.host}) gaf een fout: ${shorten(message)}`, { cause: error });
  };

  return {
    model: options.model,
    status() {
      if (cached && Date.now() - cached.at < STATUS_TTL_MS) return cached.status;
      const status = checkStatus(options);
      cached = { at: Date.now(), status };
      return status;
    },
    async *stream(messages, signal) {
      const { signal: deadline, clear } = startDeadline(signal, options.timeoutMs);
      try {
        // ChatOllama's own streaming, without the callback layer of .stream(): on every token that layer configured callbacks
        // (reading environment settings) and merged the chunk into the whole answer so far. With 200 chats streaming it took
        // 11% of the main thread's busy time (CPU profile under npm run bench). Nothing here listens to those callbacks.
        for await (const chunk of model(deadline)._streamResponseChunks(toLangChain(messages), { signal: deadline })) {
          if (deadline.aborted) break;
          const text = typeof chunk.message.content === 'string' ? chunk.message.content : '';
          if (text) yield text;
        }
        if (deadline.aborted && !signal.aborted) throw deadline.reason;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw translate(error, deadline);
      } finally {
        clear();
      }
    },
    async complete(messages, signal) {
      const { signal: deadline, clear } = startDeadline(signal, options.timeoutMs);
      try {
        const result = await model(deadline).invoke(toLangChain(messages), { signal: deadline });
        if (deadline.aborted) throw deadline.reason;
        return typeof result.content === 'string' ? result.content : '';
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw translate(error, deadline);
      } finally {
        clear();
      }
    },
  };
}

async function checkStatus(options: OllamaChatOptions): Promise<LlmStatus> {
  try {
    const response = await fetch(new URL('/api/tags', options.host), { signal: AbortSignal.timeout(options.connectTimeoutMs) });
    if (!response.ok) return { available: false, model: options.model, reason: 'unreachable' };
    const body = (await response.json()) as { models?: { name?: string; model?: string }[] };
    const wanted = withTag(options.model);
    const present = (body.models ?? []).some((entry) => withTag(entry.name ?? entry.model ?? '') === wanted);
    return present ? { available: true, model: options.model } : { available: false, model: options.model, reason: 'model-missing' };
  } catch {
    return { available: false, model: options.model, reason: 'unreachable' };
  }
}

/** Ollama treats "qwen2.5" and "qwen2.5:latest" as the same model. */
function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

function toLangChain(messages: ChatTurn[]): BaseMessage[] {
  return messages.map((message) =>
    message.role === 'system' ? new SystemMessage(message.content) : message.role === 'user' ? new HumanMessage(message.content) : new AIMessage(message.content),
  );
}

function shorten(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
