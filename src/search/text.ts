// Text normalisation shared by the embedder, the glossary and the query analysis.

/** Lower case, accents removed, everything but letters and digits turned into single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Function words that carry no topic, prepositions too ("tijdens", in four passages, weighed more than "kinderopvang");
// "actie" and friends are here because every passage is about actions.
const STOPWORDS = new Set(
  `aan al alle als alsook ben bij bv dan dat de deze die dit door een en er eerder ene enkel geen haar heb hebben heeft het hier hij hoe hun ik in is je kan kunnen maar mag me meer men met mij mijn mogen moet moeten na naar niet nog nu of om omdat ook op over te tegen toch toe tot u uit van veel voor waar wat wanneer was we welk welke wel werd wie wij wil worden wordt zal ze zich zij zijn zo zoals zou zouden
   tijdens tussen binnen zonder onder sinds vanaf via per naast behalve ondanks
   the and of to a is are what which how
   actie acties zegt over gaat gaan vertel geef graag iets daarover`.split(/\s+/),
);

export function tokenize(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((token) => token.length > 1 && !STOPWORDS.has(token));
}

// A web address's words are no words of the text: "…/advies-hooggeschoolde-allochtonen" made a list of references the best
// match for "allochtonen", and "…/COMD_20170606_Lokalebesturen_ADV.pdf" made "lokalebesturen" a word of the list.
const WEB_ADDRESS = /\bhttps?:\/\/[^\s)]+/g;

/** The text with its web addresses replaced by spaces. */
export function withoutWebAddresses(text: string): string {
  return text.includes('http') ? text.replace(WEB_ADDRESS, ' ') : text;
}

/**
 * Dutch words that look like a word of the corpus but mean something else: neither stemmed nor spelling-repaired into it.
 * "ouderen" (older people) lost its "-en" and read as "ouders" (parents), and "oudere" was repaired to "ouders": a
 * question about older jobseekers was answered with the actions on involving parents in school.
 */
export const DISTINCT_WORDS: ReadonlySet<string> = new Set(['ouderen', 'oudere']);

/** A crude Dutch plural/inflection strip for matching glossary phrases, not a linguistic stemmer. */
export function lightStem(word: string): string {
  if (word.length <= 4 || DISTINCT_WORDS.has(word)) return word;
  for (const suffix of ['en', 's', 'e']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}
