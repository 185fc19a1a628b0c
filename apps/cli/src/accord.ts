import { type CliIo, EXIT_USAGE, runCli } from './cli';
import { commands } from './commands';

/**
 * The whole `accord` program for given arguments and io, without touching the process: `main.ts`
 * binds it to the real process, and tests run it in-process with captured output.
 */
export async function accord(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runCli(argv, commands, io);
  } catch (error) {
    io.err(`accord: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_USAGE;
  }
}
