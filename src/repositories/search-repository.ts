// SQL for hybrid retrieval: Postgres full-text search and pgvector similarity, fused by reciprocal rank in the database.
import pgvector from 'pgvector/pg';
import type { Queryable } from '../db/database.js';
import { PASSAGE_COLUMNS, sqlLiteral, toPassage, vectorDimensions, type PassageRow, type StoredPassage } from './passages-repository.js';

export interface HybridQuery {
  /** Free text for full-text search (query plus glossary expansions); its lexemes are OR-ed. */
  text: string;
  vector: number[] | null;
  model: string;
  dimensions: number;
  limit: number;
  /** How many candidates each ranker contributes before fusion. */
  candidates: number;
}

export interface HybridHit {
  passage: StoredPassage;
  rrf: number;
  ftsRank: number | null;
  vectorRank: number | null;
  ftsScore: number;
  similarity: number | null;
}

// The usual RRF constant: dampens the difference between rank 1 and rank 2 of one ranker.
const RRF_K = 60;

export async function hybridSearch(db: Queryable, query: HybridQuery): Promise<HybridHit[]> {
  const dims = vectorDimensions(query.dimensions);
  const vectorCte = query.vector
    ? `vec as (
         select id, similarity, row_number() over (order by distance) as rank from (
           select passage_id as id, embedding::vector(${dims}) <=> $2::vector(${dims}) as distance,
                  1 - (embedding::vector(${dims}) <=> $2::vector(${dims})) as similarity
           from embeddings where model = ${sqlLiteral(query.model)}
           order by embedding::vector(${dims}) <=> $2::vector(${dims}) limit $3
         ) nearest
       )`
    : `vec as (select null::text as id, null::float8 as similarity, null::bigint as rank where false and $2::text is null)`;
  const { rows } = await db.query<PassageRow & { rrf: number; fts_rank: string | null; vec_rank: string | null; fts_score: number | null; similarity: number | null }>(
    `with q as (
       select to_tsquery('dutch', coalesce(string_agg(quote_literal(lexeme) || case when length(lexeme) >= 5 then ':*' else '' end, ' | '), '')) as query
       from unnest(to_tsvector('dutch', $1)) where length(lexeme) >= 2
     ),
     fts as (
       select id, score, row_number() over (order by score desc, id) as rank from (
         select p.id, ts_rank_cd(p.tsv, q.query, 1) as score
         from passages p, q where p.tsv @@ q.query
         order by score desc limit $3
       ) matched
     ),
     ${vectorCte},
     fused as (
       select coalesce(f.id, v.id) as id,
              coalesce(1.0 / (${RRF_K} + f.rank), 0) + coalesce(1.0 / (${RRF_K} + v.rank), 0) as rrf,
              f.rank as fts_rank, v.rank as vec_rank, f.score as fts_score, v.similarity
       from fts f full outer join vec v on f.id = v.id
     )
     select ${PASSAGE_COLUMNS}, fused.rrf::float8 as rrf, fused.fts_rank, fused.vec_rank, fused.fts_score::float8 as fts_score,
            fused.similarity::float8 as similarity
     from fused join passages p on p.id = fused.id
     order by fused.rrf desc, p.id
     limit $4`,
    [query.text, query.vector ? pgvector.toSql(query.vector) : null, query.candidates, query.limit],
  );
  return rows.map((row) => ({
    passage: toPassage(row),
    rrf: row.rrf,
    ftsRank: row.fts_rank === null ? null : Number(row.fts_rank),
    vectorRank: row.vec_rank === null ? null : Number(row.vec_rank),
    ftsScore: row.fts_score ?? 0,
    similarity: row.similarity,
  }));
}
