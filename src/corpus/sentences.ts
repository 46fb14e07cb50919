// Where a sentence of the corpus ends: shared by the passage splitter and the quotes of answers and citations.

// A full stop that ends an abbreviation ("e.g. ‘anderstalig’", "nr. 7", "2017 t.a.v. 2012") or an author's initial in a
// reference ("Vansteenkiste, S. (2018)") ends no sentence: split there, a quote was a fragment.
export const SENTENCE_BOUNDARY =
  /(?<=[.!?…])(?<!\b(?:art|nr|bv|bijv|vb|cf|ca|resp|incl|excl|zgn|e\.g|i\.e|o\.a|d\.w\.z|m\.a\.w|t\.a\.v)\.)(?<!(?:^|[\s,(])\p{Lu}\.)\s+(?=[A-Z0-9“‘"(])/u;
