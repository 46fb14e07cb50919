// Checks that every quote in action-quotes.ts is a verbatim span of its action in the action list text.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_QUOTES } from '../../src/positive-action/action-quotes.js';

const MARKDOWN = new URL('../../corpus/actielijst-migratieachtergrond.md', import.meta.url);
const RAW = '/work/shared/corpus-source/actielijst-migratieachtergrond.txt';
/** The corpus Markdown when it exists (preferred), and the raw PDF text. */
const SOURCES = [MARKDOWN, RAW].filter((path) => existsSync(path)).map((path) => ({
  name: String(path),
  text: readFileSync(path, 'utf8'),
}));

/** Joins words hyphenated across a line break, drops footnote markers and collapses whitespace. */
function normalise(text: string): string {
  return text
    .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\[\^\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of one action: from its heading to the next action heading. */
function actionText(text: string, action: number): string {
  const start = new RegExp(`^[#\\s]*Actie ${action}\\s*$`, 'm').exec(text);
  if (!start) return '';
  const rest = text.slice(start.index + start[0].length);
  const next = /^[#\s]*Actie \d+\s*$/m.exec(rest);
  return rest.slice(0, next ? next.index : undefined);
}

describe('action quotes', () => {
  it('has a source text to check against', () => {
    expect(SOURCES.length).toBeGreaterThan(0);
  });

  const cases = SOURCES.flatMap((source) =>
    ACTION_QUOTES.map((q) => ({ source: source.name, text: source.text, action: q.action, quote: q.quote })),
  );
  it.each(cases)('Actie $action in $source: "$quote" is verbatim', ({ text, action, quote }) => {
    expect(normalise(text)).toContain(normalise(quote));
    expect(normalise(actionText(text, action))).toContain(normalise(quote));
  });
});
