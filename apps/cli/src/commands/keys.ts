import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, isAgency } from '@accord/events';
import { formatSignerKey, generateSignerKey } from '@accord/merkle';
import { type CliCommand, type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';

const help = `Usage: accord keys generate --agency AGENCY [--out FILE]

Creates one agency's checkpoint signing key (Ed25519). Writes the private key to FILE with mode
0600 (never overwriting a file) and prints the public key as one line for the trust file that
verifiers use: <name>+<key id>+<key> (the C2SP signed-note verifier key format).

Options:
  --agency AGENCY  ${AGENCIES.join(', ')}
  --out FILE       where to write the private key (default ./accord-<AGENCY>.key)

Each agency generates its own key on its own machine and keeps the private key there; only the
printed public line is shared. Example:
  npx accord keys generate --agency COURT --out /secure/court.key >> trusted-keys.txt`;

const keysCommand: CliCommand = {
  name: 'keys',
  summary: "Generate an agency's checkpoint signing key (keys generate --agency)",
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'generate')
      throw new UsageError(
        sub === undefined ? 'missing subcommand "generate"' : `unknown subcommand "${sub}"`,
      );
    let values;
    try {
      ({ values } = parseArgs({
        args: rest,
        options: { agency: { type: 'string' }, out: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.agency === undefined) throw new UsageError('missing --agency');
    if (!isAgency(values.agency)) throw new UsageError(`--agency must be one of ${AGENCIES.join(', ')}`);
    const file = resolve(io.cwd, values.out ?? `accord-${values.agency}.key`);
    if (existsSync(file)) {
      io.err(`accord keys: ${file} exists; refusing to overwrite a key`);
      return EXIT_USAGE;
    }
    const key = generateSignerKey(values.agency);
    writeFileSync(file, `${formatSignerKey(key)}\n`, { mode: 0o600, flag: 'wx' });
    io.err(`accord keys: wrote the private key of ${values.agency} to ${file} (mode 0600)`);
    io.out(key.text);
    return EXIT_OK;
  },
};

export default keysCommand;
