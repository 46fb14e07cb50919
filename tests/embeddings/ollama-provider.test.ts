// Ollama embeddings, as docker-compose runs them: the corpus ingested and searched with a model's vectors, and a stalled Ollama.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossaryExpander } from '../../src/corpus/glossary.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createOllamaProvider } from '../../src/embeddings/providers.js';
import { readCorpus } from '../../src/ingest/corpus-files.js';
import { ingestDocuments } from '../../src/ingest/ingest.js';
import { createSearchService } from '../../src/search/search-service.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama.js';

const CORPUS_DIR = new URL('../../corpus/', import.meta.url).pathname;
const EMBED_MODEL = 'bge-m3';
// bge-m3's dimension, which the service learns by asking the model rather than from configuration.
const DIMENSIONS = 1024;
// Starting PGlite and ingesting take seconds alone and much longer on a busy two-core machine.
const DATABASE_TIMEOUT = 180_000;

describe('embeddings from Ollama', () => {
  let ollama: FakeOllama;
  let db: Database;

  beforeAll(async () => {
    ollama = await startFakeOllama({ models: [EMBED_MODEL], embedDimensions: DIMENSIONS });
    db = await openDatabase({ dataDir: 'memory://' });
  }, DATABASE_TIMEOUT);

  afterAll(async () => {
    await db?.close();
    await ollama?.close();
  });

  it('ingests the corpus with the model’s vectors and searches them', async () => {
    const provider = createOllamaProvider({ host: ollama.url, model: EMBED_MODEL, timeoutMs: 10_000 });
    const files = await readCorpus(CORPUS_DIR);
    const { embedder, report } = await ingestDocuments(db, provider, { documents: files.documents, origin: 'corpus' });
    expect(embedder).toMatchObject({ model: `ollama:${EMBED_MODEL}`, dimensions: DIMENSIONS });

    const { rows } = await db.pool.query<{ model: string; dims: number; n: number }>(
      'select model, vector_dims(embedding) as dims, count(*)::int as n from embeddings group by model, dims',
    );
    expect(rows).toEqual([{ model: `ollama:${EMBED_MODEL}`, dims: DIMENSIONS, n: report.passages }]);
    // The vectors came from the model's endpoint (the model id above says none came from the built-in embedder).
    expect(ollama.requests.filter((request) => request.path === '/api/embed').length).toBeGreaterThan(0);

    const search = createSearchService({
      db,
      glossary: createGlossaryExpander(files.glossaries),
      embedder: () => embedder,
      actionListId: () => 'actielijst-migratieachtergrond',
    });
    const hits = await search.search('kinderopvang voor nieuwkomers', { k: 10 });
    // The scripted model's vectors are hashes with no meaning, so this shows the mechanics only: the vector ranker took
    // part (its ranks are set), and full-text search still brings the action about childcare.
    expect(hits.some((hit) => hit.vectorRank !== null)).toBe(true);
    expect(hits.map((hit) => hit.passage.action)).toContain(57);
  }, DATABASE_TIMEOUT);

  it('gives up on an Ollama that accepts the connection and never answers, with a message that says so', async () => {
    // Nothing answers on this socket: the embedder must not wait for ever.
    const connections = new Set<net.Socket>();
    const silent = net.createServer((socket) => connections.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const provider = createOllamaProvider({ host: `http://127.0.0.1:${port}`, model: EMBED_MODEL, timeoutMs: 300 });
      const started = performance.now();
      await expect(provider.forCorpus([])).rejects.toThrow(`Ollama-embeddings (${EMBED_MODEL}) antwoordden niet binnen 300 ms`);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      // The client's request is still open; destroyed here, close() need not wait for it.
      for (const connection of connections) connection.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
