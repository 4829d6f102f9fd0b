export * from './person-summary.js';
export * from './summary-codec.js';
