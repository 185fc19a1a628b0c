import type { RecordedEvent } from '@accord/events';
import { canonicalJson, verifyChain } from '@accord/events/integrity';
import { join } from 'node:path';
import { Client } from 'pg';
import { type EventStore, WrongExpectedRevisionError } from '../event-store';
import { describeEventStoreConformance } from '../testing/conformance';
import { proposedEvent, proposedEvents } from '../testing/fixtures';
import { expectEveryAckKept, killWhileFollowing } from '../testing/kill-child';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
import { createTestDatabase, describePg, type TestDatabase } from './testing/pg-test-db';

describePg('PostgresEventStore', () => {
  describeEventStoreConformance(
    'PostgresEventStore',
    async ({ clock }) => {
      const db = await createTestDatabase();
      let store: EventStore = await PostgresEventStore.open({ url: db.url, clock });
      return {
        store,
        async reopen() {
          await store.close();
          store = await PostgresEventStore.open({ url: db.url, clock });
          return store;
        },
        async cleanup() {
          await store.close();
          await db.drop();
        },
      };
    },
    { persistent: true },
  );

  describe('on its database', () => {
    let db: TestDatabase;
    let store: PostgresEventStore;
    const stores: EventStore[] = [];
    const clients: Client[] = [];

    beforeEach(async () => {
      db = await createTestDatabase();
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.end()));
      await Promise.all(stores.splice(0).map((s) => s.close()));
      await db.drop();
    });

    async function open(options: Partial<PostgresEventStoreOptions> = {}): Promise<PostgresEventStore> {
      const opened = await PostgresEventStore.open({ url: db.url, ...options });
      stores.push(opened);
      return opened;
    }

    async function raw(): Promise<Client> {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      clients.push(client);
      return client;
    }

    describe('immutability, refused by the database itself', () => {
      beforeEach(() => store.append('c', proposedEvents(2), { expectedRevision: 'no_stream' }));

      it.each([
        ['UPDATE', "UPDATE accord.events SET type = 'Forged' WHERE position = 1"],
        ['DELETE', 'DELETE FROM accord.events WHERE position = 2'],
        ['TRUNCATE', 'TRUNCATE accord.events'],
      ])('refuses %s, even to the owner', async (_op, sql) => {
        const client = await raw();
        await expect(client.query(sql)).rejects.toThrow(/append-only/);
        expect(await store.checkStorage()).toBeNull();
        expect(verifyChain('c', await store.readStream('c'))).toBeNull();
        expect(await store.headPosition()).toBe(2);
      });

      it('grants nobody but the owner UPDATE, DELETE or TRUNCATE', async () => {
        const client = await raw();
        const { rows } = await client.query(
          `SELECT privilege_type FROM information_schema.role_table_grants
            WHERE table_schema = 'accord' AND table_name = 'events' AND grantee = 'PUBLIC'`,
        );
        expect(rows).toEqual([]);
      });

      it('reports dropped or disabled triggers, and a read-only open never re-creates them', async () => {
        expect(await store.missingImmutabilityTriggers()).toEqual([]);
        const client = await raw();
        await client.query('ALTER TABLE accord.events DISABLE TRIGGER events_no_update');
        await client.query('DROP TRIGGER events_no_delete ON accord.events');
        const readonly = await open({ readonly: true });
        expect(await readonly.missingImmutabilityTriggers()).toEqual([
          'events_no_update',
          'events_no_delete',
        ]);
        await expect(readonly.append('x', [proposedEvent()], { expectedRevision: 'any' })).rejects.toThrow(
          /read-only/,
        );
      });
    });

    describe('checkStorage', () => {
      async function ledgerWithTriggersDropped(): Promise<Client> {
        for (let i = 0; i < 3; i++)
          await store.append(`c-${i}`, proposedEvents(2), { expectedRevision: 'no_stream' });
        const client = await raw();
        await client.query('DROP TRIGGER events_no_update ON accord.events');
        return client;
      }

      it('finds nothing in an untouched ledger', async () => {
        await ledgerWithTriggersDropped();
        await expect(store.checkStorage()).resolves.toBeNull();
      });

      it.each([
        ['type', "'Forged'", /type/],
        ['stream_id', "'c-9'", /stream_id/],
        ['revision', '7', /revision/],
        ['recorded_at', "'2000-01-01T00:00:00.000Z'", /recorded_at/],
      ])('finds a %s column edited apart from its envelope', async (column, value, reason) => {
        const client = await ledgerWithTriggersDropped();
        await client.query(`UPDATE accord.events SET ${column} = ${value} WHERE position = 4`);
        await expect(store.checkStorage()).resolves.toMatchObject({
          position: 4,
          reason: expect.stringMatching(reason),
        });
      });

      it('finds a non-canonical rewrite and a field added beside the hashed ones', async () => {
        const client = await ledgerWithTriggersDropped();
        const { rows } = await client.query<{ envelope: string }>(
          'SELECT envelope FROM accord.events WHERE position = 5',
        );
        await client.query('UPDATE accord.events SET envelope = $1 WHERE position = 5', [
          JSON.stringify(JSON.parse(rows[0].envelope), null, 1),
        ]);
        await client.query('UPDATE accord.events SET envelope = $1 WHERE position = 3', [
          canonicalJson({ ...(JSON.parse(rows[0].envelope) as object), approvedBy: 'someone-else' }),
        ]);
        await expect(store.checkStorage()).resolves.toMatchObject({
          position: 3,
          reason: /disagrees|fields/,
        });
      });
    });

    it('two stores (two API instances) writing one stream never fork its chain', async () => {
      const other = await open();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? store : other).append('shared', [proposedEvent()], { expectedRevision: 'any' }),
        ),
      );
      const events = await store.readStream('shared');
      expect(events.map((e) => e.revision)).toEqual([...Array(40).keys()]);
      expect(verifyChain('shared', events)).toBeNull();
      const all: RecordedEvent[] = [];
      for await (const batch of other.readAll()) all.push(...batch);
      expect(all.map((e) => e.position)).toEqual([...Array(40).keys()].map((i) => i + 1));
    });

    it('a stale expectation from another instance is refused with the actual revision', async () => {
      const other = await open();
      await store.append('s', [proposedEvent()], { expectedRevision: 'no_stream' });
      await other.append('s', [proposedEvent()], { expectedRevision: 0 });
      const error = await store
        .append('s', [proposedEvent()], { expectedRevision: 0 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect((error as WrongExpectedRevisionError).actual).toBe(1);
    });

    it('group commit: refusals and failures stay with their own append, the rest commit', async () => {
      await store.append('taken', [proposedEvent()], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled([
        store.append('g-1', [proposedEvent()], { expectedRevision: 'no_stream' }),
        store.append('taken', [proposedEvent()], { expectedRevision: 'no_stream' }),
        // Fails while sealing its second event: its first must not be written either.
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
      expect(await store.readStream('g-2')).toEqual([]);
      expect((await store.readStream('g-1')).map((e) => e.revision)).toEqual([0, 1]);
      const all: RecordedEvent[] = [];
      for await (const batch of store.readAll()) all.push(...batch);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    });

    it('a subscriber is woken by another instance’s commits (NOTIFY), each event once and in order', async () => {
      const writer = await open({ pollIntervalMs: 60_000 });
      const reader = await open({ pollIntervalMs: 60_000 });
      const subscription = reader.subscribe();
      const seen: RecordedEvent[] = [];
      const consumer = (async () => {
        for await (const event of subscription) {
          seen.push(event);
          if (seen.length === 6) break;
        }
      })();
      for (let i = 0; i < 6; i++) {
        // Give the listener time to be connected before the first commit would need it.
        if (i === 0) await new Promise((resolve) => setTimeout(resolve, 200));
        await writer.append('w', [proposedEvent()], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
      }
      await consumer;
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('keeps every acknowledged append across a SIGKILL of the writing process, seen live by another', async () => {
      const { acknowledged, seen, reach, stop } = await killWhileFollowing(
        store,
        join(__dirname, 'testing', 'append-child.ts'),
        [db.url, '4'],
        150,
      );

      // The server may still be finishing the killed client's last transaction: wait until it is gone.
      const client = await raw();
      for (let waited = 0; waited < 10_000; waited += 25) {
        const { rows } = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in%'`,
        );
        if (rows[0].n === '0') break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const head = await store.headPosition();
      await reach(head);
      await stop();

      const reopened = await open();
      const all = await expectEveryAckKept(reopened, acknowledged);
      expect(seen).toEqual(all.slice(0, head));
      // A child process under ts-node and 150 fsync'd commits: on a loaded shared machine, minutes.
    }, 180_000);
  });
});
