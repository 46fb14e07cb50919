// The deployment files checked without Docker: docker-compose.yml against the config schema, the Dockerfile and .dockerignore.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigSchema, loadConfig } from '../../src/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const HealthcheckSchema = z.object({ test: z.union([z.string(), z.array(z.string())]) });
const ServiceSchema = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  entrypoint: z.union([z.string(), z.array(z.string())]).optional(),
  depends_on: z.union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))]).optional(),
  healthcheck: HealthcheckSchema.optional(),
  restart: z.string().optional(),
});
const ComposeSchema = z.object({
  services: z.record(z.string(), ServiceSchema),
  volumes: z.record(z.string(), z.unknown().nullable()),
});
type Service = z.infer<typeof ServiceSchema>;

// Compose's merge keys (`<<: *models`) are YAML 1.1; the yaml package needs to be told.
const compose = ComposeSchema.parse(parse(read('docker-compose.yml'), { merge: true }));

/** Compose's variable substitution: ${NAME}, ${NAME:-default}, ${NAME-default}, and $$ for a literal $. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{(\w+)(?:(:?-)([^}]*))?\}/g, (match, name: string | undefined, operator: string | undefined, fallback: string | undefined) => {
    if (match === '$$') return '$';
    const set = env[name as string];
    if (operator === ':-') return set ? set : (fallback ?? '');
    if (operator === '-') return set !== undefined ? set : (fallback ?? '');
    return set ?? '';
  });
}

function environment(service: Service, env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), env)]));
}

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

const app = service('app');
const postgres = service('postgres');
const ollama = service('ollama');
const pull = service('ollama-pull');

describe('docker-compose.yml: the app service', () => {
  it('sets only variables the config schema knows', () => {
    const known = Object.keys(ConfigSchema.shape);
    for (const key of Object.keys(app.environment ?? {})) expect(known, `${key} is not in ConfigSchema`).toContain(key);
  });

  it.each([
    ['without a .env file', {}],
    ['with the documented settings', { POSTGRES_PASSWORD: 'geheim123', OLLAMA_CHAT_MODEL: 'qwen2.5:7b', ANSWER_MODE: 'llm', LOG_LEVEL: 'warn', API_KEYS: 'a1,b2', APP_PORT: '8080' }],
  ])('gives values that parse %s', (_name, host: Record<string, string>) => {
    const env = environment(app, host);
    const config = loadConfig({}, env);
    expect(config).toMatchObject({
      HOST: '0.0.0.0',
      EMBEDDINGS: 'ollama',
      OLLAMA_HOST: 'http://ollama:11434',
      OLLAMA_CHAT_MODEL: host.OLLAMA_CHAT_MODEL ?? 'qwen2.5:3b',
      OLLAMA_EMBED_MODEL: 'bge-m3',
    });
    expect(new URL(config.DATABASE_URL ?? '').hostname).toBe('postgres');
    expect(config.API_KEYS).toEqual(host.API_KEYS ? host.API_KEYS.split(',') : []);
  });

  it('publishes the port the app listens on', () => {
    const config = loadConfig({}, environment(app, {}));
    const published = (app.ports ?? []).map((port) => interpolate(port, {}).split(':').at(-1));
    expect(published).toEqual([String(config.PORT)]);
    expect(read('Dockerfile')).toMatch(new RegExp(`^EXPOSE ${config.PORT}$`, 'm'));
  });

  it('waits for a healthy database and for the models to be pulled', () => {
    expect(app.build).toBeDefined();
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      'ollama-pull': { condition: 'service_completed_successfully' },
    });
  });
});

describe('docker-compose.yml: PostgreSQL and Ollama', () => {
  it('runs PostgreSQL with pgvector on a named volume, with a pg_isready healthcheck', () => {
    expect(postgres.image).toBe('pgvector/pgvector:pg16');
    const [volume, target] = (postgres.volumes?.[0] ?? '').split(':');
    expect(target).toBe('/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect([postgres.healthcheck?.test].flat().join(' ')).toContain('pg_isready');
  });

  it('matches the database URL to the database PostgreSQL creates', () => {
    const env = environment(postgres, { POSTGRES_PASSWORD: 'geheim123' });
    const url = new URL(environment(app, { POSTGRES_PASSWORD: 'geheim123' })['DATABASE_URL'] ?? '');
    expect(url.username).toBe(env['POSTGRES_USER']);
    expect(url.password).toBe(env['POSTGRES_PASSWORD']);
    expect(url.pathname).toBe(`/${env['POSTGRES_DB']}`);
  });

  it('keeps Ollama models on a named volume', () => {
    expect(ollama.image).toMatch(/^ollama\/ollama(:|$)/);
    const [volume, target] = (ollama.volumes?.[0] ?? '').split(':');
    expect(target).toBe('/root/.ollama');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(ollama.healthcheck).toBeDefined();
  });

  it('pulls the chat and embedding models the app is configured with, once, against the ollama service', () => {
    expect(pull.image).toBe(ollama.image);
    expect(pull.restart).toBe('no');
    const pullEnv = environment(pull, {});
    expect(pullEnv['OLLAMA_HOST']).toBe('http://ollama:11434');
    const appEnv = environment(app, { OLLAMA_CHAT_MODEL: 'llama3.2:3b' });
    expect(environment(pull, { OLLAMA_CHAT_MODEL: 'llama3.2:3b' })['OLLAMA_CHAT_MODEL']).toBe(appEnv['OLLAMA_CHAT_MODEL']);
    expect(pullEnv['OLLAMA_EMBED_MODEL']).toBe(environment(app, {})['OLLAMA_EMBED_MODEL']);

    // What the shell runs, with the models' environment filled in.
    const script = interpolate([pull.entrypoint].flat().join(' '), {}).replace(/"?\$(\w+)"?/g, (_match, name: string) => pullEnv[name] ?? '');
    expect(script).toContain('ollama pull qwen2.5:3b');
    expect(script).toContain('ollama pull bge-m3');
    expect(pull.depends_on).toEqual({ ollama: { condition: 'service_healthy' } });
  });
});

describe('Dockerfile and .dockerignore', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

  it('builds on node:20-slim with production dependencies only, which include tsx', () => {
    expect(instructions[0]).toBe('FROM node:20-slim');
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(pkg.scripts['start']).toBe('tsx src/server.ts');
    expect(pkg.dependencies['tsx']).toBeDefined();
  });

  it('runs as the non-root user node and starts the server with tsx', () => {
    const user = instructions.findLastIndex((line) => line.startsWith('USER '));
    const cmd = instructions.findLastIndex((line) => line.startsWith('CMD '));
    expect(instructions[user]).toBe('USER node');
    expect(user).toBeLessThan(cmd);
    const command = JSON.parse((instructions[cmd] ?? '').slice(4)) as string[];
    expect(command).toContain('tsx');
    expect(existsSync(path.join(ROOT, command.at(-1) ?? ''))).toBe(true);
  });

  it('checks /health with node’s fetch', () => {
    const healthcheck = instructions.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*fetch\(.*\/health/);
  });

  it('sets only known config variables (besides NODE_ENV), listening on all interfaces', () => {
    const env: Record<string, string> = {};
    for (const line of instructions.filter((entry) => entry.startsWith('ENV '))) {
      for (const [, key, value] of line.slice(4).matchAll(/(\w+)=(\S+)/g)) env[key as string] = value as string;
    }
    const { NODE_ENV, ...rest } = env;
    expect(NODE_ENV).toBe('production');
    for (const key of Object.keys(rest)) expect(Object.keys(ConfigSchema.shape)).toContain(key);
    expect(loadConfig({}, rest)).toMatchObject({ HOST: '0.0.0.0', DATA_DIR: '/app/data', CORPUS_DIR: '/app/corpus' });
  });

  it('copies what the server reads at run time and keeps local state out of the build context', () => {
    for (const dir of ['src', 'prompts', 'corpus']) expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.data', '.git']));
    for (const needed of ['src', 'prompts', 'corpus', 'package.json', 'package-lock.json']) expect(ignored).not.toContain(needed);
  });
});
