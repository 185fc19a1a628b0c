import type { RecordedEvent } from '@accord/events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../open-store';
import type { SqliteEventStore } from '../sqlite-event-store';
import { proposedEvent, proposedEvents } from '../testing/fixtures';
import { LogReadAhead } from './read-ahead';

/** Reads `count` events from a subscription, then closes it. */
async function take(store: SqliteEventStore, count: number, readAhead: boolean): Promise<RecordedEvent[]> {
  const subscription = store.subscribe({ after: 0, batchSize: 7, readAhead });
  const seen: RecordedEvent[] = [];
  for await (const event of subscription) {
    seen.push(event);
    if (seen.length === count) break;
  }
  await subscription.close();
  return seen;
}

describe('reading the log ahead on a thread (a subscription far behind)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let answered: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-read-ahead-'));
    store = (await openSqliteStore(dir)) as SqliteEventStore;
    // Several streams and sizes, so that batches cut across streams.
    for (let i = 0; i < 40; i++)
      await store.append(`s-${i % 6}`, proposedEvents(1 + (i % 5)), { expectedRevision: 'any' });
  });

  beforeEach(() => {
    answered = 0;
    const read = LogReadAhead.prototype.read;
    jest.spyOn(LogReadAhead.prototype, 'read').mockImplementation(async function (
      this: LogReadAhead,
      after,
      limit,
    ) {
      const events = await read.call(this, after, limit);
      if (events !== undefined) answered += 1;
      return events;
    });
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands over exactly what the file holds: every event once, in order, with its hash and position', async () => {
    const head = await store.headPosition();
    expect(head).toBe(120);
    const direct = await take(store, head, false);
    expect(answered).toBe(0);
    const ahead = await take(store, head, true);
    // 120 events in batches of 7: all but the last (short) batch came from the thread.
    expect(answered).toBeGreaterThanOrEqual(16);
    expect(ahead).toEqual(direct);
    expect(ahead.map((e) => e.position)).toEqual([...Array(head).keys()].map((i) => i + 1));
  });

  it('goes on live past the head it started from, reading the file itself', async () => {
    const subscription = store.subscribe({ after: 0, batchSize: 7, readAhead: true });
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === 125) break;
      }
    })();
    for (let i = 0; i < 5; i++) await store.append('live', [proposedEvent()], { expectedRevision: 'any' });
    await consumer;
    const all: RecordedEvent[] = [];
    for await (const batch of store.readAll()) all.push(...batch);
    expect(seen).toEqual(all.slice(0, 125));
    expect(answered).toBeGreaterThan(0);
  });

  it('is not started for a subscription close to the head', async () => {
    const head = await store.headPosition();
    const subscription = store.subscribe({ after: head - 20, batchSize: 7, readAhead: true });
    const seen: RecordedEvent[] = [];
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length === 20) break;
    }
    expect(seen.map((e) => e.position)).toEqual([...Array(20).keys()].map((i) => head - 19 + i));
    expect(LogReadAhead.prototype.read).not.toHaveBeenCalled();
  });

  it('ended midway (its thread gone), the subscription reads on from the file without a gap or a repeat', async () => {
    const head = await store.headPosition();
    const ended = jest.spyOn(LogReadAhead.prototype, 'end');
    const read = LogReadAhead.prototype.read as jest.Mock;
    const original = read.getMockImplementation()!;
    let calls = 0;
    read.mockImplementation(async function (this: LogReadAhead, after: number, limit: number) {
      calls += 1;
      if (calls === 3) this.end();
      return original.call(this, after, limit);
    });
    const seen = await take(store, head, true);
    expect(ended).toHaveBeenCalled();
    expect(answered).toBe(2);
    expect(seen.map((e) => e.position)).toEqual([...Array(head).keys()].map((i) => i + 1));
    expect(seen).toEqual(await take(store, head, false));
  });
});
