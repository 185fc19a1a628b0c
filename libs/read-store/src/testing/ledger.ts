import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CaseEvent, type DomainEvent, type ProposedEvent, upcasters } from '@accord/events';
import { type EventStore, openSqliteStore, type SqliteEventStore } from '@accord/store';
import { proposedEvent } from '@accord/store/testing/fixtures';
import { PROJECTIONS } from '../projections';
import { Projector } from '../projector';
import { SqliteReadStore } from '../sqlite-read-store';
import { READ_STORE_FILE } from '../open-read-store';

/** A temp data dir with a real SQLite ledger, for projection tests. */
export async function tempLedger(): Promise<{
  dir: string;
  store: SqliteEventStore;
  remove(): Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-read-'));
  const store = await openSqliteStore(dir);
  return {
    dir,
    store,
    async remove() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A domain event as the store would receive it. */
export function stored(event: DomainEvent, overrides: Partial<ProposedEvent> = {}): ProposedEvent {
  return proposedEvent({
    type: event.type,
    schemaVersion: upcasters.currentVersion(event.type),
    data: event.data,
    occurredAt: '2024-09-01T02:00:00Z',
    ...overrides,
  });
}

/** Writes a case's events (with its id substituted) as one append. */
export async function writeCase(store: EventStore, caseId: string, events: readonly CaseEvent[]) {
  return store.append(
    `case-${caseId}`,
    events.map((e) => stored({ ...e, data: { ...(e.data as object), caseId } })),
    { expectedRevision: 'any' },
  );
}

/** A projector over `<dir>/<file>` with every projection, prepared. */
export async function projectorFor(store: EventStore, dir: string, file = READ_STORE_FILE, batchSize = 100) {
  const readStore = new SqliteReadStore(path.join(dir, file));
  const projector = new Projector(store, readStore, PROJECTIONS, { batchSize });
  await projector.prepare();
  return { readStore, projector };
}
