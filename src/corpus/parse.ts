// Parses a corpus Markdown file (front matter + headings + items + footnotes) into zod-checked records.
import {
  DocumentMetaSchema,
  GlossarySchema,
  ParsedDocumentSchema,
  type Glossary,
  type Item,
  type Note,
  type ParsedDocument,
  type SectionRef,
  type TextBlock,
} from './schema.js';

export class CorpusParseError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'CorpusParseError';
  }
}

export type CorpusFile =
  | { type: 'document'; document: ParsedDocument }
  | { type: 'glossary'; glossary: Glossary };

const NOTE_MARKER = /\[\^(\d+)\]/g;
const NOTE_DEFINITION = /^\[\^(\d+)\]:\s*(.*)$/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/;
const TAG_COMMENT = /^<!--\s*(.*?)\s*-->$/;
const URL = /https?:\/\/[^\s)>\]]+/g;

export function parseCorpusFile(source: string, file = '(corpus)'): CorpusFile {
  const { data, body, bodyLine } = splitFrontMatter(source, file);
  if (data.kind === 'glossary') return { type: 'glossary', glossary: parseGlossaryBody(data, body, file) };
  return { type: 'document', document: parseDocumentBody(data, body, bodyLine, file) };
}

export function parseDocument(source: string, file = '(corpus)'): ParsedDocument {
  const parsed = parseCorpusFile(source, file);
  if (parsed.type !== 'document') throw new CorpusParseError(file, 'verwacht een document, kreeg een glossarium');
  return parsed.document;
}

/** Text with footnote markers removed: what passages show and what search indexes. */
export function stripNoteMarkers(text: string): string {
  return text.replace(NOTE_MARKER, '');
}

/** Markers on a heading become a paragraph of their own; once stripped, that paragraph must go too. */
function passageText(markdown: string): string {
  return stripNoteMarkers(markdown)
    .split('\n\n')
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join('\n\n');
}

export function noteReferences(text: string): number[] {
  return unique([...text.matchAll(NOTE_MARKER)].map((match) => Number(match[1])));
}

function splitFrontMatter(source: string, file: string): { data: Record<string, string>; body: string[]; bodyLine: number } {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') throw new CorpusParseError(file, 'front matter ontbreekt (eerste regel moet --- zijn)', 1);
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) throw new CorpusParseError(file, 'front matter wordt niet afgesloten met ---', 1);
  const data: Record<string, string> = {};
  for (let index = 1; index < end; index += 1) {
    const line = lines[index] ?? '';
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) throw new CorpusParseError(file, `onleesbare front-matterregel: ${line}`, index + 1);
    // A trailing " # comment" is a YAML comment; URLs keep their fragments because they have no space before '#'.
    const value = (match[2] ?? '').replace(/\s+#\s.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
    data[match[1] as string] = value;
  }
  return { data, body: lines.slice(end + 1), bodyLine: end + 2 };
}

interface HeadingNode {
  id: number;
  level: number;
  title: string;
  number: string | null;
  parent: HeadingNode | null;
  /** Text runs directly under this heading, before any child heading or item. */
  texts: { lines: string[]; line: number }[];
  items: RawItem[];
  children: HeadingNode[];
}

interface RawItem {
  number: number;
  line: number;
  lines: string[];
  tags: Record<string, string[]>;
  node: HeadingNode;
}

function parseDocumentBody(data: Record<string, string>, body: string[], bodyLine: number, file: string): ParsedDocument {
  const meta = DocumentMetaSchema.safeParse(data);
  if (!meta.success) {
    throw new CorpusParseError(file, `front matter: ${meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const itemHeading = new RegExp(`^${escapeRegExp(meta.data.itemLabel)}\\s+(\\d+)\\s*$`, 'i');

  const root: HeadingNode = { id: 0, level: 0, title: meta.data.title, number: null, parent: null, texts: [], items: [], children: [] };
  const nodes: HeadingNode[] = [root];
  const notes = new Map<number, { lines: string[]; line: number }>();
  let current = root;
  let item: RawItem | null = null;
  let note: { lines: string[]; line: number } | null = null;
  let expectTags = false;

  body.forEach((raw, offset) => {
    const lineNo = bodyLine + offset;
    const line = raw.trimEnd();
    const definition = NOTE_DEFINITION.exec(line);
    if (definition) {
      const number = Number(definition[1]);
      if (notes.has(number)) throw new CorpusParseError(file, `voetnoot ${number} is dubbel gedefinieerd`, lineNo);
      note = { lines: [definition[2] ?? ''], line: lineNo };
      notes.set(number, note);
      return;
    }
    if (note) {
      if (/^\s{2,}\S/.test(raw)) {
        note.lines.push(line.trim());
        return;
      }
      if (!line.trim()) return;
      note = null;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      const title = (heading[2] as string).trim();
      const itemMatch = itemHeading.exec(title);
      if (itemMatch) {
        item = { number: Number(itemMatch[1]), line: lineNo, lines: [], tags: {}, node: current };
        current.items.push(item);
        expectTags = true;
        return;
      }
      item = null;
      while (current.parent && current.level >= level) current = current.parent;
      const numbered = NUMBERED_HEADING.exec(stripNoteMarkers(title));
      const headingNotes = noteReferences(title);
      const node: HeadingNode = {
        id: nodes.length,
        level,
        title: numbered ? (numbered[2] as string).trim() : stripNoteMarkers(title),
        number: numbered ? (numbered[1] as string) : null,
        parent: current,
        // Markers on a heading ("Positie op de arbeidsmarkt[^11]") are kept with the heading's first text.
        texts: headingNotes.length ? [{ lines: headingNotes.map((n) => `[^${n}]`), line: lineNo }] : [],
        items: [],
        children: [],
      };
      current.children.push(node);
      nodes.push(node);
      current = node;
      return;
    }
    const tag = TAG_COMMENT.exec(line.trim());
    if (tag) {
      if (item && expectTags) item.tags = parseTags(tag[1] ?? '');
      return;
    }
    if (line.trim()) expectTags = false;
    if (item) {
      item.lines.push(line);
      return;
    }
    const last = current.texts.at(-1);
    if (last && current.items.length === 0 && current.children.length === 0) last.lines.push(line);
    else if (line.trim()) current.texts.push({ lines: [line], line: lineNo });
  });

  const sections = nodes
    .filter((node) => node !== root)
    .map((node) => ({ number: node.number, title: node.title, level: node.level }));

  const items: Item[] = [];
  const blocks: TextBlock[] = [];
  const visit = (node: HeadingNode) => {
    const place = placeOf(node, meta.data.title);
    const subtreeItems = collectItems(node);
    for (const text of node.texts) {
      const markdown = toParagraphs(text.lines);
      if (!markdown) continue;
      const isContext = subtreeItems.length > 0;
      blocks.push({
        kind: isContext ? 'context' : 'intro',
        section: place.section,
        heading: place.heading,
        text: passageText(markdown),
        notes: noteReferences(markdown),
        items: isContext ? subtreeItems.map((raw) => raw.number) : [],
        group: isContext ? node.id : null,
        order: text.line,
      });
    }
    for (const raw of node.items) {
      const markdown = toParagraphs(raw.lines);
      if (!markdown) throw new CorpusParseError(file, `${meta.data.itemLabel} ${raw.number} heeft geen tekst`, raw.line);
      items.push({
        number: raw.number,
        section: place.section,
        heading: place.heading,
        text: passageText(markdown),
        notes: noteReferences(markdown),
        actors: (raw.tags.actors ?? []) as Item['actors'],
        themes: (raw.tags.themes ?? []) as Item['themes'],
        refs: raw.tags.refs ?? [],
        group: node.id,
        order: raw.line,
      });
    }
    node.children.forEach(visit);
  };
  visit(root);

  const seen = new Set<number>();
  for (const entry of items) {
    if (seen.has(entry.number)) throw new CorpusParseError(file, `${meta.data.itemLabel} ${entry.number} komt twee keer voor`);
    seen.add(entry.number);
  }

  const parsedNotes: Note[] = [...notes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, definition]) => {
      const text = definition.lines.join(' ').replace(/\s+/g, ' ').trim();
      if (!text) throw new CorpusParseError(file, `voetnoot ${number} is leeg`, definition.line);
      return { number, text, urls: unique(text.match(URL) ?? []) };
    });
  const defined = new Set(parsedNotes.map((entry) => entry.number));
  for (const reference of [...items, ...blocks].flatMap((entry) => entry.notes)) {
    if (!defined.has(reference)) throw new CorpusParseError(file, `voetnoot ${reference} wordt gebruikt maar niet gedefinieerd`);
  }

  const result = ParsedDocumentSchema.safeParse({ meta: meta.data, sections, items, blocks, notes: parsedNotes });
  if (!result.success) {
    throw new CorpusParseError(file, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}

function collectItems(node: HeadingNode): RawItem[] {
  return [...node.items, ...node.children.flatMap(collectItems)];
}

/** The numbered section a heading belongs to, and the unnumbered sub-heading beneath it, if any. */
function placeOf(node: HeadingNode, documentTitle: string): { section: SectionRef; heading: string | null } {
  const chain: HeadingNode[] = [];
  for (let cursor: HeadingNode | null = node; cursor && cursor.level > 0; cursor = cursor.parent) chain.unshift(cursor);
  const numbered = [...chain].reverse().find((entry) => entry.number !== null);
  if (numbered) {
    const below = chain.slice(chain.indexOf(numbered) + 1);
    return { section: { number: numbered.number, title: numbered.title }, heading: below.at(-1)?.title ?? null };
  }
  const top = chain[0];
  if (!top) return { section: { number: null, title: documentTitle }, heading: null };
  return { section: { number: null, title: top.title }, heading: chain.length > 1 ? (chain.at(-1)?.title ?? null) : null };
}

/** Joins wrapped lines into paragraphs; list items stay one per line. */
function toParagraphs(lines: string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join('\n'));
    current = [];
  };
  let inList = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      flush();
      inList = false;
      continue;
    }
    const listItem = /^([-*+]|\d+[.)])\s+/.test(line);
    if (listItem) {
      if (!inList) flush();
      inList = true;
      current.push(line.replace(/^[*+]\s+/, '- '));
    } else if (inList && /^\s{2,}/.test(raw) && current.length) {
      current[current.length - 1] += ` ${line}`;
    } else {
      if (inList) flush();
      inList = false;
      if (current.length) current[current.length - 1] += ` ${line}`;
      else current.push(line);
    }
  }
  flush();
  return paragraphs
    .map((paragraph) => paragraph.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function parseTags(source: string): Record<string, string[]> {
  const tags: Record<string, string[]> = {};
  let key: string | null = null;
  for (const part of source.split(';')) {
    const keyed = /^\s*(actors|themes|refs)\s*:\s*(.*)$/i.exec(part);
    if (keyed) {
      key = (keyed[1] as string).toLowerCase();
      tags[key] = [];
    }
    if (!key) continue;
    const value = keyed ? (keyed[2] ?? '') : part;
    const values = key === 'refs' ? [value] : value.split(',');
    tags[key]?.push(...values.map((entry) => entry.trim()).filter(Boolean));
  }
  return tags;
}

/**
 * `- **term** = a; b` lists phrases that mean the same, each found by the others; `- **term** ← c; d` lists phrases read
 * as the term without being searched for, and needs the term's `=` line.
 */
function parseGlossaryBody(data: Record<string, string>, body: string[], file: string): Glossary {
  const lines = body
    .map((line) => /^\s*[-*]\s+\*\*(.+?)\*\*\s*(=|:|—|–|←|<-)\s*(.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      term: (match[1] as string).trim(),
      oneWay: match[2] === '←' || match[2] === '<-',
      phrases: (match[3] as string).split(';').map((part) => part.trim()).filter(Boolean),
    }));
  const entries = lines.filter((line) => !line.oneWay).map(({ term, phrases }) => ({ term, expansions: phrases, readAs: [] as string[] }));
  for (const line of lines.filter((candidate) => candidate.oneWay)) {
    const entry = entries.find((candidate) => candidate.term === line.term);
    if (!entry) throw new CorpusParseError(file, `glossarium: "${line.term} ←" zonder regel "${line.term} =" voor die term`);
    entry.readAs.push(...line.phrases);
  }
  const result = GlossarySchema.safeParse({ id: data.id, title: data.title, entries });
  if (!result.success) {
    throw new CorpusParseError(file, `glossarium: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
