// BM25 over the postings table: rebuilt with the term statistics by every ingest, ranked as the formula says, prepared once per session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse.js';
import { openDatabase, type Database, type Queryable } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createHashingProvider } from '../../src/embeddings/providers.js';
import { contentHash, type CorpusDocument } from '../../src/ingest/corpus-files.js';
import { ingestDocuments } from '../../src/ingest/ingest.js';
import { BM25_B, BM25_K1, createPassageReader, refreshTermStatistics, type PassageReader } from '../../src/repositories/passages-repository.js';
import { hybridSearch, type HybridQuery } from '../../src/repositories/search-repository.js';
import { startPgliteWire, type PgliteWire } from '../helpers/pglite-wire.js';

// Starting PGlite and ingesting take seconds alone and much longer on a busy machine.
const DATABASE_TIMEOUT = 180_000;

interface Posting {
  lexeme: string;
  passage_id: string;
  tf: number;
  impact: number;
}

const readPostings = async (db: Queryable): Promise<Posting[]> =>
  (await db.query<Posting>('select lexeme, passage_id, tf, impact from postings order by lexeme, passage_id')).rows;

/** The postings computed here from each passage's tsvector, with BM25's term-frequency part written out. */
async function expectedPostings(db: Queryable): Promise<Posting[]> {
  const { rows } = await db.query<{ id: string; length: number; lexeme: string; tf: number }>(
    'select p.id, length(p.tsv) as length, u.lexeme, cardinality(u.positions) as tf from passages p, unnest(p.tsv) u',
  );
  const lengths = new Map(rows.map((row) => [row.id, row.length]));
  const average = [...lengths.values()].reduce((sum, length) => sum + length, 0) / lengths.size;
  return rows
    .map((row) => ({
      lexeme: row.lexeme,
      passage_id: row.id,
      tf: row.tf,
      impact: (row.tf * (BM25_K1 + 1)) / (row.tf + BM25_K1 * (1 - BM25_B + (BM25_B * row.length) / average)),
    }))
    .sort((a, b) => (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : a.passage_id < b.passage_id ? -1 : 1));
}

function expectSamePostings(actual: Posting[], expected: Posting[]): void {
  expect(actual.map(({ lexeme, passage_id, tf }) => ({ lexeme, passage_id, tf }))).toEqual(
    expected.map(({ lexeme, passage_id, tf }) => ({ lexeme, passage_id, tf })),
  );
  actual.forEach((posting, index) => expect(posting.impact).toBeCloseTo(expected[index]?.impact ?? NaN, 12));
}

function corpusDocument(file: string, markdown: string): CorpusDocument {
  return { file, markdown, document: parseDocument(markdown, file), contentHash: contentHash(markdown) };
}

const advice = (recommendations: string[]) =>
  corpusDocument(
    'advies-stages.md',
    `---
id: advies-stages
title: Advies over stages voor nieuwkomers
kind: advice
itemLabel: Aanbeveling
---

# 1 Werkervaring

Nieuwkomers vinden moeilijk een eerste job.

${recommendations.map((text, index) => `## Aanbeveling ${index + 1}\n<!-- actors: vdab; themes: werkervaring -->\n${text}\n`).join('\n')}`,
  );

const languageAdvice = corpusDocument(
  'advies-taal.md',
  `---
id: advies-taal
title: Advies over taal op de werkvloer
kind: advice
itemLabel: Aanbeveling
---

# 1 Taal

Taal leren gaat het snelst op de werkvloer.

## Aanbeveling 1
<!-- actors: vdab; themes: taal -->
Combineer een taalcursus met een stage bij een werkgever.
`,
);

const RECOMMENDATIONS = [
  'Zet in op stages voor nieuwkomers bij lokale werkgevers.',
  'Koppel elke stagiair aan een mentor op de werkvloer.',
  'Erken de werkervaring die een stagiair in het buitenland opdeed.',
];

describe('postings rebuilt with the term statistics', () => {
  let db: Database;
  const provider = createHashingProvider();
  const ingest = (documents: CorpusDocument[]) => ingestDocuments(db, provider, { documents, origin: 'corpus' });
  const passageIds = async () =>
    (await db.pool.query<{ id: string }>('select id from passages order by id')).rows.map((row) => row.id);

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
  }, DATABASE_TIMEOUT);

  afterAll(async () => {
    await db?.close();
  });

  it('holds one posting per lexeme of every passage, with its term frequency and BM25 part', async () => {
    await ingest([advice(RECOMMENDATIONS), languageAdvice]);
    const postings = await readPostings(db.pool);
    expectSamePostings(postings, await expectedPostings(db.pool));
    expect(new Set(postings.map((posting) => posting.passage_id))).toEqual(new Set(await passageIds()));
    // Repeated words: the term frequency is the number of positions, not 1.
    expect(postings.some((posting) => posting.tf > 1)).toBe(true);
  }, DATABASE_TIMEOUT);

  it("drops a removed passage's postings and recomputes the others for the new average length", async () => {
    const before = await readPostings(db.pool);
    const removed = 'advies-stages:item-3';
    expect(before.some((posting) => posting.passage_id === removed)).toBe(true);

    const { report } = await ingest([advice(RECOMMENDATIONS.slice(0, 2)), languageAdvice]);
    expect(report.updated).toEqual(['advies-stages']);
    expect(await passageIds()).not.toContain(removed);
    const after = await readPostings(db.pool);
    expect(after.some((posting) => posting.passage_id === removed)).toBe(false);
    expectSamePostings(after, await expectedPostings(db.pool));
    // The average length changed, so the impacts of passages that did not change did too.
    const kept = (postings: Posting[]) => postings.find((posting) => posting.passage_id === 'advies-taal:item-1');
    expect(kept(after)?.impact).not.toBe(kept(before)?.impact);
  }, DATABASE_TIMEOUT);

  it('is left as it is by a re-ingest of the same corpus', async () => {
    const before = await readPostings(db.pool);
    const { report } = await ingest([advice(RECOMMENDATIONS.slice(0, 2)), languageAdvice]);
    expect(report).toMatchObject({ added: [], updated: [], removed: [] });
    expect(await readPostings(db.pool)).toEqual(before);
  }, DATABASE_TIMEOUT);

  it('loses the postings of a removed document', async () => {
    const { report } = await ingest([languageAdvice]);
    expect(report.removed).toEqual(['advies-stages']);
    const postings = await readPostings(db.pool);
    expect(postings.some((posting) => posting.passage_id.startsWith('advies-stages:'))).toBe(false);
    expectSamePostings(postings, await expectedPostings(db.pool));
  }, DATABASE_TIMEOUT);
});

// Hand-made passages: short and long, repeated words, two identical texts, and one without any query word.
const PASSAGES: [id: string, text: string][] = [
  ['p1', 'Kinderopvang kinderopvang kinderopvang.'],
  ['p2', 'Kinderopvang voor ouders die een opleiding volgen naast hun werk, in de buurt van school, station of werkplaats.'],
  ['p3', 'Een taalcursus met kinderopvang.'],
  ['p4', 'Een taalcursus voor nieuwkomers.'],
  ['p5', 'Een taalcursus voor nieuwkomers.'],
  ['p6', 'De fietsenstalling aan het station.'],
  ['p7', 'Stages bij werkgevers in de zorg.'],
];
const MODEL = 'test-3d';
const VECTORS: Record<string, number[]> = { p1: [1, 0, 0], p2: [0.9, 0.1, 0], p3: [0.5, 0.5, 0], p4: [0, 1, 0], p5: [0, 1, 0.1], p6: [0, 0, 1], p7: [0.2, 0.2, 0.9] };

async function insertHandMadeCorpus(db: Queryable): Promise<void> {
  await db.query(`insert into documents (id, title, kind, markdown, content_hash) values ('hand', 'Handgemaakt', 'advice', '', 'x')`);
  for (const [ordinal, [id, text]] of PASSAGES.entries()) {
    await db.query(
      `insert into passages (id, document_id, ordinal, kind, text, content_hash) values ($1, 'hand', $2, 'context', $3, $1)`,
      [id, ordinal, text],
    );
    await db.query('insert into embeddings (passage_id, model, content_hash, embedding) values ($1, $2, $1, $3)', [
      id,
      MODEL,
      `[${VECTORS[id]?.join(',')}]`,
    ]);
  }
  await refreshTermStatistics(db);
}

/** BM25 straight from the formula: query lexemes weight 1, expansion lexemes ½ (the larger when both), idf per lexeme. */
async function formulaScores(db: Queryable, text: string, expansions: string): Promise<Map<string, number>> {
  const lexemes = async (value: string) =>
    (await db.query<{ lexeme: string }>(`select lexeme from unnest(to_tsvector('dutch', $1)) where length(lexeme) >= 2`, [value])).rows.map(
      (row) => row.lexeme,
    );
  const weights = new Map<string, number>();
  for (const lexeme of await lexemes(expansions)) weights.set(lexeme, 0.5);
  for (const lexeme of await lexemes(text)) weights.set(lexeme, 1);
  const { rows } = await db.query<{ id: string; length: number; lexeme: string; tf: number }>(
    'select p.id, length(p.tsv) as length, u.lexeme, cardinality(u.positions) as tf from passages p, unnest(p.tsv) u',
  );
  const lengths = new Map(rows.map((row) => [row.id, row.length]));
  const n = lengths.size;
  const average = [...lengths.values()].reduce((sum, length) => sum + length, 0) / n;
  const documentFrequency = (lexeme: string) => rows.filter((row) => row.lexeme === lexeme).length;
  const scores = new Map<string, number>();
  for (const row of rows) {
    const weight = weights.get(row.lexeme);
    if (weight === undefined) continue;
    const ndoc = documentFrequency(row.lexeme);
    const idf = weight * Math.log(1 + (n - ndoc + 0.5) / (ndoc + 0.5));
    const part = (row.tf * (BM25_K1 + 1)) / (row.tf + BM25_K1 * (1 - BM25_B + (BM25_B * row.length) / average));
    scores.set(row.id, (scores.get(row.id) ?? 0) + idf * part);
  }
  return scores;
}

const cosineSimilarity = (a: number[], b: number[]) => {
  const dot = a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
  return dot / (Math.hypot(...a) * Math.hypot(...b));
};

const query = (text: string, overrides: Partial<HybridQuery> = {}): HybridQuery => ({
  text,
  expansions: '',
  vector: null,
  model: MODEL,
  dimensions: 3,
  limit: 20,
  candidates: 60,
  ...overrides,
});

describe('BM25 ranking of the hybrid search on a hand-made corpus', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await insertHandMadeCorpus(db.pool);
  }, DATABASE_TIMEOUT);

  afterAll(async () => {
    await db?.close();
  });

  const ftsRanking = async (q: HybridQuery) =>
    (await hybridSearch(db.pool, q))
      .filter((hit) => hit.ftsRank !== null)
      .sort((a, b) => (a.ftsRank ?? 0) - (b.ftsRank ?? 0))
      .map((hit) => ({ id: hit.passage.id, rank: hit.ftsRank, score: hit.ftsScore }));

  const formulaRanking = async (text: string, expansions: string) =>
    [...(await formulaScores(db.pool, text, expansions)).entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([id, score], index) => ({ id, rank: index + 1, score }));

  it.each([
    ['kinderopvang', ''],
    ['taalcursus kinderopvang', ''],
    ['een taalcursus voor nieuwkomers met kinderopvang', ''],
    ['kinderopvang', 'taalcursus stages'],
    ['stages in de zorg', 'werkgevers kinderopvang'],
  ])('orders %j (expansions %j) as the formula does', async (text, expansions) => {
    const actual = await ftsRanking(query(text, { expansions }));
    const expected = await formulaRanking(text, expansions);
    expect(expected.length).toBeGreaterThan(1);
    expect(actual.map(({ id, rank }) => ({ id, rank }))).toEqual(expected.map(({ id, rank }) => ({ id, rank })));
    actual.forEach((hit, index) => expect(hit.score).toBeCloseTo(expected[index]?.score ?? NaN, 12));
  });

  it('saturates term frequency and normalizes length: three times the word in a short passage beats once in a long one', async () => {
    const ranking = await ftsRanking(query('kinderopvang'));
    expect(ranking.map((hit) => hit.id)).toEqual(['p1', 'p3', 'p2']);
    // Saturation: three occurrences score less than three times one.
    expect(ranking[0]?.score).toBeLessThan(3 * (ranking[1]?.score ?? 0));
  });

  it('breaks ties by passage id', async () => {
    const ranking = await ftsRanking(query('nieuwkomers'));
    expect(ranking.map((hit) => hit.id)).toEqual(['p4', 'p5']);
    expect(ranking[0]?.score).toBe(ranking[1]?.score);
  });

  it('returns nothing from full-text search for words the corpus does not have', async () => {
    expect(await ftsRanking(query('zebrapadvergunning'))).toEqual([]);
  });

  it('ranks the vector side by cosine similarity to the query vector', async () => {
    const target = [1, 0.2, 0];
    const hits = await hybridSearch(db.pool, query('zebrapadvergunning', { vector: target }));
    const expected = PASSAGES.map(([id]) => ({ id, similarity: cosineSimilarity(VECTORS[id] ?? [], target) })).sort(
      (a, b) => b.similarity - a.similarity,
    );
    const byRank = hits.filter((hit) => hit.vectorRank !== null).sort((a, b) => (a.vectorRank ?? 0) - (b.vectorRank ?? 0));
    expect(byRank.map((hit) => hit.passage.id)).toEqual(expected.map((entry) => entry.id));
    // pgvector computes in single precision.
    byRank.forEach((hit, index) => expect(hit.similarity).toBeCloseTo(expected[index]?.similarity ?? NaN, 6));
  });

  it('fuses both rankings and returns at most the limit, best first', async () => {
    const hits = await hybridSearch(db.pool, query('taalcursus kinderopvang', { vector: [0.5, 0.5, 0], limit: 3 }));
    expect(hits).toHaveLength(3);
    expect(hits[0]?.passage.id).toBe('p3');
    expect(hits[0]?.ftsRank).toBe(1);
    expect(hits[0]?.vectorRank).toBe(1);
    expect(hits[0]?.rrf).toBeCloseTo(1, 12);
    const scores = hits.map((hit) => hit.rrf);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns named passages first, in the order named, beside the limit and never twice', async () => {
    const ranked = (await hybridSearch(db.pool, query('kinderopvang', { vector: [1, 0, 0] }))).map((hit) => hit.passage.id);
    expect(ranked.slice(0, 1)).toEqual(['p1']);
    const hits = await hybridSearch(db.pool, query('kinderopvang', { vector: [1, 0, 0], limit: 2, named: ['p6', 'p1', 'p-does-not-exist'] }));
    const others = ranked.filter((id) => id !== 'p6' && id !== 'p1').slice(0, 2);
    expect(hits.map((hit) => [hit.passage.id, hit.named])).toEqual([
      ['p6', true],
      ['p1', true],
      ...others.map((id) => [id, false]),
    ]);
    expect(hits[0]).toMatchObject({ rrf: 0, ftsRank: null, vectorRank: null, similarity: null });
  });

  it('answers on a new client of the pool as on the one that prepared the statement', async () => {
    const q = query('taalcursus kinderopvang', { vector: [0.5, 0.5, 0] });
    const before = await hybridSearch(db.pool, q);
    // What the pool does to a client that stayed idle too long: the next query gets a new connection to the same session.
    const client = await db.pool.connect();
    client.release(true);
    expect(await hybridSearch(db.pool, q)).toEqual(before);
    expect(await hybridSearch(db.pool, q)).toEqual(before);
  });

  it('fills the postings of a database ingested before the postings migration', async () => {
    const rebuilt = await readPostings(db.pool);
    await db.pool.query('drop table postings');
    await db.pool.query(`delete from schema_migrations where version like '002\\_%'`);
    expect(await runMigrations(db.pool)).toEqual([expect.stringMatching(/^002_/)]);
    expect(await readPostings(db.pool)).toEqual(rebuilt);
  });
});

describe('the prepared search statement on a PGlite session shared by connections', () => {
  let wire: PgliteWire;
  const databases: Database[] = [];
  // Each pool has its own connection, and pg its own record of what that connection prepared; PGlite's socket server
  // serves them all one session.
  const connect = async () => {
    const db = await openDatabase({ databaseUrl: wire.url, dataDir: 'memory://', maxConnections: 1 });
    databases.push(db);
    return db.pool;
  };

  beforeAll(async () => {
    wire = await startPgliteWire();
    await insertHandMadeCorpus(await connect());
  }, DATABASE_TIMEOUT);

  afterAll(async () => {
    for (const db of databases) await db.close();
    await wire?.close();
  });

  it('gives every connection the same results, whichever prepared the statement first', async () => {
    const q = query('taalcursus kinderopvang', { vector: [0.5, 0.5, 0] });
    const [first, second] = [await connect(), await connect()];
    const ranked = async (pool: Queryable) => (await hybridSearch(pool, q)).map((hit) => [hit.passage.id, hit.rrf]);
    const expected = await ranked(first);
    expect(expected.length).toBeGreaterThan(1);
    expect(await ranked(second)).toEqual(expected);
    expect(await ranked(first)).toEqual(expected);
    expect(await ranked(second)).toEqual(expected);
    const { rows } = await first.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where name like 'hybrid\\_%'`);
    expect(rows[0]?.n).toBe(1);
  }, DATABASE_TIMEOUT);

  it('still answers after the server went away and came back', async () => {
    const db = await connect();
    const q = query('kinderopvang');
    const before = await hybridSearch(db, q);
    await wire.stop();
    await wire.start();
    // The pool notices the dropped connection on its next query and opens a new one, to the same session.
    await hybridSearch(db, q).catch(() => undefined);
    expect(await hybridSearch(db, q)).toEqual(before);
  }, DATABASE_TIMEOUT);
});

describe('passages of a search, read through a reader that remembers them', () => {
  let db: Database;
  const provider = createHashingProvider();
  const ingest = (documents: CorpusDocument[]) => ingestDocuments(db, provider, { documents, origin: 'corpus' });
  // Every statement the search sends, with its parameters: what reached the database.
  const sent: { text: string; values: unknown[] }[] = [];
  const watched: Queryable = {
    query: ((config: string | { text: string; values?: unknown[] }, values?: unknown[]) => {
      const text = typeof config === 'string' ? config : config.text;
      sent.push({ text, values: (typeof config === 'string' ? values : config.values) ?? [] });
      return db.pool.query(config as never, values as never);
    }) as Queryable['query'],
  };
  // The passages read by id, beside the search statement itself.
  const passageReads = () => sent.filter((statement) => /where p\.id = any\(\$1\)/.test(statement.text));
  const search = (reader: PassageReader, text = 'stagiair werkvloer') => hybridSearch(watched, query(text), reader);

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await ingest([advice(RECOMMENDATIONS), languageAdvice]);
  }, DATABASE_TIMEOUT);

  afterAll(async () => {
    await db?.close();
  });

  it('reads a passage from the database once, and serves the same hits from memory after that', async () => {
    const reader = createPassageReader(100);
    sent.length = 0;
    const first = await search(reader);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(passageReads()).toHaveLength(1);
    expect(await search(reader)).toEqual(first);
    expect(passageReads()).toHaveLength(1);
    // Without a reader of its own, every search reads its passages.
    expect(await hybridSearch(watched, query('stagiair werkvloer'))).toEqual(first);
    expect(passageReads()).toHaveLength(2);
  });

  it('shows a passage as an ingest changed it, not as it was remembered', async () => {
    const reader = createPassageReader(100);
    const mentor = async () => (await search(reader, 'mentor')).find((hit) => /mentor/.test(hit.passage.text))?.passage.text;
    expect(await mentor()).toBe(RECOMMENDATIONS[1]);
    const changed = 'Koppel elke stagiair aan een mentor en een peter op de werkvloer.';
    await ingest([advice([RECOMMENDATIONS[0] as string, changed, RECOMMENDATIONS[2] as string]), languageAdvice]);
    try {
      expect(await mentor()).toBe(changed);
    } finally {
      await ingest([advice(RECOMMENDATIONS), languageAdvice]);
    }
    expect(await mentor()).toBe(RECOMMENDATIONS[1]);
  }, DATABASE_TIMEOUT);

  it('remembers no more passages than its size, forgetting the least recently read first', async () => {
    const reader = createPassageReader(1);
    sent.length = 0;
    const hits = await search(reader);
    expect(hits.length).toBeGreaterThanOrEqual(2);
    await search(reader);
    const [firstRead, secondRead] = passageReads().map((statement) => statement.values[0] as string[]);
    expect(firstRead).toEqual(hits.map((hit) => hit.passage.id));
    // Only the last passage read was kept: the second search reads all the others again.
    expect(secondRead).toEqual(hits.slice(0, -1).map((hit) => hit.passage.id));
  });
});
