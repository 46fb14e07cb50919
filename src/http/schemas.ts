// Zod schemas of the HTTP API: validated on the way in, serialised on the way out, published at /docs.
import { z } from 'zod';
import { ACTORS, THEMES } from '../corpus/tags.js';

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const SectionSchema = z.object({ number: z.string().nullable(), title: z.string() });

export const ActionSummarySchema = z.object({
  number: z.number().int(),
  section: SectionSchema,
  heading: z.string().nullable(),
  text: z.string(),
  actors: z.array(z.string()),
  themes: z.array(z.string()),
});

export const NoteSchema = z.object({
  number: z.number().int(),
  text: z.string(),
  urls: z.array(z.string()),
  /** Documents in the corpus that the note names by title (an advice it refers to). */
  documents: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
});

export const ActionDetailSchema = ActionSummarySchema.extend({
  document: z.string(),
  context: z.array(z.object({ id: z.string(), heading: z.string().nullable(), text: z.string() })),
  notes: z.array(NoteSchema),
  related: z.array(z.number().int()),
  previous: z.number().int().nullable(),
  next: z.number().int().nullable(),
});

const choices = (vocabulary: Record<string, string>): string => Object.keys(vocabulary).join(', ');

// A form with an unset field sends it empty ("?actor=vdab&theme=", "?q=evc&k=&role="), as the README's templates write
// the query strings: an optional parameter sent empty is not given.
const unlessEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * A tag as a filter, matched regardless of case and surrounding spaces (`VDAB` is `vdab`). An unknown tag is a 400 that
 * names the choices: before, it matched nothing and answered an empty list, which reads as "no such actions".
 */
const tagFilter = (vocabulary: Record<string, string>, unknown: string) =>
  z
    .string()
    .max(60)
    .transform((value) => value.trim().toLowerCase())
    .refine((id) => Object.hasOwn(vocabulary, id), { error: (issue) => `${unknown} "${String(issue.input)}"; kies uit ${choices(vocabulary)}` });

export const ActionsQuerySchema = z.object({
  actor: z.preprocess(unlessEmpty, tagFilter(ACTORS, 'onbekende actor').optional()),
  theme: z.preprocess(unlessEmpty, tagFilter(THEMES, 'onbekend thema').optional()),
});

export const ActionParamsSchema = z.object({
  number: z.string().regex(/^\d{1,6}$/, 'het actienummer moet een getal zijn').transform(Number),
});

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'de zoekvraag is leeg').max(500, 'de zoekvraag is te lang (max. 500 tekens)'),
  k: z.preprocess(unlessEmpty, z.coerce.number().int('k moet een geheel getal zijn').min(1, 'k moet tussen 1 en 50 liggen').max(50, 'k moet tussen 1 en 50 liggen').default(10)),
  role: z.preprocess(unlessEmpty, z.enum(['bemiddelaar', 'hr', 'sector']).optional()),
});

export const SearchResultSchema = z.object({
  id: z.string(),
  document: z.string(),
  kind: z.enum(['action', 'context', 'intro', 'note']),
  action: z.number().int().nullable(),
  actions: z.array(z.number().int()),
  number: z.number().int().nullable(),
  label: z.string().nullable(),
  section: SectionSchema,
  heading: z.string().nullable(),
  text: z.string(),
  score: z.number(),
});

export const SearchResponseSchema = z.object({ results: z.array(SearchResultSchema) });

export const AnswerModeSchema = z.enum(['auto', 'llm', 'extractive']);
export const QuestionSchema = z
  .string()
  .trim()
  .min(1, 'de vraag is leeg')
  .max(2000, 'de vraag is te lang (max. 2000 tekens)');
export const ConversationIdSchema = z.uuid('conversationId moet een UUID zijn');

export const AskBodySchema = z.object({
  question: QuestionSchema,
  conversationId: ConversationIdSchema.optional(),
  mode: AnswerModeSchema.optional(),
  role: z.enum(['bemiddelaar', 'hr', 'sector']).optional(),
});

export const CitationSchema = z.object({
  /** The action-list number; null when the citation is a passage of another document. */
  action: z.number().int().nullable(),
  section: z.string().nullable(),
  quote: z.string(),
  document: z.string(),
  /** The cited document's version when answered; absent in turns stored before versions were recorded. */
  version: z.number().int().optional(),
  /** For other documents: their own item number (or null) and the label the answer cites them by. */
  number: z.number().int().nullable().optional(),
  label: z.string().nullable().optional(),
});

export const AskResponseSchema = z.object({
  answer: z.string(),
  citations: z.array(CitationSchema),
  mode: z.enum(['llm', 'extractive']),
  refused: z.boolean(),
  conversationId: z.string(),
  turnId: z.number().int(),
  passages: z.array(z.object({ id: z.string(), action: z.number().int().nullable(), score: z.number() })),
  fallback: z.string().nullable(),
});

export const ChatClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ask'),
    question: QuestionSchema,
    conversationId: ConversationIdSchema.optional(),
    mode: AnswerModeSchema.optional(),
    role: z.enum(['bemiddelaar', 'hr', 'sector']).optional(),
  }),
  z.object({ type: z.literal('cancel') }),
]);

export const StatusResponseSchema = z.object({
  llm: z.object({ available: z.boolean(), model: z.string(), reason: z.string().nullable() }),
  mode: AnswerModeSchema,
  embeddings: z.string(),
});

export const TurnSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  answer: z.string(),
  citations: z.array(CitationSchema),
  mode: z.string(),
  refused: z.boolean(),
  createdAt: z.string(),
});

export const DocumentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
  origin: z.enum(['corpus', 'upload']),
  version: z.number().int(),
  passages: z.number().int(),
});

export const DocumentListResponseSchema = z.object({ documents: z.array(DocumentSummarySchema) });

export const DocumentUploadResponseSchema = z.object({
  document: z.object({ id: z.string(), title: z.string(), kind: z.string(), passages: z.number().int(), version: z.number().int() }),
});

export const DocumentParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const CovenantOutlineBodySchema = z.object({
  sector: z
    .string()
    .trim()
    .min(1, 'de naam van de sector is leeg')
    .max(200, 'de naam van de sector is te lang (max. 200 tekens)')
    // The name becomes a Markdown title: one line.
    .transform((sector) => sector.replace(/\s+/g, ' ')),
  themes: z.array(tagFilter(THEMES, 'onbekend thema')).max(Object.keys(THEMES).length, 'te veel thema’s').optional(),
});

export const CovenantOutlineResponseSchema = z.object({
  sector: z.string(),
  groups: z.array(z.object({ theme: z.string(), actions: z.array(z.object({ number: z.number().int(), text: z.string() })) })),
  positiveActionTypes: z.array(z.string()),
});
