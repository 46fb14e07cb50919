// SQL for documents: the corpus files and uploaded advices, with their version and content hash.
import type { Queryable } from '../db/database.js';
import { prepared, queryPrepared } from '../db/prepared.js';

export interface DocumentRow {
  id: string;
  title: string;
  shortTitle: string | null;
  publisher: string | null;
  published: string | null;
  kind: string;
  sourceUrl: string | null;
  itemLabel: string | null;
  /** Action-list numbers this document elaborates (front matter `actions`). */
  relatedActions: number[];
  origin: 'corpus' | 'upload';
  contentHash: string;
  version: number;
  passages: number;
  ingestedAt: string;
}

export interface DocumentInput {
  id: string;
  title: string;
  shortTitle?: string | undefined;
  publisher?: string | undefined;
  published?: string | undefined;
  kind: string;
  sourceUrl?: string | undefined;
  itemLabel: string;
  relatedActions: number[];
  origin: 'corpus' | 'upload';
  markdown: string;
  contentHash: string;
}

const SELECT = `
  select d.id, d.title, d.short_title, d.publisher, d.published, d.kind, d.source_url, d.item_label, d.related_actions, d.origin,
         d.content_hash, d.version, d.ingested_at,
         (select count(*) from passages p where p.document_id = d.id)::int as passages
  from documents d`;

interface Row {
  id: string;
  title: string;
  short_title: string | null;
  publisher: string | null;
  published: string | null;
  kind: string;
  source_url: string | null;
  item_label: string | null;
  related_actions: number[];
  origin: 'corpus' | 'upload';
  content_hash: string;
  version: number;
  ingested_at: Date;
  passages: number;
}

const toDocument = (row: Row): DocumentRow => ({
  id: row.id,
  title: row.title,
  shortTitle: row.short_title,
  publisher: row.publisher,
  published: row.published,
  kind: row.kind,
  sourceUrl: row.source_url,
  itemLabel: row.item_label,
  relatedActions: row.related_actions,
  origin: row.origin,
  contentHash: row.content_hash,
  version: row.version,
  passages: row.passages,
  ingestedAt: row.ingested_at.toISOString(),
});

// Prepared: every answer lists the documents, for their labels and versions.
const LIST = prepared('documents', `${SELECT} order by d.kind = 'action-list' desc, d.title`);

export async function listDocuments(db: Queryable): Promise<DocumentRow[]> {
  const { rows } = await queryPrepared<Row>(db, LIST);
  return rows.map(toDocument);
}

export async function getDocument(db: Queryable, id: string): Promise<DocumentRow | null> {
  const { rows } = await db.query<Row>(`${SELECT} where d.id = $1`, [id]);
  return rows[0] ? toDocument(rows[0]) : null;
}

export async function listDocumentSources(db: Queryable): Promise<{ id: string; origin: 'corpus' | 'upload'; contentHash: string; markdown: string }[]> {
  const { rows } = await db.query<{ id: string; origin: 'corpus' | 'upload'; content_hash: string; markdown: string }>(
    'select id, origin, content_hash, markdown from documents order by id',
  );
  return rows.map((row) => ({ id: row.id, origin: row.origin, contentHash: row.content_hash, markdown: row.markdown }));
}

/**
 * What the stored corpus is, in one short string: each document's id and content hash. Any ingest that adds, replaces or
 * removes a document changes it, whichever instance ran it.
 */
export async function corpusSignature(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ signature: string }>(
    "select coalesce(string_agg(id || ':' || content_hash, ',' order by id), '') as signature from documents",
  );
  return rows[0]?.signature ?? '';
}

/** Inserts a document or replaces it, raising its version when its content changed. */
export async function upsertDocument(db: Queryable, input: DocumentInput): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `insert into documents (id, title, short_title, publisher, published, kind, source_url, item_label, related_actions, origin, markdown, content_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $12, $9, $10, $11)
     on conflict (id) do update set
       title = excluded.title, short_title = excluded.short_title, publisher = excluded.publisher,
       published = excluded.published, kind = excluded.kind, source_url = excluded.source_url,
       item_label = excluded.item_label, related_actions = excluded.related_actions, origin = excluded.origin, markdown = excluded.markdown,
       version = documents.version + case when documents.content_hash = excluded.content_hash then 0 else 1 end,
       content_hash = excluded.content_hash, ingested_at = now()
     returning version`,
    [
      input.id,
      input.title,
      input.shortTitle ?? null,
      input.publisher ?? null,
      input.published ?? null,
      input.kind,
      input.sourceUrl ?? null,
      input.itemLabel,
      input.origin,
      input.markdown,
      input.contentHash,
      input.relatedActions,
    ],
  );
  return rows[0]?.version ?? 1;
}

export async function deleteDocument(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from documents where id = $1', [id]);
  return (rowCount ?? 0) > 0;
}
