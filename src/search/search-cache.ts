// Remembers recent search results: the corpus changes only through an ingest, so a repeated query needs no database work.
import type { SearchHit, SearchOptions, SearchService } from './search-service.js';

export interface SearchCacheOptions {
  /** Most entries kept; 0 turns the cache off. */
  size: number;
  /** Bounds staleness when another instance ingests into the same database (this one's generation does not move then). */
  ttlMs: number;
  /** Changes whenever this instance's corpus changes; entries of an older generation are never served. */
  generation: () => number;
  now?: () => number;
}

interface Entry {
  generation: number;
  expires: number;
  hits: Promise<SearchHit[]>;
}

export function withSearchCache(service: SearchService, options: SearchCacheOptions): SearchService {
  if (options.size <= 0) return service;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  return {
    ...service,
    search(query: string, searchOptions: SearchOptions = {}) {
      const key = cacheKey(query, searchOptions);
      const generation = options.generation();
      const cached = entries.get(key);
      entries.delete(key);
      if (cached && cached.generation === generation && cached.expires > now()) {
        entries.set(key, cached);
        return cached.hits.then((hits) => [...hits]);
      }
      // The promise itself is cached, so identical queries arriving together share one database round trip.
      const hits = service.search(query, searchOptions);
      const entry: Entry = { generation, expires: now() + options.ttlMs, hits };
      entries.set(key, entry);
      hits.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > options.size) entries.delete(entries.keys().next().value as string);
      return hits.then((result) => [...result]);
    },
  };
}

function cacheKey(query: string, options: SearchOptions): string {
  return JSON.stringify([query.trim(), options.k ?? null, [...(options.preferActors ?? [])].sort()]);
}
