// Hand-made passages and search hits for tests of code that works on retrieved passages without a database.
import type { StoredPassage } from '../../src/repositories/passages-repository.js';
import type { SearchHit } from '../../src/search/search-service.js';

/** An item-less passage of the action list with placeholder text; `fields` sets what a test is about. */
export function storedPassage(id: string, fields: Partial<StoredPassage> = {}): StoredPassage {
  return {
    id,
    documentId: 'actielijst',
    ordinal: 0,
    kind: 'action',
    action: null,
    actions: [],
    number: null,
    label: null,
    section: { number: null, title: 'Sectie' },
    heading: null,
    text: 'tekst',
    notes: [],
    actors: [],
    themes: [],
    refs: [],
    contentHash: id,
    ...fields,
  };
}

export const searchHit = (passage: StoredPassage, score = 0.5): SearchHit => ({ passage, score, ftsRank: null, vectorRank: null, similarity: null, named: false });
