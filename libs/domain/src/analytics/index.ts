export * from './person-summary.js';
