// The form of an evaluation question set (questions.json, holdout.json, holdout-2.json), shared by `npm run eval` and its test.
import fs from 'node:fs';
import { z } from 'zod';

export const QuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(3),
  gold: z.array(z.int().min(1).max(60)).min(1),
  type: z.enum(['abbreviation', 'fact', 'named', 'paraphrase', 'topic', 'typo']),
  user: z.enum(['bemiddelaar', 'hr', 'sector']),
});

export type EvalQuestion = z.infer<typeof QuestionSchema>;

/** A set by its file name in tests/eval, checked against the schema. */
export function readQuestionSet(file: string): EvalQuestion[] {
  return z.array(QuestionSchema).parse(JSON.parse(fs.readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')));
}
