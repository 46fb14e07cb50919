// The controlled vocabulary for the actor and theme tags on actions, with their Dutch display names.

export const ACTORS = {
  'vlaamse-overheid': 'Vlaamse overheid',
  vdab: 'VDAB',
  onderwijs: 'Onderwijs',
  'lokale-besturen': 'Lokale besturen',
  'sectoren-werkgevers': 'Sectoren en werkgevers',
  'sociale-partners': 'Sociale partners',
  middenveld: 'Middenveld en organisaties van de doelgroep',
  inburgering: 'Agentschap Integratie & Inburgering',
  onderzoek: 'Onderzoek en statistiek',
} as const;

export const THEMES = {
  'beleid-coordinatie': 'Beleid en coördinatie',
  monitoring: 'Monitoring en onderzoek',
  onderwijs: 'Onderwijs en studieoriëntering',
  'duaal-leren': 'Duaal leren en werkplekleren',
  competenties: 'Competenties en EVC',
  'diploma-erkenning': 'Erkenning van diploma\'s',
  taal: 'Nederlands leren (NT2)',
  trajecten: 'Geïntegreerde trajecten',
  werkervaring: 'Werkervaring en stages',
  'bereik-activering': 'Bereik en activering',
  'overheid-voorbeeld': 'Voorbeeldrol overheid',
  ondernemerschap: 'Ondernemerschap',
  diversiteitsbeleid: 'Diversiteitsbeleid in organisaties',
  'positieve-actie': 'Positieve acties',
  discriminatie: 'Discriminatie aanpakken',
  outreach: 'Outreachend werken',
  mentoring: 'Mentoring',
  'flankerend-beleid': 'Kinderopvang, mobiliteit en flankerend beleid',
} as const;

export type ActorId = keyof typeof ACTORS;
export type ThemeId = keyof typeof THEMES;
export const ACTOR_IDS = Object.keys(ACTORS) as [ActorId, ...ActorId[]];
export const THEME_IDS = Object.keys(THEMES) as [ThemeId, ...ThemeId[]];
