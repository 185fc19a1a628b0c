import {
  type AppendExpectedRevision,
  type AppendResult,
  type BinaryEventData,
  NO_STREAM,
  type Position,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EsdbClient } from '../esdb-event-store';

/**
 * A stand-in for an EventStoreDB server, ONLY because none can run on these machines: it keeps
 * what the server guarantees and the adapter relies on (expected-revision checks raising the
 * client's own WrongExpectedVersionError, StreamNotFoundError on a missing stream, a log whose
 * positions rise with commit = prepare, system events in $all, readAll/readStream in both
 * directions, subscribeToAll catching up then following). The real server is exercised by the
 * same conformance suite when ACCORD_TEST_ESDB_URL is set.
 */
interface Stored {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: Uint8Array;
  position: Position;
}

type Options = {
  direction?: string;
  fromRevision?: unknown;
  fromPosition?: unknown;
  maxCount?: number | bigint;
};

export class FakeEsdbClient {
  readonly log: Stored[] = [];
  private nextPosition = 1000n;
  private readonly waiters = new Set<() => void>();
  /** Errors to throw from the next appends, in order (to test translation). */
  readonly failNextAppends: Error[] = [];
  /** Runs inside the next append, before its check: another writer getting there first. */
  beforeNextAppend: (() => Promise<unknown>) | undefined;
  /** Calls to appendToStream, for assertions on what was sent. */
  readonly appends: { streamName: string; ids: string[]; expectedRevision: AppendExpectedRevision }[] = [];

  constructor() {
    this.system('$stats-127.0.0.1:2113', '$statsCollected');
  }

  /** A server-side event Accord must never see. */
  system(streamId: string, type: string): void {
    this.push(streamId, crypto.randomUUID(), type, new Uint8Array([123, 125]));
  }

  private push(streamId: string, id: string, type: string, data: Uint8Array): Stored {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    // Positions are byte offsets: rising, with gaps, commit = prepare for gRPC appends.
    this.nextPosition += 137n;
    const stored = {
      streamId,
      id,
      revision,
      type,
      data,
      position: { commit: this.nextPosition, prepare: this.nextPosition },
    };
    this.log.push(stored);
    return stored;
  }

  async appendToStream(
    streamName: string,
    events: BinaryEventData | BinaryEventData[],
    options: { expectedRevision?: AppendExpectedRevision } = {},
  ): Promise<AppendResult> {
    const list = Array.isArray(events) ? events : [events];
    const expectedRevision = options.expectedRevision ?? 'any';
    this.appends.push({ streamName, ids: list.map((e) => e.id), expectedRevision });
    await Promise.resolve();
    const before = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    await before?.();
    const injected = this.failNextAppends.shift();
    if (injected) throw injected;
    const current = this.log.filter((e) => e.streamId === streamName);
    const actual = current.length === 0 ? NO_STREAM : current[current.length - 1].revision;
    const ok =
      expectedRevision === 'any' ||
      (expectedRevision === NO_STREAM && actual === NO_STREAM) ||
      (expectedRevision === STREAM_EXISTS && actual !== NO_STREAM) ||
      (typeof expectedRevision === 'bigint' && expectedRevision === actual);
    if (!ok)
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: expectedRevision,
        current: actual,
      });
    let last: Stored | undefined;
    for (const event of list) last = this.push(streamName, event.id, event.type, event.data);
    for (const wake of [...this.waiters]) wake();
    return { success: true, nextExpectedRevision: last!.revision, position: last!.position };
  }

  readStream(streamName: string, options: Options = {}) {
    const events = this.log.filter((e) => e.streamId === streamName);
    const backwards = options.direction === 'backwards';
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : undefined;
    return (async function* () {
      await Promise.resolve();
      if (events.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const ordered = backwards
        ? [...events].reverse().filter((e) => from === undefined || e.revision <= from)
        : events.filter((e) => from === undefined || e.revision >= from);
      for (const event of ordered.slice(0, max)) yield { event: recorded(event) };
    })();
  }

  readAll(options: Options = {}) {
    const backwards = options.direction === 'backwards';
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = options.fromPosition as Position | string | undefined;
    const snapshot = [...this.log];
    return (async function* () {
      await Promise.resolve();
      const ordered = backwards
        ? snapshot.reverse().filter((e) => typeof from !== 'object' || e.position.prepare <= from.prepare)
        : snapshot.filter((e) => typeof from !== 'object' || e.position.prepare >= from.prepare);
      for (const event of ordered.slice(0, max)) yield { event: recorded(event) };
    })();
  }

  subscribeToAll(options: Options & { filter?: unknown } = {}) {
    const from = options.fromPosition as Position | string | undefined;
    let cursor = typeof from === 'object' ? from.prepare : 0n;
    let stopped = false;
    let wake: (() => void) | undefined;
    const waiters = this.waiters;
    const log = this.log;
    const iterator = (async function* () {
      while (!stopped) {
        // subscribeToAll is exclusive of fromPosition.
        const next = log.find((e) => e.position.prepare > cursor);
        if (next) {
          cursor = next.position.prepare;
          yield { event: recorded(next) };
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          waiters.add(resolve);
        });
        waiters.delete(wake!);
      }
    })();
    return Object.assign(iterator, {
      async unsubscribe() {
        stopped = true;
        wake?.();
      },
    });
  }

  async dispose(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
  }

  asClient(): EsdbClient {
    return this as unknown as EsdbClient;
  }
}

function recorded(event: Stored) {
  return {
    streamId: event.streamId,
    id: event.id,
    revision: event.revision,
    type: event.type,
    data: event.data,
    isJson: false,
    created: new Date(),
    metadata: undefined,
    position: event.position,
  };
}
