// Imports PDFs built in the test: page furniture, hyphenation, footnotes and numbered recommendations.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCorpusFile } from '../../src/corpus/parse.js';
import type { ParsedDocument } from '../../src/corpus/schema.js';
import { extractPdfPages, ImportError, importDocument, type ImportResult } from '../../src/importer/index.js';

const HEADER = 'Adviesraad Werk – Advies werk en inburgering';
const LEFT = 56;
const BODY_SIZE = 11;
const LEADING = 14;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws lines top-down; an empty string leaves a paragraph gap. */
function writeLines(page: PDFPage, fonts: Fonts, top: number, lines: string[]): number {
  let y = top;
  for (const line of lines) {
    if (line === '') {
      y -= LEADING;
      continue;
    }
    const heading = /^(?:\d+ |Aanbeveling \d+$)/.test(line);
    page.drawText(line, { x: LEFT, y, size: BODY_SIZE, font: heading ? fonts.bold : fonts.regular });
    y -= LEADING;
  }
  return y;
}

/** A word followed by a superscript note number, as word processors set it, then the rest of the line. */
function writeWithNoteMarker(page: PDFPage, fonts: Fonts, y: number, before: string, marker: string, after: string): void {
  page.drawText(before, { x: LEFT, y, size: BODY_SIZE, font: fonts.regular });
  const markerX = LEFT + fonts.regular.widthOfTextAtSize(before, BODY_SIZE);
  page.drawText(marker, { x: markerX, y: y + 4, size: 7, font: fonts.regular });
  page.drawText(after, { x: markerX + fonts.regular.widthOfTextAtSize(marker, 7), y, size: BODY_SIZE, font: fonts.regular });
}

function writeFurniture(page: PDFPage, fonts: Fonts, pageNumber: number, withHeader: boolean): void {
  if (withHeader) page.drawText(HEADER, { x: LEFT, y: 800, size: 9, font: fonts.regular });
  page.drawText(String(pageNumber), { x: 290, y: 30, size: 9, font: fonts.regular });
}

async function buildAdvicePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const fonts = { regular: await document.embedFont(StandardFonts.Helvetica), bold: await document.embedFont(StandardFonts.HelveticaBold) };

  const first = document.addPage([595, 842]);
  first.drawText('Advies over werk en inburgering', { x: LEFT, y: 780, size: 18, font: fonts.bold });
  writeLines(first, fonts, 750, [
    'Brussel, 12 maart 2024',
    '',
    '1 Inleiding',
    '',
    'De adviesraad volgt de arbeidsmarktpositie van personen met een migratie-achtergrond op de',
    'voet. Dit advies bundelt vier aanbevelingen voor een beter bereik van het bemiddelings-',
    'en activeringsbeleid.',
  ]);
  writeFurniture(first, fonts, 1, false);

  const second = document.addPage([595, 842]);
  writeFurniture(second, fonts, 2, true);
  let y = writeLines(second, fonts, 760, ['2 Aanbevelingen', '']);
  writeWithNoteMarker(second, fonts, y, 'De werkzaamheidsgraad', '1', ' van nieuwkomers blijft laag. Een snelle start verhoogt de');
  y -= LEADING;
  writeLines(second, fonts, y, [
    'arbeidsmarkt-',
    'participatie van personen met een migratie-',
    'achtergrond aanzienlijk.',
    '',
    'Aanbeveling 1',
    'Zorg voor een taalaanbod op de werkvloer.',
    '',
    'Aanbeveling 2',
    'Erken buitenlandse diploma’s sneller.',
  ]);
  second.drawLine({ start: { x: LEFT, y: 100 }, end: { x: 200, y: 100 }, thickness: 0.5, color: rgb(0, 0, 0) });
  second.drawText('1 Steunpunt Werk (2023). Werkzaamheidsgraad naar herkomst.', { x: LEFT, y: 86, size: 8, font: fonts.regular });
  second.drawText('https://www.steunpuntwerk.be/cijfers', { x: LEFT, y: 76, size: 8, font: fonts.regular });

  const third = document.addPage([595, 842]);
  writeFurniture(third, fonts, 3, true);
  writeLines(third, fonts, 760, [
    'Aanbeveling 3',
    'Betrek werkgevers bij de trajecten.',
    '',
    'Aanbeveling 4',
    'Evalueer het beleid na twee jaar.',
  ]);

  const fourth = document.addPage([595, 842]);
  writeFurniture(fourth, fonts, 4, true);
  writeLines(fourth, fonts, 760, ['3 Slot', '', 'De adviesraad blijft het beleid opvolgen.']);
  return document.save();
}

async function buildEmptyPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  return document.save();
}

/** Deterministic noise, so a failure can be reproduced. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state % 256;
  }
  return bytes;
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importing a PDF', () => {
  let pdf: Uint8Array;
  let result: ImportResult;
  let parsed: ParsedDocument;

  beforeAll(async () => {
    pdf = await buildAdvicePdf();
    result = await importDocument({ pdf, fileName: 'Advies werk & inburgering.pdf' });
    const file = parseCorpusFile(result.markdown, 'imported.md');
    if (file.type !== 'document') throw new Error('expected a document');
    parsed = file.document;
  });

  it('extracts one text per page with its lines', async () => {
    const pages = await extractPdfPages(pdf);
    expect(pages).toHaveLength(4);
    expect(pages[1]?.split('\n')).toContain('Aanbeveling 1');
    expect(pages[1]).toContain('De werkzaamheidsgraad1 van nieuwkomers');
  });

  it('leaves out the running header and the page numbers', () => {
    expect(result.markdown).not.toContain('Adviesraad Werk – Advies');
    expect(result.markdown.split('\n').filter((line) => /^\s*\d+\s*$/.test(line))).toEqual([]);
  });

  it('reads title, date and kind from the document', () => {
    expect(result.meta).toMatchObject({
      id: 'advies-werk-inburgering',
      title: 'Advies over werk en inburgering',
      date: '2024-03-12',
      kind: 'advice',
      itemLabel: 'Aanbeveling',
    });
  });

  it('joins words hyphenated across lines, but keeps real hyphens and suspended compounds', () => {
    expect(result.markdown).toContain('verhoogt de arbeidsmarktparticipatie van personen');
    expect(result.markdown).toContain('met een migratie-achtergrond aanzienlijk');
    expect(result.markdown).toContain('het bemiddelings- en activeringsbeleid');
  });

  it('keeps the footnote and links the glued marker to it', () => {
    expect(result.markdown).toContain('De werkzaamheidsgraad[^1] van nieuwkomers');
    expect(parsed.notes).toEqual([
      {
        number: 1,
        text: 'Steunpunt Werk (2023). Werkzaamheidsgraad naar herkomst. https://www.steunpuntwerk.be/cijfers',
        urls: ['https://www.steunpuntwerk.be/cijfers'],
      },
    ]);
  });

  it('detects the numbered recommendations with the paragraph before them as context', () => {
    expect(parsed.items.map((item) => [item.number, item.section.number, item.text])).toEqual([
      [1, '2', 'Zorg voor een taalaanbod op de werkvloer.'],
      [2, '2', 'Erken buitenlandse diploma’s sneller.'],
      [3, '2', 'Betrek werkgevers bij de trajecten.'],
      [4, '2', 'Evalueer het beleid na twee jaar.'],
    ]);
    const context = parsed.blocks.find((block) => block.kind === 'context' && block.section.number === '2');
    expect(context?.items).toEqual([1, 2, 3, 4]);
    expect(context?.text).toMatch(/^De werkzaamheidsgraad van nieuwkomers blijft laag\./);
    expect(context?.notes).toEqual([1]);
    expect(parsed.sections.map((section) => section.number)).toEqual(['1', '2', '3']);
  });

  it('rejects random bytes as a corrupt PDF', async () => {
    const error = await importError(importDocument({ pdf: randomBytes(4096, 7), fileName: 'kapot.pdf' }));
    expect(error.code).toBe('CORRUPT_PDF');
  });

  it('rejects a PDF without text as empty', async () => {
    const error = await importError(importDocument({ pdf: await buildEmptyPdf(), fileName: 'leeg.pdf' }));
    expect(error.code).toBe('EMPTY_DOCUMENT');
  });

  it('rejects input that is neither text nor PDF', async () => {
    const error = await importError(importDocument({ text: 'x', fileName: 'nota.docx' }));
    expect(error.code).toBe('UNSUPPORTED_TYPE');
  });
});
