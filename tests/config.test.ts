// The configuration schema: defaults, explicit options over the environment, and errors that name the variable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigInput } from '../src/config.js';

function configError(options: ConfigInput, env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(options, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted an invalid configuration');
}

describe('loadConfig', () => {
  it('falls back to the documented defaults when nothing is set', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: path.resolve('./.data'),
      CORPUS_DIR: path.resolve('./corpus'),
      EMBEDDINGS: 'hashing',
      OLLAMA_HOST: 'http://127.0.0.1:11434',
      ANSWER_MODE: 'auto',
      LOG_LEVEL: 'info',
      API_KEYS: [],
      CORS_ORIGINS: [],
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('resolves relative directories to absolute paths but keeps memory:// as it is', () => {
    expect(loadConfig({ DATA_DIR: 'data/db', CORPUS_DIR: 'docs' }, {})).toMatchObject({
      DATA_DIR: path.resolve('data/db'),
      CORPUS_DIR: path.resolve('docs'),
    });
    expect(loadConfig({ DATA_DIR: 'memory://' }, {}).DATA_DIR).toBe('memory://');
  });

  it('reads the environment and coerces numbers', () => {
    const config = loadConfig({}, { PORT: '8080', EMBEDDINGS: 'ollama', DATABASE_URL: 'postgresql://u:p@db:5432/aw', RETENTION_DAYS: '7', DB_POOL_SIZE: '4' });
    expect(config).toMatchObject({ PORT: 8080, EMBEDDINGS: 'ollama', DATABASE_URL: 'postgresql://u:p@db:5432/aw', RETENTION_DAYS: 7, DB_POOL_SIZE: 4 });
  });

  it('lets explicit options win over the environment', () => {
    const config = loadConfig({ PORT: 4000, HOST: '0.0.0.0' }, { PORT: '5000', HOST: '10.0.0.1', LOG_LEVEL: 'debug' });
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('0.0.0.0');
    // Variables without an explicit option still come from the environment.
    expect(config.LOG_LEVEL).toBe('debug');
  });

  it('treats empty environment values as unset', () => {
    const config = loadConfig({}, { PORT: '', HOST: '', EMBEDDINGS: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.EMBEDDINGS).toBe('hashing');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('splits comma-separated lists and drops empty items', () => {
    expect(loadConfig({}, { API_KEYS: ' sleutel-1, sleutel-2,,' }).API_KEYS).toEqual(['sleutel-1', 'sleutel-2']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['EMBEDDINGS', 'foo'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['ANSWER_MODE', 'soms'],
    ['DB_POOL_SIZE', '0'],
    ['PGLITE_SHARED_BUFFERS_MB', '8'],
    ['PGLITE_SHARED_BUFFERS_MB', '2048'],
  ])('rejects %s=%s with a ConfigError that names the variable', (name, value) => {
    const error = configError({}, { [name]: value });
    expect(error.message).toContain(name);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('rejects an invalid explicit option as well', () => {
    expect(configError({ PORT: 'abc' }, { PORT: '3000' }).message).toContain('PORT');
  });

  it('reports every wrong variable at once, in Dutch', () => {
    const error = configError({}, { PORT: 'abc', EMBEDDINGS: 'foo' });
    expect(error.message).toMatch(/^Ongeldige configuratie:/);
    expect(error.issues.map((issue) => issue.split(':')[0]).sort()).toEqual(['EMBEDDINGS', 'PORT']);
  });
});
