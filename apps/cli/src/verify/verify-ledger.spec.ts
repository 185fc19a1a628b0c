import type { ProposedEvent, RecordedEvent } from '@accord/events';
import { hashEnvelope } from '@accord/events/integrity';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  MemoryEventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StorageFault,
  type Subscription,
  type SubscribeOptions,
} from '@accord/store';
import { writeSampleLedger, type SampleLedger } from '../testing/sample-ledger';
import { formatVerifyReport, verifyLedger } from './verify-ledger';

type Edit = (events: RecordedEvent[]) => RecordedEvent[];

/** A real store whose log, as read back, has been edited: what an attacker with file access could do. */
class TamperedStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly edit: Edit,
  ) {}

  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.inner.append(streamId, events, options);
  }
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }
  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for await (const batch of this.inner.readAll()) all.push(...batch);
    const edited = this.edit(all.map((e) => structuredClone(e) as RecordedEvent));
    const size = options?.batchSize ?? 500;
    for (let i = 0; i < edited.length; i += size) yield edited.slice(i, i + size);
  }
  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }
  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

class StorageCheckedStore extends TamperedStore {
  constructor(
    inner: EventStore,
    edit: Edit,
    private readonly fault: StorageFault | null,
  ) {
    super(inner, edit);
  }
  async checkStorage(): Promise<StorageFault | null> {
    return this.fault;
  }
}

const unchanged: Edit = (events) => events;

function at(events: RecordedEvent[], streamId: string, revision: number): number {
  const index = events.findIndex((e) => e.streamId === streamId && e.revision === revision);
  if (index < 0) throw new Error(`no ${streamId}@${revision}`);
  return index;
}

function replace(streamId: string, revision: number, change: (e: RecordedEvent) => RecordedEvent): Edit {
  return (events) => {
    const i = at(events, streamId, revision);
    events[i] = change(events[i]!);
    return events;
  };
}

describe('verifyLedger', () => {
  let store: MemoryEventStore;
  let sample: SampleLedger;

  beforeEach(async () => {
    let tick = Date.parse('2021-04-06T02:00:00.000Z');
    // A clock that moves, so recordedAt differs between appends.
    store = new MemoryEventStore({ clock: () => new Date((tick += 1000)) });
    sample = await writeSampleLedger(store, { streams: 4, rounds: 5 });
  });

  afterEach(async () => {
    await store.close();
  });

  const positionOf = (streamId: string, revision: number) => sample.positions.get(streamId)![revision]!;

  it('reports an intact ledger with its streams, events and head position', async () => {
    const report = await verifyLedger(store, { batchSize: 7 });
    expect(report).toEqual({
      ok: true,
      streams: 4,
      events: sample.events,
      headPosition: await store.headPosition(),
      storageChecked: false,
      break: null,
    });
    expect(formatVerifyReport(report)).toBe(
      `ledger intact: 4 streams, ${sample.events} events, head position ${sample.events}`,
    );
  });

  it('reports an empty ledger as intact', async () => {
    const empty = new MemoryEventStore();
    expect(formatVerifyReport(await verifyLedger(empty))).toBe(
      'ledger intact: 0 streams, 0 events, head position 0',
    );
    await empty.close();
  });

  it('finds changed data as a hash mismatch at that event', async () => {
    const tampered = new TamperedStore(
      store,
      replace('case-2', 3, (e) => ({ ...e, data: { ...(e.data as object), amountYuan: 9999 } })),
    );
    const report = await verifyLedger(tampered);
    expect(report.ok).toBe(false);
    expect(report.break).toEqual({
      kind: 'hash_mismatch',
      streamId: 'case-2',
      revision: 3,
      position: positionOf('case-2', 3),
      reason: 'hash mismatch',
    });
    expect(formatVerifyReport(report)).toBe(
      `ledger BROKEN at stream case-2 revision 3 (position ${positionOf('case-2', 3)}): hash mismatch`,
    );
  });

  it('finds a changed stored hash at that event', async () => {
    const tampered = new TamperedStore(
      store,
      replace('case-1', 2, (e) => ({ ...e, hash: 'e'.repeat(64) })),
    );
    expect((await verifyLedger(tampered)).break).toMatchObject({
      kind: 'hash_mismatch',
      streamId: 'case-1',
      revision: 2,
    });
  });

  it('finds a forged event re-hashed in place where the next event stops linking to it', async () => {
    const tampered = new TamperedStore(
      store,
      replace('case-3', 1, (e) => {
        const forged = { ...e, actor: { ...e.actor, staffId: 'someone-else' } };
        return { ...forged, hash: hashEnvelope(forged) };
      }),
    );
    expect((await verifyLedger(tampered)).break).toMatchObject({
      kind: 'prev_hash_mismatch',
      streamId: 'case-3',
      revision: 2,
      position: positionOf('case-3', 2),
      reason: 'prevHash does not link to revision 1',
    });
  });

  it('names the missing revision when an event was deleted', async () => {
    const tampered = new TamperedStore(store, (events) => {
      events.splice(at(events, 'case-4', 2), 1);
      return events;
    });
    expect((await verifyLedger(tampered)).break).toEqual({
      kind: 'revision_gap',
      streamId: 'case-4',
      revision: 2,
      position: positionOf('case-4', 3),
      reason: 'revision gap: expected revision 2, found revision 3 (events missing or out of order)',
    });
  });

  it('reports the lowest position when several events are broken', async () => {
    const late = replace('case-1', 4, (e) => ({ ...e, type: 'Forged' }));
    const early = replace('case-3', 1, (e) => ({ ...e, type: 'Forged' }));
    const report = await verifyLedger(new TamperedStore(store, (events) => early(late(events))));
    expect(report.break).toMatchObject({ streamId: 'case-3', revision: 1 });
    expect(report.events).toBe(positionOf('case-3', 1) - 1);
  });

  it('finds an unhashed field added to an envelope', async () => {
    const tampered = new TamperedStore(
      store,
      replace('case-2', 0, (e) => ({ ...e, approvedBy: 'nobody' }) as RecordedEvent),
    );
    expect((await verifyLedger(tampered)).break).toMatchObject({
      kind: 'unexpected_field',
      streamId: 'case-2',
      revision: 0,
      reason: 'envelope carries unhashed field(s) approvedBy',
    });
  });

  it('finds whole events of different streams moved in commit order by their recordedAt', async () => {
    // Positions are not hashed: chains stay intact, but time runs backwards across the swap.
    const first = positionOf('case-1', 3);
    const second = first + 1;
    const tampered = new TamperedStore(store, (events) => {
      const i = events.findIndex((e) => e.position === first);
      const j = events.findIndex((e) => e.position === second);
      const [a, b] = [events[i]!, events[j]!];
      expect(b.streamId).not.toBe(a.streamId);
      events[i] = { ...b, position: a.position };
      events[j] = { ...a, position: b.position };
      return events;
    });
    expect((await verifyLedger(tampered)).break).toMatchObject({
      kind: 'recorded_at_order',
      streamId: 'case-1',
      revision: 3,
      position: second,
    });
  });

  it('finds positions that do not increase', async () => {
    const tampered = new TamperedStore(store, (events) => {
      events[5] = { ...events[5]!, position: events[4]!.position };
      return events;
    });
    expect((await verifyLedger(tampered)).break).toMatchObject({ kind: 'position_order', position: 5 });
  });

  it('runs the storage check and reports its fault when it comes first', async () => {
    const fault: StorageFault = {
      streamId: 'case-1',
      revision: 0,
      position: 1,
      reason: 'type column edited',
    };
    const report = await verifyLedger(
      new StorageCheckedStore(
        store,
        replace('case-2', 3, (e) => ({ ...e, type: 'Forged' })),
        fault,
      ),
    );
    expect(report.storageChecked).toBe(true);
    expect(report.break).toEqual({ kind: 'storage', ...fault });
    expect(formatVerifyReport(report)).toBe(
      'ledger BROKEN at stream case-1 revision 0 (position 1): type column edited',
    );
  });

  it('prefers the chain break when it comes before the storage fault', async () => {
    const report = await verifyLedger(
      new StorageCheckedStore(
        store,
        replace('case-1', 0, (e) => ({ ...e, type: 'Forged' })),
        {
          streamId: 'case-4',
          revision: 4,
          position: sample.events,
          reason: 'not canonical',
        },
      ),
    );
    expect(report.break).toMatchObject({ kind: 'hash_mismatch', streamId: 'case-1', revision: 0 });
  });

  it('reports a storage fault on an otherwise intact chain', async () => {
    const report = await verifyLedger(
      new StorageCheckedStore(store, unchanged, {
        streamId: 'case-2',
        revision: 1,
        position: positionOf('case-2', 1),
        reason: 'envelope is not canonical JSON',
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.break?.kind).toBe('storage');
  });

  it('reports a log that cannot be read, located by the storage check when it can', async () => {
    const failing: EventStore = Object.assign(Object.create(store) as EventStore, {
      async *readAll(): AsyncIterable<RecordedEvent[]> {
        yield [];
        throw new SyntaxError('Unexpected token } in JSON at position 12');
      },
    });
    const report = await verifyLedger(failing);
    expect(report.ok).toBe(false);
    expect(report.break).toEqual({
      kind: 'unreadable',
      streamId: null,
      revision: null,
      position: null,
      reason: 'cannot read the event after position 0: Unexpected token } in JSON at position 12',
    });
    expect(formatVerifyReport(report)).toMatch(/^ledger BROKEN: cannot read the event after position 0/);

    const located = Object.assign(Object.create(failing) as EventStore, {
      async checkStorage(): Promise<StorageFault> {
        return { streamId: 'case-1', revision: 0, position: 1, reason: 'envelope does not parse' };
      },
    });
    expect((await verifyLedger(located)).break).toMatchObject({ kind: 'storage', position: 1 });
  });

  it('verifies the ledger as it was when it started, ignoring later appends', async () => {
    const head = await store.headPosition();
    const growing = new TamperedStore(store, (events) => [
      ...events,
      { ...events[0]!, streamId: 'late', position: head + 1, hash: 'not checked' },
    ]);
    const report = await verifyLedger(growing);
    expect(report).toMatchObject({ ok: true, events: sample.events, headPosition: head });
  });
});
