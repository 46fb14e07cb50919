// Turns extracted page text into clean body lines plus footnotes: no page furniture, no broken words.
import { readFootnotes, type Footnote } from './footnotes.js';
import { decideHyphenJoin, leadingWord, Vocabulary } from './hyphenation.js';
import { linkFootnoteMarkers } from './note-markers.js';
import { findPageFurniture } from './page-furniture.js';
import {
  isBareUrl,
  LABELLED_ITEM,
  NUMBERED_HEADING,
  toSourceLines,
  type BodyLine,
  type SourceLine,
} from './source-lines.js';

export type { Footnote } from './footnotes.js';
export type { BodyLine } from './source-lines.js';

export interface CleanedText {
  lines: BodyLine[];
  notes: Footnote[];
  runningHeaders: string[];
  warnings: string[];
}

export function cleanText(pages: string[]): CleanedText {
  const source = toSourceLines(pages);
  const furniture = findPageFurniture(source);
  const textLines = source.filter((line) => !line.blank && !isBareUrl(line.text));
  // Some extractors end every text line with a space but print link targets without one.
  const trailingSpaceConvention =
    textLines.length > 0 && textLines.filter((line) => line.trailingSpace).length / textLines.length >= 0.5;
  const vocabulary = new Vocabulary(source.filter((line) => !line.blank).map((line) => line.text));
  const footnotes = readFootnotes(source, furniture.lines, vocabulary, trailingSpaceConvention);
  const warnings = [...footnotes.warnings];

  const removed = new Set([...furniture.lines, ...footnotes.zoneLines]);
  const reading = restoreStrayText(source, removed, footnotes.strays);
  const body = collectBodyLines(source, reading, removed, trailingSpaceConvention, warnings);
  const joined = joinHyphenatedLines(body, vocabulary);
  const markers = linkFootnoteMarkers(
    joined.map((line) => line.text),
    footnotes.notes,
  );
  warnings.push(...markers.warnings);
  const lines = joined.map((line, index) => ({ ...line, text: markers.lines[index] ?? line.text }));
  return { lines, notes: footnotes.notes, runningHeaders: furniture.runningHeaders, warnings };
}

/**
 * The order in which to read the source lines. Text that the extractor put among the notes (a figure's
 * content) goes back to where the page has a hole: the longest run of blank lines above the notes.
 */
function restoreStrayText(
  source: SourceLine[],
  removed: Set<number>,
  strays: { separator: number; lines: number[] }[],
): { order: number[]; moved: Set<number> } {
  const insertAfter = new Map<number, number[]>();
  const moved = new Set<number>();
  for (const stray of strays) {
    let best: { end: number; length: number } | undefined;
    let runLength = 0;
    for (let index = stray.separator - 1; index >= 0 && !removed.has(index); index -= 1) {
      if (source[index]?.blank) {
        runLength += 1;
        if (runLength >= 4 && (!best || runLength > best.length)) best = { end: index + runLength - 1, length: runLength };
      } else {
        runLength = 0;
      }
    }
    if (!best) continue;
    insertAfter.set(best.end, [...(insertAfter.get(best.end) ?? []), ...stray.lines]);
    for (const line of stray.lines) moved.add(line);
  }
  const order: number[] = [];
  source.forEach((_, index) => {
    if (!moved.has(index)) order.push(index);
    for (const line of insertAfter.get(index) ?? []) order.push(line);
  });
  return { order, moved };
}

function collectBodyLines(
  source: SourceLine[],
  reading: { order: number[]; moved: Set<number> },
  removed: Set<number>,
  trailingSpaceConvention: boolean,
  warnings: string[],
): BodyLine[] {
  const body: BodyLine[] = [];
  const wasMoved: boolean[] = [];
  let pageStart = true;
  let blankSeen = false;
  let previousPage = 0;
  for (const index of reading.order) {
    const line = source[index];
    if (!line) continue;
    if (line.page !== previousPage) {
      pageStart = true;
      previousPage = line.page;
    }
    if (removed.has(index)) {
      pageStart = true;
      blankSeen = false;
      continue;
    }
    if (line.blank) {
      blankSeen = true;
      continue;
    }
    if (trailingSpaceConvention && !line.trailingSpace && isBareUrl(line.text)) {
      // A link target printed after the page's text, outside any footnote zone: not part of the prose.
      warnings.push(`Link ${line.text} outside the footnotes was left out.`);
      pageStart = true;
      continue;
    }
    body.push({ text: line.text, indent: line.indent, pageStart, blankBefore: blankSeen });
    wasMoved.push(reading.moved.has(index));
    pageStart = false;
    blankSeen = false;
  }
  const result = ignoreDoubleSpacing(body);
  result.forEach((line, position) => {
    // Moved text is a block of its own, whatever the spacing around it.
    if (position > 0 && wasMoved[position] !== wasMoved[position - 1]) line.hardBreak = true;
  });
  return result;
}

/**
 * Where a page is set with a blank line after every line, blank lines say nothing about paragraphs. Pages
 * differ, so this is judged per stretch between page boundaries, over a few lines around each line.
 */
function ignoreDoubleSpacing(body: BodyLine[]): BodyLine[] {
  const result = body.map((line) => ({ ...line }));
  let segmentStart = 0;
  for (let index = 0; index <= body.length; index += 1) {
    if (index < body.length && !(body[index]?.pageStart && index > segmentStart)) continue;
    // Lines segmentStart+1 … index-1 form a stretch; its first line never follows a blank.
    for (let position = segmentStart + 1; position < index; position += 1) {
      const from = Math.max(segmentStart + 1, position - 5);
      const to = Math.min(index, position + 6);
      const window = body.slice(from, to);
      const blanks = window.filter((line) => line.blankBefore).length;
      const line = result[position];
      if (line && window.length >= 3 && blanks >= 0.75 * window.length) line.blankBefore = false;
    }
    segmentStart = index;
  }
  return result;
}

/**
 * Puts words broken at a line end back together. The second half moves up to the first line, so a note
 * number glued to it ("maatregelen.33") travels along and the line structure stays intact.
 */
function joinHyphenatedLines(lines: BodyLine[], vocabulary: Vocabulary): BodyLine[] {
  const result = lines.map((line) => ({ ...line }));
  for (let index = 0; index < result.length - 1; index += 1) {
    const line = result[index];
    const next = result[index + 1];
    if (!line || !next) continue;
    if (NUMBERED_HEADING.test(next.text) || LABELLED_ITEM.test(next.text)) continue;
    const firstToken = next.text.split(/\s+/)[0] ?? '';
    const rest = next.text.slice(firstToken.length).trimStart();
    if (/\s-$/.test(line.text) && /^\p{L}/u.test(firstToken)) {
      // "beleidsbeslissingen en -" + "evaluaties": the second part of a suspended compound.
      line.text += firstToken;
    } else if (/\p{N}-$/u.test(line.text) && /^\p{N}/u.test(firstToken)) {
      // A range broken after its dash: "2018-" + "2019".
      line.text += firstToken;
    } else if (/[\p{L}\p{N}]-$/u.test(line.text) && leadingWord(firstToken) !== '') {
      const left = line.text.split(/\s+/).pop() ?? '';
      const join = decideHyphenJoin(left.slice(0, -1), firstToken, vocabulary);
      if (join === 'suspended') continue;
      line.text = join === 'joined' ? line.text.slice(0, -1) + firstToken : line.text + firstToken;
    } else {
      continue;
    }
    next.text = rest;
  }
  return result.filter((line) => line.text !== '');
}
