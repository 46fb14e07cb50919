// `npm run ingest [-- FILE…]`: (re)ingests corpus/, or adds advices (PDF, .txt, .md) as uploaded documents.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime, type Runtime } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { addDocument, parseUploadMeta, prepareDocument, type UploadMeta } from '../documents/document-service.js';
import { isAppError } from '../errors.js';
import type { IngestReport } from '../ingest/ingest.js';
import { listDocuments } from '../repositories/documents-repository.js';
import { createProgressPrinter } from './progress.js';

const USAGE = `Gebruik: npm run ingest [-- BESTAND… [--title TITEL] [--date JJJJ-MM-DD] [--publisher UITGEVER] [--id ID]]

Zonder bestanden wordt de corpusmap (CORPUS_DIR) opnieuw ingelezen; alleen wat veranderde wordt bijgewerkt.
Met bestanden (PDF, .txt of .md) wordt elk bestand als opgeladen document toegevoegd of vervangen.
--title en --id gelden voor één bestand tegelijk.`;

const STATUS = { added: 'toegevoegd', updated: 'bijgewerkt, nieuwe versie', unchanged: 'ongewijzigd' } as const;

class UsageError extends Error {}

function parseCommandLine(): { files: string[]; meta: UploadMeta } | null {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      date: { type: 'string' },
      publisher: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  if (positionals.length > 1 && (values.id !== undefined || values.title !== undefined)) {
    throw new UsageError('--id en --title gelden voor één bestand; geef de bestanden dan één voor één op.');
  }
  if (!positionals.length && (values.id ?? values.title ?? values.date ?? values.publisher) !== undefined) {
    throw new UsageError('--title, --date, --publisher en --id horen bij een bestand; zonder bestand wordt de corpusmap ingelezen.');
  }
  const meta = parseUploadMeta({ title: values.title, date: values.date, publisher: values.publisher, id: values.id });
  return { files: positionals, meta };
}

function printSummary(report: IngestReport, uploads: number): void {
  const counts = `${report.added.length} toegevoegd, ${report.updated.length} bijgewerkt, ${report.unchanged.length} ongewijzigd, ${report.removed.length} verwijderd`;
  console.log(`Corpusmap: ${counts}`);
  for (const [label, ids] of [['Toegevoegd', report.added], ['Bijgewerkt', report.updated], ['Verwijderd', report.removed]] as const) {
    if (ids.length) console.log(`  ${label}: ${ids.join(', ')}`);
  }
  console.log(`Passages: ${report.passages}, nieuw ingebed: ${report.embedded}, model: ${report.model}`);
  if (uploads) console.log(`Opgeladen documenten (blijven staan): ${uploads}`);
}

async function addFiles(runtime: Runtime, files: string[], meta: UploadMeta): Promise<boolean> {
  let ok = true;
  for (const file of files) {
    try {
      const data = await readFile(file);
      const prepared = await prepareDocument(basename(file), new Uint8Array(data), meta);
      for (const warning of prepared.warnings) process.stderr.write(`let op (${basename(file)}): ${warning}\n`);
      const progress = createProgressPrinter(process.stderr);
      const { document, status } = await addDocument({ db: runtime.db, corpus: runtime.corpus }, prepared, progress.update);
      progress.finish();
      console.log(`${document.id} — ${document.title} — ${document.passages} passages (versie ${document.version}, ${STATUS[status]})`);
    } catch (error) {
      if (!isAppError(error) && !(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
      ok = false;
      process.stderr.write(`Fout bij ${file}: ${isAppError(error) ? error.message : 'het bestand bestaat niet.'}\n`);
    }
  }
  return ok;
}

async function main(): Promise<number> {
  const command = parseCommandLine();
  if (!command) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const progress = createProgressPrinter(process.stderr);
  const runtime = await openRuntime(config, progress.update);
  progress.finish();
  try {
    if (command.files.length) return (await addFiles(runtime, command.files, command.meta)) ? 0 : 1;
    const uploads = (await listDocuments(runtime.db.pool)).filter((document) => document.origin === 'upload').length;
    printSummary(runtime.report, uploads);
    return 0;
  } finally {
    await runtime.db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const parseArgsError = error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseArgsError) {
      process.stderr.write(`Ongeldige opdracht: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof ConfigError || isAppError(error)) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`Inlezen mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
