import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export const DOMAIN_FORBIDDEN = [
  { group: ['@nestjs/*', '@nestjs/**'], message: 'libs/domain must not import Nest: Nest is the shell.' },
  {
    group: ['@parcours/event-store', '**/event-store/**', 'better-sqlite3', '@eventstore/*', '@grpc/*'],
    message: 'libs/domain must not reach a store adapter or a database driver.',
  },
  {
    regex: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|dgram|dns|tls|cluster|os|process|readline|stream|timers)$',
    message: 'libs/domain must not do I/O: time, ids and data are passed in.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'off',
    },
  },
  {
    // The /ui pages' scripts: ES modules that run in browsers, not in Node.
    files: ['apps/api/src/ui/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Nest resolves constructor parameters by their emitted type metadata: a type-only import
    // would erase the class reference DI needs, so the shell may import classes as values.
    files: ['apps/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // The architecture rule: the domain is pure TypeScript. No Nest (the shell), no store adapter
    // or database driver, no Node I/O: time, ids and data are passed in. Checked by npm test,
    // and the rule itself is tested in libs/domain/src/architecture.spec.ts.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: DOMAIN_FORBIDDEN }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.contract.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
