export * from './access.decorators.js';
export * from './auth-errors.js';
export * from './current-principal.decorator.js';
export * from './principal.js';
export * from './tokens.js';
export * from './organisation-directory.js';
export * from './person-access.js';
export * from './research-view.js';
