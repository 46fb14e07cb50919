// A time limit on a model call that also ends when its caller's signal does, and that a garbage collection cannot lose.

export interface Deadline {
  /** Aborts with a TimeoutError DOMException after the limit, or with the parent's reason when the parent aborts first. */
  readonly signal: AbortSignal;
  /** Stops the timer and lets go of the parent; call it once the work is over, however it ended. */
  clear(): void;
}

/**
 * Not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: Node holds a timeout signal only weakly, and the combined
 * signal holds its sources weakly too, so a garbage collection before the limit can take the timeout away and the limit
 * never comes (nodejs/node#57736; reproduced on Node 20.20 with one forced GC). A model that stalled then kept an answer
 * waiting for as long as it liked. Here the timer itself holds the controller.
 */
export function startDeadline(parent: AbortSignal, ms: number): Deadline {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
