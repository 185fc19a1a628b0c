import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

const REFUSED: readonly [file: string, from: string, why: string][] = [
  ['apps/cli/src/commands/x.ts', '@accord/api/app', 'an app imports another app'],
  ['apps/cli/src/commands/x.ts', '../../../api/src/app', 'an app imports another app by a relative path'],
  ['apps/api/src/x.ts', '../../cli/src/cli', 'the API imports the CLI'],
  ['libs/store/src/x.ts', '@accord/api/app', 'a lib imports an app'],
  ['libs/config/src/x.ts', '../../../apps/api/src/app', 'a lib imports an app by a relative path'],
  ['libs/store/src/x.ts', '@accord/domain', 'the store imports the domain'],
  ['libs/store/src/x.ts', '../../domain/src/case', 'the store imports the domain by a relative path'],
  ['libs/domain/src/case/x.ts', '@accord/store', 'the domain imports the store'],
  ['libs/domain/src/case/x.ts', '@accord/config', 'the domain imports the config'],
  [
    'libs/domain/src/case/testing.ts',
    '@accord/calendar-data',
    "the domain's test helpers import another lib",
  ],
  ['libs/events/src/x.ts', '@accord/domain', 'the event catalogue imports the domain'],
  ['libs/identity/src/x.ts', '@accord/store', 'identity imports the store'],
];

const ALLOWED: readonly [file: string, from: string][] = [
  ['apps/cli/src/commands/x.ts', '@accord/identity'],
  ['apps/api/src/x.ts', '@accord/config'],
  ['libs/domain/src/case/x.ts', '@accord/events'],
  ['libs/store/src/x.ts', '@accord/events'],
  ['libs/calendar-data/src/x.ts', '@accord/domain'],
  ['libs/identity/src/x.ts', '@accord/config'],
];

/**
 * The rule ids ESLint reports for one import placed in each file. ESLint loads its flat config with
 * a dynamic import, which jest's module system cannot run: one child process lints every case.
 */
function lintImports(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    (async () => {
      const out = [];
      for (const [file, from] of cases) {
        const [result] = await eslint.lintText(
          "import { x } from '" + from + "';\\nexport const y = x;\\n",
          { filePath: require('node:path').resolve(file) },
        );
        out.push(result.messages.map((m) => m.ruleId || m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

describe('the import graph (eslint.config.mjs)', () => {
  let results: string[][];

  beforeAll(() => {
    results = lintImports([...REFUSED.map(([file, from]) => [file, from] as const), ...ALLOWED]);
  });

  it.each(REFUSED.map((c, i) => [...c, i] as const))('refuses %s importing %s (%s)', (_f, _from, _why, i) => {
    // One import may match more than one refused group (the domain's purity list, the graph): each says so.
    expect([...new Set(results[i])]).toEqual(['no-restricted-imports']);
  });

  it.each(ALLOWED.map((c, i) => [...c, REFUSED.length + i] as const))(
    'allows %s importing %s',
    (_f, _from, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
