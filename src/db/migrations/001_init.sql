-- Schema for the corpus (documents, passages, embeddings per model), conversations and feedback.
create extension if not exists vector;

create table documents (
  id text primary key,
  title text not null,
  short_title text,
  publisher text,
  published text,
  kind text not null,
  source_url text,
  item_label text,
  origin text not null default 'corpus' check (origin in ('corpus', 'upload')),
  markdown text not null,
  content_hash text not null,
  version integer not null default 1,
  ingested_at timestamptz not null default now()
);

create table passages (
  id text primary key,
  document_id text not null references documents(id) on delete cascade,
  ordinal integer not null,
  kind text not null check (kind in ('action', 'context', 'intro', 'note')),
  action integer,
  actions integer[] not null default '{}',
  number integer,
  label text,
  section_number text,
  section_title text,
  heading text,
  text text not null,
  notes integer[] not null default '{}',
  actors text[] not null default '{}',
  themes text[] not null default '{}',
  refs text[] not null default '{}',
  content_hash text not null,
  tsv tsvector generated always as (
    setweight(to_tsvector('dutch', coalesce(heading, '') || ' ' || coalesce(section_title, '')), 'B')
    || setweight(to_tsvector('dutch', text), 'A')
  ) stored
);

create index passages_document_idx on passages (document_id, ordinal);
create index passages_action_idx on passages (action) where action is not null;
create index passages_actions_idx on passages using gin (actions);
create index passages_tsv_idx on passages using gin (tsv);

-- One row per (passage, model): changing the embedding model adds rows instead of overwriting.
-- The vector column has no fixed dimension; each model gets its own HNSW index on a cast expression.
create table embeddings (
  passage_id text not null references passages(id) on delete cascade,
  model text not null,
  content_hash text not null,
  embedding vector not null,
  primary key (passage_id, model)
);

-- Term statistics for BM25 ranking in SQL, rebuilt by every ingest in the same transaction.
create table lexeme_stats (
  lexeme text primary key,
  ndoc integer not null
);

create table corpus_stats (
  id boolean primary key default true check (id),
  passages integer not null,
  avg_length double precision not null
);

create table conversations (
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table turns (
  id bigserial primary key,
  conversation_id uuid not null references conversations(id) on delete cascade,
  question text not null,
  standalone_question text not null,
  answer text not null,
  citations jsonb not null default '[]',
  actions integer[] not null default '{}',
  mode text not null,
  refused boolean not null,
  created_at timestamptz not null default now()
);
create index turns_conversation_idx on turns (conversation_id, id);

create table feedback (
  id bigserial primary key,
  conversation_id uuid references conversations(id) on delete set null,
  turn_id bigint references turns(id) on delete set null,
  helpful boolean not null,
  comment text,
  question text,
  answer text,
  created_at timestamptz not null default now()
);
