// The live corpus: ingests corpus/ at start, then holds the embedder and glossary that queries use.
import type { Database } from '../db/database.js';
import { createGlossaryExpander, type GlossaryExpander } from '../corpus/glossary.js';
import type { Embedder } from '../embeddings/embedder.js';
import type { EmbeddingProvider } from '../embeddings/providers.js';
import { corpusSignature, listDocuments } from '../repositories/documents-repository.js';
import { actionTexts, allPassageTexts } from '../repositories/passages-repository.js';
import { createSpellingCorrector, type SpellingCorrector } from '../search/spelling.js';
import { tokenize } from '../search/text.js';
import { readCorpus } from './corpus-files.js';
import { ingestDocuments, storedCorpusEmbedder, type IngestProgress, type IngestReport, type IngestRequest } from './ingest.js';

export interface CorpusIndex {
  embedder(): Embedder;
  readonly glossary: GlossaryExpander;
  /** Knows the corpus vocabulary; rebuilt after every ingest. */
  spelling(): SpellingCorrector;
  /** Id of the action-list document, whose items are "Actie N". */
  actionListId(): string | null;
  /** Per document id, the action-list numbers that document elaborates (only documents that name some). */
  relatedActions(): ReadonlyMap<string, number[]>;
  /** The action numbers the corpus has, which are the ones an answer may cite; read again after every ingest. */
  actionNumbers(): ReadonlySet<number>;
  /** Each action's words (as `tokenize` reads them), to tell which action of a group a findings sentence is about. */
  actionWords(): ReadonlyMap<number, ReadonlySet<string>>;
  /** Each action's actor tags, for saying whom the cited actions address without reading them again. */
  actionActors(): ReadonlyMap<number, readonly string[]>;
  /** Counts the corpus changes this instance has taken in (its ingests, others' through refresh): cached search results of an older generation are stale. */
  generation(): number;
  /** Runs one ingest at a time; the new embedder is used by queries once it has committed. */
  ingest(request: IngestRequest, onProgress?: (progress: IngestProgress) => void): Promise<IngestReport>;
  /**
   * Reads the corpus again when another instance changed it in the shared database since this one last read it; true
   * when it did. Writes nothing.
   */
  refresh(): Promise<boolean>;
}

export interface OpenCorpusOptions {
  db: Database;
  provider: EmbeddingProvider;
  corpusDir: string;
  onProgress?: (progress: IngestProgress) => void;
}

export async function openCorpusIndex(options: OpenCorpusOptions): Promise<{ index: CorpusIndex; report: IngestReport }> {
  const { db, provider } = options;
  const files = await readCorpus(options.corpusDir);
  const first = await ingestDocuments(db, provider, { documents: files.documents, origin: 'corpus' }, options.onProgress);
  // The corpus as this instance has read it; another instance's ingest changes the stored one (see refresh).
  let signature = await corpusSignature(db.pool);
  let embedder = first.embedder;
  let { actionList, related, actions, words, actors } = await readDocumentRoles(db);
  let spelling = await buildSpelling(db);
  let queue: Promise<unknown> = Promise.resolve();
  let generation = 0;

  const index: CorpusIndex = {
    embedder: () => embedder,
    glossary: createGlossaryExpander(files.glossaries),
    actionListId: () => actionList,
    relatedActions: () => related,
    actionNumbers: () => actions,
    actionWords: () => words,
    actionActors: () => actors,
    spelling: () => spelling,
    generation: () => generation,
    ingest(request, onProgress) {
      return queued(async () => {
        const result = await ingestDocuments(db, provider, request, onProgress);
        signature = await corpusSignature(db.pool);
        await adopt(result.embedder);
        return result.report;
      });
    },
    refresh() {
      return queued(async () => {
        const current = await corpusSignature(db.pool);
        if (current === signature) return false;
        // The stored documents decide the embedder (the hashing embedder is fitted on all of them), as the instance that
        // ingested them computed it, so its vectors are this one's again. Only read: an instance that wrote here could
        // delete the vectors of an ingest that commits meanwhile.
        const next = await storedCorpusEmbedder(db, provider);
        if (!next) return false;
        await adopt(next);
        // Only now: a refresh that failed or found the vectors incomplete is tried again at the next check.
        signature = current;
        return true;
      });
    },
  };

  // Ingests and refreshes run one at a time, and a failed one does not stop the next.
  function queued<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function adopt(next: Embedder): Promise<void> {
    embedder = next;
    ({ actionList, related, actions, words, actors } = await readDocumentRoles(db));
    spelling = await buildSpelling(db);
    generation += 1;
  }
  return { index, report: first.report };
}

async function readDocumentRoles(
  db: Database,
): Promise<{
  actionList: string | null;
  related: ReadonlyMap<string, number[]>;
  actions: ReadonlySet<number>;
  words: ReadonlyMap<number, ReadonlySet<string>>;
  actors: ReadonlyMap<number, readonly string[]>;
}> {
  const documents = await listDocuments(db.pool);
  const texts = await actionTexts(db.pool);
  return {
    actionList: documents.find((document) => document.kind === 'action-list')?.id ?? null,
    related: new Map(documents.filter((document) => document.relatedActions.length > 0).map((document) => [document.id, document.relatedActions])),
    actions: new Set(texts.keys()),
    words: new Map([...texts].map(([action, { text }]) => [action, new Set(tokenize(text))])),
    actors: new Map([...texts].map(([action, { actors }]) => [action, actors])),
  };
}

async function buildSpelling(db: Database): Promise<SpellingCorrector> {
  return createSpellingCorrector((await allPassageTexts(db.pool)).map((passage) => passage.text));
}
