// Turn-taking on the event loop: questions in preparation take one step per turn, in the order they asked.
import { describe, expect, it } from 'vitest';
import { nextTurn } from '../../src/answer/turns.js';

describe('nextTurn', () => {
  it('lets one waiting step go per turn of the event loop, so work that arrives meanwhile runs between two steps', async () => {
    const order: string[] = [];
    setImmediate(() => {
      order.push('other work');
      setImmediate(() => order.push('other work, next turn'));
    });
    await Promise.all([1, 2, 3].map((step) => nextTurn().then(() => order.push(`step ${step}`))));
    // All three going in the first turn would put the other work's next turn after the last step.
    expect(order).toEqual(['other work', 'step 1', 'other work, next turn', 'step 2', 'step 3']);
  });

  it('serves waiters that arrive while others wait, after them', async () => {
    const order: number[] = [];
    const first = nextTurn().then(() => {
      order.push(1);
      return nextTurn().then(() => order.push(3));
    });
    const second = nextTurn().then(() => order.push(2));
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2, 3]);
  });
});
