// Extracts a PDF's text page by page, rebuilding lines from the positions of the text items.
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import { ImportError } from './import-error.js';

/** Printed in place of the rule that separates footnotes from the body (PDFs draw it as a graphic). */
export const FOOTNOTE_SEPARATOR = '____________________';

interface TextLine {
  y: number;
  items: StructuredTextItem[];
  text: string;
  fontSize: number;
}

export async function extractPdfPages(data: Uint8Array): Promise<string[]> {
  let itemsPerPage: StructuredTextItem[][];
  try {
    // pdf.js may take ownership of the buffer it is given; the caller keeps theirs.
    const proxy = await getDocumentProxy(data.slice(), { verbosity: 0 });
    try {
      itemsPerPage = (await extractTextItems(proxy)).items;
    } finally {
      await proxy.destroy();
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new ImportError('UNSUPPORTED_TYPE', 'The PDF is password protected.', { cause: error });
    }
    throw new ImportError('CORRUPT_PDF', `The PDF cannot be read: ${describe(error)}`, { cause: error });
  }

  const linesPerPage = itemsPerPage.map(buildLines);
  const bodySize = dominantFontSize(linesPerPage.flat());
  const pages = linesPerPage.map((lines) => renderPage(lines, bodySize));
  if (pages.every((page) => page.trim() === '')) {
    throw new ImportError('EMPTY_DOCUMENT', 'The PDF contains no extractable text (a scan without OCR?).');
  }
  return pages;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Groups text items into lines: items whose baselines lie close together belong to one line. */
function buildLines(items: StructuredTextItem[]): TextLine[] {
  const visible = items.filter((item) => item.str.trim() !== '');
  const byPosition = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const item of byPosition) {
    // Half a font size keeps superscript note markers on the line they belong to.
    const line = lines.find(
      (candidate) => Math.abs(candidate.y - item.y) <= 0.5 * Math.max(candidate.fontSize, item.fontSize),
    );
    if (line) {
      line.items.push(item);
      if (item.fontSize > line.fontSize) {
        line.fontSize = item.fontSize;
        line.y = item.y;
      }
    } else {
      lines.push({ y: item.y, items: [item], text: '', fontSize: item.fontSize });
    }
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = joinItems(line.items);
    line.fontSize = dominantItemSize(line.items);
  }
  return lines.sort((a, b) => b.y - a.y);
}

function joinItems(items: StructuredTextItem[]): string {
  let text = '';
  let previous: StructuredTextItem | undefined;
  for (const item of items) {
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      const needsSpace = gap > 0.2 * Math.min(previous.fontSize, item.fontSize);
      if (needsSpace && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    }
    text += item.str;
    previous = item;
  }
  return text.replace(/\s+$/, '');
}

function dominantItemSize(items: StructuredTextItem[]): number {
  const weights = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.fontSize * 10) / 10;
    weights.set(size, (weights.get(size) ?? 0) + item.str.length);
  }
  return heaviest(weights) ?? 0;
}

function dominantFontSize(lines: TextLine[]): number {
  const weights = new Map<number, number>();
  for (const line of lines) weights.set(line.fontSize, (weights.get(line.fontSize) ?? 0) + line.text.length);
  return heaviest(weights) ?? 0;
}

function heaviest(weights: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestWeight = -1;
  for (const [key, weight] of weights) {
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Writes a page's lines, with a blank line where the vertical gap shows a paragraph break, and a separator
 * before the footnotes: they are recognisable by their smaller type at the foot of the page, whereas the rule
 * above them is a drawing that has no text.
 */
function renderPage(lines: TextLine[], bodySize: number): string {
  const footnoteStart = findFootnoteStart(lines, bodySize);
  const out: string[] = [];
  lines.forEach((line, index) => {
    const above = lines[index - 1];
    if (index === footnoteStart) out.push(FOOTNOTE_SEPARATOR);
    else if (above && above.y - line.y > 1.75 * Math.max(line.fontSize, above.fontSize)) out.push('');
    out.push(line.text);
  });
  return out.join('\n');
}

function findFootnoteStart(lines: TextLine[], bodySize: number): number {
  let start = lines.length;
  while (start > 0 && (lines[start - 1]?.fontSize ?? bodySize) < 0.9 * bodySize) start -= 1;
  for (let index = start; index < lines.length; index += 1) {
    if (/^\d{1,3}\s*\S/.test(lines[index]?.text ?? '') && !/^\d{1,4}$/.test(lines[index]?.text.trim() ?? '')) {
      return index;
    }
  }
  return -1;
}
