// Adds and removes uploaded documents (advices beside the action list); shared by the HTTP API and the ingest CLI.
import { z } from 'zod';
import { CorpusParseError, parseDocument } from '../corpus/parse.js';
import { toPassages } from '../corpus/passages.js';
import type { DocumentMeta as CorpusMeta, ParsedDocument } from '../corpus/schema.js';
import type { Database } from '../db/database.js';
import { AppError, isAppError } from '../errors.js';
import { ImportError, importDocument, type DocumentMeta, type MetaOverrides } from '../importer/index.js';
import { renderFrontMatter } from '../importer/to-markdown.js';
import { contentHash, type CorpusDocument } from '../ingest/corpus-files.js';
import type { CorpusIndex } from '../ingest/corpus-index.js';
import type { IngestProgress } from '../ingest/ingest.js';
import { getDocument, type DocumentRow } from '../repositories/documents-repository.js';
import { detectFile } from './file-type.js';

export const UploadMetaSchema = z.object({
  id: z
    .string()
    .max(80, 'de id is te lang (max. 80 tekens)')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'de id mag alleen kleine letters, cijfers en koppeltekens bevatten (kebab-case)')
    .optional(),
  title: z.string().max(300, 'de titel is te lang (max. 300 tekens)').optional(),
  date: z.string().regex(/^\d{4}(?:-\d{2}-\d{2})?$/, 'de datum moet de vorm JJJJ of JJJJ-MM-DD hebben').optional(),
  publisher: z.string().max(200, 'de uitgever is te lang (max. 200 tekens)').optional(),
});
export type UploadMeta = z.infer<typeof UploadMetaSchema>;

export interface DocumentDeps {
  db: Database;
  corpus: CorpusIndex;
}

export interface PreparedDocument {
  entry: CorpusDocument;
  /** What the importer had to guess, for whoever added the document. */
  warnings: string[];
}

export interface AddedDocument {
  document: DocumentRow;
  status: 'added' | 'updated' | 'unchanged';
}

const ID_MAX = 80;

/** Reads title, date, publisher and id given beside a file; blank values count as not given. */
export function parseUploadMeta(raw: Record<string, string | undefined>): UploadMeta {
  const trimmed: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean) trimmed[key] = clean;
  }
  const parsed = UploadMetaSchema.safeParse(trimmed);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('BAD_REQUEST', `Ongeldige gegevens bij het bestand: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** A kebab-case id from a title: what an uploaded document is known by unless an id is given. */
export function idFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return 'document';
  if (slug.length <= ID_MAX) return slug;
  const cut = slug.slice(0, ID_MAX + 1);
  const lastBreak = cut.lastIndexOf('-');
  return (lastBreak > 20 ? cut.slice(0, lastBreak) : slug.slice(0, ID_MAX)).replace(/-+$/, '');
}

/**
 * Turns a PDF, text or corpus Markdown file into a corpus document, checked by the same parser as corpus/.
 * Nothing is stored: every reason to refuse the file is found before the database is touched.
 */
export async function prepareDocument(fileName: string, data: Uint8Array, meta: UploadMeta = {}): Promise<PreparedDocument> {
  const file = detectFile(fileName, data);
  if (file.type === 'corpus-markdown') {
    const own = parseOrReject(file.text, fileName).meta;
    if (own.kind === 'action-list') {
      throw new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" is als actielijst gemarkeerd (kind: action-list); er is maar één actielijst, opgeladen documenten zijn adviezen of juridische teksten.`);
    }
    const merged: DocumentMeta = {
      ...fromCorpusMeta(own),
      ...(meta.id ? { id: meta.id } : {}),
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.date ? { date: meta.date } : {}),
      ...(meta.publisher ? { publisher: meta.publisher } : {}),
    };
    return { entry: finish(fileName, merged, bodyOf(file.text)), warnings: [] };
  }

  const overrides: MetaOverrides = {
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
  };
  let imported: Awaited<ReturnType<typeof importDocument>>;
  try {
    imported = await importDocument({ fileName, ...(file.type === 'pdf' ? { pdf: file.data } : { text: file.text }), meta: overrides });
  } catch (error) {
    throw importFailure(error, fileName, file.type === 'pdf');
  }
  const guessed = imported.meta;
  const finalMeta: DocumentMeta = {
    ...guessed,
    id: meta.id ?? idFromTitle(guessed.title),
    // A list of numbered "Acties" in an upload is still not the action list: there is only one of those.
    kind: guessed.kind === 'action-list' ? 'advice' : guessed.kind,
  };
  // A bare document type ("Advies") would give every advice the same citation label; the title tells them apart.
  if (finalMeta.short && !finalMeta.short.includes(' ')) delete finalMeta.short;
  return { entry: finish(fileName, finalMeta, bodyOf(imported.markdown)), warnings: imported.warnings };
}

/** Stores a prepared document as an upload; its passages replace the previous version's in one transaction. */
export async function addDocument(
  deps: DocumentDeps,
  prepared: PreparedDocument,
  onProgress?: (progress: IngestProgress) => void,
): Promise<AddedDocument> {
  const id = prepared.entry.document.meta.id;
  const existing = await getDocument(deps.db.pool, id);
  if (existing?.origin === 'corpus') {
    throw new AppError('DOCUMENT_ID_TAKEN', `De id "${id}" hoort bij een document uit de vaste corpusmap. Geef het opgeladen document een andere id of titel.`);
  }
  const report = await deps.corpus.ingest({ documents: [prepared.entry], origin: 'upload', keepOthers: true }, onProgress);
  const document = await getDocument(deps.db.pool, id);
  if (!document) throw new Error(`document ${id} is missing right after its ingest`);
  const status = report.added.includes(id) ? 'added' : report.updated.includes(id) ? 'updated' : 'unchanged';
  return { document, status };
}

/** Removes an uploaded document with its passages; documents from corpus/ are managed through that folder only. */
export async function removeDocument(deps: DocumentDeps, id: string): Promise<void> {
  const existing = await getDocument(deps.db.pool, id);
  if (!existing) throw new AppError('DOCUMENT_NOT_FOUND', `Het document "${id}" bestaat niet.`);
  if (existing.origin === 'corpus') {
    throw new AppError('DOCUMENT_READ_ONLY', `"${existing.title}" komt uit de vaste corpusmap en kan niet via de API verwijderd worden; alleen opgeladen documenten kunnen dat.`);
  }
  await deps.corpus.ingest({ documents: [], origin: 'upload', keepOthers: true, remove: [id] });
}

function finish(fileName: string, meta: DocumentMeta, body: string): CorpusDocument {
  const markdown = `${renderFrontMatter(meta)}\n\n${body.trim()}\n`;
  const document = parseOrReject(markdown, fileName);
  if (toPassages(document).length === 0) {
    throw new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" bevat geen tekst om op te zoeken.`);
  }
  return { file: fileName, markdown, document, contentHash: contentHash(markdown) };
}

function parseOrReject(markdown: string, fileName: string): ParsedDocument {
  try {
    return parseDocument(markdown, fileName);
  } catch (error) {
    if (error instanceof CorpusParseError) {
      throw new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" kon niet als document gelezen worden: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** Everything after the front matter. */
function bodyOf(markdown: string): string {
  const lines = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  return end < 0 ? lines.join('\n') : lines.slice(end + 1).join('\n');
}

function fromCorpusMeta(meta: CorpusMeta): DocumentMeta {
  return {
    id: meta.id,
    title: meta.title,
    kind: meta.kind,
    itemLabel: meta.itemLabel,
    ...(meta.short ? { short: meta.short } : {}),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.source ? { source: meta.source } : {}),
  };
}

// The importer's messages are English and for developers; people get a Dutch reason.
function importFailure(error: unknown, fileName: string, isPdf: boolean): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ImportError) {
    if (error.code === 'EMPTY_DOCUMENT') {
      return new AppError(
        'UNPROCESSABLE_DOCUMENT',
        isPdf
          ? `"${fileName}" bevat geen leesbare tekst (misschien een scan zonder tekstherkenning).`
          : `"${fileName}" bevat geen tekst.`,
        { cause: error },
      );
    }
    if (error.code === 'CORRUPT_PDF') {
      return new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" is beschadigd of geen geldige PDF en kan niet gelezen worden.`, { cause: error });
    }
    // A PDF that reaches the importer and is still refused is locked with a password.
    if (isPdf) return new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" is met een wachtwoord beveiligd en kan niet gelezen worden.`, { cause: error });
    return new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is geen PDF en geen platte tekst.`, { cause: error });
  }
  // Whatever else goes wrong on the way from bytes to text is this file's doing, not the server's.
  return new AppError('UNPROCESSABLE_DOCUMENT', `"${fileName}" kon niet verwerkt worden.`, { cause: error });
}
