// Guesses a document's front matter (id, title, date, publisher, kind) from its file name and text.
import { z } from 'zod';
import { isPageNumber, NUMBERED_HEADING } from './source-lines.js';

export const DOCUMENT_KINDS = ['action-list', 'advice', 'legal'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const documentMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
  title: z.string().min(1),
  short: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  date: z
    .string()
    .regex(/^\d{4}(?:-\d{2}-\d{2})?$/, 'ISO date or year')
    .optional(),
  kind: z.enum(DOCUMENT_KINDS),
  source: z.string().min(1).optional(),
  itemLabel: z.string().min(1).optional(),
});

export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** What a caller may set by hand; everything else is taken from the document. */
export const metaOverridesSchema = documentMetaSchema.partial();
export type MetaOverrides = z.infer<typeof metaOverridesSchema>;

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];
const FULL_DATE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'giu');
const ISO_DATE = /\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b/g;

export function idFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base
    .replace(/\.[^.]+$/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The first line that looks like a title: short, no sentence, no page number, no section number. */
export function findTitle(lines: string[]): string | undefined {
  for (const raw of lines.slice(0, 40)) {
    const text = raw.trim().replace(/\s+/g, ' ');
    if (text === '' || isPageNumber(text) || NUMBERED_HEADING.test(text)) continue;
    if (text.length <= 120 && !/[.,;:]$/.test(text) && /^\p{Lu}/u.test(text)) return text;
    return undefined;
  }
  return undefined;
}

function isoDate(year: string, month: number, day: string): string {
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function datesIn(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(FULL_DATE)) {
    dates.push(isoDate(match[3] ?? '', MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1, match[1] ?? ''));
  }
  for (const match of text.matchAll(ISO_DATE)) dates.push(`${match[1]}-${match[2]}-${match[3]}`);
  return dates;
}

/**
 * A date printed on the first page (a letter's date, "Brussel, 12 maart 2024") is the publication date.
 * Without one, the most recent date the document cites gives at least the year it cannot predate.
 */
export function findDate(firstPart: string, wholeText: string): { date?: string; guessed: boolean } {
  const first = datesIn(firstPart)[0];
  if (first) return { date: first, guessed: false };
  const latest = datesIn(wholeText).sort().at(-1);
  return latest ? { date: latest.slice(0, 4), guessed: true } : { guessed: true };
}

/**
 * The body that signs the document: the most frequent "Commissie …"/"Raad …"-style name, prefixed with its
 * umbrella organisation when the document writes them together ("SERV-Commissie Diversiteit").
 */
export function findPublisher(text: string): string | undefined {
  const counts = new Map<string, number>();
  const pattern = /\b(?:Commissie|Adviesraad|Raad|Ministerie|Departement|Agentschap)(?:\s+(?:van|voor)(?:\s+de)?)?\s+\p{Lu}[\p{L}-]+/gu;
  for (const match of text.matchAll(pattern)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  const [name, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!name || (count ?? 0) < 2) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const umbrella = new RegExp(`\\b(\\p{Lu}{2,8})-${escaped}`, 'u').exec(text)?.[1];
  return umbrella ? `${umbrella} – ${name}` : name;
}

/** A short name for citation labels: the document type the title starts with ("Actielijst …", "Advies …"). */
export function guessShortName(title: string): string | undefined {
  const first = title.split(/\s+/)[0] ?? '';
  const isDocumentType = /^(?:actielijst|actieplan|advies|nota|rapport|verslag|decreet|wet|besluit|kader|visienota|plan)$/i;
  return title.includes(' ') && isDocumentType.test(first) ? first : undefined;
}

export function guessKind(itemLabel: string | undefined, title: string): DocumentKind {
  if (itemLabel && /^acti/i.test(itemLabel)) return 'action-list';
  if (/\b(?:decreet|wet|besluit|verordening|richtlijn)\b/i.test(title)) return 'legal';
  return /^actie/i.test(title) ? 'action-list' : 'advice';
}
