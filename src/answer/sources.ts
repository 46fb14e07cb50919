// Which document a passage comes from: its version, and the label an answer cites it by when it is not the action list.
import type { StoredPassage } from '../repositories/passages-repository.js';

export interface SourceDocument {
  id: string;
  title: string;
  shortTitle: string | null;
  published: string | null;
  kind: string;
  version: number;
}

export interface SourceDirectory {
  /** The document's version now; stored with each citation so old answers say which version they quoted. */
  version(documentId: string): number;
  /** "Advies vluchtelingen (2016), aanbeveling 3" for a passage of another document; null for the action list. */
  labelOf(passage: StoredPassage): string | null;
}

/** "Advies vluchtelingen (2016)": the short name (or title) and year, as item labels start (see corpus/passages.ts). */
export function documentName(document: Pick<SourceDocument, 'title' | 'shortTitle' | 'published'>): string {
  const year = document.published?.slice(0, 4);
  return `${document.shortTitle ?? document.title}${year ? ` (${year})` : ''}`;
}

export function createSourceDirectory(documents: SourceDocument[]): SourceDirectory {
  const byId = new Map(documents.map((document) => [document.id, document]));
  return {
    version: (documentId) => byId.get(documentId)?.version ?? 1,
    labelOf(passage) {
      const document = byId.get(passage.documentId);
      // Without a record of the document, the passage's own fields are the only evidence of where it is from.
      if (!document) return passage.kind === 'action' && passage.action === null ? passage.label : null;
      if (document.kind === 'action-list') return null;
      const name = documentName(document);
      if (passage.kind === 'action') return passage.label ?? name;
      if (passage.kind === 'note' && passage.number !== null) return `${name}, voetnoot ${passage.number}`;
      return name;
    },
  };
}

/** The answer text without other documents' labels, so "[Actieplan X (2020), actie 3]" is not read as citing Actie 3. */
export function withoutLabels(answer: string, labels: Iterable<string>): string {
  let text = answer;
  for (const label of labels) text = text.split(`[${label}]`).join('[]');
  return text;
}
