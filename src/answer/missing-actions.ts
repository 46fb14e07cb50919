// The sentence for action numbers a question names that the list does not have ("actie 61" in a list of 60).
import { joinDutch } from './dutch-list.js';

/**
 * Null when every named number exists. The numbers are written without the word "Actie", which the citation check and
 * the page would read as a citation.
 */
export function missingActionsNote(named: readonly number[], existing: ReadonlySet<number>): string | null {
  const missing = named.filter((n) => !existing.has(n));
  if (!missing.length || !existing.size) return null;
  const listed = missing.length === 1 ? `Nummer ${missing[0]} staat` : `Nummers ${joinDutch(missing)} staan`;
  return `${listed} niet in de actielijst: die telt ${existing.size} acties, genummerd van ${Math.min(...existing)} tot en met ${Math.max(...existing)}.`;
}
