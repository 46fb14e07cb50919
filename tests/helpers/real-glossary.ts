// The glossary expander over the real corpus/glossarium.md, for tests of what the glossary says.
import fs from 'node:fs';
import { createGlossaryExpander, type GlossaryExpander } from '../../src/corpus/glossary.js';
import { parseCorpusFile } from '../../src/corpus/parse.js';

export function realGlossary(): GlossaryExpander {
  const parsed = parseCorpusFile(fs.readFileSync(new URL('../../corpus/glossarium.md', import.meta.url), 'utf8'), 'glossarium.md');
  if (parsed.type !== 'glossary') throw new Error('corpus/glossarium.md is geen glossarium');
  return createGlossaryExpander([parsed.glossary]);
}
