// Puts link targets back into the footnotes they belong to, and mends links broken over two lines.
import type { Footnote } from './footnotes.js';

/** The link targets an extractor printed for one page, and the notes on that page. */
export interface PageLinks {
  notes: number[];
  urls: string[];
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Attaches each page's links to its notes (in place) and returns the links that fit no note. */
export function attachLinks(pages: PageLinks[], notes: Footnote[]): string[] {
  const byNumber = new Map(notes.map((note) => [note.number, note]));
  const unattached = new Set<string>();
  for (const page of pages) {
    // Links are matched against what the notes print, not against links attached a moment ago.
    const printed = page.notes.map((number) => byNumber.get(number)).filter(isDefined).map((note) => ({ ...note }));
    for (const url of page.urls) {
      if (printed.some((note) => containsUrl(note.text, url))) continue;
      const ranked = rankNotesForUrl(url, printed);
      const best = ranked[0];
      if (!best) {
        unattached.add(url);
        continue;
      }
      // A repeated link belongs to the next note citing the same source; a link over two lines is one link.
      const target = ranked
        .map((entry) => ({ score: entry.score, note: byNumber.get(entry.note.number) }))
        .find((entry) => entry.score === best.score && entry.note && !containsUrl(entry.note.text, url))?.note;
      if (target) target.text = `${target.text} ${url}`;
    }
  }
  return [...unattached];
}

/** A URL too long for its line continues at the start of the next one, without a space. */
export function isBrokenUrl(lastToken: string, firstToken: string, line: string, knownUrls: string[]): boolean {
  if (!/^(?:https?:\/\/|www\.)/i.test(lastToken)) return false;
  const combined = lastToken + firstToken;
  if (knownUrls.some((url) => url.startsWith(combined))) return true;
  return /[-_/.=?&#]$/.test(lastToken) && line === firstToken && /^[\w\-#%./?=&~]+$/.test(firstToken);
}

function urlKey(url: string): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

function containsUrl(text: string, url: string): boolean {
  return text.toLowerCase().includes(urlKey(url));
}

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/** Dates in a note as they would appear in a file name (20170831), for links named after them. */
function compactDates(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)) {
    dates.push(`${match[3]}${match[2]?.padStart(2, '0')}${match[1]?.padStart(2, '0')}`);
  }
  for (const match of text.matchAll(/(\d{1,2})\s+(\p{L}+)\s+(\d{4})/gu)) {
    const month = MONTHS.indexOf((match[2] ?? '').toLowerCase());
    if (month >= 0) dates.push(`${match[3]}${String(month + 1).padStart(2, '0')}${match[1]?.padStart(2, '0')}`);
  }
  return dates;
}

const STOP_WORDS = new Set(['voor', 'door', 'over', 'naar', 'zijn', 'wordt', 'deze', 'heeft', 'hebben', 'worden', 'niet', 'meer', 'ook', 'zie', 'idem', 'with', 'from', 'that', 'this']);

function datesInPath(path: string): string[] {
  return path.match(/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/g) ?? [];
}

/**
 * The notes on the same page whose words the link's file or page name repeats ("…/herkomstmonitor_2015.pdf"
 * for a note citing the "Vlaamse herkomstmonitor 2015"), or whose date it carries, best first. Links that
 * match no note well are body links.
 */
function rankNotesForUrl(url: string, candidates: Footnote[]): { note: Footnote; score: number }[] {
  let name: string;
  try {
    name = decodeURIComponent(url);
  } catch {
    name = url;
  }
  name = name.toLowerCase().replace(/\/$/, '');
  const path = name.replace(/^https?:\/\/[^/]+/, '');
  const lastSegment = path.split('/').pop() ?? path;
  const pathDates = datesInPath(path);
  const ranked: { note: Footnote; score: number }[] = [];
  for (const note of candidates) {
    const words = new Set(note.text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
    let score = 0;
    for (const word of words) if (!STOP_WORDS.has(word) && lastSegment.includes(word)) score += word.length;
    for (const date of compactDates(note.text)) {
      if (pathDates.includes(date)) score += 10;
      // A document is often filed a few days before or after the date it is cited with.
      else if (pathDates.some((other) => other.slice(0, 6) === date.slice(0, 6) && Math.abs(Number(other) - Number(date)) <= 7)) score += 8;
    }
    if (score >= 8) ranked.push({ note, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
