// Turn-taking on the event loop: questions being prepared take one step per loop turn, so streams already running keep flowing.

/**
 * Resolves on a coming turn of the event loop, one waiter per turn in arrival order. Between two turns Node reads the
 * sockets, so a token a model has sent waits for one step of one question, not for the steps of every question that
 * arrived at the same time. Resolving several per turn would not help: a turn runs all of its immediates back to back.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) schedule();
  });
}

const waiting: (() => void)[] = [];
let scheduled = false;

function schedule(): void {
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length) schedule();
  });
}
