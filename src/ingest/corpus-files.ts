// Reads the corpus directory: every Markdown file with front matter is a document or a glossary.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseCorpusFile } from '../corpus/parse.js';
import type { Glossary, ParsedDocument } from '../corpus/schema.js';

/** Bumped when parsing or passage building changes, so unchanged files are still re-ingested. */
export const PARSER_VERSION = '3';

export interface CorpusDocument {
  file: string;
  markdown: string;
  document: ParsedDocument;
  contentHash: string;
}

export interface CorpusFiles {
  documents: CorpusDocument[];
  glossaries: Glossary[];
}

export async function readCorpus(corpusDir: string): Promise<CorpusFiles> {
  const names = (await fs.readdir(corpusDir)).filter((name) => name.endsWith('.md')).sort();
  const documents: CorpusDocument[] = [];
  const glossaries: Glossary[] = [];
  for (const name of names) {
    const file = path.join(corpusDir, name);
    const markdown = await fs.readFile(file, 'utf8');
    const parsed = parseCorpusFile(markdown, name);
    if (parsed.type === 'glossary') glossaries.push(parsed.glossary);
    else documents.push({ file: name, markdown, document: parsed.document, contentHash: contentHash(markdown) });
  }
  const ids = documents.map((entry) => entry.document.meta.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`corpus: document-id "${duplicate}" komt in meer dan één bestand voor`);
  return { documents, glossaries };
}

export function contentHash(markdown: string): string {
  return createHash('sha256').update(PARSER_VERSION).update('\0').update(markdown).digest('hex');
}
