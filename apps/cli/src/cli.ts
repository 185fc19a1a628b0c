/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const EXIT_OK = 0;
/** The command ran and found a problem (e.g. a broken ledger). */
export const EXIT_FAILED = 1;
/** The command could not run: bad usage, or nothing to work on. */
export const EXIT_USAGE = 2;

export interface CliCommand {
  readonly name: string;
  /** One line for `accord help`. */
  readonly summary: string;
  /** Full text for `accord help <name>` and `accord <name> --help`. */
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * Commands are loaded on demand, so `accord help` does not open native modules it will not use.
 * Each module's default export is its CliCommand.
 */
export type CommandRegistry = Readonly<Record<string, () => Promise<{ default: CliCommand }>>>;

/** A usage mistake: the dispatcher prints the message and the command's help, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export async function runCli(argv: readonly string[], registry: CommandRegistry, io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(await usage(registry));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === 'help') {
    const topic = args[0];
    if (topic === undefined) {
      io.out(await usage(registry));
      return EXIT_OK;
    }
    const command = await load(registry, topic);
    if (!command) return unknown(topic, registry, io);
    io.out(command.help);
    return EXIT_OK;
  }

  const command = await load(registry, name);
  if (!command) return unknown(name, registry, io);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`accord ${name}: ${error.message}\n\n${command.help}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function load(registry: CommandRegistry, name: string): Promise<CliCommand | undefined> {
  if (!Object.hasOwn(registry, name)) return undefined;
  return (await registry[name]!()).default;
}

async function unknown(name: string, registry: CommandRegistry, io: CliIo): Promise<number> {
  io.err(`accord: unknown command "${name}"\n\n${await usage(registry)}`);
  return EXIT_USAGE;
}

async function usage(registry: CommandRegistry): Promise<string> {
  const commands = await Promise.all(
    Object.keys(registry)
      .sort()
      .map((name) => load(registry, name)),
  );
  const width = Math.max(4, ...commands.map((c) => c!.name.length));
  const lines = commands.map((c) => `  ${c!.name.padEnd(width)}  ${c!.summary}`);
  return [
    'Usage: accord <command> [options]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  Show this list, or a command's help: accord help <command>`,
    '',
    'Exit codes: 0 success, 1 the command found a problem, 2 usage error or nothing to work on.',
  ].join('\n');
}
