// Replaces personal data (e-mail, phone, national register number, IBAN, street address) by placeholders before text is logged or stored.

export const PLACEHOLDERS = {
  email: '[e-mail]',
  phone: '[telefoonnummer]',
  nationalNumber: '[rijksregisternummer]',
  iban: '[IBAN]',
  address: '[adres]',
} as const;

// Separators people type inside numbers; a no-break space arrives from copied text.
const SEP = '[ \\u00a0./-]';

// The local part starts where a run of its characters starts, and the domain is written as labels each ending in a dot:
// tried from every position with ambiguous repeats, the pattern backtracked through each long word of a text that has
// an @ (0.3 ms on an answer of 60 tokens stamped like "⟦5@1764483000000.123⟧", 0.09 ms now; the same addresses match).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/gu;

// Groups of four upper-case letters or digits: lower-case groups would swallow the next Dutch word ("… 7034 mijn").
const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu;

// YY MM DD NNN CC; the checksum is not required, since people mistype and a mistyped number is still theirs.
const NATIONAL_NUMBER = /(?<![\p{L}\p{N}+.,/-])(\d{2})[ .]?(\d{2})[ .]?(\d{2})[ .-]?\d{3}[ .-]?\d{2}(?![\p{N}]|[.,/-]\d)/gu;

// +32 470 12 34 56, +32 (0)9 123 45 67, 0032 …, +1 (555) 123-4567: a country code and at least six more digits.
const INTERNATIONAL_PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:\\+|00)[1-9]\\d{0,2}(?:${SEP}?\\(0\\))?(?:${SEP}{0,2}(?:\\(\\d{1,4}\\)|\\d)){6,13}(?!\\p{N})`,
  'gu',
);

// Belgian numbers without country code have nine (fixed) or ten (mobile) digits and start with 0.
const NATIONAL_PHONE = new RegExp(`(?<![\\p{L}\\p{N}+.,-])0(?:${SEP}?\\d){8,9}(?!\\p{N}|[.,]\\d)`, 'gu');
// 01/02/2024 14 has nine digits after a 0 as well, but it is a date and a time.
const DATE_START = /^0\d[./-]\d{1,2}[./-]\d{2,4}/;

const MUNICIPALITY = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)*";
const POSTCODE_AND_MUNICIPALITY = `[1-9]\\d{3}\\s+${MUNICIPALITY}`;
// 12, 12A, 101 bus 3, 5/2; `box` is the word for a letterbox number ("bus", in French "bte").
const houseNumber = (box: string) => `\\d{1,3}(?![\\p{N}]|[.,]\\d)(?:[A-Za-z](?!\\p{L}))?(?:\\s*(?:${box}|/)\\s*\\d{1,4}[A-Za-z]?(?!\\p{L}))?`;
const HOUSE_NUMBER = houseNumber('bus|b\\.');
const SUFFIXES = 'straat|laan|plein|lei|steenweg|dreef|weg|kaai|markt|baan|hof|vest|singel';
const CAPITALISED_SUFFIXES = SUFFIXES.split('|').map((suffix) => `[${suffix[0]}${suffix[0]?.toUpperCase()}]${suffix.slice(1)}`).join('|');
// Lower-case street names are recognised only with suffixes that are rarely anything else ("arbeidsmarkt 3" is not an address).
const LOWERCASE_SUFFIXES = 'straat|laan|steenweg|dreef|plein';
const STREET_NAME = `(?:(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}(?:\\p{Lu}[\\p{L}'’-]*?)?(?:${CAPITALISED_SUFFIXES})|\\p{Ll}[\\p{L}'’-]*?(?:${LOWERCASE_SUFFIXES}))`;

// Kerkstraat 12, Koning Albertlaan 101 bus 3, optionally followed by ", 9000 Gent".
const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])${STREET_NAME}(?!\\p{L})\\s+${HOUSE_NUMBER}(?:,?\\s+${POSTCODE_AND_MUNICIPALITY})?(?!\\p{L})`,
  'gu',
);
// Any capitalised street name with a number is an address when a postcode and municipality follow: Meir 1, 2000 Antwerpen.
const PARTICLE = "(?:de|la|le|du|des|van|der|den|op|ter|ten|d'|l')";
const ADDRESS_WITH_POSTCODE = new RegExp(
  `(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’-]+|${PARTICLE})){0,3}\\s+${HOUSE_NUMBER},\\s*${POSTCODE_AND_MUNICIPALITY}(?!\\p{L})`,
  'gu',
);
// Brussels and Wallonia write the street type first: "Avenue Louise 54", "Chaussée de Mons 120 bte 3", "Rue de la Loi 16".
const FRENCH_STREET_TYPE = "(?:Rue|Avenue|Av\\.|Boulevard|Bd|Chaussée|Place|Square|Quai|Chemin|Allée|Drève|Impasse|Clos|Galerie)";
const FRENCH_PARTICLE = "(?:de la|de l['’]|du|des|de|d['’]|la|le|les|l['’])";
const FRENCH_STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])${FRENCH_STREET_TYPE}\\s+(?:${FRENCH_PARTICLE}\\s*)?\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*|${FRENCH_PARTICLE}))` +
    `{0,3}\\s+${houseNumber('bte|boîte|bus|b\\.')}(?:,?\\s+${POSTCODE_AND_MUNICIPALITY})?(?!\\p{L})`,
  'gu',
);
// The address patterns try every word of a text as a street name, a quarter of a millisecond on an answer: they run only
// where a text has what every match of theirs contains, a street suffix before a number, a French street type a little
// before one, or a postcode after a comma.
const STREET_BEFORE_NUMBER = new RegExp(`(?:${SUFFIXES})\\s+\\d`, 'i');
const FRENCH_STREET_BEFORE_NUMBER = new RegExp(`${FRENCH_STREET_TYPE}\\s+\\S[^\\n]{0,60}?\\d`, 'u');
const POSTCODE_AFTER_COMMA = /,\s*[1-9]\d{3}\s+\p{Lu}/u;
const POSTCODE_ONLY = new RegExp(`(?<![\\p{L}\\p{N}.,/-])${POSTCODE_AND_MUNICIPALITY}(?!\\p{L})`, 'gu');

/** Replaces every recognisable piece of personal data in `text` by its placeholder; idempotent. */
export function redact(text: string): string {
  // Only a text with an @ can hold an address, and the e-mail pattern is costly on long answers without one.
  const numbersRedacted = (text.includes('@') ? text.replace(EMAIL, PLACEHOLDERS.email) : text)
    .replace(IBAN, redactIban)
    .replace(NATIONAL_NUMBER, (match, _year: string, month: string, day: string) =>
      isBirthDate(Number(month), Number(day)) ? PLACEHOLDERS.nationalNumber : match,
    )
    .replace(INTERNATIONAL_PHONE, PLACEHOLDERS.phone)
    .replace(NATIONAL_PHONE, (match) => (DATE_START.test(match) ? match : PLACEHOLDERS.phone));
  const dutchRedacted = STREET_BEFORE_NUMBER.test(numbersRedacted)
    ? numbersRedacted.replace(STREET_ADDRESS, PLACEHOLDERS.address)
    : numbersRedacted;
  const streetsRedacted = FRENCH_STREET_BEFORE_NUMBER.test(dutchRedacted)
    ? dutchRedacted.replace(FRENCH_STREET_ADDRESS, PLACEHOLDERS.address)
    : dutchRedacted;
  return (POSTCODE_AFTER_COMMA.test(streetsRedacted) ? streetsRedacted.replace(ADDRESS_WITH_POSTCODE, PLACEHOLDERS.address) : streetsRedacted)
    .replace(POSTCODE_ONLY, PLACEHOLDERS.address);
}

/** Redacts the optional texts of a record, leaving everything else as it is. */
export function redactFields<T extends object, K extends keyof T>(record: T, fields: readonly K[]): T {
  const copy = { ...record };
  for (const field of fields) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = redact(value) as T[K];
  }
  return copy;
}

// Months are shifted by 20 or 40 in numbers given to people without a known birth date (bis numbers); 00 means unknown.
function isBirthDate(month: number, day: number): boolean {
  const plain = month % 20;
  return month <= 52 && plain <= 12 && day <= 31;
}

/**
 * The regex may run one group into the next word ("… 7034 VDAB"): keep the longest prefix whose checksum is right,
 * or else the longest that ends in digits, and leave the rest of the match as it was.
 */
function redactIban(match: string): string {
  if ((match.match(/\d/g) ?? []).length < 10) return match;
  const groups = [...match.matchAll(/^[A-Za-z]{2}\d{2}|[A-Z0-9]{1,4}/g)].map((group) => ({ text: group[0], end: group.index + group[0].length }));
  let end = groups.length;
  while (end >= 3 && !ibanChecksumOk(groups.slice(0, end).map((group) => group.text).join(''))) end -= 1;
  if (end < 3) {
    end = groups.length;
    while (end > 3 && !/\d/.test(groups[end - 1]?.text ?? '')) end -= 1;
  }
  return `${PLACEHOLDERS.iban}${match.slice(groups[end - 1]?.end ?? match.length)}`;
}

function ibanChecksumOk(iban: string): boolean {
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`.toUpperCase();
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
