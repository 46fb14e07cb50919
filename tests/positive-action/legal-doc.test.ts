// Checks corpus/positieve-actie-kader.md: front matter, refs comments, references used by the check, no unverified facts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPositiveAction } from '../../src/positive-action/check.js';
import { ALL_REFERENCES } from '../../src/positive-action/references.js';
import type { Answer, Sector } from '../../src/positive-action/schema.js';

const DOC = readFileSync(new URL('../../corpus/positieve-actie-kader.md', import.meta.url), 'utf8');

function frontMatter(text: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match?.[1]) return {};
  const entries = match[1].split('\n').map((line) => {
    const i = line.indexOf(':');
    return [line.slice(0, i).trim(), line.slice(i + 1).trim()] as const;
  });
  return Object.fromEntries(entries);
}

/** Item blocks: heading number, the line directly under it, and the item text. */
function items(text: string): { n: number; tagLine: string; body: string }[] {
  const lines = text.split('\n');
  const result: { n: number; tagLine: string; body: string }[] = [];
  lines.forEach((line, i) => {
    const match = /^### Punt (\d+)$/.exec(line);
    if (!match?.[1]) return;
    const end = lines.findIndex((l, j) => j > i && /^#{1,6} /.test(l));
    const body = lines.slice(i + 2, end === -1 ? undefined : end).join('\n');
    result.push({ n: Number(match[1]), tagLine: lines[i + 1] ?? '', body });
  });
  return result;
}

function refsOf(tagLine: string): string[] {
  const match = /^<!-- refs: (.+) -->$/.exec(tagLine);
  return match?.[1] ? match[1].split(';').map((r) => r.trim()) : [];
}

describe('corpus/positieve-actie-kader.md', () => {
  it('has the front matter', () => {
    expect(frontMatter(DOC)).toEqual({
      id: 'positieve-actie-kader',
      title: 'Juridisch kader positieve actie (oriëntatie)',
      short: 'Juridisch kader',
      publisher: 'Actiewijzer (samengesteld uit de wetgeving)',
      date: '2026-11-29',
      kind: 'legal',
      // The framework elaborates Actie 44 (positive actions) and 45 (sector lists of legal positive actions).
      actions: '44, 45',
      itemLabel: 'Punt',
    });
  });

  it('has an intro pointing to Unia and the FOD, saying it is no legal advice', () => {
    const intro = DOC.split('# Over dit document')[1]?.split(/^## /m)[0] ?? '';
    expect(intro).toContain('geen juridisch advies');
    expect(intro).toContain('Unia');
    expect(intro).toContain('FOD Werkgelegenheid');
  });

  it('numbers items 1..N under numbered sections', () => {
    const numbers = items(DOC).map((i) => i.n);
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const sections = [...DOC.matchAll(/^## (\d+) \S/gm)].map((m) => Number(m[1]));
    expect(sections).toEqual(sections.map((_, i) => i + 1));
  });

  it('gives every item a refs comment matching the bracketed reference at its end', () => {
    for (const item of items(DOC)) {
      const refs = refsOf(item.tagLine);
      expect(refs.length, `Punt ${item.n}`).toBeGreaterThan(0);
      const bracket = /\[([^\]\n]+)\]\s*$/.exec(item.body.trim());
      expect(bracket?.[1]?.split(';').map((r) => r.trim()), `Punt ${item.n}`).toEqual(refs);
    }
  });

  it('contains every reference the check cites, in a refs comment', () => {
    const used = new Set(items(DOC).flatMap((i) => refsOf(i.tagLine)));
    for (const ref of ALL_REFERENCES) expect(used.has(ref), ref).toBe(true);
  });

  it('contains every reference that check responses actually cite', () => {
    const used = new Set(items(DOC).flatMap((i) => refsOf(i.tagLine)));
    const sectors: Sector[] = ['private', 'flemish_public', 'local_government', 'other'];
    const values: Answer[] = ['yes', 'no', 'unknown'];
    for (const sector of sectors) {
      for (const value of values) {
        for (const exclusive of values) {
          const response = checkPositiveAction({
            sector,
            measure: 'Voorbehouden stageplaatsen',
            answers: {
              manifestInequality: value,
              objective: value,
              temporary: value,
              sameRequirements: value,
              preferenceAtEqualCompetence: value,
              exclusiveReservation: exclusive,
              approvedPlan: value,
            },
          });
          for (const ref of response.conditions.flatMap((c) => c.references)) expect(used.has(ref), ref).toBe(true);
        }
      }
    }
  });

  it('does not state the unverified (U) facts', () => {
    // Whether the law of 28 June 2023 changed art. 10; an advisory commission in the approval procedure;
    // renewal rules of a plan; the full list of a plan's contents.
    expect(DOC).not.toMatch(/28 juni 2023|wet van 2023/i);
    expect(DOC).not.toMatch(/advies\s*commissie|adviesorgaan/i);
    expect(DOC).not.toMatch(/hernieuw|verleng/i);
    expect(DOC).not.toMatch(/moet (minstens|ten minste) (de volgende|bevatten)/i);
  });
});
