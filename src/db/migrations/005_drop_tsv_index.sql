-- Search reads BM25 from the postings table (002); nothing queries the tsvector through its GIN index any more.
drop index if exists passages_tsv_idx;
