import type { ProposedEvent, RecordedEvent } from '@accord/events';

/** 0-based revision of the stream's last event, or a condition on the stream's existence. */
export type ExpectedRevision = 'no_stream' | 'any' | 'exists' | number;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the last event written: the expectation for the next append (as EventStoreDB names it). */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written. */
  readonly position: number;
  readonly events: readonly RecordedEvent[];
}

export interface ReadStreamOptions {
  /** Inclusive, default 0. */
  readonly fromRevision?: number;
  /** Inclusive, default the last. */
  readonly toRevision?: number;
  /** Only events recorded at or before this instant: the stream as the ledger knew it then. */
  readonly asOf?: string;
}

export interface ReadAllOptions {
  /** Exclusive: read events with a position greater than this. Default 0, the start of the log. */
  readonly after?: number;
  readonly batchSize?: number;
}

export interface SubscribeOptions {
  /** Exclusive, as for readAll. */
  readonly after?: number;
  readonly batchSize?: number;
}

/** Catches up from `after`, then follows live appends; iterate with `for await`, stop with `close()`. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The event store port. Every adapter passes the conformance suite in `testing/conformance.ts`.
 * No method updates or deletes an event.
 */
export interface EventStore {
  /** Resolves only once the events are durable (on disk, fsync'd). An empty append is refused. */
  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Position of the last committed event, 0 for an empty log. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  /** Stable code for mapping at the edge (409/412). */
  readonly code = 'STORE_WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }

  get zh(): string {
    return `流 ${this.streamId}：预期版本 ${String(this.expected)}，实际版本 ${String(this.actual)}`;
  }
}

export class EventIdConflictError extends Error {
  readonly code = 'STORE_EVENT_ID_CONFLICT';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`event id ${eventId} is already used elsewhere in the ledger (append to ${streamId} refused)`);
    this.name = 'EventIdConflictError';
  }

  get zh(): string {
    return `事件编号 ${this.eventId} 已在账本其他位置使用（拒绝写入 ${this.streamId}）`;
  }
}

export class EmptyAppendError extends Error {
  readonly code = 'STORE_EMPTY_APPEND';
  constructor(readonly streamId: string) {
    super(`append to ${streamId} has no events`);
    this.name = 'EmptyAppendError';
  }

  get zh(): string {
    return `写入 ${this.streamId} 的事件为空`;
  }
}

/** A stored row whose bytes disagree with what was hashed (found by an adapter's own storage check). */
export interface StorageFault {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly reason: string;
}

/**
 * Adapters that keep events as bytes of their own can check those bytes beyond what the hash chain
 * sees (e.g. a non-canonical rewrite that parses to the same JSON, or an index column edited apart
 * from the envelope). `accord verify` calls it when present.
 */
export interface StorageCheckable {
  checkStorage(): Promise<StorageFault | null>;
}

/** One stored row as an adapter that keeps envelope bytes beside index columns holds it. */
export interface StoredRow {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  /** The stored bytes that were hashed. */
  readonly envelope: string;
  /** The hash column, which the next event's prevHash links to. */
  readonly hash: string;
}

/**
 * Adapters that can hand out their rows as stored, unparsed: `accord verify` then checks the
 * chains and the stored bytes in one pass, hashing the bytes themselves.
 */
export interface StoredRowsReadable {
  /** Rows in commit order, up to the head as it stood when reading began. */
  readStoredRows(options?: { readonly batchSize?: number }): AsyncIterable<StoredRow[]>;
}

/** What a Merkle leaf commits to (libs/merkle's LeafEvent), read from the index columns. */
export interface LeafRow {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly hash: string;
}

/**
 * Adapters that can hand out the leaf columns without parsing envelopes: the Merkle tree's
 * follower reads every event once, and parsing was most of what it cost the appenders.
 */
export interface LeafRowsReadable {
  /** Up to `limit` rows with position > `after`, in commit order. */
  readLeafRows(after: number, limit: number): Promise<LeafRow[]>;
}

export function hasLeafRows(store: EventStore): store is EventStore & LeafRowsReadable {
  return typeof (store as Partial<LeafRowsReadable>).readLeafRows === 'function';
}

export function hasStoredRows(store: EventStore): store is EventStore & StoredRowsReadable {
  return typeof (store as Partial<StoredRowsReadable>).readStoredRows === 'function';
}

export function isStorageCheckable(store: EventStore): store is EventStore & StorageCheckable {
  return typeof (store as Partial<StorageCheckable>).checkStorage === 'function';
}
