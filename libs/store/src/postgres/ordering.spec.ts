import type { RecordedEvent } from '@accord/events';
import { verifyChain } from '@accord/events/integrity';
import { proposedEvent } from '../testing/fixtures';
import { PostgresEventStore } from './postgres-event-store';
import { createTestDatabase, describePg, type TestDatabase } from './testing/pg-test-db';

const WRITERS = 16;
const EVENTS_PER_WRITER = 1000;
// Two stores stand for two API processes: their commits contend on the database, not in one queue.
const INSTANCES = 2;

describePg('PostgresEventStore global positions under concurrent writers', () => {
  let db: TestDatabase;
  const stores: PostgresEventStore[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await db.drop();
  });

  // A literal title: docs/rules.md cites it, and test/rules-doc.spec.ts finds it by its text.
  it('16 writers × 1000 events on 2 instances: a live subscriber sees each once, every stream in order', async () => {
    for (let i = 0; i < INSTANCES + 1; i++)
      stores.push(await PostgresEventStore.open({ url: db.url, poolSize: 3 }));
    const reader = stores[INSTANCES];
    const total = WRITERS * EVENTS_PER_WRITER;
    const subscription = reader.subscribe({ batchSize: 256 });
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === total) break;
      }
    })();

    const acknowledged = new Set<string>();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const store = stores[w % INSTANCES];
        for (let i = 0; i < EVENTS_PER_WRITER; i++) {
          const { events } = await store.append(`writer-${w}`, [proposedEvent({ data: { w, i } })], {
            expectedRevision: i === 0 ? 'no_stream' : i - 1,
          });
          acknowledged.add(events[0].eventId);
        }
      }),
    );
    await consumer;

    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((e) => e.eventId))).toEqual(acknowledged);
    // Gap-free positions, delivered in order: nothing was skipped and nothing came twice.
    expect(seen.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (let w = 0; w < WRITERS; w++) {
      const stream = seen.filter((e) => e.streamId === `writer-${w}`);
      expect(stream.map((e) => e.revision)).toEqual([...Array(EVENTS_PER_WRITER).keys()]);
      expect(verifyChain(`writer-${w}`, stream)).toBeNull();
    }
    // recordedAt never goes back in commit order, across instances (verify and as-of reads rely on it).
    for (let i = 1; i < seen.length; i++) expect(seen[i].recordedAt >= seen[i - 1].recordedAt).toBe(true);
    // Sixteen thousand durable appends on a shared two-core machine: allow minutes, not a speed claim.
  }, 600_000);
});
