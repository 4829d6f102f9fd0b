export * from './parcours-state.js';
export * from './parcours-draft.js';
export * from './erasure.js';
export * from './ordering.js';
export * from './render.js';
export * from './view.js';
export { DAYS_PER_MONTH, DAYS_PER_YEAR, type Span } from './time-arithmetic.js';
export * from './access-facts.js';
