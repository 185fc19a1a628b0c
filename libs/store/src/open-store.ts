import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventStore } from './event-store';
import { type CommitOn, SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
import type { EventStoreSelection } from './store-selection';

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

export interface OpenEventStoreOptions {
  /** Opens without creating or writing anything (`accord verify`). */
  readonly readonly?: boolean;
  readonly clock?: () => Date;
  /** SQLite only: commit on the writer thread when the process is busy (a server). */
  readonly startWriterThread?: boolean;
  /** SQLite only: where commits run (`auto` by default; see SqliteEventStoreOptions.commitOn). */
  readonly commitOn?: CommitOn;
}

/** Opens the selected event store; the adapters of remote stores load only when chosen. */
export async function openEventStore(
  selection: EventStoreSelection,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  switch (selection.kind) {
    case 'sqlite':
      return openSqliteStore(selection.dataDir, {
        readonly: options.readonly,
        clock: options.clock,
        startWriterThread: options.startWriterThread,
        commitOn: options.commitOn,
      });
    case 'postgres': {
      const { PostgresEventStore } = await import('./postgres/postgres-event-store');
      return PostgresEventStore.open({
        url: selection.url,
        readonly: options.readonly,
        clock: options.clock,
      });
    }
    case 'esdb': {
      const { EsdbEventStore } = await import('./esdb/esdb-event-store');
      return EsdbEventStore.connect({ url: selection.url, clock: options.clock });
    }
    default: {
      const _exhaustive: never = selection;
      return _exhaustive;
    }
  }
}
