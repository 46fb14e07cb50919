// Checks that importing the raw text of the action list reproduces the hand-curated corpus file, action by action.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCorpusFile } from '../../src/corpus/parse.js';
import type { ParsedDocument } from '../../src/corpus/schema.js';
import { importDocument, type ImportResult } from '../../src/importer/index.js';

// shared/ lies beside the repository, both on a developer's machine and in CI.
const sourcePath = fileURLToPath(
  new URL('../../../shared/corpus-source/actielijst-migratieachtergrond.txt', import.meta.url),
);
const curatedPath = fileURLToPath(new URL('../../corpus/actielijst-migratieachtergrond.md', import.meta.url));
// Locally a checkout without shared/ beside it skips this file (and vitest says so); in CI the source must
// be there, so a missing file fails instead of passing silently.
const available = existsSync(sourcePath) && existsSync(curatedPath);
if (!available && process.env.CI) throw new Error(`the importer test needs ${sourcePath.toString()} in CI`);

function parse(markdown: string, file: string): ParsedDocument {
  const parsed = parseCorpusFile(markdown, file);
  if (parsed.type !== 'document') throw new Error(`${file} is not a document`);
  return parsed.document;
}

/** Whitespace aside; the parser already drops note markers and tag comments. */
function normalise(text: string): string {
  return text.replace(/\[\^\d+\]/g, '').replace(/\s+/g, ' ').trim();
}

describe.skipIf(!available)('importing the action list text', () => {
  let result: ImportResult;
  let imported: ParsedDocument;
  let curated: ParsedDocument;

  beforeAll(async () => {
    result = await importDocument({
      text: readFileSync(sourcePath, 'utf8'),
      fileName: 'actielijst-migratieachtergrond.txt',
    });
    imported = parse(result.markdown, 'imported');
    curated = parse(readFileSync(curatedPath, 'utf8'), curatedPath);
  });

  it('reads the front matter from the document', () => {
    expect(result.meta).toMatchObject({
      id: curated.meta.id,
      title: curated.meta.title,
      kind: 'action-list',
      itemLabel: 'Actie',
    });
    expect(result.meta.publisher).toBe(curated.meta.publisher);
  });

  it('finds the same 60 actions in the same order', () => {
    expect(imported.items.map((item) => item.number)).toEqual(curated.items.map((item) => item.number));
    expect(imported.items).toHaveLength(60);
  });

  it('finds the same numbered sections', () => {
    const numbers = (document: ParsedDocument) =>
      document.sections.flatMap((section) => (section.number ? [section.number] : []));
    expect(numbers(imported)).toEqual(numbers(curated));
    expect(numbers(imported)).toEqual(
      expect.arrayContaining(['3.1', '3.2', '3.3', '3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.4', '3.5', '3.6']),
    );
  });

  it.each(Array.from({ length: 60 }, (_, index) => index + 1))('reproduces action %i', (number) => {
    const expected = curated.items.find((item) => item.number === number);
    const actual = imported.items.find((item) => item.number === number);
    expect(actual, `action ${number} is missing`).toBeDefined();
    expect(actual?.section.number).toBe(expected?.section.number);
    expect(actual?.heading).toBe(expected?.heading);
    expect(normalise(actual?.text ?? '')).toBe(normalise(expected?.text ?? ''));
    expect(actual?.notes).toEqual(expected?.notes);
  });

  it('keeps the notes, their numbers and their links', () => {
    const notes = (document: ParsedDocument) =>
      document.notes.map((note) => ({ number: note.number, text: normalise(note.text) }));
    expect(notes(imported)).toEqual(notes(curated));
  });

  it('gives every action group its context', () => {
    const groupsWithContext = (document: ParsedDocument) =>
      new Set(document.blocks.filter((block) => block.kind === 'context').map((block) => block.items.join(',')));
    for (const group of groupsWithContext(curated)) expect(groupsWithContext(imported)).toContain(group);
  });
});
