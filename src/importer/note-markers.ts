// Turns note numbers glued to words in the body into Markdown footnote markers.
import type { Footnote } from './footnotes.js';

export interface MarkerResult {
  lines: string[];
  referenced: Set<number>;
  warnings: string[];
}

interface MarkerCandidate {
  start: number;
  end: number;
  /** Text kept before the marker (a number the marker was glued to, like "spoor 3" in "spoor 321"). */
  keep: string;
  numbers: number[];
}

/**
 * Turns note numbers glued to the text ("DISCO29", "arbeidsmarkt11,12,13", "spoor 321") into [^n] markers.
 * A number counts as a note only when that note exists and is the next one due: notes are referenced in
 * order, which keeps "Pact2020", "EU15" or "NT2" intact.
 */
export function linkFootnoteMarkers(lines: string[], notes: Footnote[]): MarkerResult {
  const defined = new Set(notes.map((note) => note.number));
  const referenced = new Set<number>();
  const warnings: string[] = [];
  let expected = Math.min(...defined, Number.POSITIVE_INFINITY);
  if (!Number.isFinite(expected)) return { lines, referenced, warnings };

  const output = lines.map((line) => {
    const candidates = findMarkerCandidates(line);
    let result = '';
    let cursor = 0;
    for (const candidate of candidates) {
      if (candidate.start < cursor) continue;
      const first = candidate.numbers[0] ?? -1;
      const fits =
        defined.has(first) &&
        first >= expected &&
        first <= expected + (candidate.keep === '' ? 2 : 0) &&
        candidate.numbers.every((number, position) => number === first + position && defined.has(number));
      if (!fits) continue;
      if (first > expected) warnings.push(`No marker found for note(s) ${expected}–${first - 1}.`);
      result += line.slice(cursor, candidate.start) + candidate.keep + candidate.numbers.map((n) => `[^${n}]`).join('');
      cursor = candidate.end;
      for (const number of candidate.numbers) referenced.add(number);
      expected = (candidate.numbers.at(-1) ?? first) + 1;
    }
    return result + line.slice(cursor);
  });
  for (const number of defined) if (!referenced.has(number)) warnings.push(`Footnote ${number} is never referenced in the text.`);
  return { lines: output, referenced, warnings };
}

function findMarkerCandidates(line: string): MarkerCandidate[] {
  const candidates: MarkerCandidate[] = [];
  const glued = /(\d{1,3}(?:,\d{1,3})*)(?=$|[\s.,;:!?)’”"'([])/gu;
  for (const match of line.matchAll(glued)) {
    const start = match.index;
    const before = line[start - 1] ?? '';
    const beforeThat = line[start - 2] ?? '';
    const afterLetter = /\p{L}/u.test(before);
    // After punctuation only when the punctuation closes a word: "is.2", "gegeven.’40", not "2.017" or "18,7".
    const afterPunctuation = /[.;:!?)’”"'%\]]/.test(before) && !/\d/.test(beforeThat) && beforeThat !== '';
    if (!afterLetter && !afterPunctuation) continue;
    candidates.push({
      start,
      end: start + match[0].length,
      keep: '',
      numbers: match[0].split(',').map(Number),
    });
  }
  // A note number glued to a number: "spoor 321" (spoor 3, note 21), "2018-201941", "In 201761".
  for (const match of line.matchAll(/(?<=^|[\s-])(\d{3,6})(?=$|[\s.,;:!?)])/g)) {
    const token = match[0];
    if (/^(?:19|20)\d\d$/.test(token)) continue;
    for (let length = 1; length <= 2; length += 1) {
      const prefix = token.slice(0, -length);
      const suffix = token.slice(-length);
      if (suffix.startsWith('0') || !(/^(?:19|20)\d\d$/.test(prefix) || prefix.length <= 2)) continue;
      candidates.push({ start: match.index, end: match.index + token.length, keep: prefix, numbers: [Number(suffix)] });
    }
  }
  return candidates.sort((a, b) => a.start - b.start || b.numbers.length - a.numbers.length);
}
