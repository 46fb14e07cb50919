// Turns parsed documents into passages: the units that are embedded, stored, searched and cited.
import { createHash } from 'node:crypto';
import type { ParsedDocument, SectionRef } from './schema.js';
import { SENTENCE_BOUNDARY } from './sentences.js';
import { THEMES } from './tags.js';

export type PassageKind = 'action' | 'context' | 'intro' | 'note';

export interface Passage {
  id: string;
  documentId: string;
  ordinal: number;
  kind: PassageKind;
  /** The action-list number of an action passage; null elsewhere and in other documents. */
  action: number | null;
  /** Action-list numbers this passage belongs to (a context block carries its group's actions). */
  actions: number[];
  /** The document's own numbering of an item (documents other than the action list). */
  number: number | null;
  label: string | null;
  section: SectionRef;
  heading: string | null;
  text: string;
  /** Searched beside the text but not shown: the Dutch names of an action's themes, words users search a topic by. */
  keywords: string;
  notes: number[];
  actors: string[];
  themes: string[];
  refs: string[];
  contentHash: string;
}

/** Long introductions and contexts are split at paragraph boundaries so one passage stays focused. */
const MAX_BLOCK_CHARS = 1400;

export function toPassages(document: ParsedDocument): Passage[] {
  const { meta } = document;
  const isActionList = meta.kind === 'action-list';
  const passages: Passage[] = [];
  const push = (passage: Omit<Passage, 'ordinal' | 'contentHash'>) => {
    passages.push({ ...passage, ordinal: passages.length, contentHash: hashPassage(passage) });
  };

  const entries = [
    ...document.items.map((item) => ({ order: item.order, item, block: null })),
    ...document.blocks.map((block) => ({ order: block.order, item: null, block })),
  ].sort((a, b) => a.order - b.order);
  const counts = { context: 0, intro: 0 };
  for (const { item, block } of entries) {
    if (item) {
      push({
        id: `${meta.id}:${isActionList ? 'actie' : 'item'}-${item.number}`,
        documentId: meta.id,
        kind: 'action',
        action: isActionList ? item.number : null,
        actions: isActionList ? [item.number] : [],
        number: isActionList ? null : item.number,
        label: itemLabel(document, item.number),
        section: item.section,
        heading: item.heading,
        text: item.text,
        keywords: item.themes.map((theme) => THEMES[theme]).join(' · '),
        notes: item.notes,
        actors: item.actors,
        themes: item.themes,
        refs: item.refs,
      });
    } else if (block) {
      for (const text of splitBlock(block.text)) {
        counts[block.kind] += 1;
        push({
          id: `${meta.id}:${block.kind}-${counts[block.kind]}`,
          documentId: meta.id,
          kind: block.kind,
          action: null,
          actions: block.kind === 'context' && isActionList ? block.items : [],
          number: null,
          label: null,
          section: block.section,
          heading: block.heading,
          text,
          keywords: '',
          notes: block.notes,
          actors: [],
          themes: [],
          refs: [],
        });
      }
    }
  }

  for (const note of document.notes) {
    const citing = passages.filter((passage) => passage.notes.includes(note.number));
    const first = citing[0];
    push({
      id: `${meta.id}:noot-${note.number}`,
      documentId: meta.id,
      kind: 'note',
      action: null,
      actions: [...new Set(citing.flatMap((passage) => passage.actions))].sort((a, b) => a - b),
      number: note.number,
      label: `voetnoot ${note.number}`,
      section: first?.section ?? { number: null, title: meta.title },
      heading: first?.heading ?? null,
      text: note.text,
      keywords: '',
      notes: [],
      actors: [],
      themes: [],
      refs: [],
    });
  }
  return passages;
}

/** "Actie 19" in the action list; "Advies vluchtelingen (2016), aanbeveling 3" elsewhere. */
export function itemLabel(document: ParsedDocument, number: number): string {
  const { meta } = document;
  if (meta.kind === 'action-list') return `${meta.itemLabel} ${number}`;
  const name = meta.short ?? meta.title;
  const year = meta.date?.slice(0, 4);
  return `${name}${year ? ` (${year})` : ''}, ${meta.itemLabel.toLowerCase()} ${number}`;
}

export function splitBlock(text: string): string[] {
  if (text.length <= MAX_BLOCK_CHARS) return [text];
  // Paragraphs first; a paragraph that is still too long is cut between list items, then between sentences.
  const units = text.split('\n\n').flatMap((paragraph) => {
    if (paragraph.length <= MAX_BLOCK_CHARS) return [{ text: paragraph, joiner: '\n\n' }];
    const lines = paragraph.split('\n');
    const pieces = lines.length > 1 ? lines : paragraph.split(SENTENCE_BOUNDARY);
    return pieces.map((piece, index) => ({ text: piece, joiner: index === 0 ? '\n\n' : lines.length > 1 ? '\n' : ' ' }));
  });
  const chunks: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current && current.length + unit.text.length + 2 > MAX_BLOCK_CHARS) {
      chunks.push(current);
      current = unit.text;
    } else {
      current = current ? `${current}${unit.joiner}${unit.text}` : unit.text;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function hashPassage(passage: Omit<Passage, 'ordinal' | 'contentHash'>): string {
  return createHash('sha256').update(JSON.stringify(passage)).digest('hex').slice(0, 32);
}
