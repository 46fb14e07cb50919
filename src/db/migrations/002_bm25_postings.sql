-- BM25 postings: per lexeme and passage the term frequency and BM25's term-frequency part, so a search reads only its terms' rows.
-- Rebuilt with lexeme_stats and corpus_stats by every ingest that changes passages (refreshTermStatistics), in its transaction.
-- No foreign key to passages: the rebuild replaces every row anyway, and a cascade would cost an index and a delete per passage.
create table postings (
  lexeme text not null,
  passage_id text not null,
  tf integer not null,
  -- tf·(k1+1) / (tf + k1·(1 − b + b·length(tsv)/avg_length)) with k1 = 1.2, b = 0.75: a passage's score is sum(idf · impact).
  impact double precision not null
);

-- A term's postings best first: a search can stop after the highest impacts of a very common term.
-- passage_id completes the key so that cut is the same on every run.
create index postings_lexeme_impact_idx on postings (lexeme, impact desc, passage_id);

-- A database ingested before this migration gets its postings now, as refreshTermStatistics builds them.
insert into postings (lexeme, passage_id, tf, impact)
select u.lexeme, p.id, cardinality(u.positions),
       (cardinality(u.positions) * 2.2) / (cardinality(u.positions) + 1.2 * (1 - 0.75 + 0.75 * length(p.tsv) / s.avg_length))
from passages p cross join corpus_stats s cross join lateral unnest(p.tsv) u
order by 1, 4 desc, 2;
analyze postings;
