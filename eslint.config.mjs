// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// What the domain may not touch: it must stay a pure function of its inputs (time and ids arrive in the command).
const impureModules = [
  { group: ['@nestjs/*', '@nestjs'], message: 'libs/domain is framework-free.' },
  {
    group: ['@eventstore/*', 'better-sqlite3', 'pg', 'pg-*', 'mysql*', 'redis', 'ioredis'],
    message: 'libs/domain never talks to a store.',
  },
  {
    group: [
      'crypto',
      'node:*',
      'fs',
      'fs/*',
      'path',
      'os',
      'child_process',
      'http',
      'https',
      'net',
      'worker_threads',
      'timers',
      'timers/*',
    ],
    message: 'libs/domain does no I/O and uses no randomness.',
  },
  {
    group: ['uuid', 'nanoid', 'chinese-days', 'jsonwebtoken', 'pino', 'rxjs', 'rxjs/*'],
    message: 'ids, calendars and logs are given to the domain, never fetched by it.',
  },
  {
    group: [
      '@accord/store',
      '@accord/store/*',
      '@accord/calendar-data',
      '@accord/read-store',
      '@accord/read-store/*',
      '@accord/demo',
      '@accord/api/*',
      '@accord/events/integrity',
    ],
    message: 'libs/domain depends only on the event catalogue.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Nest resolves constructor injection from emitted metadata: a type-only import would erase the token.
    files: ['apps/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts', 'libs/domain/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'libs/domain reads no environment.' },
        { name: 'setTimeout', message: 'libs/domain does not schedule.' },
        { name: 'setInterval', message: 'libs/domain does not schedule.' },
        { name: 'fetch', message: 'libs/domain does no I/O.' },
        { name: 'crypto', message: 'libs/domain uses no randomness.' },
        { name: 'performance', message: 'libs/domain reads no clock.' },
        { name: 'require', message: 'libs/domain imports statically.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time arrives as command.metadata.now.' },
        { object: 'Math', property: 'random', message: 'Ids arrive with the command.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time arrives as command.metadata.now.',
        },
        { selector: "CallExpression[callee.name='Date']", message: 'Time arrives as command.metadata.now.' },
        { selector: 'ImportExpression', message: 'libs/domain imports statically.' },
      ],
    },
  },
);
