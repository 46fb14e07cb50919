// The line records the cleaning steps work on, and the patterns several steps need to recognise.

export interface SourceLine {
  /** The line as extracted, trailing line-break characters removed. */
  raw: string;
  /** Trimmed text. */
  text: string;
  /** Leading spaces: some extractors mark a page's first line or a lost bullet glyph with them. */
  indent: number;
  trailingSpace: boolean;
  page: number;
  blank: boolean;
}

/** A body line as the structure detection receives it. */
export interface BodyLine {
  text: string;
  indent: number;
  /** First line after page furniture or footnotes: its indent says nothing about bullets. */
  pageStart: boolean;
  /** A blank line that marks a paragraph break precedes it. */
  blankBefore: boolean;
  /** It starts a new block whatever the line before it says (text moved back from among the footnotes). */
  hardBreak?: boolean;
}

export function toSourceLines(pages: string[]): SourceLine[] {
  const lines: SourceLine[] = [];
  pages.forEach((page, pageIndex) => {
    for (const raw of page.replace(/\r\n?/g, '\n').split('\n')) {
      const text = raw.trim();
      lines.push({
        raw,
        text,
        indent: text === '' ? raw.length : raw.length - raw.trimStart().length,
        trailingSpace: text !== '' && /\s$/.test(raw),
        page: pageIndex,
        blank: text === '',
      });
    }
  });
  return lines;
}

/** Splits plain text into pages on form feeds (pdftotext writes them); text without them is one page. */
export function splitTextPages(text: string): string[] {
  return text.split('\f');
}

export const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

export function isBareUrl(text: string): boolean {
  return BARE_URL.test(text);
}

export function isPageNumber(text: string): boolean {
  return (
    /^[-–]?\s*\d{1,4}\s*[-–]?$/.test(text) ||
    /^(?:pagina|page|p\.|blz\.)\s*\d{1,4}(?:\s*(?:van|of|\/)\s*\d{1,4})?$/i.test(text) ||
    /^\d{1,4}\s*\/\s*\d{1,4}$/.test(text)
  );
}

/** "3.3.2 Kansen op de arbeidsmarkt", "1 Personen met …": a number of at most four levels, then a title. */
export const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}.*)$/u;

/** "Actie 12", "Aanbeveling 3:", a capitalised word and a number alone on a line. */
export const LABELLED_ITEM = /^(\p{Lu}\p{Ll}+)\s+(\d{1,3})\s*[.:]?$/u;

export function endsSentence(text: string): boolean {
  return /[.!?:…)”’"»]$/.test(text.replace(/(?:\[\^\d+\])+$/, '').trimEnd());
}
