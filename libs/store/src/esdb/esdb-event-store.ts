import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  streamNameFilter,
  FORWARDS,
  type Position,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ProposedEvent, RecordedEvent } from '@accord/events';
import {
  assertAppendable,
  assertExpectedRevisionShape,
  checkExpectedRevision,
  findReplay,
  nextRecordedAt,
  normaliseAsOf,
  prevHashOf,
  replayResult,
  sealEvent,
  type StreamHead,
} from '../append-rules';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { positiveBatchSize } from '../read-options';
import { StoreClosedError } from '../store-errors';
import {
  fromServerEvent,
  isSystemEvent,
  numberToReadPosition,
  serverExpectation,
  toEventData,
  translateError,
} from './esdb-mapping';

/** What the adapter uses of the client: the real `EventStoreDBClient`, or a test's stand-in. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface EsdbEventStoreOptions {
  readonly clock?: () => Date;
  /** How far back a retried batch is looked for in its stream (default 256 events). */
  readonly replayWindow?: number;
  /**
   * A prefix for every server stream name, so several ledgers (or test runs) share one cluster:
   * Accord's stream `case-1` is the server's `<namespace>case-1`, and $all reads keep to the
   * namespace. The envelope (and so the hash) carries the unprefixed id.
   */
  readonly namespace?: string;
}

/** The server refused because another writer moved the head between our read and our append: re-read. */
const MAX_ATTEMPTS = 10;

/**
 * The event store on EventStoreDB/KurrentDB. The server orders the log and enforces the expected
 * revision; the adapter keeps the port's rules on top: it reads the stream head, checks the
 * caller's expectation and recognises retries there, seals the chain on that head, and appends
 * with the head's exact revision, so a concurrent writer makes the server refuse instead of
 * forking the chain (then the adapter reads again). Appends from one process are serialised, so
 * recordedAt rises in commit order for a single writer process (see README for several).
 */
export class EsdbEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly replayWindow: number;
  private lastRecordedAt: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly subscriptions = new Set<EsdbSubscription>();
  private closed = false;
  private readonly namespace: string;

  constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.replayWindow = options.replayWindow ?? 256;
    this.namespace = options.namespace ?? '';
  }

  private serverStream(streamId: string): string {
    return this.namespace + streamId;
  }

  /** Events of this ledger: not the server's own, and in the namespace. */
  private mine(event: { streamId: string; type: string } | undefined): boolean {
    return event !== undefined && !isSystemEvent(event) && event.streamId.startsWith(this.namespace);
  }

  /** Connects with a connection string, e.g. esdb://localhost:2113?tls=false. */
  static async connect(options: EsdbEventStoreOptions & { readonly url: string }): Promise<EsdbEventStore> {
    const store = new EsdbEventStore(
      EventStoreDBClient.connectionString([options.url] as unknown as TemplateStringsArray),
      options,
    );
    // The client connects lazily; ask for the head now so a wrong URL fails the boot, not the first request.
    await store.headPosition();
    return store;
  }

  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertAppendable(streamId, events);
      assertExpectedRevisionShape(options?.expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    const run = this.chain.then(() => this.appendNow(streamId, events, options.expectedRevision));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async appendNow(
    streamId: string,
    events: readonly ProposedEvent[],
    expected: AppendOptions['expectedRevision'],
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const recent = await this.readBackwards(streamId, this.replayWindow);
      const places = new Map(recent.map((e) => [e.eventId, { streamId, revision: e.revision }]));
      const replay = findReplay(streamId, events, (id) => places.get(id));
      if (replay !== undefined) {
        const stored = recent
          .filter((e) => e.revision >= replay.fromRevision && e.revision <= replay.toRevision)
          .sort((a, b) => a.revision - b.revision);
        return replayResult(streamId, stored, events.length);
      }
      const last = recent[0];
      const head: StreamHead | undefined = last && { revision: last.revision, hash: last.hash };
      checkExpectedRevision(streamId, expected, head);
      const recordedAt = nextRecordedAt(this.clock(), later(this.lastRecordedAt, last?.recordedAt));
      let prevHash = prevHashOf(head);
      const sealed = events.map((proposed, i) => {
        const event = sealEvent(proposed, streamId, (head?.revision ?? -1) + 1 + i, recordedAt, prevHash);
        prevHash = event.hash;
        return event;
      });
      try {
        await this.client.appendToStream(this.serverStream(streamId), sealed.map(toEventData), {
          expectedRevision: serverExpectation(head),
        });
      } catch (error) {
        // Another writer got there first: the rules run again on the new head (a numeric expectation then fails there).
        if (error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS) continue;
        throw translateError(error, streamId, expected);
      }
      this.lastRecordedAt = recordedAt;
      // The append answers only the last position; each event's comes from reading them back.
      const written = await this.readStream(streamId, { fromRevision: sealed[0].envelope.revision });
      return replayResult(streamId, written.slice(0, sealed.length), sealed.length);
    }
  }

  /** The newest `count` events of a stream, newest first. */
  private async readBackwards(streamId: string, count: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.serverStream(streamId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: count,
      }))
        if (resolved.event) events.push(fromServerEvent(resolved.event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, streamId, 'any');
    }
    return events;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = options.fromRevision ?? 0;
    const to = options.toRevision ?? Number.MAX_SAFE_INTEGER;
    const asOf = options.asOf === undefined ? undefined : normaliseAsOf(options.asOf);
    if (to < from) return [];
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.serverStream(streamId), {
        direction: FORWARDS,
        fromRevision: BigInt(from),
        maxCount: BigInt(Math.min(to - from + 1, Number.MAX_SAFE_INTEGER)),
      })) {
        if (!resolved.event) continue;
        const event = fromServerEvent(resolved.event);
        // recordedAt rises with the revision, so the first one after asOf ends the stream as known then.
        if (asOf !== undefined && event.recordedAt > asOf) break;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, streamId, 'any');
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    this.assertOpen();
    const batchSize = positiveBatchSize(options.batchSize);
    const after = Math.max(0, options.after ?? 0);
    // A snapshot of the log as it stood when reading began; subscribe() is the way to follow it.
    const end = await this.headPosition();
    if (end <= after) return;
    let batch: RecordedEvent[] = [];
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: numberToReadPosition(after),
    })) {
      const raw = resolved.event;
      if (!this.mine(raw)) continue;
      const event = fromServerEvent(raw!);
      if (event.position <= after) continue;
      if (event.position > end) break;
      batch.push(event);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
        this.assertOpen();
      }
    }
    if (batch.length > 0) yield batch;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const after = Math.max(0, options.after ?? 0);
    const subscription = new EsdbSubscription(
      this.client.subscribeToAll({
        fromPosition: numberToReadPosition(after),
        // The server filters too (it then sends checkpoints, not the events); the client check stays.
        filter: this.namespace ? streamNameFilter({ prefixes: [this.namespace] }) : excludeSystemEvents(),
      }),
      after,
      (event) => this.mine(event),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The newest Accord event's position: $all read backwards, past any system events at its end. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 4096,
    })) {
      const raw = resolved.event;
      if (this.mine(raw)) return fromServerEvent(raw!).position;
    }
    return 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/**
 * subscribeToAll as the port's Subscription. It keeps the server's checkpoint as `{commit,
 * prepare}` (the last event delivered), which is what a consumer stores to resume exactly.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  /** The server position of the last event delivered; undefined before the first. */
  checkpoint: Position | undefined;

  constructor(
    private readonly source: ReturnType<EsdbClient['subscribeToAll']>,
    private readonly after: number,
    private readonly mine: (event: { streamId: string; type: string } | undefined) => boolean,
    private readonly onClose: () => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      for await (const resolved of this.source) {
        if (this.closed) return;
        const raw = resolved.event;
        if (!this.mine(raw)) continue;
        const event = fromServerEvent(raw!);
        if (event.position <= this.after) continue;
        this.checkpoint = raw!.position;
        yield event;
        if (this.closed) return;
      }
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    await this.source.unsubscribe();
  }
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
