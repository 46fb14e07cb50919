// Scratch: tries the search benchmark alone (removed before hand-off).
import fs from 'node:fs';
import { runSearchBench } from './search-bench.js';
const questions = (JSON.parse(fs.readFileSync('tests/eval/questions.json', 'utf8')) as { question: string }[]).map((q) => q.question).slice(0, 100);
const sizes = process.argv.slice(2).map(Number);
const started = performance.now();
const results = await runSearchBench({ queries: questions, syntheticSizes: sizes, variantBudgetMs: 15000, maxRounds: 3, log: (l) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${l}`) });
console.log(JSON.stringify(results.map((r) => ({ ...r, plans: undefined })), null, 1));
