// SQL for hybrid retrieval: BM25 over the postings table and pgvector similarity, fused by reciprocal rank in the database.
import type { Queryable } from '../db/database.js';
import { prepared, queryPrepared, type PreparedStatement } from '../db/prepared.js';
import { createPassageReader, sqlLiteral, vectorDimensions, type PassageReader, type StoredPassage } from './passages-repository.js';

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
  /** Passages the user named ("actie 37"): returned first, in this order, and not counted in the limit. */
  named?: string[];
}

export interface HybridHit {
  passage: StoredPassage;
  /** Fused score relative to the best possible (first in both rankings): 0–1. */
  rrf: number;
  ftsRank: number | null;
  vectorRank: number | null;
  ftsScore: number;
  similarity: number | null;
  /** One of the query's named passages: its scores are 0 and null. */
  named: boolean;
}

// The usual RRF constant; full-text search weighs a little more than the n-gram vectors (measured with npm run eval).
const RRF_K = 60;
const FTS_WEIGHT = 1.5;
const VECTOR_WEIGHT = 1;
const EXPANSION_WEIGHT = 0.5;
// Postings read per query term, highest impact first, so a term in every passage costs no more than a rarer one.
// Exact for terms in at most this many passages, so for any corpus that size. Against exact BM25 on the bench's
// synthetic corpora (recombined sentences, many near-duplicates): top-60 overlap 0.93 at 10 000 passages and 0.65 at
// 50 000, where the top 10 still carry 96% of the exact top 10's score. Uncapped, the BM25 part took 2.4 times as
// long at 50 000 passages (p95 six times).
const POSTINGS_PER_TERM = 1000;

interface HybridRow {
  id: string;
  content_hash: string;
  ordinal: number;
  rrf: number;
  fts_rank: string | null;
  vec_rank: string | null;
  fts_score: number | null;
  similarity: number | null;
  named: boolean;
}

// Without a reader of its own, a search reads every passage it returns.
const UNREMEMBERED = createPassageReader(0);

/**
 * The statement ranks and returns references only; `passages` supplies the passages themselves. Sending 17 columns of 20
 * passages back through PGlite cost about a millisecond of each search (p95 about three), on passages mostly sent before.
 */
export async function hybridSearch(db: Queryable, query: HybridQuery, passages: PassageReader = UNREMEMBERED): Promise<HybridHit[]> {
  const values = [query.text, query.vector ? vectorParameter(query.vector) : null, query.limit, query.expansions, query.named ?? []];
  const { rows } = await queryPrepared<HybridRow>(db, hybridStatement(query), values);
  const byId = await passages.read(db, rows.map((row) => ({ id: row.id, contentHash: row.content_hash, ordinal: row.ordinal })));
  return rows.flatMap((row) => {
    const passage = byId.get(row.id);
    if (!passage) return [];
    return [{
      passage,
      rrf: row.rrf,
      ftsRank: row.fts_rank === null ? null : Number(row.fts_rank),
      vectorRank: row.vec_rank === null ? null : Number(row.vec_rank),
      ftsScore: row.fts_score ?? 0,
      similarity: row.similarity,
      named: row.named,
    }];
  });
}

// The statement depends only on the model, the dimensions, the candidate count and whether there is a vector: built and
// hashed once per combination, not on every search. A new embedder (after an ingest) adds one; the bound is for safety.
const STATEMENTS_KEPT = 32;
const statements = new Map<string, PreparedStatement>();

function hybridStatement(query: HybridQuery): PreparedStatement {
  const key = JSON.stringify([query.model, query.dimensions, query.candidates, query.vector !== null]);
  let statement = statements.get(key);
  if (!statement) {
    if (statements.size >= STATEMENTS_KEPT) statements.clear();
    // Named by the text's hash: the text differs per model, dimension and candidate count.
    statement = prepared('hybrid', hybridSql(query));
    statements.set(key, statement);
  }
  return statement;
}

function hybridSql(query: HybridQuery): string {
  const dims = vectorDimensions(query.dimensions);
  // A literal, not a parameter: with LIMIT $n a prepared statement's generic plan guesses 10% of the rows
  // and would choose a sequential scan over the HNSW index.
  const candidates = positiveInteger(query.candidates, 'candidates');
  // The similarity is derived from the distance outside the scan: written out in the scan, it is computed for every row.
  const vectorCte = query.vector
    ? `vec as (
         select id, 1 - distance as similarity, row_number() over (order by distance) as rank from (
           select passage_id as id, embedding::vector(${dims}) <=> $2::vector(${dims}) as distance
           from embeddings where model = ${sqlLiteral(query.model)}
           order by embedding::vector(${dims}) <=> $2::vector(${dims}) limit ${candidates}
         ) nearest
       )`
    : `vec as (select null::text as id, null::float8 as similarity, null::bigint as rank where false and $2::text is null)`;
  return `with query_lexemes as (
       select lexeme, max(weight) as weight from (
         select lexeme, 1.0::float8 as weight from unnest(to_tsvector('dutch', $1))
         union all
         select lexeme, ${EXPANSION_WEIGHT}::float8 from unnest(to_tsvector('dutch', $4))
       ) raw where length(lexeme) >= 2 group by lexeme
     ),
     stats as (select passages::float8 as n from corpus_stats),
     -- Materialized: inlined, the idf expression (numeric arithmetic and a logarithm) ran once per posting, not per term.
     -- LIMIT 1 keeps each lookup an index probe: merged into a join, it became a scan of all lexemes.
     terms as materialized (
       select q.lexeme, q.weight * ln(1 + (s.n - l.ndoc + 0.5) / (l.ndoc + 0.5)) as idf
       from query_lexemes q
       cross join lateral (select ndoc from lexeme_stats where lexeme = q.lexeme limit 1) l
       cross join stats s
     ),
     -- BM25: each term's postings by index, best first, summed per passage as idf · impact.
     fts as (
       select id, score, row_number() over (order by score desc, id) as rank from (
         select po.passage_id as id, sum(t.idf * po.impact) as score
         from terms t
         cross join lateral (
           select passage_id, impact from postings where lexeme = t.lexeme
           order by impact desc, passage_id limit ${POSTINGS_PER_TERM}
         ) po
         group by po.passage_id
         order by score desc, po.passage_id limit ${candidates}
       ) matched
     ),
     ${vectorCte},
     fused as (
       select coalesce(f.id, v.id) as id,
              coalesce(${FTS_WEIGHT}::float8 / (${RRF_K} + f.rank), 0) + coalesce(${VECTOR_WEIGHT}::float8 / (${RRF_K} + v.rank), 0) as rrf,
              f.rank as fts_rank, v.rank as vec_rank, f.score as fts_score, v.similarity
       from fts f full outer join vec v on f.id = v.id
     ),
     best as (select * from fused where id <> all($5::text[]) order by rrf desc, id limit $3)
     -- Named passages come in the same round trip: a second query cost about as much as the ranking itself.
     select p.id, p.content_hash, p.ordinal, 0::float8 as rrf, null::bigint as fts_rank, null::bigint as vec_rank, 0::float8 as fts_score,
            null::float8 as similarity, true as named, array_position($5::text[], p.id) as position
     from passages p where p.id = any($5::text[])
     union all
     select p.id, p.content_hash, p.ordinal, (best.rrf / ${(FTS_WEIGHT + VECTOR_WEIGHT) / (RRF_K + 1)}::float8)::float8, best.fts_rank, best.vec_rank,
            best.fts_score::float8, best.similarity::float8, false, null
     from best join passages p on p.id = best.id
     order by named desc, position, rrf desc, id`;
}

/** pgvector's binary format (dimension, unused, float4s, big-endian): pg sends a Buffer as is, which skips parsing text. */
function vectorParameter(vector: number[]): Buffer {
  const buffer = Buffer.alloc(4 + 4 * vector.length);
  // A DataView: Buffer's writeFloatBE checks its arguments on every call, about 50 µs for 1 536 floats against 11.
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  view.setInt16(0, vector.length);
  view.setInt16(2, 0);
  for (let index = 0; index < vector.length; index += 1) view.setFloat32(4 + 4 * index, vector[index] ?? 0);
  return buffer;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`ongeldig aantal ${what}: ${value}`);
  return value;
}
