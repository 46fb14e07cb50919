-- Vectors stay in the table's own pages instead of pgvector's default out-of-line (TOAST) storage, up to the page size:
-- 1 536 dimensions (the hashing embedder) and 1 024 (bge-m3) fit. An exact scan then reads each vector in place instead
-- of through the TOAST index (on PGlite, the real corpus's vector query took 5.1 ms at p50 out of line and 3.1 ms inline).
-- A vector too large for a page (more than ~2 000 dimensions) is still moved out of line, as before.
alter table embeddings set (toast_tuple_target = 8160);
-- An unchanged value keeps its TOAST pointer, so stored vectors are rewritten to move in. Each rewrite is also an insert into
-- the HNSW index: at 50 000 passages that took 531 s on two cores (PGlite), an outage at start-up for an upgrade. A table that
-- large keeps its stored vectors where they are; they move in as they are re-embedded. The next ingest that changes the corpus
-- vacuums the old copies away (PGlite has no autovacuum).
do $$
begin
  if (select count(*) from embeddings) <= 10000 then
    update embeddings set embedding = embedding::text::vector;
  end if;
end
$$;
