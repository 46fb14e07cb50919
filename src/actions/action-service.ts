// Reads actions of the action list for browsing: the list (filterable) and one action with its context and notes.
import type { Queryable } from '../db/database.js';
import { listDocuments } from '../repositories/documents-repository.js';
import { getDocumentPassages, listActions, type ActionFilter, type StoredPassage } from '../repositories/passages-repository.js';

export interface ActionSummary {
  number: number;
  section: { number: string | null; title: string };
  heading: string | null;
  text: string;
  actors: string[];
  themes: string[];
}

export interface ActionDetail extends ActionSummary {
  document: string;
  context: { id: string; heading: string | null; text: string }[];
  /** `documents`: corpus documents the note names by title (an advice it refers to). */
  notes: { number: number; text: string; urls: string[]; documents: { id: string; title: string }[] }[];
  related: number[];
  previous: number | null;
  next: number | null;
}

const URL = /(?:https?:\/\/|www\.)[^\s)>\]]+/g;
/** Shorter titles ("Idem", "Advies") would match notes that do not refer to the document. */
const MIN_LINKED_TITLE = 12;

/** Case, dashes and spacing differ between a note's citation and a document's title. */
const foldTitle = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();

/** The documents (other than the action list) whose title a note names. */
export function documentsNamedIn(note: string, documents: { id: string; title: string }[]): { id: string; title: string }[] {
  const folded = foldTitle(note);
  return documents.filter((document) => {
    const title = foldTitle(document.title);
    return title.length >= MIN_LINKED_TITLE && folded.includes(title);
  });
}

export const toSummary = (passage: StoredPassage): ActionSummary => ({
  number: passage.action ?? 0,
  section: passage.section,
  heading: passage.heading,
  text: passage.text,
  actors: passage.actors,
  themes: passage.themes,
});

export async function listActionSummaries(db: Queryable, filter: ActionFilter = {}): Promise<ActionSummary[]> {
  return (await listActions(db, filter)).map(toSummary);
}

export async function getActionDetail(db: Queryable, actionListId: string, number: number): Promise<ActionDetail | null> {
  const passages = await getDocumentPassages(db, actionListId);
  const actions = passages.filter((passage) => passage.kind === 'action' && passage.action !== null);
  const action = actions.find((passage) => passage.action === number);
  if (!action) return null;
  const sameGroup = (passage: StoredPassage) =>
    passage.section.number === action.section.number && passage.heading === action.heading;
  const index = actions.indexOf(action);
  const notes = passages.filter((passage) => passage.kind === 'note' && passage.number !== null && action.notes.includes(passage.number));
  const linkable = notes.length
    ? (await listDocuments(db)).filter((document) => document.id !== actionListId).map(({ id, title }) => ({ id, title }))
    : [];
  return {
    ...toSummary(action),
    document: action.documentId,
    context: passages
      .filter((passage) => passage.kind === 'context' && passage.actions.includes(number))
      .map((passage) => ({ id: passage.id, heading: passage.heading, text: passage.text })),
    notes: notes.map((passage) => ({
      number: passage.number as number,
      text: passage.text,
      urls: passage.text.match(URL) ?? [],
      documents: documentsNamedIn(passage.text, linkable),
    })),
    related: actions.filter((passage) => passage !== action && sameGroup(passage)).map((passage) => passage.action as number),
    previous: actions[index - 1]?.action ?? null,
    next: actions[index + 1]?.action ?? null,
  };
}
