// Command line: imports a PDF or text file and writes the corpus Markdown (usage: tsx src/importer/cli.ts FILE).
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, importDocument, type MetaOverrides } from './index.js';

const USAGE = `usage: tsx src/importer/cli.ts FILE [--out corpus/ID.md] [--id ID] [--title T] [--short S]
       [--publisher P] [--date YYYY-MM-DD] [--kind action-list|advice|legal] [--source URL] [--item-label L]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      short: { type: 'string' },
      publisher: { type: 'string' },
      date: { type: 'string' },
      kind: { type: 'string' },
      source: { type: 'string' },
      'item-label': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const meta: Record<string, string> = {};
  for (const key of ['id', 'title', 'short', 'publisher', 'date', 'kind', 'source'] as const) {
    const value = values[key];
    if (value !== undefined) meta[key] = value;
  }
  if (values['item-label'] !== undefined) meta.itemLabel = values['item-label'];

  const data = await readFile(file);
  const isPdf = /\.pdf$/i.test(file) || data.subarray(0, 5).toString('latin1') === '%PDF-';
  const result = await importDocument({
    fileName: basename(file),
    ...(isPdf ? { pdf: new Uint8Array(data) } : { text: data.toString('utf8') }),
    // Validated by importDocument against the front-matter schema.
    meta: meta as MetaOverrides,
  });
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (values.out) await writeFile(values.out, result.markdown, 'utf8');
  else process.stdout.write(result.markdown);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof ImportError ? `${error.code}: ${error.message}` : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  },
);
