// Shared integration suite: ingest of the real corpus into a database, and hybrid search over it, for any engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossaryExpander } from '../../src/corpus/glossary.js';
import { parseDocument } from '../../src/corpus/parse.js';
import { toPassages } from '../../src/corpus/passages.js';
import type { Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import type { Embedder } from '../../src/embeddings/embedder.js';
import { createHashingProvider, type EmbeddingProvider } from '../../src/embeddings/providers.js';
import { contentHash, readCorpus, type CorpusDocument, type CorpusFiles } from '../../src/ingest/corpus-files.js';
import { ingestDocuments, storedCorpusEmbedder, type IngestRequest, type IngestResult } from '../../src/ingest/ingest.js';
import { listDocuments } from '../../src/repositories/documents-repository.js';
import { allPassageTexts, HNSW_BUILD, vectorIndexName } from '../../src/repositories/passages-repository.js';
import { createSearchService, type SearchService } from '../../src/search/search-service.js';
import { createSpellingCorrector, type SpellingCorrector } from '../../src/search/spelling.js';

const CORPUS_DIR = new URL('../../corpus/', import.meta.url).pathname;
const ACTION_LIST = 'actielijst-migratieachtergrond';
// Starting a database and ingesting take seconds alone and minutes on a busy machine; these are limits, not targets.
const DATABASE_TIMEOUT = 180_000;

/** Same vectors as the hashing provider, under another model id: what switching embedding models looks like. */
function renamedProvider(suffix: string): EmbeddingProvider {
  const base = createHashingProvider();
  return {
    name: `hashing-${suffix}`,
    async forCorpus(texts) {
      const embedder = await base.forCorpus(texts);
      return { ...embedder, model: `${embedder.model}:${suffix}` };
    },
  };
}

/** The corpus with the action list's Markdown edited, as a new ingest request would carry it. */
function withEditedActionList(files: CorpusFiles, edit: (markdown: string) => string): CorpusDocument[] {
  return files.documents.map((entry) => {
    if (entry.document.meta.id !== ACTION_LIST) return entry;
    const markdown = edit(entry.markdown);
    if (markdown === entry.markdown) throw new Error('de bewerking veranderde niets');
    return { file: entry.file, markdown, document: parseDocument(markdown, entry.file), contentHash: contentHash(markdown) };
  });
}

/**
 * Registers the storage-and-search tests against the database `open` returns. The tests share one database
 * and run in order; the ones that change the corpus put the real corpus back before they end.
 */
export function registerStorageSearchSuite(engine: string, open: () => Promise<Database>): void {
  describe(`opslag en zoeken (${engine})`, () => {
    let db: Database;
    let files: CorpusFiles;
    let first: IngestResult;
    let embedder: Embedder;
    let spelling: SpellingCorrector;
    let search: SearchService;
    const provider = createHashingProvider();

    const ingest = async (documents: CorpusDocument[], using: EmbeddingProvider = provider, extra: Partial<IngestRequest> = {}) => {
      const result = await ingestDocuments(db, using, { documents, origin: 'corpus', ...extra });
      embedder = result.embedder;
      spelling = createSpellingCorrector((await allPassageTexts(db.pool)).map((passage) => passage.text));
      return result;
    };
    const count = async (sql: string, params: unknown[] = []) => Number((await db.pool.query<{ n: string }>(sql, params)).rows[0]?.n);
    const modelsStored = async () => (await db.pool.query<{ model: string }>('select distinct model from embeddings order by model')).rows.map((row) => row.model);
    const hnswIndexes = async () =>
      (await db.pool.query<{ indexname: string; indexdef: string }>(
        "select indexname, indexdef from pg_indexes where tablename = 'embeddings' and indexdef ilike '%using hnsw%' order by indexname",
      )).rows;
    const passageHashes = async () =>
      (await db.pool.query<{ id: string; content_hash: string }>('select id, content_hash from passages order by id')).rows;
    // Live rows of the embeddings table's TOAST table: each is a slice of a vector stored out of line.
    const toastChunks = async () => {
      const { rows } = await db.pool.query<{ toast: string }>(`select reltoastrelid::regclass::text as toast from pg_class where relname = 'embeddings'`);
      return count(`select count(*) as n from ${rows[0]?.toast ?? 'missing_toast_table'}`);
    };
    const topActions = async (query: string, n: number) => (await search.search(query, { k: 10 })).slice(0, n).map((hit) => hit.passage.action);

    beforeAll(async () => {
      db = await open();
      files = await readCorpus(CORPUS_DIR);
      first = await ingest(files.documents);
      search = createSearchService({
        db,
        glossary: createGlossaryExpander(files.glossaries),
        embedder: () => embedder,
        actionListId: () => ACTION_LIST,
        spelling: () => spelling,
      });
    }, DATABASE_TIMEOUT);

    afterAll(async () => {
      await db?.close();
    });

    describe('ingest of the real corpus', () => {
      it('stores every corpus document with its passages', async () => {
        const expected = files.documents.map((entry) => ({ id: entry.document.meta.id, passages: toPassages(entry.document).length }));
        const stored = await listDocuments(db.pool);
        expect(stored.map((entry) => ({ id: entry.id, passages: entry.passages })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          expected.sort((a, b) => a.id.localeCompare(b.id)),
        );
        expect(stored.map((entry) => entry.id)).toContain(ACTION_LIST);
        expect(first.report.added.sort()).toEqual(expected.map((entry) => entry.id).sort());
        expect(first.report.passages).toBe(expected.reduce((sum, entry) => sum + entry.passages, 0));
      });

      it('stores the 60 actions of the action list as action passages', async () => {
        const { rows } = await db.pool.query<{ action: number; label: string }>(
          "select action, label from passages where document_id = $1 and kind = 'action' order by action",
          [ACTION_LIST],
        );
        expect(rows.map((row) => row.action)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
        expect(rows[18]).toEqual({ action: 19, label: 'Actie 19' });
      });

      it('fills the full-text vector of every passage', async () => {
        expect(await count('select count(*) as n from passages where tsv is null or length(tsv) = 0')).toBe(0);
        const { rows } = await db.pool.query<{ id: string }>(
          "select id from passages where tsv @@ to_tsquery('dutch', 'kinderopvang') and kind = 'action' order by action",
        );
        expect(rows.map((row) => row.id)).toContain(`${ACTION_LIST}:actie-57`);
      });

      it("indexes an action's theme names beside its text, without changing the text", async () => {
        // "flankerend" appears in no action's text, only in the name of the theme "Kinderopvang, mobiliteit en flankerend beleid".
        const { rows } = await db.pool.query<{ action: number; text: string; keywords: string }>(
          "select action, text, keywords from passages where tsv @@ to_tsquery('dutch', 'flankerend') and kind = 'action' order by action",
        );
        expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining([57, 58, 59]));
        for (const row of rows) {
          expect(row.text).not.toMatch(/flankerend/i);
          expect(row.keywords).toContain('Kinderopvang, mobiliteit en flankerend beleid');
        }
      });

      it('stores an embedding of the current model for every passage, and no other', async () => {
        const passages = await count('select count(*) as n from passages');
        expect(first.report.embedded).toBe(passages);
        expect(await count('select count(*) as n from embeddings where model = $1', [embedder.model])).toBe(passages);
        expect(
          await count(
            'select count(*) as n from passages p where not exists (select 1 from embeddings e where e.passage_id = p.id and e.model = $1 and e.content_hash = p.content_hash)',
            [embedder.model],
          ),
        ).toBe(0);
        expect(await modelsStored()).toEqual([embedder.model]);
        expect(await count('select count(*) as n from embeddings where vector_dims(embedding) <> $1', [embedder.dimensions])).toBe(0);
      });

      it('reads a stored embedding back as the numbers that were written', async () => {
        const id = `${ACTION_LIST}:actie-57`;
        const { rows } = await db.pool.query<{ embedding: unknown; text: string }>(
          'select e.embedding, p.text from embeddings e join passages p on p.id = e.passage_id where e.passage_id = $1 and e.model = $2',
          [id, embedder.model],
        );
        const [written] = await embedder.embedDocuments([rows[0]?.text ?? '']);
        const read = rows[0]?.embedding;
        if (!Array.isArray(read) || !written) throw new Error(`embedding kwam terug als ${typeof read}`);
        expect(read).toHaveLength(embedder.dimensions);
        // pgvector stores float4, so compare at single precision.
        read.forEach((value, index) => expect(value).toBeCloseTo(written[index] ?? NaN, 6));
      });

      it('keeps every vector in the table itself, none out of line in TOAST storage', async () => {
        expect(await count('select count(*) as n from embeddings')).toBeGreaterThan(0);
        expect(await toastChunks()).toBe(0);
      });

      it('moves the vectors of a database stored before migration 006 into the table, unchanged', async () => {
        const vectors = async () => (await db.pool.query<{ passage_id: string; v: string }>('select passage_id, embedding::text as v from embeddings order by passage_id')).rows;
        const before = await vectors();
        // What pgvector's default storage did before the migration: every vector of 1 536 dimensions out of line.
        await db.pool.query('alter table embeddings reset (toast_tuple_target)');
        await db.pool.query('update embeddings set embedding = embedding::text::vector');
        expect(await toastChunks()).toBeGreaterThan(0);
        await db.pool.query(`delete from schema_migrations where version like '006\\_%'`);
        expect(await runMigrations(db.pool)).toEqual([expect.stringMatching(/^006_/)]);
        expect(await toastChunks()).toBe(0);
        expect(await vectors()).toEqual(before);
      });

      it('creates an HNSW index for the model', async () => {
        const indexes = await hnswIndexes();
        expect(indexes.map((index) => index.indexname)).toEqual([vectorIndexName(embedder.model)]);
        expect(indexes[0]?.indexdef).toContain(`vector(${embedder.dimensions})`);
        expect(indexes[0]?.indexdef).toContain(embedder.model);
        expect(indexes[0]?.indexdef).toContain(`WITH (m='${HNSW_BUILD.m}', ef_construction='${HNSW_BUILD.efConstruction}')`);
      });
    });

    describe('hybrid search', () => {
      it("finds Actie 19 first for 'erkenning buitenlandse diploma's'", async () => {
        expect(await topActions("erkenning buitenlandse diploma's", 1)).toEqual([19]);
      });

      it("finds an IBO action (35 or 36) in the top 3 for 'IBO voor anderstaligen'", async () => {
        const top = await topActions('IBO voor anderstaligen', 3);
        expect(top.some((action) => action === 35 || action === 36)).toBe(true);
      });

      it("puts Actie 37 first for 'wat zegt actie 37'", async () => {
        const hits = await search.search('wat zegt actie 37', { k: 5 });
        expect(hits[0]?.passage.id).toBe(`${ACTION_LIST}:actie-37`);
        expect(hits[0]?.named).toBe(true);
      });

      it("puts Actie 44 and 45 first for 'acties 44 en 45'", async () => {
        expect(await topActions('acties 44 en 45', 2)).toEqual([44, 45]);
      });

      it("finds Actie 57 in the top 3 for 'kinderopvang'", async () => {
        expect(await topActions('kinderopvang', 3)).toContain(57);
      });

      it("finds Actie 11 in the top 3 despite the typo in 'huiswerkbegeleidng'", async () => {
        expect(await topActions('huiswerkbegeleidng', 3)).toContain(11);
      });

      it('returns at most k hits, best first, with scores between 0 and 1', async () => {
        const hits = await search.search('diversiteit op de werkvloer', { k: 4 });
        expect(hits).toHaveLength(4);
        const scores = hits.map((hit) => hit.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        for (const score of scores) {
          expect(score).toBeGreaterThan(0);
          expect(score).toBeLessThanOrEqual(1);
        }
      });
    });

    describe('re-ingest', () => {
      it('is idempotent: an unchanged corpus changes and embeds nothing', async () => {
        const before = await listDocuments(db.pool);
        const hashes = await passageHashes();
        const { report } = await ingest(files.documents);
        expect(report.unchanged.sort()).toEqual(files.documents.map((entry) => entry.document.meta.id).sort());
        expect(report).toMatchObject({ added: [], updated: [], removed: [], embedded: 0, model: embedder.model });
        const after = await listDocuments(db.pool);
        expect(after.map(({ id, version, passages, contentHash: hash, ingestedAt }) => ({ id, version, passages, hash, ingestedAt }))).toEqual(
          before.map(({ id, version, passages, contentHash: hash, ingestedAt }) => ({ id, version, passages, hash, ingestedAt })),
        );
        expect(await passageHashes()).toEqual(hashes);
      }, DATABASE_TIMEOUT);

      it('is transactional: a failed ingest of a changed corpus leaves the previous corpus intact and searchable', async () => {
        const documentsBefore = await listDocuments(db.pool);
        const hashes = await passageHashes();
        const model = embedder.model;
        const changed = withEditedActionList(files, (markdown) =>
          markdown.replace('Er moet worden ingezet op voldoende laagdrempelige kinderopvang', 'Er moet worden ingezet op voldoende fietsenstallingen'),
        );
        await expect(
          ingestDocuments(db, provider, {
            documents: changed,
            origin: 'corpus',
            beforeCommit: async () => {
              throw new Error('opzettelijk afgebroken');
            },
          }),
        ).rejects.toThrow('opzettelijk afgebroken');

        expect(await listDocuments(db.pool)).toEqual(documentsBefore);
        expect(await passageHashes()).toEqual(hashes);
        expect(await modelsStored()).toEqual([model]);
        expect(await count('select count(*) as n from embeddings where model = $1', [model])).toBe(hashes.length);
        expect((await hnswIndexes()).map((index) => index.indexname)).toEqual([vectorIndexName(model)]);
        const hits = await search.search('laagdrempelige kinderopvang', { k: 3 });
        expect(hits[0]?.passage.id).toBe(`${ACTION_LIST}:actie-57`);
        expect(hits[0]?.passage.text).toContain('laagdrempelige kinderopvang');
      }, DATABASE_TIMEOUT);

      it('bumps the version of a changed document only, and replaces its passages', async () => {
        const before = new Map((await listDocuments(db.pool)).map((entry) => [entry.id, entry.version]));
        const changed = withEditedActionList(files, (markdown) =>
          markdown.replace('De commissie vraagt een verdere uitbouw van de inkomensgerelateerde kinderopvang.', 'De commissie vraagt meer plaatsen in de inkomensgerelateerde kinderopvang.'),
        );
        try {
          const { report } = await ingest(changed);
          expect(report.updated).toEqual([ACTION_LIST]);
          const after = await listDocuments(db.pool);
          for (const entry of after) expect(entry.version, entry.id).toBe((before.get(entry.id) ?? 0) + (entry.id === ACTION_LIST ? 1 : 0));
          const { rows } = await db.pool.query<{ text: string }>('select text from passages where id = $1', [`${ACTION_LIST}:actie-57`]);
          expect(rows[0]?.text).toContain('meer plaatsen in de inkomensgerelateerde kinderopvang');
          // The hashing model is fitted on the corpus, so its id changed and every passage has a vector of the new one.
          expect(await modelsStored()).toEqual([embedder.model]);
          expect(await count('select count(*) as n from embeddings')).toBe(await count('select count(*) as n from passages'));
        } finally {
          await ingest(files.documents);
        }
        const restored = await listDocuments(db.pool);
        expect(restored.find((entry) => entry.id === ACTION_LIST)?.version).toBe((before.get(ACTION_LIST) ?? 0) + 2);
      }, DATABASE_TIMEOUT);

      it('computes from the stored corpus alone the embedder its ingest used, and none while a vector is missing, writing nothing', async () => {
        // What an instance does when another one changed the corpus (CorpusIndex.refresh).
        const stored = await storedCorpusEmbedder(db, provider);
        expect(stored?.model).toBe(embedder.model);
        expect(stored?.dimensions).toBe(embedder.dimensions);
        expect(await stored?.embedQuery('erkenning van diploma’s')).toEqual(await embedder.embedQuery('erkenning van diploma’s'));
        const vectors = await count('select count(*) as n from embeddings');
        try {
          await db.pool.query('delete from embeddings where passage_id = (select min(passage_id) from embeddings)');
          expect(await storedCorpusEmbedder(db, provider)).toBeNull();
          expect(await count('select count(*) as n from embeddings')).toBe(vectors - 1);
        } finally {
          expect((await ingest(files.documents)).report.embedded).toBe(1);
        }
      }, DATABASE_TIMEOUT);

      it('re-embeds every passage when the embedding model changes, and drops the old vectors and index', async () => {
        const passages = await count('select count(*) as n from passages');
        const oldModel = embedder.model;
        try {
          const { report } = await ingest(files.documents, renamedProvider('ander-model'));
          expect(report.model).toBe(`${oldModel}:ander-model`);
          expect(report.embedded).toBe(passages);
          expect(report.unchanged).toHaveLength(files.documents.length);
          expect(await modelsStored()).toEqual([`${oldModel}:ander-model`]);
          expect(await count('select count(*) as n from embeddings where model = $1', [report.model])).toBe(passages);
          expect((await hnswIndexes()).map((index) => index.indexname)).toEqual([vectorIndexName(report.model)]);
          expect(await topActions('kinderopvang', 3)).toContain(57);
        } finally {
          await ingest(files.documents);
        }
        expect(await modelsStored()).toEqual([oldModel]);
      }, DATABASE_TIMEOUT);
    });
  });
}
