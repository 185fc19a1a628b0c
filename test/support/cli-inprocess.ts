import { runCli, type CliIo } from '../../apps/cli/src/cli';
import { commands } from '../../apps/cli/src/commands';

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `accord` in this process (faster than a child; the dispatcher and commands are the same). */
export async function accord(args: readonly string[], cwd = process.cwd()): Promise<InProcessResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd };
  const code = await runCli(args, commands, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
