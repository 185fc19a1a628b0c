import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeSelection,
  type EventStore,
  type EventStoreSelection,
  LEDGER_FILE,
  openSqliteStore,
  PostgresEventStore,
  selectEventStore,
} from '@accord/store';
import { chosenDataDir } from '@accord/config';
import type { CliIo } from '../cli';

/** A ledger opened for reading only, with what verify reports beside the chains. */
export interface OpenedLedger {
  readonly store: EventStore;
  /** What to print as the ledger: a file, or a server URL without its password. */
  readonly label: string;
  /** The embedded ledger's directory (its SQLite file and Merkle tree), absent for a server. */
  readonly dataDir?: string;
  /** The database's immutability triggers that are gone (none to check on EventStoreDB). */
  missingTriggers(): Promise<string[]>;
}

/** Nothing to verify: the message says why, and verify exits 2. */
export class NoLedgerError extends Error {}

/**
 * The store verify reads: the embedded ledger under --data (the default), or the store that
 * ACCORD_EVENT_STORE selects, as the API would open it (ACCORD_PG_URL, ACCORD_ESDB_URL), never
 * creating anything.
 */
export async function openLedgerForVerify(dataFlag: string | undefined, io: CliIo): Promise<OpenedLedger> {
  // Not resolveDataDir: it creates a missing directory, and verifying a mistyped path must not leave a ledger behind.
  const dataDir = chosenDataDir(io.env, dataFlag, io.cwd);
  const blank = (name: string) => (io.env[name]?.trim() ? io.env[name]!.trim() : undefined);
  const { selection, problems } = selectEventStore({
    kind: dataFlag ? 'sqlite' : blank('ACCORD_EVENT_STORE'),
    pgUrl: blank('ACCORD_PG_URL'),
    esdbUrl: blank('ACCORD_ESDB_URL'),
    dataDir,
  });
  if (problems.length > 0) throw new NoLedgerError(problems.join('; '));
  return open(selection);
}

async function open(selection: EventStoreSelection): Promise<OpenedLedger> {
  const label = describeSelection(selection);
  const cannotOpen = (error: unknown) =>
    new NoLedgerError(`cannot open the ledger at ${label}: ${(error as Error).message}`);
  switch (selection.kind) {
    case 'sqlite': {
      const file = resolve(selection.dataDir, LEDGER_FILE);
      if (!existsSync(file) || !statSync(file).isFile())
        throw new NoLedgerError(`no ledger at ${file} (set --data DIR or ACCORD_DATA_DIR)`);
      const store = await openSqliteStore(selection.dataDir, { readonly: true }).catch((error: unknown) => {
        throw new NoLedgerError(`cannot open the ledger at ${file}: ${(error as Error).message}`);
      });
      return {
        store,
        label: file,
        dataDir: selection.dataDir,
        missingTriggers: async () => store.missingImmutabilityTriggers(),
      };
    }
    case 'postgres': {
      const store = await PostgresEventStore.open({ url: selection.url, readonly: true }).catch(
        (error: unknown) => {
          throw cannotOpen(error);
        },
      );
      return { store, label, missingTriggers: () => store.missingImmutabilityTriggers() };
    }
    case 'esdb': {
      const { EsdbEventStore } = await import('@accord/store/esdb/esdb-event-store');
      const store = await EsdbEventStore.connect({ url: selection.url }).catch((error: unknown) => {
        throw cannotOpen(error);
      });
      return { store, label, missingTriggers: async () => [] };
    }
    default: {
      const _exhaustive: never = selection;
      return _exhaustive;
    }
  }
}
