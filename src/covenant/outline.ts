// The sector consultant's covenant outline: the actions for sectors and employers by theme, and positive-action types from the legal document.
import { THEMES, type ThemeId } from '../corpus/tags.js';

/** The actor tag of actions addressed to sectors and employers. */
export const SECTOR_ACTOR = 'sectoren-werkgevers';
/** Actie 45 (positive actions in the sector covenants) and Actie 56 (a non-discrimination code in every covenant) belong in any covenant. */
export const ALWAYS_INCLUDED: readonly number[] = [45, 56];
/** The stored legal document the positive-action types are read from. */
export const LEGAL_DOCUMENT_ID = 'positieve-actie-kader';
export const OUTLINE_SOURCE = 'Bron: SERV Commissie Diversiteit, Actielijst personen met een migratie-achtergrond';

export interface OutlineInputAction {
  number: number;
  text: string;
  actors: readonly string[];
  themes: readonly string[];
}

export interface OutlineGroup {
  /** The theme's Dutch display name. */
  theme: string;
  actions: { number: number; text: string }[];
}

export interface CovenantOutline {
  sector: string;
  groups: OutlineGroup[];
  positiveActionTypes: string[];
}

/** Where the positive-action types were read: the item's label and its bracketed references. */
export interface TypesSource {
  label: string | null;
  refs: string[];
}

export interface LegalItem {
  kind: string;
  label: string | null;
  text: string;
  refs: readonly string[];
}

const isThemeId = (id: string): id is ThemeId => Object.hasOwn(THEMES, id);
const THEME_ORDER = Object.keys(THEMES) as ThemeId[];
const OTHER_GROUP = 'Overige acties';

/**
 * Groups the sector actions by theme. With requested themes an action is listed under the first of its own themes
 * that was requested, and left out when none was, except Acties 45 and 56, which then go under their own first theme.
 * Without requested themes (absent or empty) every theme counts as requested.
 */
export function buildOutline(
  actions: readonly OutlineInputAction[],
  request: { sector: string; themes?: readonly string[] | undefined },
  positiveActionTypes: readonly string[],
): CovenantOutline {
  const requested = new Set(request.themes?.length ? request.themes : THEME_ORDER);
  const byTheme = new Map<string, { number: number; text: string }[]>();
  const relevant = actions
    .filter((action) => action.actors.includes(SECTOR_ACTOR) || ALWAYS_INCLUDED.includes(action.number))
    .sort((a, b) => a.number - b.number);
  for (const action of relevant) {
    const known = action.themes.filter(isThemeId);
    const theme = known.find((id) => requested.has(id)) ?? (ALWAYS_INCLUDED.includes(action.number) ? known[0] ?? OTHER_GROUP : undefined);
    if (theme === undefined) continue;
    const group = byTheme.get(theme) ?? [];
    group.push({ number: action.number, text: action.text });
    byTheme.set(theme, group);
  }
  const order = [...THEME_ORDER, OTHER_GROUP];
  const groups = order.flatMap((id) => {
    const list = byTheme.get(id);
    return list ? [{ theme: isThemeId(id) ? THEMES[id] : id, actions: list }] : [];
  });
  return { sector: request.sector, groups, positiveActionTypes: [...positiveActionTypes] };
}

// "Als voorbeelden noemen commentaren op het KB: a, b, c, en d. [ref]": an item that introduces examples with a colon.
const EXAMPLES = /\bvoorbeelden\b[^:]*:\s*(.+)$/i;
const TRAILING_REFERENCE = /\s*\[[^\]\n]+\]\s*$/;

/**
 * The kinds of positive action the legal document gives as examples, as they stand there: the items of its
 * enumeration(s) introduced by "voorbeelden …:", without the bracketed reference. Also says which item they come from.
 */
export function positiveActionTypes(items: readonly LegalItem[]): { types: string[]; source: TypesSource | null } {
  const types: string[] = [];
  let source: TypesSource | null = null;
  for (const item of items) {
    if (item.kind !== 'action') continue;
    // Line breaks inside a paragraph are wrapping, not structure.
    const match = EXAMPLES.exec(item.text.replace(TRAILING_REFERENCE, '').replace(/\s+/g, ' '));
    if (!match?.[1]) continue;
    const list = match[1]
      .replace(/[.;]\s*$/, '')
      .split(/\s*[,;]\s*(?:en\s+)?|\s+en\s+(?=[^,]*$)/)
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    if (!list.length) continue;
    types.push(...list.filter((type) => !types.includes(type)));
    source ??= { label: item.label, refs: [...item.refs] };
  }
  return { types, source };
}

/** Markdown lines of an action's text inside a list item: footnote markers dropped, further lines indented. */
function listItemText(text: string): string {
  return text
    .replace(/\[\^\d+\]/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0)
    .join('\n  ');
}

/** The outline as a Markdown document to paste into a covenant draft. */
export function outlineToMarkdown(outline: CovenantOutline, typesSource: TypesSource | null = null): string {
  const sector = outline.sector.replace(/\s+/g, ' ').trim();
  const out = [
    `# Sectorconvenant ${sector}: relevante acties`,
    '',
    'Acties uit de SERV-actielijst die zich richten tot sectoren en werkgevers, per thema. Actie 45 en Actie 56 horen altijd bij een sectorconvenant.',
  ];
  for (const group of outline.groups) {
    out.push('', `## ${group.theme}`, '');
    for (const action of group.actions) out.push(`- **Actie ${action.number}** — ${listItemText(action.text)}`);
  }
  if (outline.positiveActionTypes.length) {
    out.push('', '## Positieve acties die de sector kan overwegen', '');
    const where = typesSource?.label ? `${typesSource.label}${typesSource.refs.length ? ` [${typesSource.refs.join('; ')}]` : ''}` : 'Juridisch kader positieve actie';
    out.push(`Voorbeelden uit het juridisch kader positieve actie (${where}); laat een concrete maatregel toetsen door Unia.`, '');
    for (const type of outline.positiveActionTypes) out.push(`- ${type}`);
  }
  out.push('', '---', '', OUTLINE_SOURCE, '');
  return out.join('\n');
}
