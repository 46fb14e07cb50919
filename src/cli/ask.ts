// `npm run ask -- "vraag"`: asks one question from the command line (the running service if there is one) and prints the answer with its citations.
import { buildApp } from '../app.js';
import { createLlmClient, openRuntime } from '../bootstrap.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { AppError } from '../errors.js';

const question = process.argv.slice(2).join(' ').trim();
if (!question) {
  console.error('Gebruik: npm run ask -- "uw vraag over de actielijst"');
  process.exit(2);
}

// Piped into `head` or a pager that quit early, the answer has no reader left: that ends the command, it is no failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

interface AskResult {
  answer: string;
  mode: string;
  refused: boolean;
  citations: { action: number | null; label?: string | null; section: string | null; quote: string }[];
  /** The running service's page, where `#actie-N` opens an action's text; absent when no service answered. */
  page?: string;
}

try {
  // Quieter than the server unless LOG_LEVEL says otherwise: the answer is what the user wants to see.
  const config = loadConfig({}, { LOG_LEVEL: 'warn', ...process.env });
  // With the service running, it answers: the embedded database takes one process at a time.
  const result = (await askRunningServer(config, question)) ?? (await askLocally(config, question));
  console.log(result.answer);
  console.log(`\n[${result.mode === 'llm' ? `met taalmodel ${config.OLLAMA_CHAT_MODEL}` : 'zonder taalmodel'}${result.refused ? ', geweigerd' : ''}]`);
  for (const citation of result.citations) {
    const source = citation.label ?? `Actie ${citation.action}`;
    const link = result.page && citation.action !== null ? ` ${result.page}#actie-${citation.action}` : '';
    console.log(`- ${source}${citation.section ? ` (${citation.section})` : ''}: “${citation.quote}”${link}`);
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof AppError ? error.message : error);
  process.exit(1);
}

async function askRunningServer(config: Config, text: string): Promise<AskResult | null> {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
  const healthy = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1_000) }).then((response) => response.ok, () => false);
  if (!healthy) return null;
  const key = config.API_KEYS[0];
  const response = await fetch(`${base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ question: text }),
  });
  const body = (await response.json()) as AskResult & { error?: { message: string } };
  if (!response.ok) throw new AppError('BAD_REQUEST', body.error?.message ?? `De server antwoordde ${response.status}.`);
  return { ...body, page: `${base}/` };
}

async function askLocally(config: Config, text: string): Promise<AskResult> {
  const runtime = await openRuntime(config);
  try {
    const app = await buildApp(config, { db: runtime.db, corpus: runtime.corpus, llm: createLlmClient(config) });
    try {
      return await app.answers.ask({ question: text });
    } finally {
      await app.close();
    }
  } finally {
    await runtime.db.close();
  }
}
