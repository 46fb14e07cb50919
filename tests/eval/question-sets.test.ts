// The evaluation sets of `npm run eval` are well formed: what they measure depends on their ids and gold actions.
import { describe, expect, it } from 'vitest';
import { readQuestionSet } from './question-set.js';

describe('evaluation question sets', () => {
  const sets = ['questions.json', 'holdout.json', 'holdout-2.json'].map((file) => ({ file, questions: readQuestionSet(file) }));

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
