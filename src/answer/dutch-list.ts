// Items named in a Dutch sentence: "3.7", "2.1, 3.7 en 3.8", "wat het kost of hoe lang het duurt".

/** The items joined with commas and the last one with `last` ("en", or "of" for alternatives). */
export function joinDutch(items: readonly (string | number)[], last: 'en' | 'of' = 'en'): string {
  return items.length <= 1 ? String(items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
