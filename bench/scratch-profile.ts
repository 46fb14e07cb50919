// Scratch: where a real-corpus search spends its time (removed before hand-off).
import fs from 'node:fs';
import pgvector from 'pgvector/pg';
import { openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { hybridSearch } from '../src/repositories/search-repository.js';
const qs = (JSON.parse(fs.readFileSync('tests/eval/questions.json', 'utf8')) as { question: string }[]).map((q) => q.question).slice(0, 100);
const rt = await openRuntime(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }, {}));
const e = rt.corpus.embedder();
const t = { embed: 0, spell: 0, gloss: 0, sql: 0, sqlNoVec: 0, select1: 0 };
for (let r = 0; r < 3; r++) for (const q of qs) {
  let s = performance.now();
  const v = await e.embedQuery(q); t.embed += performance.now() - s;
  s = performance.now(); const c = rt.corpus.spelling().corrections(q); t.spell += performance.now() - s;
  s = performance.now(); const x = rt.corpus.glossary.expand(q); t.gloss += performance.now() - s;
  s = performance.now();
  await hybridSearch(rt.db.pool, { text: q, expansions: x.join(' '), vector: v, model: e.model, dimensions: e.dimensions, limit: 20, candidates: 60 });
  t.sql += performance.now() - s;
  s = performance.now();
  await hybridSearch(rt.db.pool, { text: q, expansions: x.join(' '), vector: null, model: e.model, dimensions: e.dimensions, limit: 20, candidates: 60 });
  t.sqlNoVec += performance.now() - s;
  s = performance.now(); await rt.db.pool.query('select 1'); t.select1 += performance.now() - s;
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / 300).toFixed(2)])));
const { rows } = await rt.db.pool.query(`explain analyze select passage_id from embeddings order by embedding::vector(1536) <=> $1::vector(1536) limit 60`, [pgvector.toSql(await e.embedQuery(qs[0]!))]);
console.log(rows.map((r) => r['QUERY PLAN']).join('\n').replace(/'\[[^\]]*\]'/g, '$1'));
await rt.db.close();
