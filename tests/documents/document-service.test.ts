// The upload service on an in-memory PGlite with the real corpus: ids from titles, and a replacement that commits whole or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocument, idFromTitle, parseUploadMeta, prepareDocument } from '../../src/documents/document-service.js';
import { getDocument } from '../../src/repositories/documents-repository.js';
import { getDocumentPassages } from '../../src/repositories/passages-repository.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const advice = (third: string) =>
  new TextEncoder().encode(
    ['Advies werkplekleren', '', 'Brussel, 3 mei 2022', '', 'Aanbeveling 1', 'Maak werkplekleren toegankelijk.', '', 'Aanbeveling 2', third, ''].join('\n'),
  );

describe('idFromTitle', () => {
  it('makes kebab-case ids without accents, cut at a word', () => {
    expect(idFromTitle('Advies vluchtelingen (2016)')).toBe('advies-vluchtelingen-2016');
    expect(idFromTitle('Oriëntatie & één plan')).toBe('orientatie-een-plan');
    expect(idFromTitle('!!!')).toBe('document');
    const long = idFromTitle('Advies over '.concat('arbeidsmarktparticipatie '.repeat(10)));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('parseUploadMeta', () => {
  it('drops blank values and refuses malformed ones in Dutch', () => {
    expect(parseUploadMeta({ title: '  Advies  x ', date: '', id: undefined })).toEqual({ title: 'Advies x' });
    expect(() => parseUploadMeta({ id: 'Geen Kebab' })).toThrow(/kebab-case/);
    expect(() => parseUploadMeta({ date: '12/03/2024' })).toThrow(/JJJJ-MM-DD/);
  });
});

describe('replacing an upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  it('keeps the previous version whole when the replacement fails before commit', async () => {
    const deps = { db: t.runtime.db, corpus: t.runtime.corpus };
    const first = await addDocument(deps, await prepareDocument('advies.txt', advice('Evalueer na twee jaar.')));
    expect(first).toMatchObject({ status: 'added', document: { id: 'advies-werkplekleren', version: 1 } });
    const before = await getDocumentPassages(t.runtime.db.pool, 'advies-werkplekleren');

    const changed = await prepareDocument('advies.txt', advice('Evalueer na drie jaar.'));
    await expect(
      t.runtime.corpus.ingest({
        documents: [changed.entry],
        origin: 'upload',
        keepOthers: true,
        beforeCommit: async () => {
          throw new Error('stroomonderbreking');
        },
      }),
    ).rejects.toThrow('stroomonderbreking');
    expect(await getDocumentPassages(t.runtime.db.pool, 'advies-werkplekleren')).toEqual(before);
    expect(await getDocument(t.runtime.db.pool, 'advies-werkplekleren')).toMatchObject({ version: 1 });

    const second = await addDocument(deps, changed);
    expect(second).toMatchObject({ status: 'updated', document: { version: 2, passages: before.length } });
    const texts = (await getDocumentPassages(t.runtime.db.pool, 'advies-werkplekleren')).map((passage) => passage.text);
    expect(texts).toContain('Evalueer na drie jaar.');
    expect(texts).not.toContain('Evalueer na twee jaar.');
  });
});
