// Zod schemas and types for the positive-action check request and response.
import { z } from 'zod';

export const SECTORS = ['private', 'flemish_public', 'local_government', 'other'] as const;
export const AnswerSchema = z.enum(['yes', 'no', 'unknown']);

/**
 * Answers about the measure. `exclusiveReservation: "yes"` means the measure reserves a job or place
 * exclusively for the target group; `preferenceAtEqualCompetence: "yes"` means any preference is given only at
 * equal competence (also answer "yes" when the measure gives no preference in selection at all).
 */
export const AnswersSchema = z.object({
  manifestInequality: AnswerSchema,
  objective: AnswerSchema,
  temporary: AnswerSchema,
  sameRequirements: AnswerSchema,
  preferenceAtEqualCompetence: AnswerSchema,
  exclusiveReservation: AnswerSchema,
  approvedPlan: AnswerSchema,
});

export const PositiveActionRequestSchema = z.object({
  sector: z.enum(SECTORS),
  measure: z.string().trim().min(1).max(2000),
  answers: AnswersSchema,
});

export const OUTCOMES = ['fits_framework', 'missing_conditions', 'not_allowed_as_described'] as const;
export const CONDITION_IDS = [
  'manifest_inequality',
  'objective',
  'temporary',
  'same_requirements',
  'preference_at_equal_competence',
  'exclusive_reservation',
  'approved_plan',
  'applicable_framework',
] as const;
export const CONDITION_STATUSES = ['met', 'not_met', 'unknown'] as const;

export const ConditionResultSchema = z.object({
  id: z.enum(CONDITION_IDS),
  status: z.enum(CONDITION_STATUSES),
  explanation: z.string().min(1),
  references: z.array(z.string().min(1)).min(1),
  actions: z.array(z.int().min(1).max(60)).min(1),
});

export const CitationSchema = z.object({
  action: z.int().min(1).max(60),
  quote: z.string().min(1),
});

export const PositiveActionResponseSchema = z.object({
  outcome: z.enum(OUTCOMES),
  conditions: z.array(ConditionResultSchema).min(1),
  nextSteps: z.array(z.string().min(1)).min(1),
  citations: z.array(CitationSchema).min(1),
  disclaimer: z.string().min(1),
});

export type Sector = (typeof SECTORS)[number];
export type Answer = z.infer<typeof AnswerSchema>;
export type Answers = z.infer<typeof AnswersSchema>;
export type PositiveActionRequest = z.infer<typeof PositiveActionRequestSchema>;
export type PositiveActionRequestInput = z.input<typeof PositiveActionRequestSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type ConditionId = (typeof CONDITION_IDS)[number];
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];
export type ConditionResult = z.infer<typeof ConditionResultSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type PositiveActionResponse = z.infer<typeof PositiveActionResponseSchema>;
