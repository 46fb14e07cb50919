// anchorQuotes: the check's quotes stay verbatim against whatever action texts are stored.
import { describe, expect, it } from 'vitest';
import { isVerbatim } from '../../src/answer/citations.js';
import { anchorQuotes } from '../../src/positive-action/stored-quotes.js';

const QUOTE = 'Sectorfondsen kunnen een lijst van legale positieve acties uitwerken.';

describe('anchorQuotes', () => {
  it('keeps a quote that is a span of the stored text', () => {
    const stored = new Map([[45, `Positieve acties kunnen ook binnen de sectorconvenants een plaats innemen. ${QUOTE}`]]);
    expect(anchorQuotes([{ action: 45, quote: QUOTE }], stored)).toEqual([{ action: 45, quote: QUOTE }]);
  });

  it('replaces a quote the stored text does not hold by the stored sentence closest to it', () => {
    const stored = new Map([[45, 'Een eerste zin over iets anders. Sectorfondsen en werkgeversorganisaties kunnen per sector een lijst van legale positieve acties opstellen.']]);
    const [citation] = anchorQuotes([{ action: 45, quote: QUOTE }], stored);
    expect(citation?.quote).toBe('Sectorfondsen en werkgeversorganisaties kunnen per sector een lijst van legale positieve acties opstellen.');
    expect(isVerbatim(citation!.quote, stored.get(45)!)).toBe(true);
  });

  it('drops a quote that shares no word with its stored action, and merges quotes that land on the same sentence', () => {
    const stored = new Map([
      [44, 'Positieve acties zijn tijdelijke maatregelen.'],
      [56, 'Iets heel anders.'],
    ]);
    const result = anchorQuotes(
      [
        { action: 44, quote: 'Positieve acties zijn tijdelijke en proportionele maatregelen.' },
        { action: 44, quote: 'Positieve acties: tijdelijke maatregelen.' },
        { action: 56, quote: 'Een gedragscode non-discriminatie is een minimumvereiste.' },
      ],
      stored,
    );
    expect(result).toEqual([{ action: 44, quote: 'Positieve acties zijn tijdelijke maatregelen.' }]);
  });

  it('keeps a quote whose action is not stored, and never returns nothing', () => {
    expect(anchorQuotes([{ action: 44, quote: QUOTE }], new Map())).toEqual([{ action: 44, quote: QUOTE }]);
    expect(anchorQuotes([{ action: 44, quote: QUOTE }], new Map([[44, 'Niets gemeen.']]))).toEqual([{ action: 44, quote: QUOTE }]);
  });
});
