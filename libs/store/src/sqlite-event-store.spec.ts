import type { RecordedEvent } from '@accord/events';
import { canonicalJson, hashEnvelope, sha256Hex, verifyChain } from '@accord/events/integrity';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, WrongExpectedRevisionError } from './event-store';
import { LEDGER_FILE, openSqliteStore } from './open-store';
import type { SqliteEventStore } from './sqlite-event-store';
import { describeEventStoreConformance } from './testing/conformance';
import { proposedEvent, proposedEvents } from './testing/fixtures';
import { expectEveryAckKept, killWhileFollowing } from './testing/kill-child';
import { WriterThread } from './sqlite/writer-thread';

/** The store conformance suite on a fresh SQLite ledger, its commits where `commitOn` puts them. */
function describeSqliteConformance(
  name: string,
  prefix: string,
  commitOn?: 'writer-thread' | 'this-thread',
): void {
  describeEventStoreConformance(
    name,
    async ({ clock }) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      const options = commitOn === undefined ? { clock } : { clock, commitOn };
      let store: EventStore = await openSqliteStore(dir, options);
      return {
        store,
        async reopen() {
          await store.close();
          store = await openSqliteStore(dir, options);
          return store;
        },
        async cleanup() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    { persistent: true },
  );
}

describeSqliteConformance('SqliteEventStore', 'accord-store-');
// The same rules once more with every commit on the writer thread, the path a busy API takes.
describeSqliteConformance(
  'SqliteEventStore committing on its writer thread',
  'accord-store-thread-',
  'writer-thread',
);
// And with every commit on the store's own thread, synced off it (synchronous = NORMAL plus an
// fdatasync of the WAL on libuv's pool before answering): the API's default.
describeSqliteConformance(
  'SqliteEventStore committing on its own thread, synced off it',
  'accord-store-here-',
  'this-thread',
);

describe('SqliteEventStore on its file', () => {
  let dir: string;
  let store: SqliteEventStore;
  let raw: Database.Database | undefined;
  const stores: EventStore[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-sqlite-'));
    store = await openSqliteStore(dir);
    stores.push(store);
  });

  afterEach(async () => {
    raw?.close();
    raw = undefined;
    await Promise.all(stores.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  function rawConnection(): Database.Database {
    raw = new Database(join(dir, LEDGER_FILE));
    raw.pragma('busy_timeout = 5000');
    return raw;
  }

  async function openAnother(): Promise<SqliteEventStore> {
    const other = await openSqliteStore(dir);
    stores.push(other);
    return other;
  }

  it('keeps the ledger at <dataDir>/ledger.db in WAL mode with a schema version', async () => {
    await store.append('s', [proposedEvent()], { expectedRevision: 'any' });
    const db = rawConnection();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe('1');
    const row = db.prepare('SELECT * FROM events').get() as Record<string, unknown>;
    expect(Object.keys(row)).toEqual([
      'position',
      'stream_id',
      'revision',
      'event_id',
      'type',
      'recorded_at',
      'envelope',
      'hash',
    ]);
  });

  it('stores as envelope exactly the canonical bytes that were hashed', async () => {
    const { events } = await store.append(
      's',
      [proposedEvent({ data: { z: 1, a: [2, { y: 'é', b: null }] } })],
      {
        expectedRevision: 'any',
      },
    );
    const row = rawConnection().prepare('SELECT envelope, hash FROM events').get() as {
      envelope: string;
      hash: string;
    };
    const { hash: _hash, position: _position, ...hashed } = events[0];
    expect(row.envelope).toBe(canonicalJson(hashed));
    expect(row.hash).toBe(sha256Hex(row.envelope));
    expect(row.hash).toBe(hashEnvelope(events[0]));
  });

  it('refuses UPDATE and DELETE on events from any connection', async () => {
    await store.append('s', [proposedEvent()], { expectedRevision: 'any' });
    const db = rawConnection();
    expect(() => db.prepare("UPDATE events SET type = 'Forged'").run()).toThrow(/events are immutable/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/events are immutable/);
    expect(db.prepare('SELECT type FROM events').pluck().get()).toBe('TestEventHappened');
  });

  it('a read-only open writes nothing: dropped triggers stay dropped and appends are refused', async () => {
    await store.append('s', [proposedEvent()], { expectedRevision: 'any' });
    const db = rawConnection();
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    const reader = await openSqliteStore(dir, { readonly: true });
    stores.push(reader);
    expect(reader.missingImmutabilityTriggers()).toEqual(['events_no_update', 'events_no_delete']);
    expect(await reader.readStream('s')).toHaveLength(1);
    await expect(reader.append('s', [proposedEvent()], { expectedRevision: 'any' })).rejects.toThrow(
      /read-only/,
    );
    expect(store.missingImmutabilityTriggers()).toEqual(['events_no_update', 'events_no_delete']);
  });

  it('group commit: appends of one tick share one transaction, and a failing one leaves the others written', async () => {
    await store.append('taken', [proposedEvent()], { expectedRevision: 'no_stream' });
    const before = store.stats;
    const outcomes = await Promise.allSettled([
      store.append('g-1', [proposedEvent()], { expectedRevision: 'no_stream' }),
      store.append('taken', [proposedEvent()], { expectedRevision: 'no_stream' }),
      // Fails after its first row is inserted: its savepoint must take that row back.
      store.append('g-2', [proposedEvent(), proposedEvent({ data: { amount: BigInt(1) } })], {
        expectedRevision: 'any',
      }),
      store.append('g-3', proposedEvents(2), { expectedRevision: 'no_stream' }),
      store.append('g-1', [proposedEvent()], { expectedRevision: 0 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(store.stats.commits - before.commits).toBe(1);
    expect(store.stats.appends - before.appends).toBe(5);
    expect(await store.readStream('g-2')).toEqual([]);
    expect((await store.readStream('g-1')).map((e) => e.revision)).toEqual([0, 1]);
    expect(await store.readStream('g-3')).toHaveLength(2);
    const all: RecordedEvent[] = [];
    for await (const batch of store.readAll()) all.push(...batch);
    expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('committing on this thread only, never starts the writer thread, however big the batches', async () => {
    const acquire = jest.spyOn(WriterThread, 'acquire');
    try {
      const here = await openSqliteStore(dir, { commitOn: 'this-thread', startWriterThread: true });
      stores.push(here);
      await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          here.append(`t-${i}`, proposedEvents(8), { expectedRevision: 'no_stream' }),
        ),
      );
      expect(acquire).not.toHaveBeenCalled();
      expect(here.stats.appends).toBe(64);
      expect(await here.checkStorage()).toBeNull();
    } finally {
      acquire.mockRestore();
    }
  });

  it.each(['auto', 'writer-thread', 'this-thread'] as const)(
    'committing %s, an event holding a function fails alone and stores nothing',
    async (commitOn) => {
      const here = await openSqliteStore(dir, { commitOn });
      stores.push(here);
      const [bad, good] = await Promise.allSettled([
        here.append('odd', [proposedEvent({ data: { run: () => 1 } as never })], { expectedRevision: 'any' }),
        here.append('fine', [proposedEvent()], { expectedRevision: 'any' }),
      ]);
      expect(bad.status).toBe('rejected');
      expect(good.status).toBe('fulfilled');
      expect(await here.readStream('odd')).toEqual([]);
      expect(await here.checkStorage()).toBeNull();
    },
  );

  it('two connections writing one stream never fork its chain', async () => {
    const other = await openAnother();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? store : other).append('shared', [proposedEvent()], { expectedRevision: 'any' }),
      ),
    );
    const events = await store.readStream('shared');
    expect(events.map((e) => e.revision)).toEqual([...Array(30).keys()]);
    expect(verifyChain('shared', events)).toBeNull();
  });

  it('a stale expectation from another connection is refused with the actual revision', async () => {
    const other = await openAnother();
    await store.append('s', [proposedEvent()], { expectedRevision: 'no_stream' });
    await other.append('s', [proposedEvent()], { expectedRevision: 0 });
    const error = await store
      .append('s', [proposedEvent()], { expectedRevision: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect((error as WrongExpectedRevisionError).actual).toBe(1);
  });

  it('a read for events after a known revision sees what another connection appended since', async () => {
    const other = await openAnother();
    await store.append('r', [proposedEvent()], { expectedRevision: 'no_stream' });
    // Known to be at revision 0, then asked again with nothing new: answered without the file.
    expect(await store.readStream('r', { fromRevision: 1 })).toEqual([]);
    expect(await store.readStream('r', { fromRevision: 1 })).toEqual([]);
    await other.append('r', [proposedEvent()], { expectedRevision: 0 });
    await store.append('unrelated', [proposedEvent()], { expectedRevision: 'any' });
    expect((await store.readStream('r', { fromRevision: 1 })).map((e) => e.revision)).toEqual([1]);
    await other.append('r', proposedEvents(2), { expectedRevision: 1 });
    expect((await store.readStream('r', { fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 3]);
    expect(await store.readStream('r', { fromRevision: 4 })).toEqual([]);
    // A stream this process never wrote, created by another after it was found empty.
    expect(await store.readStream('new')).toEqual([]);
    await other.append('new', [proposedEvent()], { expectedRevision: 'no_stream' });
    expect((await store.readStream('new')).map((e) => e.revision)).toEqual([0]);
  });

  it('a subscriber sees appends committed by another connection', async () => {
    const writer = await openAnother();
    await writer.append('w', [proposedEvent()], { expectedRevision: 'any' });
    const subscription = store.subscribe();
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === 6) break;
      }
    })();
    for (let i = 0; i < 5; i++) await writer.append('w', [proposedEvent()], { expectedRevision: i });
    await consumer;
    expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(seen.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("a subscriber sees its own process's commits and another's, interleaved, each once and in order", async () => {
    const other = await openAnother();
    const subscription = store.subscribe();
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === 12) break;
      }
    })();
    for (let i = 0; i < 6; i++) {
      // Own commits are served from memory; the other connection's leave a gap that must be read.
      await store.append('mine', proposedEvents(i % 2 ? 2 : 1), { expectedRevision: 'any' });
      if (i % 3 === 2) await other.append('theirs', [proposedEvent()], { expectedRevision: 'any' });
    }
    await other.append('theirs', proposedEvents(1), { expectedRevision: 'any' });
    await store.append('mine', [proposedEvent()], { expectedRevision: 'any' });
    await consumer;
    expect(seen.map((e) => e.position)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(seen.map((e) => e.streamId)).toEqual([
      ...Array(4).fill('mine'),
      'theirs',
      ...Array(5).fill('mine'),
      'theirs',
      'theirs',
    ]);
    const stored: RecordedEvent[] = [];
    for await (const batch of store.readAll()) stored.push(...batch);
    expect(seen).toEqual(stored.slice(0, 12));
  });

  describe('checkStorage', () => {
    async function ledgerWithTriggersDropped(): Promise<Database.Database> {
      for (let i = 0; i < 3; i++)
        await store.append(`c-${i}`, proposedEvents(2), { expectedRevision: 'no_stream' });
      const db = rawConnection();
      db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
      return db;
    }

    it('finds nothing in an untouched ledger', async () => {
      await ledgerWithTriggersDropped();
      await expect(store.checkStorage()).resolves.toBeNull();
    });

    it.each([
      ['type', "'Forged'", /type/],
      ['stream_id', "'c-9'", /stream_id/],
      ['revision', '7', /revision/],
      ['event_id', "'00000000-0000-4000-8000-000000000000'", /event_id/],
      ['recorded_at', "'2000-01-01T00:00:00.000Z'", /recorded_at/],
    ])('finds a %s column edited apart from its envelope', async (column, value, reason) => {
      const db = await ledgerWithTriggersDropped();
      db.prepare(`UPDATE events SET ${column} = ${value} WHERE position = 4`).run();
      await expect(store.checkStorage()).resolves.toMatchObject({
        position: 4,
        reason: expect.stringMatching(reason),
      });
    });

    it('finds a non-canonical rewrite that parses to the same JSON, and reports the lowest position', async () => {
      const db = await ledgerWithTriggersDropped();
      const rewrite = db.prepare('UPDATE events SET envelope = ? WHERE position = ?');
      const envelopeAt = db.prepare('SELECT envelope FROM events WHERE position = ?').pluck();
      for (const position of [5, 3]) {
        const text = envelopeAt.get(position) as string;
        rewrite.run(JSON.stringify(JSON.parse(text), null, 1), position);
      }
      const fault = await store.checkStorage();
      expect(fault).toEqual({
        streamId: 'c-1',
        revision: 0,
        position: 3,
        reason: expect.stringMatching(/canonical/),
      });
      // The chain alone cannot see it: the parsed event still hashes right.
      expect(verifyChain('c-1', await store.readStream('c-1'))).toBeNull();
    });

    it('finds a field added to an envelope, which the hash chain alone would not see', async () => {
      const db = await ledgerWithTriggersDropped();
      const text = db.prepare('SELECT envelope FROM events WHERE position = 2').pluck().get() as string;
      const forged = canonicalJson({ ...(JSON.parse(text) as object), approvedBy: 'someone-else' });
      db.prepare('UPDATE events SET envelope = ? WHERE position = 2').run(forged);
      await expect(store.checkStorage()).resolves.toMatchObject({
        position: 2,
        reason: expect.stringMatching(/fields/),
      });
      expect(verifyChain('c-0', await store.readStream('c-0'))).toBeNull();
    });

    it('finds an envelope that does not parse', async () => {
      const db = await ledgerWithTriggersDropped();
      db.prepare('UPDATE events SET envelope = \'{"eventId":\' WHERE position = 6').run();
      await expect(store.checkStorage()).resolves.toMatchObject({
        position: 6,
        reason: expect.stringMatching(/JSON/),
      });
    });
  });

  // `this-thread`: the child commits with synchronous = NORMAL and syncs off its thread; this
  // process's store reads its rows only after a sync of its own.
  it.each(['auto', 'this-thread'])(
    'keeps every acknowledged append across a SIGKILL of the writing process (committing %s), seen live by another process',
    async (commitOn) => {
      const { acknowledged, seen, reach, stop } = await killWhileFollowing(
        store,
        join(__dirname, 'testing', 'append-child.ts'),
        [dir, '4', commitOn],
        150,
      );
      const head = await store.headPosition();
      await reach(head);
      await stop();
      await store.close();
      const reopened = await openSqliteStore(dir);
      stores.push(reopened);
      const all = await expectEveryAckKept(reopened, acknowledged);
      // The parent's subscriber followed the other process by polling, in commit order, without gaps.
      expect(seen).toEqual(all.slice(0, head));
    },
  );
});
