// SQL for passages and their embeddings: replacing a document's passages, reading actions, vector indexes.
import { createHash } from 'node:crypto';
import pgvector from 'pgvector/pg';
import type { Queryable } from '../db/database.js';
import { prepared, queryPrepared } from '../db/prepared.js';
import type { Passage, PassageKind } from '../corpus/passages.js';

export interface StoredPassage {
  id: string;
  documentId: string;
  ordinal: number;
  kind: PassageKind;
  action: number | null;
  actions: number[];
  number: number | null;
  label: string | null;
  section: { number: string | null; title: string };
  heading: string | null;
  text: string;
  notes: number[];
  actors: string[];
  themes: string[];
  refs: string[];
  contentHash: string;
}

export interface PassageRow {
  id: string;
  document_id: string;
  ordinal: number;
  kind: PassageKind;
  action: number | null;
  actions: number[];
  number: number | null;
  label: string | null;
  section_number: string | null;
  section_title: string | null;
  heading: string | null;
  text: string;
  notes: number[];
  actors: string[];
  themes: string[];
  refs: string[];
  content_hash: string;
}

export const PASSAGE_COLUMNS = `p.id, p.document_id, p.ordinal, p.kind, p.action, p.actions, p.number, p.label, p.section_number,
  p.section_title, p.heading, p.text, p.notes, p.actors, p.themes, p.refs, p.content_hash`;

export const toPassage = (row: PassageRow): StoredPassage => ({
  id: row.id,
  documentId: row.document_id,
  ordinal: row.ordinal,
  kind: row.kind,
  action: row.action,
  actions: row.actions,
  number: row.number,
  label: row.label,
  section: { number: row.section_number, title: row.section_title ?? '' },
  heading: row.heading,
  text: row.text,
  notes: row.notes,
  actors: row.actors,
  themes: row.themes,
  refs: row.refs,
  contentHash: row.content_hash,
});

export async function replacePassages(db: Queryable, documentId: string, passages: Passage[]): Promise<void> {
  await db.query('delete from passages where document_id = $1', [documentId]);
  for (const p of passages) {
    await db.query(
      `insert into passages (id, document_id, ordinal, kind, action, actions, number, label, section_number, section_title,
                             heading, text, keywords, notes, actors, themes, refs, content_hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        p.id, documentId, p.ordinal, p.kind, p.action, p.actions, p.number, p.label, p.section.number, p.section.title,
        p.heading, p.text, p.keywords, p.notes, p.actors, p.themes, p.refs, p.contentHash,
      ],
    );
  }
}

export interface ActionFilter {
  actor?: string | undefined;
  theme?: string | undefined;
}

/** Actions of the action list, in number order. */
export async function listActions(db: Queryable, filter: ActionFilter = {}): Promise<StoredPassage[]> {
  const { rows } = await db.query<PassageRow>(
    `select ${PASSAGE_COLUMNS} from passages p join documents d on d.id = p.document_id
     where d.kind = 'action-list' and p.kind = 'action'
       and ($1::text is null or $1 = any(p.actors)) and ($2::text is null or $2 = any(p.themes))
     order by p.action`,
    [filter.actor ?? null, filter.theme ?? null],
  );
  return rows.map(toPassage);
}

// The two passage reads of every question (the search's new passages, the cited actions' texts) are prepared statements.
const PASSAGES_BY_ID = prepared('passages_by_id', `select ${PASSAGE_COLUMNS} from passages p where p.id = any($1)`);
const PASSAGES_FOR_ACTIONS = prepared(
  'passages_for_actions',
  `select ${PASSAGE_COLUMNS} from passages p join documents d on d.id = p.document_id
   where d.kind = 'action-list' and p.actions && $1::int[]
   order by p.ordinal`,
);

export async function getPassages(db: Queryable, ids: string[]): Promise<StoredPassage[]> {
  if (!ids.length) return [];
  const { rows } = await queryPrepared<PassageRow>(db, PASSAGES_BY_ID, [ids]);
  const byId = new Map(rows.map((row) => [row.id, toPassage(row)]));
  return ids.map((id) => byId.get(id)).filter((passage): passage is StoredPassage => passage !== undefined);
}

/** A stored passage as a search names it: its content hash and position change whenever anything shown of it changes. */
export interface PassageRef {
  id: string;
  contentHash: string;
  ordinal: number;
}

export interface PassageReader {
  /** The passages named, by id; one that is gone (deleted by an ingest meanwhile) is absent. */
  read(db: Queryable, refs: PassageRef[]): Promise<Map<string, StoredPassage>>;
}

/**
 * Reads passages through a memory of the `size` most recently read: a search then fetches from the database only passages
 * it has not returned before. Keyed by content hash and position, so an ingest here or by another instance on the same
 * database never serves a passage as it was. Size 0 reads every passage from the database.
 */
export function createPassageReader(size: number): PassageReader {
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const remembered = new Map<string, StoredPassage>();
  const keyOf = (ref: PassageRef) => `${ref.id}\n${ref.contentHash}\n${ref.ordinal}`;
  const remember = (passage: StoredPassage) => {
    if (size <= 0) return;
    const key = keyOf(passage);
    remembered.delete(key);
    remembered.set(key, passage);
    while (remembered.size > size) remembered.delete(remembered.keys().next().value as string);
  };
  return {
    async read(db, refs) {
      const found = new Map<string, StoredPassage>();
      const missing: string[] = [];
      for (const ref of refs) {
        const passage = remembered.get(keyOf(ref));
        if (passage) {
          remember(passage);
          found.set(ref.id, passage);
        } else {
          missing.push(ref.id);
        }
      }
      // Read as they are now: should an ingest have changed one since the search ranked it, the current form is shown.
      for (const passage of await getPassages(db, missing)) {
        remember(passage);
        found.set(passage.id, passage);
      }
      return found;
    },
  };
}

/** The action passages and the context/note passages that belong to the given action numbers. */
export async function passagesForActions(db: Queryable, actions: number[]): Promise<StoredPassage[]> {
  if (!actions.length) return [];
  const { rows } = await queryPrepared<PassageRow>(db, PASSAGES_FOR_ACTIONS, [actions]);
  return rows.map(toPassage);
}

/** The action numbers the stored corpus has a passage for: what an answer may cite. */
/** Each action's own text by its number. */
export async function actionTexts(db: Queryable): Promise<Map<number, { text: string; actors: string[] }>> {
  const { rows } = await db.query<{ action: number; text: string; actors: string[] }>(
    `select action, text, actors from passages where kind = 'action' and action is not null`,
  );
  return new Map(rows.map((row) => [row.action, { text: row.text, actors: row.actors }]));
}

export async function getDocumentPassages(db: Queryable, documentId: string): Promise<StoredPassage[]> {
  const { rows } = await db.query<PassageRow>(`select ${PASSAGE_COLUMNS} from passages p where p.document_id = $1 order by p.ordinal`, [documentId]);
  return rows.map(toPassage);
}

/** Every passage text in a stable order: what the hashing embedder is fitted on. */
export async function allPassageTexts(db: Queryable): Promise<{ id: string; text: string; contentHash: string }[]> {
  const { rows } = await db.query<{ id: string; text: string; content_hash: string }>(
    'select id, text, content_hash from passages order by document_id, ordinal',
  );
  return rows.map((row) => ({ id: row.id, text: row.text, contentHash: row.content_hash }));
}

export async function embeddedHashes(db: Queryable, model: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ passage_id: string; content_hash: string }>(
    'select passage_id, content_hash from embeddings where model = $1',
    [model],
  );
  return new Map(rows.map((row) => [row.passage_id, row.content_hash]));
}

export async function upsertEmbedding(db: Queryable, model: string, passageId: string, contentHash: string, embedding: number[]): Promise<void> {
  await db.query(
    `insert into embeddings (passage_id, model, content_hash, embedding) values ($1, $2, $3, $4)
     on conflict (passage_id, model) do update set content_hash = excluded.content_hash, embedding = excluded.embedding`,
    [passageId, model, contentHash, pgvector.toSql(embedding)],
  );
}

/** Drops vectors of models no longer in use, and their indexes. */
export async function deleteOtherModels(db: Queryable, model: string): Promise<number> {
  const { rows } = await db.query<{ model: string }>('select distinct model from embeddings where model <> $1', [model]);
  for (const row of rows) await db.query(`drop index if exists ${vectorIndexName(row.model)}`);
  const { rowCount } = await db.query('delete from embeddings where model <> $1', [model]);
  return rowCount ?? 0;
}

/**
 * pgvector's default m with twice its default ef_construction. Both indexes built on one 50 000-passage database and searched
 * with the same 100 questions at ef_search 100: recall@10 rose from 0.897 to 0.927 at the same query time, for twice the
 * build time. More recall at query time costs query time (see HNSW_EF_SEARCH).
 */
export const HNSW_BUILD = { m: 16, efConstruction: 128 } as const;

/**
 * One HNSW index per model: the column has no fixed dimension, so the index is on a cast with the model's. An index that
 * already exists keeps the parameters it was built with.
 */
export async function ensureVectorIndex(db: Queryable, model: string, dimensions: number): Promise<void> {
  await db.query(
    `create index if not exists ${vectorIndexName(model)} on embeddings
     using hnsw ((embedding::vector(${vectorDimensions(dimensions)})) vector_cosine_ops)
     with (m = ${HNSW_BUILD.m}, ef_construction = ${HNSW_BUILD.efConstruction}) where model = ${sqlLiteral(model)}`,
  );
}

export function vectorIndexName(model: string): string {
  return `embeddings_hnsw_${createHash('sha256').update(model).digest('hex').slice(0, 12)}`;
}

export function vectorDimensions(dimensions: number): number {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16000) throw new Error(`ongeldige vectordimensie: ${dimensions}`);
  return dimensions;
}

/** Model names go into index predicates, which need literals for the planner to match them. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// BM25's k1 and b. They enter the score only through the postings' term-frequency part, computed here.
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * Refreshes the BM25 statistics (document frequency per lexeme, average passage length) and the postings
 * (term frequency and BM25 term-frequency part per lexeme and passage) that the search adds up.
 */
export async function refreshTermStatistics(db: Queryable): Promise<void> {
  await db.query('delete from lexeme_stats');
  await db.query(`insert into lexeme_stats (lexeme, ndoc) select word, ndoc from ts_stat('select tsv from passages')`);
  await db.query(
    `insert into corpus_stats (id, passages, avg_length)
     select true, count(*), coalesce(avg(length(tsv)), 1) from passages
     on conflict (id) do update set passages = excluded.passages, avg_length = excluded.avg_length`,
  );
  // Every impact depends on the average length, so any change to the corpus changes them all: rebuilt, not patched.
  // A delete, not a truncate: on PostgreSQL a truncate would lock searches out until the ingest commits.
  await db.query('delete from postings');
  // The arithmetic (numeric constants, then float8) is the 002 migration's, which fills postings the same way.
  // Inserted in index order: each term's postings then share a few heap pages, and the index is appended to.
  await db.query(
    `insert into postings (lexeme, passage_id, tf, impact)
     select u.lexeme, p.id, cardinality(u.positions),
            (cardinality(u.positions) * ${BM25_K1 + 1}) /
            (cardinality(u.positions) + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * length(p.tsv) / s.avg_length))
     from passages p cross join corpus_stats s cross join lateral unnest(p.tsv) u
     order by 1, 4 desc, 2`,
  );
  // PGlite has no autovacuum: without statistics the planner sorted a common term's postings instead of reading them
  // in index order. ANALYZE may run in the ingest's transaction.
  await db.query('analyze postings, lexeme_stats');
}

/** Planner statistics for the vectors: without them, after an ingest, the planner guesses too few rows per model and scans every vector instead of using HNSW. */
export async function refreshVectorStatistics(db: Queryable): Promise<void> {
  await db.query('analyze embeddings');
}

/**
 * PGlite runs no autovacuum: every rebuild of the postings, and every replaced passage or vector, would otherwise stay behind
 * as a dead row that each scan still reads. Outside a transaction.
 */
export async function vacuumCorpusTables(db: Queryable): Promise<void> {
  await db.query('vacuum postings, lexeme_stats, passages, embeddings');
}
