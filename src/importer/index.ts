// Imports a published document (PDF or extracted text) as a corpus Markdown file.
import { cleanText } from './clean-text.js';
import { detectStructure } from './detect-structure.js';
import { ImportError } from './import-error.js';
import {
  documentMetaSchema,
  findDate,
  findPublisher,
  findTitle,
  guessKind,
  guessShortName,
  idFromFileName,
  metaOverridesSchema,
  type DocumentMeta,
  type MetaOverrides,
} from './metadata.js';
import { extractPdfPages } from './pdf-text.js';
import { splitTextPages } from './source-lines.js';
import { toMarkdown } from './to-markdown.js';

export { ImportError, type ImportErrorCode } from './import-error.js';
export { extractPdfPages } from './pdf-text.js';
export { cleanText, type CleanedText, type Footnote, type BodyLine } from './clean-text.js';
export { detectStructure, type Block, type DocumentStructure } from './detect-structure.js';
export { toMarkdown } from './to-markdown.js';
export { DOCUMENT_KINDS, type DocumentKind, type DocumentMeta, type MetaOverrides } from './metadata.js';

export interface ImportInput {
  /** Text extracted from the document (pages may be separated by form feeds). */
  text?: string;
  /** The PDF itself; used when given, even if `text` is given too. */
  pdf?: Uint8Array;
  /** The source file's name: it gives the default id and tells the kind of input. */
  fileName: string;
  /** Values that override what is read from the document. */
  meta?: MetaOverrides;
}

export interface ImportResult {
  markdown: string;
  meta: DocumentMeta;
  /** Everything the importer had to guess or leave out, for the person who reviews the file. */
  warnings: string[];
}

const TEXT_EXTENSIONS = /\.(?:txt|text|md)$/i;

async function readPages(input: ImportInput): Promise<string[]> {
  if (input.pdf) return extractPdfPages(input.pdf);
  if (input.text === undefined) {
    const kind = /\.pdf$/i.test(input.fileName) ? 'PDF bytes' : 'text';
    throw new ImportError('UNSUPPORTED_TYPE', `${input.fileName}: no ${kind} given to import.`);
  }
  if (!TEXT_EXTENSIONS.test(input.fileName) && /\.[a-z0-9]+$/i.test(input.fileName) && !/\.pdf$/i.test(input.fileName)) {
    throw new ImportError('UNSUPPORTED_TYPE', `${input.fileName}: only PDF and plain text can be imported.`);
  }
  if (input.text.trim() === '') throw new ImportError('EMPTY_DOCUMENT', `${input.fileName} contains no text.`);
  return splitTextPages(input.text);
}

/** The part of the document where a title page or letter would carry the publication date. */
function firstPart(pages: string[]): string {
  if (pages.length > 1) return pages[0] ?? '';
  const lines = (pages[0] ?? '').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, 40).join('\n');
}

export async function importDocument(input: ImportInput): Promise<ImportResult> {
  const overrides = metaOverridesSchema.parse(input.meta ?? {});
  const pages = await readPages(input);
  const cleaned = cleanText(pages);
  const warnings = [...cleaned.warnings];

  const detectedTitle = findTitle((pages[0] ?? '').split('\n'));
  let lines = cleaned.lines;
  // The title is front matter; it only stays in the body when it is not the first line there.
  if (detectedTitle && lines[0]?.text.replace(/\s+/g, ' ') === detectedTitle) lines = lines.slice(1);

  const structure = detectStructure(lines, overrides.itemLabel ? { itemLabel: overrides.itemLabel } : {});
  if (structure.blocks.length === 0) {
    throw new ImportError('EMPTY_DOCUMENT', `${input.fileName} has no text besides its title and page furniture.`);
  }
  warnings.push(...structure.warnings);
  if (!structure.blocks.some((block) => block.kind === 'item')) warnings.push('No numbered items were found.');

  const wholeText = pages.join('\n');
  const title = overrides.title ?? detectedTitle;
  if (!title) warnings.push('No title found; the file name is used.');
  const dateGuess = findDate(firstPart(pages), wholeText);
  const date = overrides.date ?? dateGuess.date;
  if (!overrides.date) {
    if (!dateGuess.date) warnings.push('No publication date found.');
    else if (dateGuess.guessed) warnings.push(`Publication date unknown; ${dateGuess.date} is the year of the latest date cited.`);
  }
  const publisher = overrides.publisher ?? findPublisher(wholeText);
  if (!publisher) warnings.push('No publisher found.');
  const itemLabel = overrides.itemLabel ?? structure.itemLabel;
  const finalTitle = title ?? input.fileName;

  const meta = documentMetaSchema.parse({
    id: overrides.id ?? idFromFileName(input.fileName),
    title: finalTitle,
    short: overrides.short ?? guessShortName(finalTitle),
    publisher,
    date,
    kind: overrides.kind ?? guessKind(itemLabel, finalTitle),
    source: overrides.source,
    itemLabel,
  });
  return { markdown: toMarkdown(meta, structure.blocks, cleaned.notes), meta, warnings };
}
