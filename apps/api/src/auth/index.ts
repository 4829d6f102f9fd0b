export * from './access.decorators.js';
export * from './auth-errors.js';
export * from './current-principal.decorator.js';
export * from './principal.js';
export * from './tokens.js';
