import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BundleError, NoteError, parseTrustFile, REQUIRED_SIGNERS, verifyCaseBundle } from '@accord/merkle';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';

const help = `Usage: accord verify-bundle FILE --trusted-keys FILE

Checks a case bundle (accord export-case) with no ledger and no network: the checkpoint carries a
valid signature of every agency (${REQUIRED_SIGNERS.join(', ')}) by a key in the trust file; every
event's hash matches its content and links to the one before (from revision 0); and every event's
inclusion proof leads to the signed root.

Exit codes: 0 verified, 1 refused (naming the first thing wrong), 2 usage error or unreadable file.`;

const verifyBundleCommand: CliCommand = {
  name: 'verify-bundle',
  summary: 'Check an exported case bundle offline against the agencies’ public keys',
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: { 'trusted-keys': { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [file, extra] = parsed.positionals;
    const keysFile = parsed.values['trusted-keys'];
    if (file === undefined || extra !== undefined) throw new UsageError('give exactly one bundle FILE');
    if (keysFile === undefined) throw new UsageError('missing --trusted-keys FILE');
    let raw: unknown;
    let trusted;
    try {
      trusted = parseTrustFile(readFileSync(resolve(io.cwd, keysFile), 'utf8'));
      raw = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
    } catch (error) {
      io.err(`accord verify-bundle: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    try {
      const report = verifyCaseBundle(raw, trusted);
      const { origin, size } = report.checkpoint.checkpoint;
      io.out(
        `bundle verified: case ${report.caseId}, ${report.events} events, each included in checkpoint ${origin} tree size ${size} signed by ${report.checkpoint.signedBy.join(', ')}`,
      );
      return EXIT_OK;
    } catch (error) {
      if (error instanceof BundleError || error instanceof NoteError) {
        io.out(`bundle REFUSED: ${error.message}`);
        return EXIT_FAILED;
      }
      throw error;
    }
  },
};

export default verifyBundleCommand;
