// `npm run eval`: retrieval quality on tests/eval/questions.json against a plain BM25 baseline, in one run.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/bootstrap.js';
import { createSearchService } from '../../src/search/search-service.js';
import { getDocumentPassages } from '../../src/repositories/passages-repository.js';
import { createBm25 } from './bm25.js';
import { retrievalMetrics, type RankedQuestion, type RetrievalMetrics } from './metrics.js';

const QuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  gold: z.array(z.number().int()).min(1),
  type: z.string(),
  user: z.string(),
});

const questions = z.array(QuestionSchema).parse(JSON.parse(await fs.readFile(new URL('./questions.json', import.meta.url), 'utf8')));
const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const runtime = await openRuntime(config);
const search = createSearchService({
  db: runtime.db,
  glossary: runtime.corpus.glossary,
  embedder: () => runtime.corpus.embedder(),
  actionListId: () => runtime.corpus.actionListId(),
  spelling: () => runtime.corpus.spelling(),
});

const listId = runtime.corpus.actionListId();
if (!listId) throw new Error('geen actielijst in het corpus');
// BM25 sees every passage of every document, like the hybrid search does.
const documents = (await runtime.db.pool.query<{ id: string }>('select id from documents')).rows.map((row) => row.id);
const passages = (await Promise.all(documents.map((id) => getDocumentPassages(runtime.db.pool, id)))).flat();
const bm25 = createBm25(passages.map((passage) => ({ id: passage.id, text: [passage.heading, passage.text].filter(Boolean).join(' ') })));
const byId = new Map(passages.map((passage) => [passage.id, passage]));

const hybrid: (RankedQuestion & { id: string; type: string; question: string })[] = [];
const baseline: (RankedQuestion & { type: string })[] = [];
for (const question of questions) {
  const hits = await search.search(question.question, { k: 20 });
  hybrid.push({ id: question.id, type: question.type, question: question.question, gold: question.gold, ranked: search.rankActions(hits).map((entry) => entry.action) });
  const bmHits = bm25.search(question.question, 20).map((hit) => ({
    passage: byId.get(hit.id)!,
    score: hit.score,
    ftsRank: null,
    vectorRank: null,
    similarity: null,
    named: false,
  }));
  baseline.push({ type: question.type, gold: question.gold, ranked: search.rankActions(bmHits).map((entry) => entry.action) });
}

const format = (value: number) => value.toFixed(3);
const row = (label: string, m: RetrievalMetrics) =>
  `| ${label.padEnd(26)} | ${String(m.n).padStart(3)} | ${format(m.r1)} | ${format(m.r3)} | ${format(m.r5)} | ${format(m.mrr)} |`;
const lines = ['| set                        |   n |  R@1  |  R@3  |  R@5  |  MRR  |', '|---|---|---|---|---|---|'];
lines.push(row('hybrid (Actiewijzer)', retrievalMetrics(hybrid)));
lines.push(row('BM25 baseline', retrievalMetrics(baseline)));
for (const type of [...new Set(questions.map((question) => question.type))].sort()) {
  lines.push(row(`hybrid · ${type}`, retrievalMetrics(hybrid.filter((entry) => entry.type === type))));
  lines.push(row(`BM25 · ${type}`, retrievalMetrics(baseline.filter((entry) => entry.type === type))));
}
console.log(lines.join('\n'));

const misses = hybrid.filter((entry) => !entry.gold.includes(entry.ranked[0] ?? -1));
if (process.argv.includes('--misses')) {
  for (const miss of misses) console.log(`${miss.id} [${miss.type}] ${miss.question} → gold ${miss.gold.join(',')} got ${miss.ranked.slice(0, 5).join(',')}`);
}
await runtime.db.close();
