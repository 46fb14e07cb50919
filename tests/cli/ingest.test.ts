// `npm run ingest` as a real process on an embedded database in a temp dir: adding a .txt advice, then re-ingesting corpus/ twice.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { listDocuments } from '../../src/repositories/documents-repository.js';
import { getDocumentPassages } from '../../src/repositories/passages-repository.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
// Each run starts PGlite and ingests the corpus: slow, so the tests get room.
const SLOW = 180_000;

const ADVICE = `Advies vluchtelingen en werk

Brussel, 4 juli 2016

1 Inleiding

De commissie volgt de arbeidsmarktpositie van vluchtelingen op de voet. Dit advies bundelt drie aanbevelingen.

2 Aanbevelingen

Aanbeveling 1
Start de opleiding Nederlands zo snel mogelijk na de erkenning als vluchteling.

Aanbeveling 2
Erken buitenlandse diploma's en competenties van vluchtelingen sneller.

Aanbeveling 3
Betrek werkgevers bij trajecten voor vluchtelingen.
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'actiewijzer-ingest-'));
  await writeFile(path.join(dir, 'advies-vluchtelingen.txt'), ADVICE, 'utf8');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function ingest(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['tsx', 'src/cli/ingest.ts', ...args], {
    cwd: ROOT,
    // An empty DATABASE_URL counts as unset: the CLI must use the embedded database in the temp dir.
    env: { ...process.env, DATA_DIR: path.join(dir, 'data'), CORPUS_DIR: 'corpus', DATABASE_URL: '', EMBEDDINGS: 'hashing' },
    timeout: SLOW,
  });
}

describe('npm run ingest', () => {
  it('adds a text advice as an uploaded document and prints its id, title and passages', async () => {
    const { stdout, stderr } = await ingest(path.join(dir, 'advies-vluchtelingen.txt'));
    expect(stdout).toMatch(/^advies-vluchtelingen-en-werk — Advies vluchtelingen en werk — 4 passages \(versie 1, toegevoegd\)$/m);
    // Not a terminal: one finished bar per phase, no carriage returns.
    expect(stderr).not.toContain('\r');
    expect(stderr).toMatch(/^\[#{20}\] \d+\/\d+ embeddings$/m);

    const db = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const advice = (await listDocuments(db.pool)).find((document) => document.id === 'advies-vluchtelingen-en-werk');
      expect(advice).toMatchObject({ origin: 'upload', kind: 'advice', published: '2016-07-04', version: 1, passages: 4 });
      const items = (await getDocumentPassages(db.pool, 'advies-vluchtelingen-en-werk')).filter((passage) => passage.kind === 'action');
      expect(items.map((passage) => passage.label)).toEqual([1, 2, 3].map((n) => `Advies vluchtelingen en werk (2016), aanbeveling ${n}`));
    } finally {
      await db.close();
    }
  }, SLOW);

  it('re-ingests corpus/ without arguments, keeping the upload; a second run finds everything unchanged', async () => {
    const first = await ingest();
    expect(first.stdout).toMatch(/^Corpusmap: \d+ toegevoegd, \d+ bijgewerkt, \d+ ongewijzigd, \d+ verwijderd$/m);
    expect(first.stdout).toContain('Opgeladen documenten (blijven staan): 1');

    const second = await ingest();
    expect(second.stdout).toMatch(/^Corpusmap: 0 toegevoegd, 0 bijgewerkt, 2 ongewijzigd, 0 verwijderd$/m);
    expect(second.stdout).toMatch(/^Passages: \d+, nieuw ingebed: 0, model: hashing-tfidf-v1:[0-9a-f]+$/m);
    expect(second.stdout).toContain('Opgeladen documenten (blijven staan): 1');
  }, SLOW);

  it('refuses an unsupported file with a Dutch message and exit code 1', async () => {
    const image = path.join(dir, 'scan.png');
    await writeFile(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const failure = await ingest(image).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('worden niet ondersteund');
  }, SLOW);
});
