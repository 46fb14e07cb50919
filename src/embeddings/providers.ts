// Embedding providers: give the embedder for a corpus (hashing fits its IDF on it; Ollama ignores it).
import { OllamaEmbeddings } from '@langchain/ollama';
import { createHashingEmbedder, fitHashingState } from './hashing-embedder.js';
import type { Embedder } from './embedder.js';

export interface EmbeddingProvider {
  readonly name: string;
  /** The embedder for a corpus with these passage texts (in a stable order). */
  forCorpus(texts: string[]): Promise<Embedder>;
}

export function createHashingProvider(): EmbeddingProvider {
  return {
    name: 'hashing',
    forCorpus: async (texts) => createHashingEmbedder(fitHashingState(texts)),
  };
}

export interface OllamaEmbeddingOptions {
  host: string;
  model: string;
  timeoutMs: number;
}

export function createOllamaProvider(options: OllamaEmbeddingOptions): EmbeddingProvider {
  let embedder: Promise<Embedder> | undefined;
  return {
    name: `ollama:${options.model}`,
    forCorpus: () => (embedder ??= createOllamaEmbedder(options)),
  };
}

async function createOllamaEmbedder(options: OllamaEmbeddingOptions): Promise<Embedder> {
  const client = new OllamaEmbeddings({ baseUrl: options.host, model: options.model, maxRetries: 1 });
  const withTimeout = <T>(work: Promise<T>) =>
    Promise.race([
      work,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`Ollama-embeddings (${options.model}) antwoordden niet binnen ${options.timeoutMs} ms`)), options.timeoutMs).unref(),
      ),
    ]);
  // The dimension is a property of the model; ask once instead of configuring it by hand.
  const probe = await withTimeout(client.embedQuery('dimensie'));
  return {
    model: `ollama:${options.model}`,
    dimensions: probe.length,
    embedDocuments: (texts) => withTimeout(client.embedDocuments(texts)),
    embedQuery: (text) => withTimeout(client.embedQuery(text)),
  };
}
