import { randomBytes } from 'node:crypto';
import { verifyChain } from '@accord/events/integrity';
import { AccessDeniedError, NO_STREAM, UnavailableError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../event-store';
import { StoreRefusedError, StoreUnavailableError } from '../store-errors';
import { describeEventStoreConformance } from '../testing/conformance';
import { proposedEvent, proposedEvents } from '../testing/fixtures';
import { EsdbEventStore, type EsdbSubscription } from './esdb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';

// The adapter's own logic on a stand-in server (none can run here): see FakeEsdbClient.
describeEventStoreConformance(
  'EsdbEventStore (adapter logic, stand-in server)',
  async ({ clock }) => {
    const store = new EsdbEventStore(new FakeEsdbClient().asClient(), { clock });
    return { store, cleanup: () => store.close() };
  },
  { globalEventIds: false },
);

const serverUrl = process.env.ACCORD_TEST_ESDB_URL;
if (serverUrl) {
  // Each test works in a namespace of its own, so one throwaway server serves the whole suite.
  describeEventStoreConformance(
    `EsdbEventStore against ${serverUrl}`,
    async ({ clock }) => {
      const store = await EsdbEventStore.connect({
        url: serverUrl,
        clock,
        namespace: `t${randomBytes(6).toString('hex')}-`,
      });
      return { store, cleanup: () => store.close() };
    },
    { globalEventIds: false },
  );
} else {
  console.log(
    'EsdbEventStore: conformance against a real server not run (set ACCORD_TEST_ESDB_URL, e.g. esdb://localhost:2113?tls=false)',
  );
}

describe('EsdbEventStore on the client', () => {
  let fake: FakeEsdbClient;
  let store: EsdbEventStore;

  beforeEach(() => {
    fake = new FakeEsdbClient();
    store = new EsdbEventStore(fake.asClient());
  });

  afterEach(() => store.close());

  it('sends the envelope event id as the server event id, and appends under the head it sealed on', async () => {
    const first = proposedEvents(2);
    await store.append('case-1', first, { expectedRevision: 'no_stream' });
    const next = proposedEvent();
    await store.append('case-1', [next], { expectedRevision: 1 });
    expect(fake.appends).toEqual([
      { streamName: 'case-1', ids: first.map((e) => e.eventId), expectedRevision: NO_STREAM },
      { streamName: 'case-1', ids: [next.eventId], expectedRevision: 1n },
    ]);
    // The server's bytes are exactly the hashed canonical envelope.
    const stored = fake.log.filter((e) => e.streamId === 'case-1');
    const events = await store.readStream('case-1');
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.eventId));
    expect(verifyChain('case-1', events)).toBeNull();
  });

  it('maps positions from the server log ({commit, prepare}) to numbers, and keeps the checkpoint', async () => {
    const { events } = await store.append('s', proposedEvents(2), { expectedRevision: 'any' });
    const logged = fake.log.filter((e) => e.streamId === 's');
    expect(events.map((e) => e.position)).toEqual(logged.map((e) => Number(e.position.prepare)));
    const subscription = store.subscribe() as EsdbSubscription;
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual(events[0]);
    expect(subscription.checkpoint).toEqual(logged[0].position);
    await subscription.close();
  });

  it('never shows system events in readAll, subscriptions or the head', async () => {
    const { position } = await store.append('s', [proposedEvent()], { expectedRevision: 'any' });
    fake.system('$settings', '$metadata');
    expect(await store.headPosition()).toBe(position);
    const all = [];
    for await (const batch of store.readAll()) all.push(...batch);
    expect(all.map((e) => e.streamId)).toEqual(['s']);
  });

  it('a writer elsewhere moving the head: re-reads and chains on it for "any", refuses a stale number', async () => {
    await store.append('s', [proposedEvent()], { expectedRevision: 'no_stream' });
    // Another process appends between this adapter's head read and its append: the server refuses it.
    const other = new EsdbEventStore(fake.asClient());
    fake.beforeNextAppend = () => other.append('s', [proposedEvent()], { expectedRevision: 0 });
    const { events } = await store.append('s', [proposedEvent()], { expectedRevision: 'any' });
    expect(events[0].revision).toBe(2);
    expect(verifyChain('s', await store.readStream('s'))).toBeNull();
    const error = await store
      .append('s', [proposedEvent()], { expectedRevision: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect((error as WrongExpectedRevisionError).actual).toBe(2);
  });

  it('translates server errors to the port’s typed errors', async () => {
    fake.failNextAppends.push(new UnavailableError());
    await expect(store.append('s', [proposedEvent()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    fake.failNextAppends.push(new AccessDeniedError());
    await expect(store.append('s', [proposedEvent()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      StoreRefusedError,
    );
    expect(await store.readStream('s')).toEqual([]);
  });

  it('refuses an event id that is not a UUID before anything is sent', async () => {
    await expect(
      store.append('s', [proposedEvent({ eventId: 'not-a-uuid' })], { expectedRevision: 'any' }),
    ).rejects.toThrow(/UUID/);
    expect(fake.appends).toEqual([]);
  });
});
