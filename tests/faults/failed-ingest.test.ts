// An ingest that fails before commit (beforeCommit throws) leaves the running app's /api/search on the previous corpus (in-memory PGlite).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type CorpusDocument } from '../../src/ingest/corpus-files.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const QUERIES = ['erkenning van buitenlandse diploma’s', 'actie 45', 'taalondersteuning op de werkvloer', 'discriminatie bij aanwerving'];
const NEW_WORD = 'zebrapadvergunning';

describe('an ingest that fails half-way', () => {
  let test: TestApp;
  let original: CorpusDocument[];
  let changed: CorpusDocument[];
  let before: Map<string, unknown>;
  let scratch: string;

  const search = async (q: string) => {
    const response = await test.app.inject({ url: `/api/search?q=${encodeURIComponent(q)}&k=10` });
    expect(response.statusCode).toBe(200);
    return response.json<{ results: { id: string; text: string }[] }>();
  };

  beforeAll(async () => {
    test = await buildTestApp({ config: { ANSWER_MODE: 'extractive' } });
    original = (await readCorpus(test.runtime.config.CORPUS_DIR)).documents;
    // The same corpus with a word in every action that the stored corpus does not have.
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'actiewijzer-ingest-'));
    for (const name of await fs.readdir(test.runtime.config.CORPUS_DIR)) {
      const markdown = await fs.readFile(path.join(test.runtime.config.CORPUS_DIR, name), 'utf8');
      await fs.writeFile(path.join(scratch, name), markdown.replace(/^(#+ Actie \d+)$/gm, `$1\n\nOver de ${NEW_WORD}.`));
    }
    changed = (await readCorpus(scratch)).documents;
    expect(changed.map((entry) => entry.contentHash)).not.toEqual(original.map((entry) => entry.contentHash));

    before = new Map();
    for (const q of QUERIES) before.set(q, await search(q));
  }, 120_000);
  afterAll(async () => {
    await test?.close();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  const failing = async () => {
    throw new Error('simulated crash before commit');
  };

  it('keeps the previous passages and ranking when a changed corpus fails to commit', async () => {
    await expect(test.runtime.corpus.ingest({ documents: changed, origin: 'corpus', beforeCommit: failing })).rejects.toThrow('simulated crash before commit');

    for (const q of QUERIES) expect(await search(q)).toEqual(before.get(q));
    const fresh = await search(NEW_WORD);
    expect(fresh.results.some((result) => result.text.includes(NEW_WORD))).toBe(false);
    expect((await test.app.inject({ url: '/api/actions/45' })).statusCode).toBe(200);
  });

  it('keeps every document when an ingest that would remove them all fails to commit', async () => {
    await expect(test.runtime.corpus.ingest({ documents: [], origin: 'corpus', beforeCommit: failing })).rejects.toThrow();

    for (const q of QUERIES) expect(await search(q)).toEqual(before.get(q));
    expect((await test.app.inject({ url: '/api/actions' })).json<{ actions: unknown[] }>().actions).toHaveLength(60);
  });

  it('holds searches sent while the ingest is writing until it ends, so none sees the half-written corpus', async () => {
    // Not searched before, so not answered from the result cache: they reach the database.
    const unseen = [`over de ${NEW_WORD}`, `${NEW_WORD} op de werkvloer`, `wie regelt de ${NEW_WORD}?`];
    const during: { searches?: Promise<{ results: { text: string }[] }[]> } = {};
    let answered = false;
    const searchAndFail = async () => {
      // The passages are written, not committed: a search run now in PGlite's one session would find the new word.
      during.searches = Promise.all(unseen.map((q) => search(q))).then((results) => {
        answered = true;
        return results;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBe(false);
      throw new Error('simulated crash before commit');
    };
    await expect(test.runtime.corpus.ingest({ documents: changed, origin: 'corpus', beforeCommit: searchAndFail })).rejects.toThrow('simulated crash before commit');

    const results = await during.searches;
    expect(results).toHaveLength(unseen.length);
    for (const result of results ?? []) {
      expect(result.results.length).toBeGreaterThan(0);
      expect(result.results.some((hit) => hit.text.includes(NEW_WORD))).toBe(false);
    }
  });

  it('ingests normally after a failed attempt', async () => {
    const report = await test.runtime.corpus.ingest({ documents: changed, origin: 'corpus' });
    expect(report.updated.length).toBeGreaterThan(0);
    const fresh = await search(NEW_WORD);
    expect(fresh.results.some((result) => result.text.includes(NEW_WORD))).toBe(true);
  });
});
