// Finds the lines that belong to the page rather than the text: running headers/footers and page numbers.
import { isBareUrl, isPageNumber, LABELLED_ITEM, NUMBERED_HEADING, type SourceLine } from './source-lines.js';

export interface Furniture {
  /** Indices (into the source lines) of running headers, footers and page numbers. */
  lines: Set<number>;
  /** The distinct running header/footer texts, for reporting. */
  runningHeaders: string[];
}

/** Digits vary from page to page ("pagina 3"), so they are left out of the comparison. */
function headerKey(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\d+/g, '#').toLowerCase();
}

function couldBeRunningHeader(text: string): boolean {
  return (
    text.length >= 3 &&
    !isBareUrl(text) &&
    !isPageNumber(text) &&
    !NUMBERED_HEADING.test(text) &&
    !LABELLED_ITEM.test(text)
  );
}

export function findPageFurniture(lines: SourceLine[]): Furniture {
  const furniture = new Set<number>();
  lines.forEach((line, index) => {
    if (!line.blank && isPageNumber(line.text)) furniture.add(index);
  });

  const pageEdges = pageEdgeLines(lines);
  const multiPage = new Set(lines.map((line) => line.page)).size > 1;
  const occurrences = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (line.blank || !couldBeRunningHeader(line.text)) return;
    const key = headerKey(line.text);
    occurrences.set(key, [...(occurrences.get(key) ?? []), index]);
  });

  const runningHeaders: string[] = [];
  for (const indices of occurrences.values()) {
    if (indices.length < 2) continue;
    const first = lines[indices[0] ?? 0];
    if (!first) continue;
    // A line repeated in the prose (a footnote's "Idem.", a citation) ends like a sentence; headers do not.
    if (/[.,;]$/.test(first.text)) continue;
    const nearPageNumber = indices.filter((index) => hasPageNumberNearby(lines, furniture, index)).length;
    const atPageEdge = multiPage ? indices.filter((index) => pageEdges.has(index)).length : 0;
    const repeated = indices.length >= 3;
    if (repeated || nearPageNumber >= 2 || atPageEdge >= 2) {
      for (const index of indices) furniture.add(index);
      runningHeaders.push(first.text);
    }
  }
  return { lines: furniture, runningHeaders };
}

function hasPageNumberNearby(lines: SourceLine[], pageNumbers: Set<number>, index: number): boolean {
  for (let offset = -6; offset <= 6; offset += 1) {
    const other = index + offset;
    if (offset !== 0 && pageNumbers.has(other) && lines[other]?.page === lines[index]?.page) return true;
  }
  return false;
}

/** The first and last two non-blank lines of every page: where headers and footers sit. */
function pageEdgeLines(lines: SourceLine[]): Set<number> {
  const byPage = new Map<number, number[]>();
  lines.forEach((line, index) => {
    if (!line.blank) byPage.set(line.page, [...(byPage.get(line.page) ?? []), index]);
  });
  const edges = new Set<number>();
  for (const indices of byPage.values()) {
    for (const index of [...indices.slice(0, 2), ...indices.slice(-2)]) edges.add(index);
  }
  return edges;
}
