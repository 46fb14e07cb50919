// Ingests documents into Postgres in one transaction: passages, then embeddings for the current model.
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/database.js';
import { parseDocument } from '../corpus/parse.js';
import { toPassages, type Passage } from '../corpus/passages.js';
import type { Embedder } from '../embeddings/embedder.js';
import type { EmbeddingProvider } from '../embeddings/providers.js';
import { deleteDocument, listDocumentSources, upsertDocument } from '../repositories/documents-repository.js';
import {
  deleteOtherModels,
  embeddedHashes,
  refreshTermStatistics,
  refreshVectorStatistics,
  vacuumCorpusTables,
  ensureVectorIndex,
  replacePassages,
  upsertEmbedding,
} from '../repositories/passages-repository.js';
import type { CorpusDocument } from './corpus-files.js';

export interface IngestProgress {
  phase: 'parse' | 'embed' | 'store';
  done: number;
  total: number;
}

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  passages: number;
  embedded: number;
  model: string;
}

export interface IngestRequest {
  /** The documents of this origin after the ingest; others of the same origin are removed unless `keepOthers`. */
  documents: CorpusDocument[];
  origin: 'corpus' | 'upload';
  keepOthers?: boolean;
  /** Documents to delete (uploads removed through the API). */
  remove?: string[];
  /** Test hook: runs inside the transaction after the passages are written, before commit. */
  beforeCommit?: () => Promise<void>;
}

export interface IngestResult {
  report: IngestReport;
  embedder: Embedder;
}

const EMBED_BATCH = 32;

/**
 * Brings the database in line with the given documents. Every passage of every document, stored or
 * new, decides the embedder (the hashing embedder fits its IDF on them), so the set is computed first,
 * vectors are computed outside the transaction, and one transaction writes everything.
 */
export async function ingestDocuments(
  db: Database,
  provider: EmbeddingProvider,
  request: IngestRequest,
  onProgress: (progress: IngestProgress) => void = () => undefined,
): Promise<IngestResult> {
  const stored = await listDocumentSources(db.pool);
  const storedById = new Map(stored.map((entry) => [entry.id, entry]));
  const incomingIds = new Set(request.documents.map((entry) => entry.document.meta.id));
  const removed = stored
    .filter((entry) =>
      (request.remove ?? []).includes(entry.id) ||
      (!request.keepOthers && entry.origin === request.origin && !incomingIds.has(entry.id)),
    )
    .map((entry) => entry.id);

  const report: IngestReport = { added: [], updated: [], unchanged: [], removed, passages: 0, embedded: 0, model: '' };
  const changed: CorpusDocument[] = [];
  for (const entry of request.documents) {
    const previous = storedById.get(entry.document.meta.id);
    if (!previous) report.added.push(entry.document.meta.id);
    else if (previous.contentHash !== entry.contentHash || previous.origin !== request.origin) report.updated.push(entry.document.meta.id);
    else {
      report.unchanged.push(entry.document.meta.id);
      continue;
    }
    changed.push(entry);
  }

  // The full passage set after this ingest, in a stable order.
  const finalDocuments = new Map<string, Passage[]>();
  for (const entry of stored) {
    if (removed.includes(entry.id) || incomingIds.has(entry.id)) continue;
    finalDocuments.set(entry.id, toPassages(parseDocument(entry.markdown, entry.id)));
  }
  request.documents.forEach((entry, index) => {
    finalDocuments.set(entry.document.meta.id, toPassages(entry.document));
    onProgress({ phase: 'parse', done: index + 1, total: request.documents.length });
  });
  const allPassages = inCorpusOrder(finalDocuments);
  report.passages = allPassages.length;

  const embedder = await provider.forCorpus(allPassages.map((passage) => passage.text));
  report.model = embedder.model;
  const existing = await embeddedHashes(db.pool, embedder.model);
  const toEmbed = allPassages.filter((passage) => existing.get(passage.id) !== passage.contentHash);
  const vectors: number[][] = [];
  for (let start = 0; start < toEmbed.length; start += EMBED_BATCH) {
    const batch = toEmbed.slice(start, start + EMBED_BATCH);
    vectors.push(...(await embedder.embedDocuments(batch.map((passage) => passage.text))));
    onProgress({ phase: 'embed', done: Math.min(start + EMBED_BATCH, toEmbed.length), total: toEmbed.length });
  }
  report.embedded = toEmbed.length;

  const nothingToDo = !changed.length && !removed.length && !toEmbed.length;
  if (nothingToDo && existing.size === allPassages.length) return { report, embedder };

  await withTransaction(db.pool, async (client) => {
    for (const id of removed) await deleteDocument(client, id);
    for (const [index, entry] of changed.entries()) {
      const { meta } = entry.document;
      await upsertDocument(client, {
        id: meta.id,
        title: meta.title,
        shortTitle: meta.short,
        publisher: meta.publisher,
        published: meta.date,
        kind: meta.kind,
        sourceUrl: meta.source,
        itemLabel: meta.itemLabel,
        relatedActions: meta.actions,
        origin: request.origin,
        markdown: entry.markdown,
        contentHash: entry.contentHash,
      });
      await replacePassages(client, meta.id, finalDocuments.get(meta.id) ?? []);
      onProgress({ phase: 'store', done: index + 1, total: changed.length });
    }
    for (const [index, passage] of toEmbed.entries()) {
      await upsertEmbedding(client, embedder.model, passage.id, passage.contentHash, vectors[index] as number[]);
    }
    if (changed.length || removed.length) await refreshTermStatistics(client);
    await deleteOtherModels(client, embedder.model);
    await ensureVectorIndex(client, embedder.model, embedder.dimensions);
    await refreshVectorStatistics(client);
    await request.beforeCommit?.();
  });
  if (changed.length || removed.length || toEmbed.length) await vacuumCorpusTables(db.pool);
  return { report, embedder };
}

/**
 * The embedder the stored corpus decides, computed as the ingest that stored it did, without writing anything: for an
 * instance taking in another's ingest. Null while the stored vectors are not all of that embedder's (an ingest
 * committed between the reads): the caller tries again later.
 */
export async function storedCorpusEmbedder(db: Database, provider: EmbeddingProvider): Promise<Embedder | null> {
  const stored = await listDocumentSources(db.pool);
  const passages = inCorpusOrder(new Map(stored.map((entry) => [entry.id, toPassages(parseDocument(entry.markdown, entry.id))])));
  const embedder = await provider.forCorpus(passages.map((passage) => passage.text));
  const existing = await embeddedHashes(db.pool, embedder.model);
  const complete = existing.size === passages.length && passages.every((passage) => existing.get(passage.id) === passage.contentHash);
  return complete ? embedder : null;
}

/** Every passage, documents by id: the order the hashing embedder is fitted in, the same on every instance. */
function inCorpusOrder(documents: ReadonlyMap<string, Passage[]>): Passage[] {
  return [...documents.keys()].sort().flatMap((id) => documents.get(id) ?? []);
}
