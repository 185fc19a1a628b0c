import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliCommand, type CliIo, type CommandRegistry, runCli, UsageError } from './cli';
import { commands } from './commands';

function capture(overrides: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    cwd: process.cwd(),
    ...overrides,
  };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}

const calls: string[][] = [];
const echo: CliCommand = {
  name: 'echo',
  summary: 'Echo the arguments',
  help: 'Usage: accord echo [words]',
  async run(args, io) {
    calls.push([...args]);
    if (args[0] === '--bad') throw new UsageError('unknown option --bad');
    io.out(args.join(' '));
    return args.length === 0 ? 1 : 0;
  },
};
const registry: CommandRegistry = { echo: async () => ({ default: echo }) };

describe('accord dispatcher', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('runs a registered command with its arguments and returns its exit code', async () => {
    const c = capture();
    expect(await runCli(['echo', 'a', 'b'], registry, c.io)).toBe(0);
    expect(c.out()).toBe('a b');
    expect(await runCli(['echo'], registry, c.io)).toBe(1);
  });

  it('lists the commands on `accord help` and exits 0', async () => {
    const c = capture();
    expect(await runCli(['help'], registry, c.io)).toBe(0);
    expect(c.out()).toMatch(/^Usage: accord <command>/);
    expect(c.out()).toMatch(/echo\s+Echo the arguments/);
  });

  it('prints usage and exits 2 with no command at all', async () => {
    const c = capture();
    expect(await runCli([], registry, c.io)).toBe(2);
    expect(c.out()).toMatch(/Usage: accord/);
  });

  it('prints usage on stderr and exits 2 for an unknown command', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], registry, c.io)).toBe(2);
    expect(c.err()).toMatch(/unknown command "frobnicate"/);
    expect(c.err()).toMatch(/Usage: accord/);
    expect(await runCli(['toString'], registry, c.io)).toBe(2);
    expect(await runCli(['help', 'frobnicate'], registry, c.io)).toBe(2);
  });

  it('shows a command help via `help <command>` and `<command> --help`, without running it', async () => {
    for (const argv of [
      ['help', 'echo'],
      ['echo', '--help'],
      ['echo', 'x', '-h'],
    ]) {
      const c = capture();
      expect(await runCli(argv, registry, c.io)).toBe(0);
      expect(c.out()).toBe('Usage: accord echo [words]');
    }
    expect(calls).toEqual([]);
  });

  it('turns a usage error into its message, the help, and exit 2', async () => {
    const c = capture();
    expect(await runCli(['echo', '--bad'], registry, c.io)).toBe(2);
    expect(c.err()).toMatch(/^accord echo: unknown option --bad/);
    expect(c.err()).toMatch(/Usage: accord echo/);
  });

  it('lets other failures through to main, which reports them', async () => {
    const boom: CommandRegistry = {
      boom: async () => ({
        default: { ...echo, name: 'boom', run: async () => Promise.reject(new Error('disk on fire')) },
      }),
    };
    await expect(runCli(['boom'], boom, capture().io)).rejects.toThrow('disk on fire');
  });
});

describe('accord commands', () => {
  it('registers verify under its own name', async () => {
    for (const [name, load] of Object.entries(commands)) expect((await load()).default.name).toBe(name);
    expect(Object.keys(commands)).toContain('verify');
  });

  it('says in `accord help verify` that cut-off newest events are not detected', async () => {
    const c = capture();
    expect(await runCli(['help', 'verify'], commands, c.io)).toBe(0);
    expect(c.out()).toMatch(/cannot reveal that\s+the newest events of a stream were cut off/);
  });

  it('refuses unknown verify flags and stray arguments with exit 2', async () => {
    for (const argv of [
      ['verify', '--bogus'],
      ['verify', 'extra'],
      ['verify', '--data'],
    ]) {
      const c = capture();
      expect(await runCli(argv, commands, c.io)).toBe(2);
      expect(c.err()).toMatch(/^accord verify: /);
    }
  });

  describe('verify on a missing ledger', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'accord-cli-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('exits 2 naming the path, and creates nothing', async () => {
      const missing = join(root, 'nope');
      const c = capture();
      expect(await runCli(['verify', '--data', missing], commands, c.io)).toBe(2);
      expect(c.err()).toBe(
        `accord verify: no ledger at ${join(missing, 'ledger.db')} (set --data DIR or ACCORD_DATA_DIR)`,
      );
      expect(existsSync(missing)).toBe(false);
    });

    it('reads ACCORD_DATA_DIR, then ./data relative to the working directory', async () => {
      const fromEnv = capture({ env: { ACCORD_DATA_DIR: join(root, 'env-dir') } });
      expect(await runCli(['verify'], commands, fromEnv.io)).toBe(2);
      expect(fromEnv.err()).toContain(join(root, 'env-dir', 'ledger.db'));

      const fromCwd = capture({ cwd: root });
      expect(await runCli(['verify'], commands, fromCwd.io)).toBe(2);
      expect(fromCwd.err()).toContain(join(root, 'data', 'ledger.db'));
      expect(existsSync(join(root, 'data'))).toBe(false);

      const relative = capture({ cwd: root });
      expect(await runCli(['verify', '--data', 'rel'], commands, relative.io)).toBe(2);
      expect(relative.err()).toContain(join(root, 'rel', 'ledger.db'));
    });
  });
});
