// Public API of the positive-action check.
export { checkPositiveAction, decideOutcome, evaluateConditions } from './check.js';
export * from './schema.js';
export { REFERENCES, ALL_REFERENCES, type Reference } from './references.js';
export { ACTION_QUOTES } from './action-quotes.js';
