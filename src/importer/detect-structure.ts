// Recognises headings, numbered items, bullets and paragraphs in cleaned body lines.
import { endsSentence, LABELLED_ITEM, NUMBERED_HEADING, type BodyLine } from './source-lines.js';

export type Block =
  | { kind: 'heading'; level: number; number?: string; title: string }
  | { kind: 'item'; level: number; label: string; number: number }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list-item'; text: string };

export interface DocumentStructure {
  blocks: Block[];
  /** What the numbered items are called ("Actie"), when the document has any. */
  itemLabel?: string;
  warnings: string[];
}

export interface StructureOptions {
  itemLabel?: string;
}

const BULLET_GLYPH = /^(?:[•▪◦●■□➢►✓]|[\uF0A7\uF0B7\uF076\uF0D8\uF0FC])\s*/u;
const DASH_BULLET = /^[-–—]\s+/;
const SALUTATION = /^(?:mijnheer|mevrouw|geachte|beste|dear)\b/i;
const CLOSING = /^(?:hoogachtend|met (?:vriendelijke|beleefde) groet(?:en)?|met de meeste hoogachting)\b/i;
const CAPTION = /^(?:figuur|tabel|grafiek|kader|figure|table)\s+\d+/i;
const DATELINE =
  /^(?:[\p{Lu}][\p{L}-]+,\s*)?\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}$/iu;
const NUMBERED_ITEM = /^(\d{1,3})[.)]\s+(\S.*)$/;

export function detectStructure(lines: BodyLine[], options: StructureOptions = {}): DocumentStructure {
  return new StructureReader(lines, options).read();
}

/** The width of a full line of text: shorter lines that end a sentence end a paragraph. */
function typicalWidth(lines: BodyLine[]): number {
  const lengths = lines.map((line) => visibleLength(line.text)).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

/** Length as printed: note markers stand for a small superscript number. */
function visibleLength(text: string): number {
  return text.replace(/\[\^(\d+)\]/g, '$1').length;
}

function parseNumber(number: string): number[] {
  return number.split('.').map(Number);
}

/** A heading number follows the previous one: the next sibling at some level, or a first child. */
function followsHeading(previous: number[] | undefined, next: number[]): boolean {
  if (!previous) return next.at(-1) === 1 || next.length === 1;
  if (next.length === previous.length + 1) {
    return next.at(-1) === 1 && previous.every((part, index) => next[index] === part);
  }
  if (next.length > previous.length) return false;
  const depth = next.length;
  for (let index = 0; index < depth - 1; index += 1) if (next[index] !== previous[index]) return false;
  return next[depth - 1] === (previous[depth - 1] ?? 0) + 1;
}

/** The label of the document's numbered items: a word that stands with increasing numbers on lines of its own. */
function detectItemLabel(lines: BodyLine[]): string | undefined {
  const numbersByLabel = new Map<string, number[]>();
  for (const line of lines) {
    const match = LABELLED_ITEM.exec(line.text);
    if (!match?.[1] || CAPTION.test(line.text)) continue;
    numbersByLabel.set(match[1], [...(numbersByLabel.get(match[1]) ?? []), Number(match[2])]);
  }
  let best: string | undefined;
  let bestCount = 1;
  for (const [label, numbers] of numbersByLabel) {
    const increasing = numbers.filter((number, index) => index === 0 || number > (numbers[index - 1] ?? 0)).length;
    if (increasing > bestCount) {
      best = label;
      bestCount = increasing;
    }
  }
  return best;
}

/** Whether the document numbers its items "1.", "2.", … at the start of a block instead of labelling them. */
function hasNumberedItems(lines: BodyLine[]): boolean {
  let expected = 1;
  lines.forEach((line, index) => {
    const match = NUMBERED_ITEM.exec(line.text);
    const previous = lines[index - 1];
    if (match && Number(match[1]) === expected && (!previous || endsSentence(previous.text) || line.blankBefore)) {
      expected += 1;
    }
  });
  return expected > 2;
}

class StructureReader {
  private readonly blocks: Block[] = [];
  private readonly warnings: string[] = [];
  private readonly width: number;
  private readonly itemLabel: string | undefined;
  private readonly numberedItems: boolean;
  private current: { kind: 'paragraph' | 'list-item'; parts: string[]; fromIndent?: boolean } | undefined;
  /** Inside an item, after a line ending in a colon: capitalised lines start the entries of an enumeration. */
  private colonList = false;
  private inItem = false;
  private lastHeadingNumber: number[] | undefined;
  private numberedLevel = 0;
  private innermostLevel = 0;
  private lastItem = 0;

  constructor(
    private readonly lines: BodyLine[],
    options: StructureOptions,
  ) {
    this.width = typicalWidth(lines);
    const detected = detectItemLabel(lines);
    this.numberedItems = detected === undefined && !options.itemLabel && hasNumberedItems(lines);
    this.itemLabel = options.itemLabel ?? detected ?? (this.numberedItems ? 'Aanbeveling' : undefined);
  }

  read(): DocumentStructure {
    for (let index = 0; index < this.lines.length; index += 1) {
      index = this.readLine(index);
    }
    this.flush();
    return { blocks: this.blocks, itemLabel: this.itemLabel, warnings: this.warnings };
  }

  /** Reads the line at `index` and returns the index of the last line it consumed. */
  private readLine(index: number): number {
    const line = this.lines[index];
    if (!line) return index;
    const previous = this.lines[index - 1];
    const next = this.lines[index + 1];
    const text = line.text;

    if (index === 0 && SALUTATION.test(text)) {
      // A letter opens the document; the corpus gives each introductory part a heading.
      const addressee = text.replace(SALUTATION, '').replace(/^\s*(?:heer|mevrouw)\b/i, '').trim();
      this.blocks.push({ kind: 'heading', level: 1, title: addressee ? `Brief aan ${addressee}` : 'Brief' });
      this.innermostLevel = 1;
    }

    if (this.blocks.length === 0 && !this.current && DATELINE.test(text)) {
      // "Brussel, 12 maart 2024" above the text: the date goes to the front matter.
      this.warnings.push(`Date line left out: ${text}`);
      return index;
    }

    const item = this.matchItem(line, previous);
    if (item) {
      this.flush();
      this.pushItem(item.number);
      this.inItem = true;
      this.colonList = false;
      if (item.rest) this.current = { kind: 'paragraph', parts: [item.rest] };
      return index;
    }

    const heading = this.matchNumberedHeading(text);
    if (heading) {
      this.flush();
      let title = heading.title;
      let consumed = index;
      if (next && /^\p{Ll}/u.test(next.text) && visibleLength(next.text) < 0.5 * this.width && !endsSentence(next.text)) {
        // A long heading wraps: "3.2 Systematische en doordachte monitoring en" + "onderzoek".
        title = `${title} ${next.text}`;
        consumed = index + 1;
      }
      const level = parseNumber(heading.number).length;
      this.blocks.push({ kind: 'heading', level, number: heading.number, title });
      this.lastHeadingNumber = parseNumber(heading.number);
      this.numberedLevel = level;
      this.innermostLevel = level;
      this.inItem = false;
      this.colonList = false;
      return consumed;
    }

    if (BULLET_GLYPH.test(text) || (DASH_BULLET.test(text) && this.blockEnded(previous, line))) {
      this.flush();
      this.current = { kind: 'list-item', parts: [text.replace(BULLET_GLYPH, '').replace(DASH_BULLET, '')] };
      return index;
    }

    if (this.isUnnumberedHeading(line, previous, next)) {
      this.flush();
      const level = Math.min(6, this.numberedLevel + 1);
      this.blocks.push({ kind: 'heading', level, title: text });
      this.innermostLevel = level;
      this.inItem = false;
      this.colonList = false;
      return index;
    }

    if (CAPTION.test(text) && this.blockEnded(previous, line)) {
      // The figure itself is an image; its caption alone would read as a stray sentence.
      this.flush();
      this.warnings.push(`Caption left out: ${text}`);
      return index;
    }

    if (this.colonList && /^\p{Lu}/u.test(text) && previous && /[:.;)…]$/.test(previous.text)) {
      this.flush();
      this.current = { kind: 'list-item', parts: [text] };
      return index;
    }

    if (this.isIndentBullet(line, previous)) {
      this.flush();
      this.current = { kind: 'list-item', parts: [text], fromIndent: true };
      return index;
    }

    if (this.current && !this.blockEnded(previous, line)) {
      this.current.parts.push(text);
    } else {
      this.flush();
      this.current = { kind: 'paragraph', parts: [text] };
    }
    if (this.inItem && text.endsWith(':')) this.colonList = true;
    return index;
  }

  private matchItem(line: BodyLine, previous: BodyLine | undefined): { number: number; rest?: string } | undefined {
    if (!this.itemLabel) return undefined;
    if (this.numberedItems) {
      const match = NUMBERED_ITEM.exec(line.text);
      const number = Number(match?.[1]);
      const opensBlock = !previous || !this.current || line.blankBefore || endsSentence(previous.text);
      if (match && number === this.lastItem + 1 && opensBlock) return { number, rest: match[2] };
      return undefined;
    }
    const escaped = this.itemLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // "Actie 4" inside running prose can wrap to a line start; a real item stands alone or has a separator.
    const match = new RegExp(`^${escaped}\\s+(\\d{1,3})(?:\\s*[.:]?\\s*$|\\s*[.:]\\s+(.+)$|\\s+[–-]\\s+(.+)$)`, 'u').exec(
      line.text,
    );
    if (!match) return undefined;
    const number = Number(match[1]);
    const rest = (match[2] ?? match[3] ?? '').trim();
    if (number <= this.lastItem) {
      this.warnings.push(`${this.itemLabel} ${number} follows ${this.itemLabel} ${this.lastItem}; read as text.`);
      return undefined;
    }
    if (number !== this.lastItem + 1) this.warnings.push(`${this.itemLabel} ${this.lastItem + 1}–${number - 1} not found.`);
    return rest === '' ? { number } : { number, rest };
  }

  private pushItem(number: number): void {
    const label = this.itemLabel ?? 'Item';
    this.blocks.push({ kind: 'item', level: Math.min(6, Math.max(this.innermostLevel, 1) + 1), label, number });
    this.lastItem = number;
  }

  private matchNumberedHeading(text: string): { number: string; title: string } | undefined {
    const match = NUMBERED_HEADING.exec(text);
    if (!match?.[1] || !match[2]) return undefined;
    const title = match[2].trim();
    const bareTitle = title.replace(/(?:\[\^\d+\])+$/, '');
    if (/[.,;:]$/.test(bareTitle) || bareTitle.length > 100 || visibleLength(text) > 0.9 * this.width) return undefined;
    if (!followsHeading(this.lastHeadingNumber, parseNumber(match[1]))) return undefined;
    return { number: match[1], title };
  }

  private isUnnumberedHeading(line: BodyLine, previous: BodyLine | undefined, next: BodyLine | undefined): boolean {
    const text = line.text;
    const words = text.split(/\s+/).length;
    if (words > 7 || text.length > 60 || visibleLength(text) > 0.7 * this.width) return false;
    if (!/^\p{Lu}/u.test(text) || /[.,;:!?…]$/.test(text) || /[:\d[\]]/.test(text)) return false;
    if (SALUTATION.test(text) || CLOSING.test(text) || CAPTION.test(text)) return false;
    if (!this.blockEnded(previous, line)) return false;
    if (!next) return false;
    return /^[\p{Lu}•\-–]/u.test(next.text) || BULLET_GLYPH.test(next.text) || next.indent > 0;
  }

  /**
   * Some extractors drop the bullet glyph but keep the space after it. A page's first line is indented too,
   * so there only a second space counts; and a lower-case line that continues an unfinished sentence is
   * the top of a new page, not a bullet.
   */
  private isIndentBullet(line: BodyLine, previous: BodyLine | undefined): boolean {
    if (line.indent === 0 || CLOSING.test(line.text) || SALUTATION.test(line.text)) return false;
    if (line.pageStart) return line.indent >= 2;
    if (/^\p{Ll}/u.test(line.text) && previous && !/[.:;,!?)]$/.test(previous.text)) return false;
    return true;
  }

  /** Whether the line starts a new block rather than continuing the paragraph or bullet before it. */
  private blockEnded(previous: BodyLine | undefined, line: BodyLine): boolean {
    if (!previous || !this.current || line.hardBreak) return true;
    const text = previous.text;
    const length = visibleLength(text);
    const finished = endsSentence(text);
    const capital = /^\p{Lu}/u.test(line.text);
    if (this.current.fromIndent) {
      // Where bullets are marked by indentation, the page's first line is indented once and continues the
      // bullet, and an unindented sentence after a finished bullet is a paragraph of its own.
      if (line.pageStart && line.indent === 1) return false;
      if (line.indent === 0 && finished && capital && length < 0.95 * this.width) return true;
    }
    if (finished && line.blankBefore) return true;
    if (finished && length < 0.85 * this.width) return true;
    if (line.pageStart && line.indent > 0 && finished && capital) return true;
    if (CLOSING.test(text) || SALUTATION.test(text)) return true;
    // Signatures and address lines: short lines followed by a capital.
    return length < 0.5 * this.width && capital && !/[,;]$/.test(text);
  }

  private flush(): void {
    if (!this.current) return;
    const text = this.current.parts.join(' ').replace(/\s+/g, ' ').trim();
    if (text !== '') this.blocks.push({ kind: this.current.kind, text });
    this.current = undefined;
  }
}
