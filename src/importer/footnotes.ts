// Reads the footnotes at the foot of the pages and links the note numbers glued to words in the body to them.
import { decideHyphenJoin, type Vocabulary } from './hyphenation.js';
import { attachLinks, isBrokenUrl, type PageLinks } from './note-links.js';
import { isBareUrl, type SourceLine } from './source-lines.js';


export interface Footnote {
  number: number;
  text: string;
}

interface DraftNote {
  number: number;
  lines: string[];
}

const FOOTNOTE_START = /^(\d{1,3})(?:\s+|(?=[\p{Lu}(“‘"'[]))(\S.*)$/u;

/** Word processors print the separator as a run of underscores or as spaces with an underline. */
export function isFootnoteSeparator(line: SourceLine): boolean {
  return (line.blank && line.raw.length >= 10) || /^[_\-–—]{5,}$/.test(line.text);
}

export function footnoteStart(text: string, lastNumber: number): { number: number; rest: string } | undefined {
  const match = FOOTNOTE_START.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]);
  // Notes are numbered through the document; a line that merely starts with a number is continuation text.
  if (number <= lastNumber || number > lastNumber + 3) return undefined;
  return { number, rest: match[2] ?? '' };
}

export interface FootnoteReading {
  notes: Footnote[];
  zoneLines: Set<number>;
  /** Page text found among the notes, per zone: the index of the zone's separator and the lines. */
  strays: { separator: number; lines: number[] }[];
  warnings: string[];
}

/**
 * Reads every footnote zone: from a separator line to the end of the page. Pages are not always marked in
 * extracted text, so a zone also ends at page furniture or at an indented line that starts no note (the
 * extractor indents a page's first line).
 */
export function readFootnotes(
  lines: SourceLine[],
  furniture: Set<number>,
  vocabulary: Vocabulary,
  trailingSpaceConvention: boolean,
): FootnoteReading {
  const warnings: string[] = [];
  const drafts: DraftNote[] = [];
  const zoneLines = new Set<number>();
  const strays: { separator: number; lines: number[] }[] = [];
  const attachments: PageLinks[] = [];
  let lastNumber = 0;

  for (let index = 0; index < lines.length; index += 1) {
    const separator = lines[index];
    if (!separator || !isFootnoteSeparator(separator)) continue;
    const zone = zoneAfter(lines, index, furniture, lastNumber);
    const textLines = zone.filter((cursor) => !lines[cursor]?.blank);
    const firstLine = lines[textLines[0] ?? -1];
    if (!firstLine || !footnoteStart(firstLine.text, lastNumber)) continue;

    zoneLines.add(index);
    for (const cursor of zone) zoneLines.add(cursor);
    const annotations = trailingAnnotations(lines, textLines, trailingSpaceConvention);
    const zoneDrafts: DraftNote[] = [];
    let previousCursor = -1;
    let stray = false;
    for (const cursor of textLines) {
      const line = lines[cursor];
      if (!line || annotations.has(cursor)) continue;
      const start = footnoteStart(line.text, lastNumber);
      if (!start && (stray || startsStrayText(lines, previousCursor, cursor))) {
        // Text from the page (a figure, a text box) that the extractor put after the notes.
        stray = true;
        zoneLines.delete(cursor);
        if (strays.at(-1)?.separator !== index) strays.push({ separator: index, lines: [] });
        strays.at(-1)?.lines.push(cursor);
        continue;
      }
      previousCursor = cursor;
      stray = false;
      if (start) {
        if (start.number !== lastNumber + 1) warnings.push(`Footnote ${lastNumber + 1} not found before note ${start.number}.`);
        lastNumber = start.number;
        const draft: DraftNote = { number: start.number, lines: [start.rest] };
        zoneDrafts.push(draft);
        drafts.push(draft);
      } else {
        zoneDrafts.at(-1)?.lines.push(line.text);
      }
    }
    const urls = [...annotations].sort((a, b) => a - b).map((cursor) => lines[cursor]?.text ?? '');
    attachments.push({ notes: zoneDrafts.map((draft) => draft.number), urls });
    index = zone.at(-1) ?? index;
  }

  const knownUrls = attachments.flatMap((attachment) => attachment.urls);
  const notes = drafts.map((draft) => ({ number: draft.number, text: joinNoteLines(draft.lines, knownUrls, vocabulary) }));
  for (const url of attachLinks(attachments, notes)) {
    warnings.push(`Link ${url} could not be attached to a footnote and was left out.`);
  }
  return { notes, zoneLines, strays, warnings };
}

/**
 * A note written single-spaced ends with a sentence; a blank line and then more text that starts no note is
 * page text that the extractor placed after the notes.
 */
function startsStrayText(lines: SourceLine[], previousCursor: number, cursor: number): boolean {
  const previous = lines[previousCursor];
  if (!previous || !lines[cursor - 1]?.blank || lines[previousCursor - 1]?.blank) return false;
  return /[.!?]$/.test(previous.text) && !isBareUrl(lines[cursor]?.text ?? '');
}

/** The lines of the zone that starts below the separator at `separatorIndex`. */
function zoneAfter(lines: SourceLine[], separatorIndex: number, furniture: Set<number>, lastNumber: number): number[] {
  const separator = lines[separatorIndex];
  const zone: number[] = [];
  let zoneLast = lastNumber;
  for (let cursor = separatorIndex + 1; cursor < lines.length; cursor += 1) {
    const line = lines[cursor];
    if (!line || line.page !== separator?.page || furniture.has(cursor)) break;
    const start = line.blank ? undefined : footnoteStart(line.text, zoneLast);
    if (start) zoneLast = start.number;
    else if (!line.blank && line.indent > 0) break;
    zone.push(cursor);
  }
  return zone;
}

/**
 * The link targets some extractors print after a page's text: a run of bare URLs closing the zone. Only an
 * extractor that writes them leaves a trace of it: the same target twice (a link over two lines), or targets
 * without the trailing space it puts after text lines. Otherwise a URL on its own line is part of the note.
 */
function trailingAnnotations(lines: SourceLine[], textLines: number[], trailingSpaceConvention: boolean): Set<number> {
  const run: number[] = [];
  for (let position = textLines.length - 1; position >= 0; position -= 1) {
    const cursor = textLines[position] ?? -1;
    const line = lines[cursor];
    if (!line || !isBareUrl(line.text)) break;
    run.unshift(cursor);
  }
  const texts = run.map((cursor) => lines[cursor]?.text ?? '');
  const repeated = new Set(texts.filter((text, index) => texts.indexOf(text) !== index));
  const annotations = new Set<number>();
  for (const cursor of run) {
    const line = lines[cursor];
    if (!line) continue;
    if (trailingSpaceConvention ? !line.trailingSpace : repeated.has(line.text)) annotations.add(cursor);
  }
  return annotations;
}

function joinNoteLines(noteLines: string[], knownUrls: string[], vocabulary: Vocabulary): string {
  let text = '';
  for (const raw of noteLines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') {
      text = line;
      continue;
    }
    const lastToken = text.split(/\s+/).pop() ?? '';
    const firstToken = line.split(/\s+/)[0] ?? '';
    if (isBrokenUrl(lastToken, firstToken, line, knownUrls)) {
      text += line;
    } else if (/\p{L}-$/u.test(text)) {
      const join = decideHyphenJoin(lastToken.slice(0, -1), line, vocabulary);
      if (join === 'joined') text = `${text.slice(0, -1)}${line}`;
      else if (join === 'hyphenated') text += line;
      else text += ` ${line}`;
    } else {
      text += ` ${line}`;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
