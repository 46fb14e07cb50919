// Tells a footnote that only names a source (author and date, publisher, web address, "Idem") from one that explains something.

const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/g;
const HAS_WEB_ADDRESS = /https?:\/\/|www\./;
// "SERV (8 februari 2016).", "Unia (2018).", "KBS (31/8/2017).": the date of a publication.
const PUBLICATION_DATE = /\((?:[^()]{0,20}[\s/])?(?:19|20)\d{2}\)/;
const PUBLISHER = /(?:^|[.;,]\s*)(?:Brussel|Leuven|Antwerpen|Gent)\s*:/;
// "Cijfers op aanvraag verkregen van het kabinet van minister …": where figures came from, not what they say.
const FIGURES_OBTAINED = /^(?:cijfers|gegevens)\b[^.]*\b(?:verkregen|opgevraagd|ontvangen)\b/i;
// Below this many words a note names a source ("Hiva, 2016", "Zie advies conceptnota EAD"); with a web address, below the
// second.
const FEWEST_WORDS = 8;
const FEWEST_WORDS_BESIDE_ADDRESS = 15;

/**
 * True for a note such as "Commissie Diversiteit (23 mei 2019). Laaggeschoolde vrouwen met een migratie-achtergrond.
 * Brussel: …": split into sentences, its title reads as a statement of the list. False for notes that define or explain
 * ("De latente arbeidsreserve omvat …", "Enkel in Spanje en Italië ligt …"), even when they end with their source's address.
 */
export function isSourceReference(note: string): boolean {
  const text = note.trim();
  const words = text.replace(WEB_ADDRESS, ' ').split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  if (/^idem\b/i.test(text) || words < FEWEST_WORDS) return true;
  if (PUBLISHER.test(text) || PUBLICATION_DATE.test(text) || FIGURES_OBTAINED.test(text)) return true;
  return HAS_WEB_ADDRESS.test(text) && words < FEWEST_WORDS_BESIDE_ADDRESS;
}
