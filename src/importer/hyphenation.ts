// Decides how a word broken over two lines with a hyphen is put back together, using the document's own words.

/** Words after which a trailing hyphen is the first half of a suspended compound: "bemiddelings- en". */
const SUSPENSION_WORDS = new Set(['en', 'of', 'tot', 'noch', 'als', 'and', 'or', '&']);

export type HyphenJoin = 'suspended' | 'joined' | 'hyphenated';

/** The words of a document, to learn which compounds it writes with a hyphen and which without. */
export class Vocabulary {
  private readonly words: string[];

  constructor(lines: string[]) {
    const words: string[] = [];
    for (const line of lines) {
      const tokens = line.trim().split(/\s+/);
      // A line-final "arbeidsmarkt-" is a fragment, not evidence for a hyphenated form.
      if (line.trimEnd().endsWith('-')) tokens.pop();
      for (const token of tokens) {
        if (/:\/\/|^www\.|\//i.test(token)) continue;
        const word = normaliseWord(token);
        if (word) words.push(word);
      }
    }
    this.words = words;
  }

  count(fragment: string): number {
    let total = 0;
    for (const word of this.words) if (word.includes(fragment)) total += 1;
    return total;
  }
}

function normaliseWord(token: string): string {
  return token
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** The word at the start of a line, without punctuation or glued note numbers after it. */
export function leadingWord(text: string): string {
  return /^[\p{L}][\p{L}\p{M}'’]*/u.exec(text)?.[0] ?? '';
}

/**
 * How "left-" at a line end and "right…" at the start of the next line belong together.
 * The document decides where it can: the form it uses elsewhere inside a line wins ("migratie-achtergrond"
 * stays, "arbeidsmarktmaatregelen" joins). Otherwise abbreviations and numbers keep their hyphen
 * ("ESF-project", "NT2-ondersteuning") and ordinary Dutch compounds are closed up.
 */
export function decideHyphenJoin(left: string, right: string, vocabulary: Vocabulary): HyphenJoin {
  const next = leadingWord(right);
  if (next === '' || SUSPENSION_WORDS.has(next.toLowerCase())) return 'suspended';
  const lastPart = (left.split('-').pop() ?? left).toLowerCase();
  // Inflected forms count too: "gebruiksvriendelijk" is evidence for "gebruiks-" + "vriendelijkheid".
  const stem = next.toLowerCase().slice(0, Math.max(4, Math.ceil(next.length * 0.6)));
  const hyphenated = vocabulary.count(`${lastPart}-${stem}`);
  const joined = vocabulary.count(`${lastPart}${stem}`);
  if (hyphenated > joined) return 'hyphenated';
  if (joined > hyphenated) return 'joined';
  const before = left.at(-1) ?? '';
  if (/[\p{Lu}\p{N}]/u.test(before) || /^\p{Lu}/u.test(next)) return 'hyphenated';
  return 'joined';
}
