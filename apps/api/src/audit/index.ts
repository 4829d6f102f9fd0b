export * from './audit-entry.js';
export * from './audit-errors.js';
export * from './audit-trail.js';
export * from './audited.decorator.js';
export * from './audit.module.js';
