// Loads the Dutch prompts from prompts/*.md once and fills their {{placeholders}}.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface Prompts {
  system: string;
  answer: string;
  repair: string;
  rewrite: string;
}

export function loadPrompts(dir = PROMPTS_DIR): Prompts {
  const read = (name: string) => fs.readFileSync(path.join(dir, `${name}.md`), 'utf8').trim();
  return { system: read('system'), answer: read('answer'), repair: read('repair'), rewrite: read('rewrite') };
}

/** Fills {{name}} placeholders; a placeholder without a value is a programming error, not a blank. */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt placeholder {{${name}}} has no value`);
    return value;
  });
}
