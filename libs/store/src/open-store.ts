import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

export const LEDGER_FILE = 'ledger.db';

/** The data directory: explicit, else ACCORD_DATA_DIR, else ./data; absolute, and created if missing. */
export function resolveDataDir(explicit?: string): string {
  const chosen = explicit ?? process.env.ACCORD_DATA_DIR ?? './data';
  const dir = resolve(chosen.length > 0 ? chosen : './data');
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
