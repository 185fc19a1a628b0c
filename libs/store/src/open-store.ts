import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

export const LEDGER_FILE = 'ledger.db';

/** The data directory, absolute, and created if missing (which one is the caller's config to say). */
export function resolveDataDir(chosen: string): string {
  const dir = resolve(chosen);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Opens (creating if need be) the embedded ledger `<dataDir>/ledger.db`. */
export async function openSqliteStore(
  dataDir: string,
  options?: SqliteEventStoreOptions,
): Promise<SqliteEventStore> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  return new SqliteEventStore(join(dir, LEDGER_FILE), options);
}
