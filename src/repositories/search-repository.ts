// SQL for hybrid retrieval: Postgres full-text search and pgvector similarity, fused by reciprocal rank in the database.
import pgvector from 'pgvector/pg';
import type { Queryable } from '../db/database.js';
import { PASSAGE_COLUMNS, sqlLiteral, toPassage, vectorDimensions, type PassageRow, type StoredPassage } from './passages-repository.js';

export interface HybridQuery {
  /** The user's words, for full-text search. */
  text: string;
  /** Glossary expansions: searched too, at a lower weight. */
  expansions: string;
  vector: number[] | null;
  model: string;
  dimensions: number;
  limit: number;
  /** How many candidates each ranker contributes before fusion. */
  candidates: number;
}

export interface HybridHit {
  passage: StoredPassage;
  /** Fused score relative to the best possible (first in both rankings): 0–1. */
  rrf: number;
  ftsRank: number | null;
  vectorRank: number | null;
  ftsScore: number;
  similarity: number | null;
}

// The usual RRF constant; full-text search weighs a little more than the n-gram vectors (measured with npm run eval).
const RRF_K = 60;
const FTS_WEIGHT = 1.5;
const VECTOR_WEIGHT = 1;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const EXPANSION_WEIGHT = 0.5;

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
    `with query_lexemes as (
       select lexeme, max(weight) as weight from (
         select lexeme, 1.0::float8 as weight from unnest(to_tsvector('dutch', $1))
         union all
         select lexeme, ${EXPANSION_WEIGHT}::float8 from unnest(to_tsvector('dutch', $5))
       ) raw where length(lexeme) >= 2 group by lexeme
     ),
     stats as (select passages::float8 as n, avg_length from corpus_stats),
     terms as (
       select q.lexeme, q.weight * ln(1 + (s.n - l.ndoc + 0.5) / (l.ndoc + 0.5)) as idf
       from query_lexemes q join lexeme_stats l on l.lexeme = q.lexeme cross join stats s
     ),
     ts as (select to_tsquery('simple', coalesce(string_agg(quote_literal(lexeme), ' | '), '')) as query from terms),
     -- BM25 over the tsvector: the GIN index narrows to matching passages, then term frequencies are read from it.
     fts as (
       select id, score, row_number() over (order by score desc, id) as rank from (
         select p.id,
                sum(t.idf * (cardinality(u.positions) * ${BM25_K1 + 1}) /
                    (cardinality(u.positions) + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * length(p.tsv) / s.avg_length))) as score
         from passages p cross join ts cross join stats s
         cross join lateral unnest(p.tsv) u
         join terms t on t.lexeme = u.lexeme
         where p.tsv @@ ts.query
         group by p.id
         order by score desc limit $3
       ) matched
     ),
     ${vectorCte},
     fused as (
       select coalesce(f.id, v.id) as id,
              coalesce(${FTS_WEIGHT}::float8 / (${RRF_K} + f.rank), 0) + coalesce(${VECTOR_WEIGHT}::float8 / (${RRF_K} + v.rank), 0) as rrf,
              f.rank as fts_rank, v.rank as vec_rank, f.score as fts_score, v.similarity
       from fts f full outer join vec v on f.id = v.id
     )
     select ${PASSAGE_COLUMNS}, (fused.rrf / ${(FTS_WEIGHT + VECTOR_WEIGHT) / (RRF_K + 1)}::float8)::float8 as rrf, fused.fts_rank, fused.vec_rank, fused.fts_score::float8 as fts_score,
            fused.similarity::float8 as similarity
     from fused join passages p on p.id = fused.id
     order by fused.rrf desc, p.id
     limit $4`,
    [query.text, query.vector ? pgvector.toSql(query.vector) : null, query.candidates, query.limit, query.expansions],
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
