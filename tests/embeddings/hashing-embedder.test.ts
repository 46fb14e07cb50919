// The model-free hashing embedder: deterministic unit vectors in which Dutch compounds share n-grams.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse.js';
import { toPassages } from '../../src/corpus/passages.js';
import { createHashingEmbedder, fitHashingState, HASHING_DIMENSIONS } from '../../src/embeddings/hashing-embedder.js';
import { createHashingProvider } from '../../src/embeddings/providers.js';

const source = fs.readFileSync(new URL('../../corpus/actielijst-migratieachtergrond.md', import.meta.url), 'utf8');
const texts = toPassages(parseDocument(source)).map((passage) => passage.text);
const embedder = createHashingEmbedder(fitHashingState(texts));

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
const norm = (vector: number[]) => Math.sqrt(dot(vector, vector));

describe('hashing embedder', () => {
  it('gives vectors of the announced dimension', async () => {
    expect(embedder.dimensions).toBe(HASHING_DIMENSIONS);
    expect(await embedder.embedQuery('kinderopvang')).toHaveLength(HASHING_DIMENSIONS);
  });

  it('is deterministic: same corpus and text, same vector and model', async () => {
    const again = createHashingEmbedder(fitHashingState(texts));
    expect(again.model).toBe(embedder.model);
    expect(await again.embedQuery('erkenning van buitenlandse diploma’s')).toEqual(await embedder.embedQuery('erkenning van buitenlandse diploma’s'));
  });

  it('embeds documents and queries in the same space', async () => {
    const [asDocument] = await embedder.embedDocuments(['laagdrempelige kinderopvang']);
    expect(asDocument).toEqual(await embedder.embedQuery('laagdrempelige kinderopvang'));
  });

  it('returns unit-length vectors', async () => {
    for (const vector of await embedder.embedDocuments(texts.slice(0, 20))) expect(norm(vector)).toBeCloseTo(1, 10);
  });

  it('returns a zero vector, not NaN, for a text without content words', async () => {
    const vector = await embedder.embedQuery('de het een');
    expect(vector.every((value) => value === 0)).toBe(true);
  });

  it('brings a compound close to its parts', async () => {
    const [compound, parts, unrelated] = await embedder.embedDocuments([
      'arbeidsmarktparticipatie',
      'participatie op de arbeidsmarkt',
      'kinderopvang',
    ]);
    if (!compound || !parts || !unrelated) throw new Error('ontbrekende vector');
    expect(dot(compound, parts)).toBeGreaterThan(dot(compound, unrelated));
    expect(dot(compound, parts)).toBeGreaterThan(0.3);
  });

  it('ranks the matching action first for a query', async () => {
    const query = await embedder.embedQuery('inkomensgerelateerde kinderopvang');
    const vectors = await embedder.embedDocuments(texts);
    const best = vectors.map((vector, index) => ({ index, score: dot(query, vector) })).sort((a, b) => b.score - a.score)[0];
    expect(texts[best?.index ?? -1]).toMatch(/^Er moet worden ingezet op voldoende laagdrempelige kinderopvang/);
  });

  it('changes its model id when the corpus it is fitted on changes', async () => {
    const provider = createHashingProvider();
    const same = await provider.forCorpus(texts);
    const changed = await provider.forCorpus([...texts, 'Een nieuwe passage over fietsverbindingen naar bedrijventerreinen.']);
    expect(same.model).toBe(embedder.model);
    expect(same.model).toMatch(/^hashing-tfidf-v1:[0-9a-f]{12}$/);
    expect(changed.model).not.toBe(same.model);
  });
});
