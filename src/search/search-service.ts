// Hybrid search over the stored corpus: named actions first, then full-text and vector results fused in Postgres.
import type { Database } from '../db/database.js';
import type { GlossaryExpander } from '../corpus/glossary.js';
import type { Embedder } from '../embeddings/embedder.js';
import { getPassages } from '../repositories/passages-repository.js';
import { hybridSearch, type HybridHit } from '../repositories/search-repository.js';
import type { StoredPassage } from '../repositories/passages-repository.js';
import { namedActions } from './query-analysis.js';

export interface SearchHit {
  passage: StoredPassage;
  /** 0–1: 1 for a named action, else the fused rank score relative to being first in both rankers. */
  score: number;
  ftsRank: number | null;
  vectorRank: number | null;
  similarity: number | null;
  named: boolean;
}

export interface SearchOptions {
  k?: number;
  /** Actors whose actions get a modest boost (the user's role). */
  preferActors?: string[];
}

export interface SearchService {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Actions ranked by their best evidence: their own passage, or (discounted) a context or note of theirs. */
  rankActions(hits: SearchHit[]): { action: number; score: number }[];
}

export interface SearchDeps {
  db: Database;
  glossary: GlossaryExpander;
  /** The current embedder: it changes when the corpus is re-ingested. */
  embedder: () => Embedder;
  actionListId: () => string | null;
}

const BEST_POSSIBLE_RRF = 2 / 61;
const CANDIDATES = 60;
const ROLE_BOOST = 1.15;
const KIND_WEIGHT = { action: 1, context: 0.7, note: 0.35, intro: 0 } as const;

export function createSearchService(deps: SearchDeps): SearchService {
  return {
    async search(query, options = {}) {
      const k = options.k ?? 10;
      const named = namedActions(query);
      const listId = deps.actionListId();
      const namedPassages = listId ? await getPassages(deps.db.pool, named.map((n) => `${listId}:actie-${n}`)) : [];
      const expansions = deps.glossary.expand(query);
      const expanded = [query, ...expansions].join(' ');
      const embedder = deps.embedder();
      const vector = await embedder.embedQuery(expanded);
      const hits = await hybridSearch(deps.db.pool, {
        text: expanded,
        vector: vector.some((value) => value !== 0) ? vector : null,
        model: embedder.model,
        dimensions: embedder.dimensions,
        limit: Math.max(k, 20) + namedPassages.length,
        candidates: CANDIDATES,
      });
      const prefer = new Set(options.preferActors ?? []);
      const scored = hits
        .filter((hit) => !namedPassages.some((passage) => passage.id === hit.passage.id))
        .map((hit) => toSearchHit(hit, prefer.size > 0 && hit.passage.actors.some((actor) => prefer.has(actor)) ? ROLE_BOOST : 1))
        .sort((a, b) => b.score - a.score);
      const first = namedPassages.map((passage) => ({ passage, score: 1, ftsRank: null, vectorRank: null, similarity: null, named: true }));
      return [...first, ...scored].slice(0, Math.max(k, first.length));
    },
    rankActions(hits) {
      const best = new Map<number, number>();
      for (const hit of hits) {
        const weight = KIND_WEIGHT[hit.passage.kind];
        for (const action of hit.passage.actions) {
          const score = hit.score * weight;
          if (score > (best.get(action) ?? 0)) best.set(action, score);
        }
      }
      return [...best.entries()].map(([action, score]) => ({ action, score })).sort((a, b) => b.score - a.score || a.action - b.action);
    },
  };
}

function toSearchHit(hit: HybridHit, boost: number): SearchHit {
  return {
    passage: hit.passage,
    score: Math.min(1, (hit.rrf / BEST_POSSIBLE_RRF) * boost),
    ftsRank: hit.ftsRank,
    vectorRank: hit.vectorRank,
    similarity: hit.similarity,
    named: false,
  };
}
