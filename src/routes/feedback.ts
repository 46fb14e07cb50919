// POST /api/feedback and GET /api/feedback: people judge answers (helpful or not, with a comment); reviewers export them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../http/schemas.js';
import { redactFields } from '../privacy/redact.js';
import { insertFeedback, listFeedback } from '../repositories/feedback-repository.js';

// The error handler prefixes messages with the field name, so they start with the verb.
const TURN_ID = 'moet een positief geheel getal zijn';

// Optional texts: surrounding whitespace is noise and an empty comment means "no comment".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is te lang (max. ${max} tekens)`)
    .optional()
    .transform((value) => (value ? value : undefined));

export const FeedbackRequestSchema = z.object({
  conversationId: z.uuid('moet een gespreks-id (uuid) zijn').optional(),
  // Turn ids are bigserials: clients may hold them as numbers or as strings.
  turnId: z
    .union([z.number(TURN_ID).int(TURN_ID).positive(TURN_ID).max(Number.MAX_SAFE_INTEGER, TURN_ID), z.string(TURN_ID).regex(/^[1-9]\d{0,15}$/, TURN_ID)], {
      error: TURN_ID,
    })
    .optional()
    .transform((value) => (value === undefined ? undefined : String(value))),
  helpful: z.boolean({ error: 'moet true of false zijn' }),
  comment: optionalText(2000),
  question: optionalText(2000),
  answer: optionalText(12000),
});

export const FeedbackSchema = z.object({
  id: z.number().int(),
  conversationId: z.string().nullable(),
  turnId: z.number().int().nullable(),
  helpful: z.boolean(),
  comment: z.string().nullable(),
  question: z.string().nullable(),
  answer: z.string().nullable(),
  createdAt: z.string(),
});

export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/feedback',
    {
      schema: {
        summary: 'Een oordeel over een antwoord bewaren: nuttig of niet, met een optionele opmerking',
        body: FeedbackRequestSchema,
        response: { 201: z.object({ feedback: FeedbackSchema }), 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      // People paste questions and answers with personal data into comments; none of it is stored.
      const feedback = await insertFeedback(app.db.pool, redactFields(request.body, ['comment', 'question', 'answer']));
      return reply.status(201).send({ feedback });
    },
  );

  app.get(
    '/api/feedback',
    {
      schema: {
        summary: 'Alle feedback, nieuwste eerst (export)',
        response: { 200: z.object({ feedback: z.array(FeedbackSchema) }) },
      },
    },
    async () => ({ feedback: await listFeedback(app.db.pool) }),
  );
};
