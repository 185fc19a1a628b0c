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
      '@accord/merkle',
      '@accord/demo',
      '@accord/read-store',
      '@accord/read-store/*',
      '@accord/api/*',
      '@accord/events/integrity',
    ],
    message: 'libs/domain depends only on the event catalogue.',
  },
];

/*
 * The import graph: apps -> libs, never app -> app nor lib -> app; among the libs, each may import
 * only the ones listed here. Checked for path aliases and for relative paths that climb into
 * another lib or app. test/import-graph.spec.ts proves each arrow is refused.
 */
const LIB_DEPENDENCIES = {
  events: [],
  domain: ['events'],
  store: ['events'],
  'calendar-data': ['events', 'domain'],
  config: ['store', 'read-store'],
  identity: ['events', 'config'],
  merkle: ['events', 'store'],
  demo: ['events', 'domain', 'store', 'calendar-data'],
  'read-store': ['events', 'domain', 'store', 'calendar-data'],
};
const APPS = ['api', 'cli', 'projector'];

const intoApp = (app) => [`@accord/${app}`, `@accord/${app}/*`, `**/apps/${app}/**`, `**/${app}/src/**`];

function libImportRules(lib) {
  const allowed = LIB_DEPENDENCIES[lib];
  const forbidden = Object.keys(LIB_DEPENDENCIES).filter(
    (other) => other !== lib && !allowed.includes(other),
  );
  const patterns = [{ group: APPS.flatMap(intoApp), message: 'A lib never imports an app.' }];
  if (forbidden.length > 0)
    patterns.push({
      group: forbidden.flatMap((other) => [
        `@accord/${other}`,
        `@accord/${other}/*`,
        `**/${other}/src`,
        `**/${other}/src/**`,
      ]),
      message: `libs/${lib} may import only ${allowed.length > 0 ? allowed.map((l) => `libs/${l}`).join(', ') : 'no other lib'}.`,
    });
  return patterns;
}

const importGraph = [
  ...Object.keys(LIB_DEPENDENCIES)
    .filter((lib) => lib !== 'domain')
    .map((lib) => ({
      files: [`libs/${lib}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: libImportRules(lib) }] },
    })),
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: APPS.filter((other) => other !== app).flatMap(intoApp),
              message: 'Apps do not import each other: what two apps share belongs in a lib.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The domain's own rule (below) adds purity; its test helpers still may not reach an app or another lib.
    files: ['libs/domain/**/*.spec.ts', 'libs/domain/**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: libImportRules('domain') }] },
  },
];

export default tseslint.config(
  {
    // The dashboard's hand-written browser modules are the only JavaScript linted (block at the end).
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      '**/*.mjs',
      '**/*.js',
      '!apps/dashboard/public/*.js',
    ],
  },
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
  ...importGraph,
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts', 'libs/domain/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...impureModules, ...libImportRules('domain')] }],
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
  {
    files: ['apps/dashboard/public/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'sessionStorage',
          'fetch',
          'atob',
          'setTimeout',
          'Blob',
          'URL',
          'URLSearchParams',
          'CustomEvent',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
