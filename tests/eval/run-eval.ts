// `npm run eval`: retrieval quality on tests/eval/questions.json against a plain BM25 baseline, in one run.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/bootstrap.js';
import { createSearchService } from '../../src/search/search-service.js';
import { getDocumentPassages, getPassages } from '../../src/repositories/passages-repository.js';
import { buildApp } from '../../src/app.js';
import { createOllamaClient } from '../../src/answer/llm.js';
import { startFakeOllama } from '../helpers/fake-ollama.js';
import { createBm25 } from './bm25.js';
import { retrievalMetrics, type RankedQuestion, type RetrievalMetrics } from './metrics.js';
import { readQuestionSet, type EvalQuestion } from './question-set.js';

const questions = readQuestionSet('questions.json');
const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const runtime = await openRuntime(config);
const search = createSearchService({
  db: runtime.db,
  glossary: runtime.corpus.glossary,
  embedder: () => runtime.corpus.embedder(),
  actionListId: () => runtime.corpus.actionListId(),
  spelling: () => runtime.corpus.spelling(),
  relatedActions: () => runtime.corpus.relatedActions(),
});

const listId = runtime.corpus.actionListId();
if (!listId) throw new Error('geen actielijst in het corpus');
// BM25 sees every passage of every document, like the hybrid search does.
const documents = (await runtime.db.pool.query<{ id: string }>('select id from documents')).rows.map((row) => row.id);
const passages = (await Promise.all(documents.map((id) => getDocumentPassages(runtime.db.pool, id)))).flat();
const bm25 = createBm25(passages.map((passage) => ({ id: passage.id, text: [passage.heading, passage.text].filter(Boolean).join(' ') })));
const byId = new Map(passages.map((passage) => [passage.id, passage]));

type Ranked = RankedQuestion & { id: string; type: string; question: string };

/** Ranks the actions for every question with the hybrid search and, beside it, the plain BM25 baseline. */
async function rankAll(set: EvalQuestion[]): Promise<{ hybrid: Ranked[]; baseline: Ranked[] }> {
  const hybrid: Ranked[] = [];
  const baseline: Ranked[] = [];
  for (const question of set) {
    const entry = { id: question.id, type: question.type, question: question.question, gold: question.gold };
    const hits = await search.search(question.question, { k: 20 });
    hybrid.push({ ...entry, ranked: search.rankActions(hits).map((ranked) => ranked.action) });
    const bmHits = bm25.search(question.question, 20).map((hit) => ({
      passage: byId.get(hit.id)!,
      score: hit.score,
      ftsRank: null,
      vectorRank: null,
      similarity: null,
      named: false,
    }));
    baseline.push({ ...entry, ranked: search.rankActions(bmHits).map((ranked) => ranked.action) });
  }
  return { hybrid, baseline };
}

const format = (value: number) => value.toFixed(3);
const row = (label: string, m: RetrievalMetrics) =>
  `| ${label.padEnd(26)} | ${String(m.n).padStart(3)} | ${format(m.r1)} | ${format(m.r3)} | ${format(m.r5)} | ${format(m.mrr)} |`;

/**
 * `--misses` lists the development set's misses only: a held-out question read while tuning is held out no longer.
 * `--held-out-misses` lists those of the held-out sets as well, for whoever writes a new held-out set.
 */
function table(title: string, ranked: { hybrid: Ranked[]; baseline: Ranked[] }, listMisses: boolean): string {
  const lines = [title, '', '| set                        |   n |  R@1  |  R@3  |  R@5  |  MRR  |', '|---|---|---|---|---|---|'];
  lines.push(row('hybrid (Actiewijzer)', retrievalMetrics(ranked.hybrid)));
  lines.push(row('BM25 baseline', retrievalMetrics(ranked.baseline)));
  for (const type of [...new Set(ranked.hybrid.map((entry) => entry.type))].sort()) {
    lines.push(row(`hybrid · ${type}`, retrievalMetrics(ranked.hybrid.filter((entry) => entry.type === type))));
    lines.push(row(`BM25 · ${type}`, retrievalMetrics(ranked.baseline.filter((entry) => entry.type === type))));
  }
  if (listMisses) {
    for (const entry of ranked.hybrid) {
      const rank = entry.ranked.findIndex((action) => entry.gold.includes(action)) + 1;
      if (rank !== 1) lines.push(`MISS ${entry.id} (${entry.type}) gold ${entry.gold.join(',')} at ${rank || '-'}; top ${entry.ranked.slice(0, 5).join(',')}: ${entry.question}`);
    }
  }
  return lines.join('\n');
}

const heldOutMisses = process.argv.includes('--held-out-misses');
console.log(table('## Development set (tests/eval/questions.json): the set the search was tuned on', await rankAll(questions), heldOutMisses || process.argv.includes('--misses')));
// Each written afterwards by someone who saw neither the search code nor the glossary nor the development set: the
// honest estimate of how the search does on new questions. The first one's misses were once listed during tuning
// (see the README), so the second, written later from the source text alone, is the cleaner estimate.
const heldOutSets = [
  { name: 'held-out', questions: readQuestionSet('holdout.json'), title: '## Held-out set (tests/eval/holdout.json): never used for tuning; 9 of its misses were once read' },
  { name: 'held-out 2', questions: readQuestionSet('holdout-2.json'), title: '## Held-out set 2 (tests/eval/holdout-2.json): written from the source text alone, never used for tuning' },
];
for (const set of heldOutSets) console.log(`\n${table(set.title, await rankAll(set.questions), heldOutMisses)}`);

// Answers (issue 3): extractive answers on the same questions, refusals on the out-of-scope set, and
// the scripted model's bad outputs, none of which may reach the user.
const OutOfScopeSchema = z.array(z.object({ id: z.string(), question: z.string(), kind: z.string() }));
const outOfScope = OutOfScopeSchema.parse(JSON.parse(await fs.readFile(new URL('./out-of-scope.json', import.meta.url), 'utf8')));
const app = await buildApp(config, { db: runtime.db, corpus: runtime.corpus, llm: null, logger: false });
const existing = new Set(Array.from({ length: 60 }, (_, index) => index + 1));
/** Extractive answers to every in-scope question of a set: how many cite a gold action, cite wrongly, or are refused. */
async function measureAnswers(set: EvalQuestion[], listRefusals = false) {
  let citingGold = 0;
  let invalid = 0;
  let falseRefusals = 0;
  let goldShare = 0;
  for (const question of set) {
    const result = await app.answers.ask({ question: question.question, mode: 'extractive' });
    const given = new Set(result.passages.flatMap((p) => (p.action === null ? [] : [p.action])));
    if (result.refused) falseRefusals += 1;
    if (result.refused && listRefusals) console.log(`REFUSED ${question.id} (${question.type}): ${question.question}`);
    if (result.citations.some((c) => c.action !== null && question.gold.includes(c.action))) citingGold += 1;
    const cited = new Set(result.citations.map((c) => c.action));
    goldShare += question.gold.filter((action) => cited.has(action)).length / question.gold.length;
    const passagesGiven = await getPassages(runtime.db.pool, result.passages.map((p) => p.id));
    const allowed = new Set([...given, ...passagesGiven.flatMap((p) => p.actions)]);
    // Citations of other documents carry a label instead of an action number; action citations must check out.
    if (result.citations.some((c) => c.action !== null && (!existing.has(c.action) || !allowed.has(c.action)))) invalid += 1;
    if (!result.refused && !result.citations.length) invalid += 1;
  }
  return { citingGold, invalid, falseRefusals, goldShare: goldShare / Math.max(1, set.length), total: set.length };
}
const answerSets: [string, Awaited<ReturnType<typeof measureAnswers>>][] = [['development', await measureAnswers(questions, heldOutMisses || process.argv.includes('--misses'))]];
for (const set of heldOutSets) answerSets.push([set.name, await measureAnswers(set.questions, heldOutMisses)]);
let refusedOut = 0;
for (const question of outOfScope) {
  const result = await app.answers.ask({ question: question.question, mode: 'extractive' });
  if (result.refused && result.citations.length === 0) refusedOut += 1;
}
await app.close();

const ollama = await startFakeOllama({ models: ['qwen2.5:3b'] });
// Each bad output is made against the numbers the service allowed: "not given" must really be not given.
const allowedIn = (prompt: string) =>
  new Set((/Toegestane actienummers: ([\d, ]+)\./.exec(prompt)?.[1] ?? '').split(',').map((n) => Number(n.trim())).filter(Boolean));
const BAD_OUTPUTS: ((allowed: Set<number>) => string)[] = [
  (allowed) => `Dat staat in de lijst (Actie ${[...existing].find((n) => !allowed.has(n))}).`,
  () => 'Zie (Actie 61).',
  () => 'Geen enkele verwijzing.',
  () => '{"answer": "(Actie',
  () => 'Acties 0 en 99 zeggen dat.',
];
let leaked = 0;
let scripted = 0;
const llmApp = await buildApp(config, {
  db: runtime.db,
  corpus: runtime.corpus,
  logger: false,
  llm: createOllamaClient({ host: ollama.url, model: 'qwen2.5:3b', timeoutMs: 10_000, connectTimeoutMs: 1_000, numCtx: 8192, numPredict: 400 }),
});
for (const question of questions.slice(0, 40)) {
  for (const makeBad of BAD_OUTPUTS) {
    let bad = '';
    ollama.setDefaultChat((body) => {
      // The first call fixes the bad answer; the repair call gets the same one again.
      bad ||= makeBad(allowedIn(body.messages.map((message) => message.content).join('\n')));
      return { kind: 'answer', content: bad };
    });
    const result = await llmApp.answers.ask({ question: question.question, mode: 'auto' });
    // A refused question never reaches the model: nothing was scripted, nothing can leak.
    if (!bad) continue;
    scripted += 1;
    if (result.answer.includes(bad)) {
      leaked += 1;
      if (process.argv.includes("--misses")) console.log(`LEAK ${question.id} ${bad} → ${result.mode} ${result.answer.slice(0, 200)}`);
    }
  }
}
await llmApp.close();
await ollama.close();

const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;
console.log('\n| answers (extractive unless noted) | value |\n|---|---|');
for (const [name, set] of answerSets) {
  console.log(`| ${name}: in-scope answers citing a gold action | ${pct(set.citingGold, set.total)} |`);
  console.log(`| ${name}: answers with any invalid citation (must be 0) | ${pct(set.invalid, set.total)} |`);
  console.log(`| ${name}: in-scope questions refused | ${pct(set.falseRefusals, set.total)} |`);
  console.log(`| ${name}: mean share of a question's gold actions its answer cites | ${(100 * set.goldShare).toFixed(1)}% |`);
}
console.log(`| out-of-scope questions refused | ${pct(refusedOut, outOfScope.length)} |`);
console.log(`| scripted model: bad outputs that reached the user (must be 0) | ${pct(leaked, scripted)} |`);

await runtime.db.close();
