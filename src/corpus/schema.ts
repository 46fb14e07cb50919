// Typed, zod-checked records that the corpus parser produces from a corpus Markdown file.
import { z } from 'zod';
import { ACTOR_IDS, THEME_IDS } from './tags.js';

export const DocumentKindSchema = z.enum(['action-list', 'advice', 'legal']);

const ActionNumbersSchema = z.array(z.number().int().min(1).max(999));

export const DocumentMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id moet kebab-case zijn'),
  title: z.string().min(1),
  short: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  date: z.string().min(4).optional(),
  kind: DocumentKindSchema,
  source: z.string().url().optional(),
  itemLabel: z.string().min(1).default('Actie'),
  /** Action-list numbers a related document elaborates ("actions: 44, 45"): its passages count as evidence for them in search. */
  actions: z
    .union([
      ActionNumbersSchema,
      // As written in front matter; the parsed record holds the array and is checked again.
      z
        .string()
        .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'actions moet een lijst actienummers zijn, bv. "44, 45"')
        .transform((value) => [...new Set(value.split(',').map((n) => Number(n.trim())))].sort((a, b) => a - b))
        .pipe(ActionNumbersSchema),
    ])
    .default([]),
});

export const SectionRefSchema = z.object({
  number: z.string().nullable(),
  title: z.string().min(1),
});

export const NoteSchema = z.object({
  number: z.number().int().positive(),
  text: z.string().min(1),
  urls: z.array(z.string()),
});

export const ItemSchema = z.object({
  number: z.number().int().positive(),
  section: SectionRefSchema,
  heading: z.string().nullable(),
  text: z.string().min(1),
  notes: z.array(z.number().int().positive()),
  actors: z.array(z.enum(ACTOR_IDS)),
  themes: z.array(z.enum(THEME_IDS)),
  refs: z.array(z.string().min(1)),
  group: z.number().int().nonnegative(),
  /** Position in the source file (line number), to keep document order across items and blocks. */
  order: z.number().int().nonnegative(),
});

export const TextBlockSchema = z.object({
  kind: z.enum(['context', 'intro']),
  section: SectionRefSchema,
  heading: z.string().nullable(),
  text: z.string().min(1),
  notes: z.array(z.number().int().positive()),
  /** For a context block: the numbers of the items of the group it precedes. */
  items: z.array(z.number().int().positive()),
  group: z.number().int().nonnegative().nullable(),
  order: z.number().int().nonnegative(),
});

export const ParsedDocumentSchema = z.object({
  meta: DocumentMetaSchema,
  sections: z.array(SectionRefSchema.extend({ level: z.number().int().min(1).max(6) })),
  items: z.array(ItemSchema),
  blocks: z.array(TextBlockSchema),
  notes: z.array(NoteSchema),
});

/** In a one-way glossary phrase, a gap of a few words ("hoeveel … werken"). */
export const GLOSSARY_GAP = '…';

export const GlossaryEntrySchema = z.object({
  term: z.string().min(1),
  // A gap cannot be searched for, so only a one-way phrase may have one.
  expansions: z.array(z.string().min(1).refine((phrase) => !phrase.includes(GLOSSARY_GAP), 'een weglating (…) kan alleen in een regel met ←')).min(1),
  /**
   * Phrases read as this entry that are not searched for: a situation ("geen buitenlanders") that names no passage's words.
   * "…" stands for a few words ("hoeveel … werken").
   */
  readAs: z
    .array(z.string().min(1).refine((phrase) => phrase.split(GLOSSARY_GAP).every((part) => /[\p{L}\p{N}]/u.test(part)), 'een weglating (…) staat tussen twee woorden'))
    .default([]),
});

export const GlossarySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  entries: z.array(GlossaryEntrySchema).min(1),
});

export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
export type SectionRef = z.infer<typeof SectionRefSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type TextBlock = z.infer<typeof TextBlockSchema>;
export type ParsedDocument = z.infer<typeof ParsedDocumentSchema>;
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
