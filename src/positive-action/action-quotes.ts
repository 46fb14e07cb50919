// Verbatim quotes from Actie 44, 45 and 56 of the SERV action list, cited by the positive-action check.

/** Actie 44: the definition of positive actions. */
export const ACTION_44_DEFINITION =
  'Positieve acties zijn tijdelijke en proportionele specifieke maatregelen die – binnen de voorwaarden van de antidiscriminatiewetgeving – kunnen worden genomen om de nadelen die verband houden met de door deze wetgeving beschermde criteria te voorkomen of te compenseren, met het oog op het waarborgen van een volledige gelijkheid in de praktijk.';

/** Actie 44: translating the federal framework to the Flemish context. */
export const ACTION_44_FLEMISH_CONTEXT =
  'Het is belangrijk daarbij een goede vertaling te maken van het federaal kader naar de Vlaamse context en dit kader inhoudelijk verder te verduidelijken en concretiseren.';

/** Actie 45: sector funds and a list of legal positive actions per sector. */
export const ACTION_45_SECTOR_LIST =
  'Sectorfondsen en andere werkgeversorganisaties kunnen de ondernemingen van het paritair comité inspireren en stimuleren door goede praktijkvoorbeelden van positieve acties te verspreiden en kunnen op basis van de sectorale realiteit een lijst van legale positieve acties uitwerken.';

/** Actie 56: a non-discrimination code of conduct in the sector covenants. */
export const ACTION_56_CODE_OF_CONDUCT =
  'De commissie vindt het positief dat binnen de nieuwe sectorconvenants het uitwerken van een gedragscode non-discriminatie een minimumvereiste is en vraagt hier blijvend op in te zetten.';

/** All quotes with their action number. */
export const ACTION_QUOTES = [
  { action: 44, quote: ACTION_44_DEFINITION },
  { action: 44, quote: ACTION_44_FLEMISH_CONTEXT },
  { action: 45, quote: ACTION_45_SECTOR_LIST },
  { action: 56, quote: ACTION_56_CODE_OF_CONDUCT },
] as const;
