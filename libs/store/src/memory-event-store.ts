import type { ProposedEvent, RecordedEvent } from '@accord/events';
import {
  assertAppendable,
  assertExpectedRevisionShape,
  checkExpectedRevision,
  findReplay,
  nextRecordedAt,
  normaliseAsOf,
  prevHashOf,
  recordedFromText,
  replayResult,
  sealEvent,
  type StoredPlace,
  type StreamHead,
} from './append-rules';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  Subscription,
  SubscribeOptions,
} from './event-store';
import { StoreClosedError } from './store-errors';
import { CommitSignal, PollingSubscription } from './subscription';

export interface MemoryEventStoreOptions {
  /** When the ledger records an event; injectable so tests can read as of a moment. */
  readonly clock?: () => Date;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * The same semantics as the SQLite adapter without durability: for tests and for running the API
 * before a ledger file exists. Stored events are deep-frozen, so a caller cannot edit history
 * through an object a read returned.
 */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly places = new Map<string, StoredPlace>();
  private readonly signal = new CommitSignal();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly clock: () => Date;
  private closed = false;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(
    streamId: string,
    events: readonly ProposedEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertAppendable(streamId, events);
    assertExpectedRevisionShape(options.expectedRevision);

    const replay = findReplay(streamId, events, (id) => this.places.get(id));
    if (replay !== undefined) {
      const stored = (this.streams.get(streamId) ?? []).slice(replay.fromRevision, replay.toRevision + 1);
      return replayResult(streamId, stored, events.length);
    }

    const stream = this.streams.get(streamId) ?? [];
    checkExpectedRevision(streamId, options.expectedRevision, headOf(stream));

    const recordedAt = nextRecordedAt(this.clock(), this.log[this.log.length - 1]?.recordedAt);
    // Seal everything first: a proposal that cannot be canonicalised must leave the log untouched.
    const written: RecordedEvent[] = [];
    let head = headOf(stream);
    for (const proposed of events) {
      const revision = head === undefined ? 0 : head.revision + 1;
      const sealed = sealEvent(proposed, streamId, revision, recordedAt, prevHashOf(head));
      const event = deepFreeze(
        recordedFromText(sealed.text, sealed.hash, this.log.length + written.length + 1),
      );
      written.push(event);
      head = { revision, hash: sealed.hash };
    }
    for (const event of written) {
      this.log.push(event);
      stream.push(event);
      this.places.set(event.eventId, { streamId, revision: event.revision });
    }
    this.streams.set(streamId, stream);
    this.signal.notify();

    const last = written[written.length - 1];
    return { streamId, nextExpectedRevision: last.revision, position: last.position, events: written };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const from = options.fromRevision ?? 0;
    const to = options.toRevision ?? Number.MAX_SAFE_INTEGER;
    const asOf = options.asOf === undefined ? undefined : normaliseAsOf(options.asOf);
    return stream.filter(
      (event) =>
        event.revision >= from && event.revision <= to && (asOf === undefined || event.recordedAt <= asOf),
    );
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    this.assertOpen();
    const batchSize = positiveBatchSize(options.batchSize);
    // A snapshot of the log as it stood when reading began; subscribe() is the way to follow it.
    const end = this.log.length;
    for (let start = Math.max(0, options.after ?? 0); start < end; start += batchSize) {
      yield this.log.slice(start, Math.min(start + batchSize, end));
    }
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription: PollingSubscription = new PollingSubscription({
      after: Math.max(0, options.after ?? 0),
      batchSize: positiveBatchSize(options.batchSize),
      readAfter: async (after, limit) => this.log.slice(after, after + limit),
      signal: this.signal,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.log.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

function headOf(stream: readonly RecordedEvent[]): StreamHead | undefined {
  const last = stream[stream.length - 1];
  return last === undefined ? undefined : { revision: last.revision, hash: last.hash };
}

export function positiveBatchSize(batchSize: number | undefined): number {
  const size = batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('batchSize must be a positive integer');
  return size;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
