// The time limit on model calls: it fires even after a garbage collection, follows its parent, and can be cleared.
import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/answer/deadline.js';
import { collectGarbage } from '../helpers/gc.js';

const aborted = (signal: AbortSignal) => new Promise<unknown>((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startDeadline', () => {
  it('aborts with a TimeoutError after the limit, even when garbage is collected meanwhile', async () => {
    const parent = new AbortController();
    const { signal } = startDeadline(parent.signal, 100);
    const reason = aborted(signal);
    // In a later turn of the loop, when nothing on the stack holds the timer's signal any more:
    // AbortSignal.any([parent, AbortSignal.timeout(100)]) never aborts after this collection on Node 20.
    await sleep(20);
    collectGarbage();
    await sleep(300);
    expect(signal.aborted).toBe(true);
    expect(await reason).toMatchObject({ name: 'TimeoutError' });
    expect(parent.signal.aborted).toBe(false);
  });

  it("aborts with the parent's reason when the parent aborts first, or already had", () => {
    const parent = new AbortController();
    const deadline = startDeadline(parent.signal, 60_000);
    parent.abort(new Error('gebruiker annuleerde'));
    expect(deadline.signal.reason).toEqual(new Error('gebruiker annuleerde'));
    deadline.clear();
    const late = startDeadline(parent.signal, 60_000);
    expect(late.signal.aborted).toBe(true);
    late.clear();
  });

  it('does nothing after clear: no timeout, and a later abort of the parent does not reach it', async () => {
    const parent = new AbortController();
    const deadline = startDeadline(parent.signal, 50);
    deadline.clear();
    await sleep(150);
    parent.abort();
    expect(deadline.signal.aborted).toBe(false);
  });
});
