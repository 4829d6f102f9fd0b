export * from './events.js';
export * from './decider.js';
export * from './membership.js';
