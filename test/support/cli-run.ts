import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CONFIG_VARIABLES } from '@accord/config';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `accord` CLI from source in a child process, as an operator would run it. */
export function runAccord(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const inherited = { ...process.env };
  // A developer's own settings (ledger, signing key, NODE_ENV=production…) must not leak into the test.
  for (const name of CONFIG_VARIABLES) delete inherited[name];
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/cli/src/main.ts',
        ...args,
      ],
      { cwd: REPO_ROOT, env: { ...inherited, TS_NODE_PROJECT: 'tsconfig.json', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
