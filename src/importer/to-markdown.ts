// Writes a detected document as a corpus Markdown file: front matter, headings, items, notes.
import type { Block } from './detect-structure.js';
import type { Footnote } from './footnotes.js';
import type { DocumentMeta } from './metadata.js';

const FRONT_MATTER_ORDER = ['id', 'title', 'short', 'publisher', 'date', 'kind', 'source', 'itemLabel'] as const;

function frontMatterValue(value: string): string {
  // Quote only what a YAML-style reader would misread: "key: value" pairs, comments, leading indicators.
  const needsQuotes = /: |\s#|^[\s"'&*!|>%@`{[\-?]|\s$/.test(value);
  return needsQuotes ? JSON.stringify(value) : value;
}

export function renderFrontMatter(meta: DocumentMeta): string {
  const lines = ['---'];
  for (const key of FRONT_MATTER_ORDER) {
    const value = meta[key];
    if (value !== undefined && value !== '') lines.push(`${key}: ${frontMatterValue(value)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** Text that Markdown would read as a heading, list or quote at the start of a block is escaped. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(#{1,6}\s|[-+*>]\s|\d{1,9}[.)]\s)/, (prefix) =>
    /^\d/.test(prefix) ? prefix.replace(/([.)])/, '\\$1') : `\\${prefix}`,
  );
}

export function renderBlocks(blocks: Block[]): string {
  const out: string[] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    // List items of one list stay together, and an item's text starts right under its heading, where the
    // curator adds the tag comment; every other block is separated by a blank line.
    const tight =
      (block.kind === 'list-item' && previous?.kind === 'list-item') ||
      (previous?.kind === 'item' && block.kind !== 'heading' && block.kind !== 'item');
    if (out.length > 0 && !tight) out.push('');
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${block.number ? `${block.number} ` : ''}${block.title}`);
        break;
      case 'item':
        out.push(`${'#'.repeat(block.level)} ${block.label} ${block.number}`);
        break;
      case 'paragraph':
        out.push(escapeBlockStart(block.text));
        break;
      case 'list-item':
        out.push(`- ${block.text}`);
        break;
    }
    previous = block;
  }
  return out.join('\n');
}

export function renderNotes(notes: Footnote[]): string {
  return notes.map((note) => `[^${note.number}]: ${note.text}`).join('\n');
}

export function toMarkdown(meta: DocumentMeta, blocks: Block[], notes: Footnote[]): string {
  const parts = [renderFrontMatter(meta), renderBlocks(blocks)];
  if (notes.length > 0) parts.push(renderNotes(notes));
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
