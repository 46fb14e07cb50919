// The evaluation sets of `npm run eval` are well formed: what they measure depends on their ids and gold actions.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const QuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(3),
  gold: z.array(z.int().min(1).max(60)).min(1),
  type: z.enum(['abbreviation', 'fact', 'named', 'paraphrase', 'topic', 'typo']),
  user: z.enum(['bemiddelaar', 'hr', 'sector']),
});
const read = (file: string): unknown => JSON.parse(fs.readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));

describe('evaluation question sets', () => {
  const sets = ['questions.json', 'holdout.json', 'holdout-2.json'].map((file) => ({ file, questions: z.array(QuestionSchema).parse(read(file)) }));

  it('give every question a unique id, gold actions of the list, a known type and a known user', () => {
    const ids = sets.flatMap((set) => set.questions.map((question) => question.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const set of sets) for (const question of set.questions) expect(new Set(question.gold).size, `${set.file} ${question.id}`).toBe(question.gold.length);
  });

  it('ask no question twice across the sets', () => {
    const texts = sets.flatMap((set) => set.questions.map((question) => question.question.trim().toLowerCase()));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
