// `npm run ask -- "vraag"`: asks one question from the command line and prints the answer with its citations.
import { buildApp } from '../app.js';
import { createLlmClient, openRuntime } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';

const question = process.argv.slice(2).join(' ').trim();
if (!question) {
  console.error('Gebruik: npm run ask -- "uw vraag over de actielijst"');
  process.exit(2);
}

try {
  // Quieter than the server unless LOG_LEVEL says otherwise: the answer is what the user wants to see.
  const config = loadConfig({}, { LOG_LEVEL: 'warn', ...process.env });
  const runtime = await openRuntime(config);
  const llm = createLlmClient(config);
  const app = await buildApp(config, { db: runtime.db, corpus: runtime.corpus, llm });
  const result = await app.answers.ask({ question });
  console.log(result.answer);
  console.log(`\n[${result.mode === 'llm' ? `met taalmodel ${config.OLLAMA_CHAT_MODEL}` : 'zonder taalmodel'}${result.refused ? ', geweigerd' : ''}]`);
  for (const citation of result.citations) {
    const source = citation.label ?? `Actie ${citation.action}`;
    console.log(`- ${source}${citation.section ? ` (${citation.section})` : ''}: “${citation.quote}”`);
  }
  await app.close();
  await runtime.db.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
