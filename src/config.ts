// The service's configuration: one zod schema over explicit options, then the environment, then defaults.
import path from 'node:path';
import { z } from 'zod';
import { MAX_SHARED_BUFFERS_MB } from './db/pglite-buffers.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const csv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const ConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'moet een postgres://-URL zijn')
    .optional(),
  // Unset: 10 connections to a PostgreSQL server, 8 clients of the embedded database (see src/db/pglite-thread.ts).
  DB_POOL_SIZE: positiveInt.optional(),
  // Unset: sized from the data at start (src/db/pglite-buffers.ts).
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(16).max(MAX_SHARED_BUFFERS_MB).optional(),
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  EMBEDDINGS: z.enum(['hashing', 'ollama']).default('hashing'),
  OLLAMA_HOST: z.url().default('http://127.0.0.1:11434'),
  OLLAMA_EMBED_MODEL: z.string().min(1).default('bge-m3'),
  OLLAMA_CHAT_MODEL: z.string().min(1).default('qwen2.5:3b'),
  OLLAMA_TIMEOUT_MS: positiveInt.default(60_000),
  OLLAMA_CONNECT_TIMEOUT_MS: positiveInt.default(1_500),
  OLLAMA_NUM_CTX: positiveInt.default(8192),
  OLLAMA_NUM_PREDICT: positiveInt.default(600),
  ANSWER_MODE: z.enum(['auto', 'llm', 'extractive']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // A browser sends the key as WebSocket subprotocol `bearer.<key>`, which allows only these characters.
  API_KEYS: csv
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9._~+-]+$/, 'een sleutel mag alleen letters, cijfers en - . _ ~ + bevatten')))
    .default([]),
  RATE_LIMIT_MAX: positiveInt.default(120),
  RATE_LIMIT_WINDOW: z.string().min(1).default('1 minute'),
  WS_QUESTIONS_PER_MINUTE: positiveInt.default(20),
  CORS_ORIGINS: csv.default([]),
  RETENTION_DAYS: positiveInt.default(30),
  SEARCH_CACHE_SIZE: z.coerce.number().int().min(0).default(1000),
  SEARCH_CACHE_TTL_MS: positiveInt.default(60_000),
  CORPUS_REFRESH_MS: positiveInt.default(10_000),
  UPLOAD_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = Partial<Record<keyof Config, string | number | undefined>>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Ongeldige configuratie:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Explicit options win over the environment; empty environment values count as unset. */
export function loadConfig(options: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.shape) as (keyof Config)[]) {
    const fromOptions = options[key];
    const fromEnv = env[key];
    if (fromOptions !== undefined) raw[key] = fromOptions;
    else if (fromEnv !== undefined && fromEnv !== '') raw[key] = fromEnv;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`),
    );
  }
  const dataDir = parsed.data.DATA_DIR === 'memory://' ? 'memory://' : path.resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, CORPUS_DIR: path.resolve(parsed.data.CORPUS_DIR) };
}
