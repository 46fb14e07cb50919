// Wires the real dependencies (database, embeddings, corpus index) from the configuration.
import { createOllamaClient, type LlmClient } from './answer/llm.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createHashingProvider, createOllamaProvider, type EmbeddingProvider } from './embeddings/providers.js';
import { openCorpusIndex, type CorpusIndex } from './ingest/corpus-index.js';
import type { IngestProgress, IngestReport } from './ingest/ingest.js';

export interface Runtime {
  config: Config;
  db: Database;
  provider: EmbeddingProvider;
  corpus: CorpusIndex;
  report: IngestReport;
}

export function createEmbeddingProvider(config: Config): EmbeddingProvider {
  return config.EMBEDDINGS === 'ollama'
    ? createOllamaProvider({ host: config.OLLAMA_HOST, model: config.OLLAMA_EMBED_MODEL, timeoutMs: config.OLLAMA_TIMEOUT_MS })
    : createHashingProvider();
}

export async function openRuntime(config: Config, onProgress?: (progress: IngestProgress) => void): Promise<Runtime> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    maxConnections: config.DB_POOL_SIZE,
    sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB,
  });
  try {
    const provider = createEmbeddingProvider(config);
    const { index, report } = await openCorpusIndex({ db, provider, corpusDir: config.CORPUS_DIR, ...(onProgress ? { onProgress } : {}) });
    return { config, db, provider, corpus: index, report };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The chat model the configuration asks for: none in extractive mode, else Ollama through LangChain. */
export function createLlmClient(config: Config, onError?: (kind: string) => void): LlmClient | null {
  if (config.ANSWER_MODE === 'extractive') return null;
  return createOllamaClient({
    host: config.OLLAMA_HOST,
    model: config.OLLAMA_CHAT_MODEL,
    timeoutMs: config.OLLAMA_TIMEOUT_MS,
    connectTimeoutMs: config.OLLAMA_CONNECT_TIMEOUT_MS,
    numCtx: config.OLLAMA_NUM_CTX,
    numPredict: config.OLLAMA_NUM_PREDICT,
    ...(onError ? { onError } : {}),
  });
}
