-- Keywords searched beside a passage's text (the names of an action's themes); the full-text vector now includes them.
alter table passages add column keywords text not null default '';
drop index passages_tsv_idx;
alter table passages drop column tsv;
alter table passages add column tsv tsvector generated always as (
  setweight(to_tsvector('dutch', coalesce(heading, '') || ' ' || coalesce(section_title, '')), 'B')
  || setweight(to_tsvector('dutch', text), 'A')
  || setweight(to_tsvector('dutch', keywords), 'C')
) stored;
create index passages_tsv_idx on passages using gin (tsv);
