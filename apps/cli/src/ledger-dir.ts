import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LEDGER_FILE, openSqliteStore, type SqliteEventStore } from '@accord/store';
import { chosenDataDir } from '@accord/config';
import { type CliIo, EXIT_USAGE } from './cli';

/**
 * The data directory a command works on: --data, else ACCORD_DATA_DIR, else ./data (an empty value
 * counts as unset). Not resolveDataDir, which creates a missing directory: reading a mistyped path
 * must not leave a ledger behind.
 */
export function dataDirOf(io: CliIo, flag: string | undefined): string {
  return chosenDataDir(io.env, flag, io.cwd);
}

/** Opens an existing ledger read-only, or prints why not and returns the exit code. */
export async function openLedgerReadOnly(
  io: CliIo,
  command: string,
  dataDir: string,
): Promise<SqliteEventStore | number> {
  const file = resolve(dataDir, LEDGER_FILE);
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.err(`accord ${command}: no ledger at ${file} (set --data DIR or ACCORD_DATA_DIR)`);
    return EXIT_USAGE;
  }
  try {
    return await openSqliteStore(dataDir, { readonly: true });
  } catch (error) {
    io.err(`accord ${command}: cannot open the ledger at ${file}: ${(error as Error).message}`);
    return EXIT_USAGE;
  }
}
