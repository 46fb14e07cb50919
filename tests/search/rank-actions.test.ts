// How search hits become a ranking of actions: own passages, context and notes, and documents that elaborate actions.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { GlossaryExpander } from '../../src/corpus/glossary.js';
import type { Embedder } from '../../src/embeddings/embedder.js';
import { createSearchService } from '../../src/search/search-service.js';
import { searchHit, storedPassage } from '../helpers/stored-passage.js';

const LIST = 'actielijst';
const LEGAL = 'positieve-actie-kader';


// rankActions needs none of the query-time dependencies.
function service(related: ReadonlyMap<string, number[]>) {
  return createSearchService({
    db: {} as Database,
    glossary: {} as GlossaryExpander,
    embedder: () => ({}) as Embedder,
    actionListId: () => LIST,
    relatedActions: () => related,
  });
}

const action = (n: number) => storedPassage(`${LIST}:actie-${n}`, { action: n, actions: [n] });
const legalPoint = (n: number) => storedPassage(`${LEGAL}:item-${n}`, { documentId: LEGAL, number: n, label: `Punt ${n}` });

describe('rankActions', () => {
  it('credits the actions a related document elaborates when one of its points is the best evidence', () => {
    const hits = [searchHit(legalPoint(7), 0.99), searchHit(action(40), 0.8), searchHit(action(44), 0.5)];
    const ranked = service(new Map([[LEGAL, [44, 45]]])).rankActions(hits).map((entry) => entry.action);
    expect(ranked.slice(0, 2)).toEqual([44, 45]);
    expect(ranked[2]).toBe(40);
  });

  it("gives a related document's passage less weight than the action's own passage", () => {
    const hits = [searchHit(legalPoint(7), 0.9), searchHit(action(40), 0.9)];
    const ranked = service(new Map([[LEGAL, [44]]])).rankActions(hits);
    expect(ranked.map((entry) => entry.action)).toEqual([40, 44]);
  });

  it('ignores passages of documents that name no actions', () => {
    const hits = [searchHit(legalPoint(7), 0.99), searchHit(action(40), 0.5)];
    expect(service(new Map()).rankActions(hits).map((entry) => entry.action)).toEqual([40]);
  });

  it('lets a context passage lift its group, and the own passage decide within it', () => {
    const context = storedPassage(`${LIST}:context-1`, { kind: 'context', actions: [1, 2, 3] });
    const hits = [searchHit(context, 0.9), searchHit(action(2), 0.6)];
    expect(service(new Map()).rankActions(hits).map((entry) => entry.action)).toEqual([2, 1, 3]);
  });
});
