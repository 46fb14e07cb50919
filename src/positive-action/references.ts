// Legal reference strings cited by the positive-action check; each one also appears in corpus/positieve-actie-kader.md.

export const REFERENCES = {
  antiracismArt10Par1: 'Antiracismewet art. 10 §1',
  antiracismArt10Par2: 'Antiracismewet art. 10 §2',
  antiracismArt10Par3: 'Antiracismewet art. 10 §3',
  royalDecree2019: 'KB 11 februari 2019',
  decree2002Art2: 'Decreet 8 mei 2002 art. 2, 1°',
  decree2008: 'Decreet 10 juli 2008',
  unia: 'Unia, Positieve acties',
  flemishPersonnelPolicy: 'Vlaamse overheid, personeelsbeleid',
} as const;

export type Reference = (typeof REFERENCES)[keyof typeof REFERENCES];

/** Every reference string the check can cite. */
export const ALL_REFERENCES: readonly Reference[] = Object.values(REFERENCES);
