// The search result cache: repeated queries skip the database, a corpus change or expiry never serves stale results.
import { describe, expect, it } from 'vitest';
import type { StoredPassage } from '../../src/repositories/passages-repository.js';
import { withSearchCache } from '../../src/search/search-cache.js';
import type { SearchHit, SearchOptions, SearchService } from '../../src/search/search-service.js';

function hitFor(query: string): SearchHit {
  const passage = { id: `p-${query}`, documentId: 'd', actions: [], kind: 'action', action: 1 } as unknown as StoredPassage;
  return { passage, score: 1, ftsRank: 1, vectorRank: 1, similarity: 0.5, named: false };
}

function countingService(fail = new Set<string>()) {
  const calls: { query: string; options: SearchOptions | undefined }[] = [];
  const service: SearchService = {
    async search(query, options) {
      calls.push({ query, options });
      if (fail.has(query)) throw new Error('database gone');
      return [hitFor(query)];
    },
    rankActions: () => [],
    expansions: () => [],
    repaired: (query) => query,
  };
  return { service, calls };
}

describe('withSearchCache', () => {
  it('answers a repeated query from memory, with the same hits', async () => {
    const { service, calls } = countingService();
    const cached = withSearchCache(service, { size: 10, ttlMs: 60_000, generation: () => 0 });
    const first = await cached.search('IBO', { k: 5 });
    const second = await cached.search('IBO', { k: 5 });
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
  });

  it('keeps queries with another k or other preferred actors apart', async () => {
    const { service, calls } = countingService();
    const cached = withSearchCache(service, { size: 10, ttlMs: 60_000, generation: () => 0 });
    await cached.search('IBO', { k: 5 });
    await cached.search('IBO', { k: 6 });
    await cached.search('IBO', { k: 5, preferActors: ['vdab'] });
    await cached.search('IBO', { k: 5, preferActors: ['vdab'] });
    expect(calls).toHaveLength(3);
  });

  it('searches again once the corpus has changed', async () => {
    const { service, calls } = countingService();
    let generation = 0;
    const cached = withSearchCache(service, { size: 10, ttlMs: 60_000, generation: () => generation });
    await cached.search('EVC');
    generation += 1;
    await cached.search('EVC');
    await cached.search('EVC');
    expect(calls).toHaveLength(2);
  });

  it('searches again after the time to live', async () => {
    const { service, calls } = countingService();
    let now = 1_000;
    const cached = withSearchCache(service, { size: 10, ttlMs: 500, generation: () => 0, now: () => now });
    await cached.search('NT2');
    now += 499;
    await cached.search('NT2');
    now += 2;
    await cached.search('NT2');
    expect(calls).toHaveLength(2);
  });

  it('drops the least recently used query when full', async () => {
    const { service, calls } = countingService();
    const cached = withSearchCache(service, { size: 2, ttlMs: 60_000, generation: () => 0 });
    await cached.search('a');
    await cached.search('b');
    await cached.search('a'); // a is now the most recent
    await cached.search('c'); // evicts b
    await cached.search('a');
    await cached.search('b');
    expect(calls.map((call) => call.query)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('shares one search between identical queries in flight', async () => {
    const { service, calls } = countingService();
    const cached = withSearchCache(service, { size: 10, ttlMs: 60_000, generation: () => 0 });
    const results = await Promise.all([cached.search('OKOT'), cached.search('OKOT'), cached.search(' OKOT ')]);
    expect(calls).toHaveLength(1);
    expect(results[1]).toEqual(results[0]);
  });

  it('does not remember a failed search', async () => {
    const fail = new Set(['kapot']);
    const { service, calls } = countingService(fail);
    const cached = withSearchCache(service, { size: 10, ttlMs: 60_000, generation: () => 0 });
    await expect(cached.search('kapot')).rejects.toThrow('database gone');
    fail.clear();
    await expect(cached.search('kapot')).resolves.toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('hands every caller its own array', async () => {
    const { service } = countingService();
    const cached = withSearchCache(service, { size: 10, ttlMs: 60_000, generation: () => 0 });
    const first = await cached.search('Unia');
    first.pop();
    expect(await cached.search('Unia')).toHaveLength(1);
  });

  it('is switched off by size 0', async () => {
    const { service, calls } = countingService();
    const cached = withSearchCache(service, { size: 0, ttlMs: 60_000, generation: () => 0 });
    await cached.search('IBO');
    await cached.search('IBO');
    expect(calls).toHaveLength(2);
  });
});
