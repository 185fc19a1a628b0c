import { resolve } from 'node:path';
import { CONFIG_VARIABLES } from '@accord/config';
import { spawnTypeScript } from '@accord/store/testing/spawn-ts';
import { accord } from '../../apps/cli/src/accord';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The process's environment without a developer's own settings (ledger, signing key, NODE_ENV=production…). */
function cleanEnv(): Record<string, string | undefined> {
  const inherited = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete inherited[name];
  return inherited;
}

/**
 * Runs the `accord` program in this process, as `main.ts` runs it, with its output and exit code
 * captured: the same commands on the same files, without a Node start per call.
 */
export async function runAccord(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await accord(args, {
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
    env: { ...cleanEnv(), ...env },
    cwd: REPO_ROOT,
  });
  return { code, stdout, stderr };
}

/** Runs the real `accord` binary from source in a child process, as an operator would: for the one smoke test. */
export function spawnAccord(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawnTypeScript('apps/cli/src/main.ts', args, {
      cwd: REPO_ROOT,
      env: { ...cleanEnv(), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
