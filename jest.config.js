/**
 * Jest 30 in native ESM mode (run through `node --experimental-vm-modules`), TypeScript compiled
 * by @swc/jest with legacy decorators and their metadata, which Nest's dependency injection needs.
 */
const swc = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@parcours/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@parcours/event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^@parcours/event-store/esdb$': '<rootDir>/libs/event-store/src/esdb/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/build-once.js',
  reporters: ['default', '<rootDir>/test/support/json-results-reporter.cjs'],
};
