import { ENVELOPE_FIELDS, type ProposedEvent, type RecordedEvent } from '@accord/events';
import { canonicalJson } from '@accord/events/integrity';
import Database from 'better-sqlite3';
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
  StorageCheckable,
  StorageFault,
  Subscription,
  SubscribeOptions,
} from './event-store';
import { positiveBatchSize } from './memory-event-store';
import { StoreClosedError } from './store-errors';
import { CommitSignal, PollingSubscription } from './subscription';

export const SQLITE_SCHEMA_VERSION = 1;

const HASHED_FIELDS = ENVELOPE_FIELDS.filter((field) => field !== 'hash' && field !== 'position');

/**
 * The layout `accord verify` and its tamper tests rely on: keep it exactly. `envelope` holds the
 * canonical bytes that were hashed; the other columns are copies for indexing.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events(
  position INTEGER PRIMARY KEY,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  envelope TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE(stream_id, revision)
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '${SQLITE_SCHEMA_VERSION}');
`;

export interface SqliteEventStoreOptions {
  /** When the ledger records an event; injectable so tests can read as of a moment. */
  readonly clock?: () => Date;
  /** How often an idle subscription looks for commits made by another process. */
  readonly pollIntervalMs?: number;
  /** How long a writer waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
  /** At most this many appends share one transaction (bounds the latency of a flush). */
  readonly maxAppendsPerCommit?: number;
  /**
   * Open an existing ledger without writing to it: no schema script (which would silently re-create
   * triggers an attacker dropped) and no journal-mode change. For `accord verify` and other audits.
   */
  readonly readonly?: boolean;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly options: AppendOptions;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: AppendResult } | { readonly error: unknown };

type Row = [envelope: string, hash: string, position: number];

/**
 * The embedded ledger: one SQLite file in WAL mode, fsync'd at every commit. Appends that arrive
 * in the same tick share one transaction (group commit), each in its own savepoint so it keeps its
 * own expected-revision check and its own failure.
 */
export class SqliteEventStore implements EventStore, StorageCheckable {
  private readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly maxAppendsPerCommit: number;
  private readonly signal = new CommitSignal();
  private readonly subscriptions = new Set<PollingSubscription>();
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private flushed: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly readonly: boolean;
  private readonly counters = { commits: 0, appends: 0 };

  private readonly stmt: ReturnType<SqliteEventStore['prepare']>;
  private readonly commitBatch: (batch: readonly PendingAppend[]) => Outcome[];
  private readonly appendOne: (pending: PendingAppend, recordedAt: string) => AppendResult;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.maxAppendsPerCommit = options.maxAppendsPerCommit ?? 1024;
    this.readonly = options.readonly ?? false;
    this.db = new Database(file, this.readonly ? { readonly: true, fileMustExist: true } : {});
    try {
      this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = FULL');
        this.db.exec(SCHEMA);
      }
      const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
      if (version !== String(SQLITE_SCHEMA_VERSION))
        throw new Error(`${file}: ledger schema version ${String(version)} is not ${SQLITE_SCHEMA_VERSION}`);
      this.stmt = this.prepare();
    } catch (error) {
      this.db.close();
      throw error;
    }
    // Nested better-sqlite3 transactions run as savepoints inside the batch's BEGIN IMMEDIATE.
    this.appendOne = this.db.transaction((pending: PendingAppend, recordedAt: string) =>
      this.write(pending, recordedAt),
    );
    this.commitBatch = this.db.transaction((batch: readonly PendingAppend[]) => {
      const recordedAt = nextRecordedAt(this.clock(), this.stmt.lastRecordedAt.get() as string | undefined);
      return batch.map((pending): Outcome => {
        try {
          return { ok: this.appendOne(pending, recordedAt) };
        } catch (error) {
          // An I/O or disk-full error can roll back the whole transaction: then the batch fails as one.
          if (!this.db.inTransaction) throw error;
          return { error };
        }
      });
    }).immediate;
  }

  private prepare() {
    const db = this.db;
    return {
      place: db.prepare('SELECT stream_id, revision FROM events WHERE event_id = ?').raw(),
      head: db
        .prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
        .raw(),
      lastRecordedAt: db.prepare('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1').pluck(),
      insert: db.prepare(
        'INSERT INTO events(stream_id, revision, event_id, type, recorded_at, envelope, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      stream: db
        .prepare(
          'SELECT envelope, hash, position FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision',
        )
        .raw(),
      streamAsOf: db
        .prepare(
          'SELECT envelope, hash, position FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? AND recorded_at <= ? ORDER BY revision',
        )
        .raw(),
      after: db
        .prepare('SELECT envelope, hash, position FROM events WHERE position > ? ORDER BY position LIMIT ?')
        .raw(),
      range: db
        .prepare(
          'SELECT envelope, hash, position FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?',
        )
        .raw(),
      headPosition: db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck(),
      scan: db.prepare(
        'SELECT position, stream_id, revision, event_id, type, recorded_at, envelope FROM events ORDER BY position',
      ),
    };
  }

  /**
   * The triggers that make the file itself refuse UPDATE and DELETE, if any are gone. Their absence
   * proves nothing was changed, but it means someone with write access removed a guard.
   */
  missingImmutabilityTriggers(): string[] {
    const present = new Set(
      this.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
        .pluck()
        .all(),
    );
    return ['events_no_update', 'events_no_delete'].filter((name) => !present.has(name));
  }

  /** Transactions committed and appends they carried: their ratio is the group-commit batch size. */
  get stats(): { readonly commits: number; readonly appends: number } {
    return { ...this.counters };
  }

  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      if (this.readonly) throw new Error(`${this.file} is open read-only: appends are refused`);
      assertAppendable(streamId, events);
      assertExpectedRevisionShape(options.expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, options, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.flushed = new Promise((done) =>
      setImmediate(() => {
        this.flushScheduled = false;
        try {
          this.flush();
        } finally {
          done();
        }
      }),
    );
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxAppendsPerCommit);
    if (this.queue.length > 0) this.scheduleFlush();
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.counters.commits += 1;
    this.counters.appends += batch.length;
    // Answer only now: COMMIT has returned, so with synchronous=FULL the WAL is fsync'd.
    let committed = false;
    outcomes.forEach((outcome, i) => {
      if ('ok' in outcome) {
        committed = true;
        batch[i].resolve(outcome.ok);
      } else batch[i].reject(outcome.error);
    });
    if (committed) this.signal.notify();
  }

  /** One append inside its savepoint; the head is read here, under the write lock, so another process cannot fork a chain. */
  private write({ streamId, events, options }: PendingAppend, recordedAt: string): AppendResult {
    const replay = findReplay(streamId, events, (id) => this.placeOf(id));
    if (replay !== undefined)
      return replayResult(
        streamId,
        this.rowsToEvents(this.stmt.stream.all(streamId, replay.fromRevision, replay.toRevision) as Row[]),
        events.length,
      );

    const headRow = this.stmt.head.get(streamId) as [number, string] | undefined;
    let head: StreamHead | undefined = headRow && { revision: headRow[0], hash: headRow[1] };
    checkExpectedRevision(streamId, options.expectedRevision, head);

    const written: RecordedEvent[] = [];
    for (const proposed of events) {
      const revision = head === undefined ? 0 : head.revision + 1;
      const sealed = sealEvent(proposed, streamId, revision, recordedAt, prevHashOf(head));
      const { lastInsertRowid } = this.stmt.insert.run(
        streamId,
        revision,
        proposed.eventId,
        sealed.envelope.type,
        recordedAt,
        sealed.text,
        sealed.hash,
      );
      written.push(recordedFromText(sealed.text, sealed.hash, Number(lastInsertRowid)));
      head = { revision, hash: sealed.hash };
    }
    const last = written[written.length - 1];
    return { streamId, nextExpectedRevision: last.revision, position: last.position, events: written };
  }

  private placeOf(eventId: string): StoredPlace | undefined {
    const row = this.stmt.place.get(eventId) as [string, number] | undefined;
    return row && { streamId: row[0], revision: row[1] };
  }

  private rowsToEvents(rows: readonly Row[]): RecordedEvent[] {
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) events[i] = recordedFromText(rows[i][0], rows[i][1], rows[i][2]);
    return events;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = options.fromRevision ?? 0;
    const to = options.toRevision ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.asOf === undefined
        ? this.stmt.stream.all(streamId, from, to)
        : this.stmt.streamAsOf.all(streamId, from, to, normaliseAsOf(options.asOf));
    return this.rowsToEvents(rows as Row[]);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    this.assertOpen();
    const batchSize = positiveBatchSize(options.batchSize);
    // A snapshot of the log as it stood when reading began; subscribe() is the way to follow it.
    const end = this.stmt.headPosition.get() as number;
    let cursor = Math.max(0, options.after ?? 0);
    while (cursor < end) {
      this.assertOpen();
      const batch = this.rowsToEvents(this.stmt.range.all(cursor, end, batchSize) as Row[]);
      if (batch.length === 0) return;
      cursor = batch[batch.length - 1].position;
      yield batch;
    }
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription: PollingSubscription = new PollingSubscription({
      after: Math.max(0, options.after ?? 0),
      batchSize: positiveBatchSize(options.batchSize),
      readAfter: async (after, limit) =>
        this.closed ? [] : this.rowsToEvents(this.stmt.after.all(after, limit) as Row[]),
      signal: this.signal,
      // In-process commits wake subscribers at once; polling catches the projector's neighbours.
      pollIntervalMs: this.pollIntervalMs,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.stmt.headPosition.get() as number;
  }

  async checkStorage(): Promise<StorageFault | null> {
    this.assertOpen();
    type ScanRow = {
      position: number;
      stream_id: string;
      revision: number;
      event_id: string;
      type: string;
      recorded_at: string;
      envelope: string;
    };
    for (const row of this.stmt.scan.iterate() as IterableIterator<ScanRow>) {
      const fault = (reason: string): StorageFault => {
        return { streamId: row.stream_id, revision: row.revision, position: row.position, reason };
      };
      let envelope: Record<string, unknown>;
      try {
        envelope = JSON.parse(row.envelope) as Record<string, unknown>;
      } catch {
        return fault('envelope is not valid JSON');
      }
      if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
        return fault('envelope is not a JSON object');
      const columns: [string, unknown, unknown][] = [
        ['stream_id', row.stream_id, envelope.streamId],
        ['revision', row.revision, envelope.revision],
        ['event_id', row.event_id, envelope.eventId],
        ['type', row.type, envelope.type],
        ['recorded_at', row.recorded_at, envelope.recordedAt],
      ];
      for (const [column, stored, enveloped] of columns)
        if (stored !== enveloped) return fault(`column ${column} disagrees with the envelope`);
      if (canonicalJson(envelope) !== row.envelope) return fault('envelope is not in canonical form');
      // hashEnvelope reads only the hashed fields, so an added field would pass the chain unseen.
      const keys = Object.keys(envelope);
      if (keys.length !== HASHED_FIELDS.length || !HASHED_FIELDS.every((field) => field in envelope))
        return fault('envelope fields differ from the hashed envelope');
    }
    return null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are committed and answered before the file closes.
    while (this.flushScheduled) await this.flushed;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
