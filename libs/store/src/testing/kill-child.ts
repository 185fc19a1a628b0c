import { createInterface } from 'node:readline';
import type { Ack } from './append-writers';
import { spawnTypeScript } from './spawn-ts';

/**
 * Runs a TypeScript child that prints one acknowledged append per line, SIGKILLs it after
 * `killAfter` acknowledgements, and resolves once its stdout has ended (every line counted).
 */
export function runChildUntilKilled(
  script: string,
  args: readonly string[],
  killAfter: number,
  acknowledged: Ack[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawnTypeScript(script, args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    acknowledged.push(JSON.parse(line) as Ack);
    if (acknowledged.length === killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // 'close' comes after stdout has ended, so every line already in the pipe has been counted.
    child.on('close', (code, signal) => {
      if (signal === null) reject(new Error(`append child exited with ${code}: ${stderr}`));
      else resolve({ code, signal });
    });
  });
}
