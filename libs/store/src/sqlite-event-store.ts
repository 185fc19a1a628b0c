import { ENVELOPE_FIELDS, type ProposedEvent, type RecordedEvent } from '@accord/events';
import { canonicalJson } from '@accord/events/integrity';
import Database from 'better-sqlite3';
import { resolve as resolvePath } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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
import {
  type AppendOptions,
  type AppendResult,
  EventIdConflictError,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StorageCheckable,
  type StorageFault,
  type Subscription,
  type SubscribeOptions,
  WrongExpectedRevisionError,
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
  /**
   * `auto` (default): commit on this thread while it has little else to do, on the writer thread
   * while it is busy (serving requests). `writer-thread`: always there (tests of that path).
   */
  readonly commitOn?: 'auto' | 'writer-thread';
  /**
   * Start the writer thread at open rather than at the first busy moment: for a server, so the
   * thread's start-up does not land in the middle of its first burst of requests.
   */
  readonly startWriterThread?: boolean;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly options: AppendOptions;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Row = [envelope: string, hash: string, position: number];

/** A row this process committed, parsed at most once however many read it. */
interface Stored {
  readonly row: Row;
  event?: RecordedEvent;
}

function eventOf(stored: Stored): RecordedEvent {
  return (stored.event ??= recordedFromText(stored.row[0], stored.row[1], stored.row[2]));
}

const RECENT_COMMITS = 1024;
const KNOWN_STREAMS = 20_000;

/**
 * What the log holds after a position, for `readStream` to answer "nothing newer" without asking
 * SQLite for every stream: a read starts a transaction and, after any commit by another connection
 * (our writer thread's included), re-reads the index pages. `through` is a position this store has
 * seen every event up to (its own commits, contiguous, and scans of the file); `last` holds, for
 * streams read from the file since, an upper bound of their last revision, raised by every event
 * seen after. One scan of `position > through` per event-loop turn, started after the reads that
 * wait for it, proves the bound is still current: another process's commit shows up in that scan.
 */
class LogTail {
  through: number;
  private readonly last = new Map<string, number>();

  constructor(through: number) {
    this.through = through;
  }

  /** Registers what a read of the file just showed: valid as every event up to `through` was in its snapshot. */
  read(streamId: string, lastRevision: number): void {
    this.last.delete(streamId);
    this.last.set(streamId, lastRevision);
    if (this.last.size > KNOWN_STREAMS) this.last.delete(this.last.keys().next().value as string);
  }

  /** An event seen: raises its stream's bound (raising an upper bound is always safe). */
  saw(streamId: string, revision: number): void {
    const known = this.last.get(streamId);
    if (known !== undefined && revision > known) this.last.set(streamId, revision);
  }

  lastRevision(streamId: string): number | undefined {
    return this.last.get(streamId);
  }
}

/**
 * The rows this process committed last, while their positions run without a gap: a subscriber in
 * this process (the case directory follows every commit) reads them from here, parsed once and
 * shared with the append's own result, instead of selecting and parsing them again. A commit by
 * another process leaves a gap in the positions; the run then starts afresh, and anything outside
 * it is read from the file. Stored events never change and every reader treats them as read-only,
 * so sharing the parsed objects is safe.
 */
class RecentCommits {
  private rows: Stored[] = [];

  add(stored: readonly Stored[]): void {
    if (stored.length === 0) return;
    const last = this.rows[this.rows.length - 1];
    if (last === undefined || stored[0].row[2] !== last.row[2] + 1) this.rows = [];
    for (const one of stored) this.rows.push(one);
    if (this.rows.length > RECENT_COMMITS) this.rows = this.rows.slice(this.rows.length - RECENT_COMMITS / 2);
  }

  /**
   * Up to `limit` rows after position `after`, when the run holds the next one; undefined when it
   * does not, including past its end, where another process may have committed since.
   */
  after(after: number, limit: number): readonly Stored[] | undefined {
    const first = this.rows[0];
    if (first === undefined) return undefined;
    const from = after + 1 - first.row[2];
    if (from < 0 || from >= this.rows.length) return undefined;
    return this.rows.slice(from, from + limit);
  }
}

/**
 * The embedded ledger: one SQLite file in WAL mode, fsync'd at every commit. Appends that arrive
 * while a commit is in flight share the next transaction (group commit), each in its own savepoint
 * so it keeps its own expected-revision check and its own failure.
 *
 * Reads run on this thread's connection. Commits run here too while this thread has little else
 * to do, and on a writer thread with a connection of its own while it is busy: in a loaded API,
 * sealing, inserting and above all COMMIT (writing the WAL, fsync, checkpoints) took 20-40% of the
 * event loop, which now serves requests meanwhile. Both apply the same rules (`LedgerWriter`),
 * one commit after the other, and an append resolves only after its COMMIT has returned.
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
  /**
   * Commits sent to the writer thread and not yet answered. It takes them in order, one at a time;
   * sending the next before the last is answered keeps it from idling through the round trip.
   */
  private readonly committing = new Set<Promise<void>>();
  private closed = false;
  private readonly readonly: boolean;
  private readonly counters = { commits: 0, appends: 0 };
  private readonly recent = new RecentCommits();
  private readonly tail: LogTail;
  /** The next scan of the log's tail, shared by the reads that arrive before it starts. */
  private tailScan: Promise<boolean> | undefined;

  private readonly stmt: ReturnType<SqliteEventStore['prepare']>;
  /** Acquired when first needed: a store that never gets busy never starts the thread. */
  private writer: WriterThread | undefined;
  private writerStore = 0;
  private readonly busyTimeoutMs: number;
  private readonly commitOn: 'auto' | 'writer-thread';
  /** The same rules on this thread's connection, for light batches and until the thread is up. */
  private local: LedgerWriter | undefined;
  private readonly load = new ThreadLoad();

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
      this.tail = new LogTail(this.stmt.headPosition.get() as number);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.commitOn = options.commitOn ?? 'auto';
    if (!this.readonly && (options.startWriterThread || this.commitOn === 'writer-thread'))
      this.writerThread();
  }

  private writerThread(): WriterThread {
    if (this.writer === undefined) {
      this.writer = WriterThread.acquire();
      this.writerStore = this.writer.open(this.file, this.busyTimeoutMs);
    }
    return this.writer;
  }

  private prepare() {
    const db = this.db;
    return {
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
      tail: db
        .prepare('SELECT position, stream_id, revision FROM events WHERE position > ? ORDER BY position')
        .raw(),
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
    // A commit in flight flushes again when it lands: what queued meanwhile is the next batch.
    if (this.committing.size >= MAX_COMMITS_IN_FLIGHT) return;
    const batch = this.queue.splice(0, this.maxAppendsPerCommit);
    if (batch.length === 0) return;
    if (
      this.commitOn === 'auto' &&
      this.committing.size === 0 &&
      (isLight(batch) || !this.load.busyWithOtherWork() || !this.writerThread().ready)
    ) {
      // Nothing is in flight on the writer thread, so this connection contends with no one of
      // ours. Here a commit costs no hop to the thread and back; it only blocks this thread,
      // which matters when the thread has other work to do (an API serving requests).
      const started = performance.now();
      this.commitHere(batch);
      this.load.spent(performance.now() - started);
      if (this.queue.length > 0) this.scheduleFlush();
      return;
    }
    const committing: Promise<void> = this.commitThere(batch).finally(() => {
      this.committing.delete(committing);
      if (this.queue.length > 0) this.scheduleFlush();
    });
    this.committing.add(committing);
  }

  /** Commits on this thread's connection, with the same LedgerWriter rules. */
  private commitHere(batch: PendingAppend[]): void {
    let outcomes: WireOutcome[];
    try {
      // The store's clock, read here so that a test clock still decides recordedAt.
      const nowMs = this.clock().getTime();
      this.local ??= new LedgerWriter(this.db, this.busyTimeoutMs);
      outcomes = this.local.commit(nowMs, requestsOf(batch) as AppendRequest[]);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.settle(batch, outcomes);
  }

  private async commitThere(batch: PendingAppend[]): Promise<void> {
    let outcomes: (WireOutcome | Error)[];
    try {
      const nowMs = this.clock().getTime();
      let requests = requestsOf(batch);
      let sent: Promise<WireOutcome[]>;
      try {
        sent = this.writerThread().commit(this.writerStore, nowMs, requests as AppendRequest[]);
      } catch (error) {
        // A DOMException: matched by name, as it may come from another realm than this Error.
        if ((error as { name?: unknown } | null)?.name !== 'DataCloneError') throw error;
        requests = isolateUncloneable(requests);
        sent = this.writerThread().commit(
          this.writerStore,
          nowMs,
          requests.filter((r): r is AppendRequest => !(r instanceof Error)),
        );
      }
      const answers = await sent;
      let next = 0;
      outcomes = requests.map((r) => (r instanceof Error ? r : answers[next++]!));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.settle(batch, outcomes);
  }

  /** Answers a committed batch: only now, as COMMIT has returned (with synchronous=FULL the WAL is fsync'd). */
  private settle(batch: readonly PendingAppend[], outcomes: readonly (WireOutcome | Error)[]): void {
    this.counters.commits += 1;
    this.counters.appends += batch.length;
    let committed = false;
    outcomes.forEach((outcome, i) => {
      if (outcome instanceof Error) batch[i].reject(outcome);
      else if ('ok' in outcome) {
        committed = true;
        const stored = outcome.ok.rows.map((row): Stored => ({ row }));
        if (!outcome.ok.replayed) {
          this.recent.add(stored);
          this.sawCommit(outcome.ok);
        }
        batch[i].resolve(this.appendResult(outcome.ok, stored));
      } else batch[i].reject(fromWire(outcome.error));
    });
    if (committed) this.signal.notify();
  }

  /** The events are parsed only when asked for: the access log, the busiest writer, never looks. */
  private appendResult(
    { streamId, nextExpectedRevision, position }: WrittenAppend,
    stored: readonly Stored[],
  ): AppendResult {
    let events: RecordedEvent[] | undefined;
    return {
      streamId,
      nextExpectedRevision,
      position,
      get events() {
        return (events ??= stored.map(eventOf));
      },
    };
  }

  private rowsToEvents(rows: readonly Row[]): RecordedEvent[] {
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) events[i] = recordedFromText(rows[i][0], rows[i][1], rows[i][2]);
    return events;
  }

  /** Our own commit: extends the tail when it follows on from it, else only raises its stream's bound. */
  private sawCommit({ streamId, nextExpectedRevision, rows }: WrittenAppend): void {
    if (rows.length === 0) return;
    this.tail.saw(streamId, nextExpectedRevision);
    if (rows[0][2] === this.tail.through + 1) this.tail.through = rows[rows.length - 1][2];
  }

  /**
   * Scans the events after the tail, once per event-loop turn: every read waiting for it asked
   * before it started, so what it finds (or the absence of anything) is current for all of them.
   */
  private scanTail(): Promise<boolean> {
    return (this.tailScan ??= new Promise<boolean>((resolve) =>
      setImmediate(() => {
        this.tailScan = undefined;
        try {
          this.assertOpen();
          const rows = this.stmt.tail.all(this.tail.through) as [number, string, number][];
          for (const [, stream, revision] of rows) this.tail.saw(stream, revision);
          if (rows.length > 0) this.tail.through = rows[rows.length - 1][0];
          resolve(true);
        } catch {
          resolve(false);
        }
      }),
    ));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = options.fromRevision ?? 0;
    const current = options.asOf === undefined && options.toRevision === undefined;
    // Skips the read only when provably nothing follows `from` (see LogTail): a reader's cache asks this on every load.
    if (current) {
      const known = this.tail.lastRevision(streamId);
      if (known !== undefined && known < from && (await this.scanTail())) {
        const now = this.tail.lastRevision(streamId);
        if (now !== undefined && now < from) return [];
      }
      this.assertOpen();
    }
    const to = options.toRevision ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.asOf === undefined
        ? this.stmt.stream.all(streamId, from, to)
        : this.stmt.streamAsOf.all(streamId, from, to, normaliseAsOf(options.asOf));
    const events = this.rowsToEvents(rows as Row[]);
    // The query saw every event up to the tail: its last revision (or none from `from`) bounds the stream's.
    if (current) this.tail.read(streamId, events.length > 0 ? events[events.length - 1].revision : from - 1);
    return events;
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
      readAfter: async (after, limit) => (this.closed ? [] : this.readAfter(after, limit)),
      signal: this.signal,
      // In-process commits wake subscribers at once; polling catches the projector's neighbours.
      pollIntervalMs: this.pollIntervalMs,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** What follows `after`: from this process's own recent commits when they cover it, else from the file. */
  private readAfter(after: number, limit: number): RecordedEvent[] {
    const recent = this.recent.after(after, limit);
    if (recent !== undefined) return recent.map(eventOf);
    return this.rowsToEvents(this.stmt.after.all(after, limit) as Row[]);
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
    while (this.flushScheduled || this.committing.size > 0)
      await (this.flushScheduled ? this.flushed : Promise.all(this.committing));
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.writer) {
      try {
        await this.writer.close(this.writerStore);
      } finally {
        this.writer.release();
      }
    }
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/* ------------------------------------------------------------------------------------------------
 * The writer thread. Everything below crosses a thread boundary, so it speaks in plain data.
 * ---------------------------------------------------------------------------------------------- */

/** One append as the writer thread receives it. */
interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

interface WrittenAppend {
  readonly streamId: string;
  readonly nextExpectedRevision: number;
  readonly position: number;
  /** The stored rows, parsed back into RecordedEvents only when someone asks. */
  readonly rows: Row[];
  /** Rows an earlier append wrote (an idempotent retry): not new to the log. */
  readonly replayed: boolean;
}

/** An error as it crosses threads: the store's own errors keep their fields, others their type and message. */
interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: unknown;
  readonly streamId?: string;
  readonly expected?: ExpectedRevision;
  readonly actual?: number | 'no_stream';
  readonly eventId?: string;
}

type WireOutcome = { readonly ok: WrittenAppend } | { readonly error: WireError };

type WriterCommand =
  | { readonly type: 'open'; readonly store: number; readonly file: string; readonly busyTimeoutMs: number }
  | {
      readonly type: 'commit';
      readonly store: number;
      readonly nowMs: number;
      readonly batch: readonly AppendRequest[];
    }
  | { readonly type: 'close'; readonly store: number };

type WriterRequest = WriterCommand & { readonly id: number };

interface WriterReply {
  readonly id: number;
  readonly outcomes?: WireOutcome[];
  readonly error?: WireError;
}

function toWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) {
    const { name, message, streamId, expected, actual } = error;
    return { name, message, streamId, expected, actual };
  }
  if (error instanceof EventIdConflictError) {
    const { name, message, eventId, streamId } = error;
    return { name, message, eventId, streamId };
  }
  if (error instanceof Error) {
    const { name, message, stack } = error;
    return { name, message, stack, code: (error as { code?: unknown }).code };
  }
  return { name: 'Error', message: String(error) };
}

function fromWire(wire: WireError): Error {
  if (wire.name === 'WrongExpectedRevisionError')
    return new WrongExpectedRevisionError(wire.streamId!, wire.expected!, wire.actual!);
  if (wire.name === 'EventIdConflictError') return new EventIdConflictError(wire.eventId!, wire.streamId!);
  const Kind = wire.name === 'TypeError' ? TypeError : wire.name === 'RangeError' ? RangeError : Error;
  const error = new Kind(wire.message);
  if (Kind === Error) error.name = wire.name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  if (wire.code !== undefined) Object.assign(error, { code: wire.code });
  return error;
}

/** The appends of a batch as requests; one whose events cannot be cloned (a function, a symbol) fails alone. */
function requestsOf(batch: readonly PendingAppend[]): (AppendRequest | Error)[] {
  return batch.map(({ streamId, events, options }) => ({
    streamId,
    events,
    expectedRevision: options.expectedRevision,
  }));
}

function isolateUncloneable(requests: (AppendRequest | Error)[]): (AppendRequest | Error)[] {
  return requests.map((request) => {
    if (request instanceof Error) return request;
    try {
      structuredClone(request);
      return request;
    } catch (error) {
      return new TypeError(`append to ${request.streamId}: events must be plain data (${String(error)})`);
    }
  });
}

/**
 * The write side of one ledger file, inside the writer thread: a connection of its own, and the
 * append rules exactly as the store has always applied them.
 */
class LedgerWriter {
  private readonly db: Database.Database;
  private readonly stmt: {
    readonly place: Database.Statement;
    readonly head: Database.Statement;
    readonly lastRecordedAt: Database.Statement;
    readonly insert: Database.Statement;
    readonly stream: Database.Statement;
  };
  private readonly commitBatch: (nowMs: number, batch: readonly AppendRequest[]) => WireOutcome[];
  private readonly appendOne: (request: AppendRequest, recordedAt: string) => WrittenAppend;

  private readonly owned: boolean;

  /** On a connection of its own (the writer thread), or on the store's (set up by the store). */
  constructor(target: string | Database.Database, busyTimeoutMs = 5000) {
    this.owned = typeof target === 'string';
    this.db = typeof target === 'string' ? new Database(target, { fileMustExist: true }) : target;
    try {
      this.db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // Per connection: this is the one that commits, so it is the one that must fsync.
      this.db.pragma('synchronous = FULL');
      const db = this.db;
      this.stmt = {
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
      };
    } catch (error) {
      if (this.owned) this.db.close();
      throw error;
    }
    // Nested better-sqlite3 transactions run as savepoints inside the batch's BEGIN IMMEDIATE.
    this.appendOne = this.db.transaction((request: AppendRequest, recordedAt: string) =>
      this.write(request, recordedAt),
    );
    this.commitBatch = this.db.transaction((nowMs: number, batch: readonly AppendRequest[]) => {
      const recordedAt = nextRecordedAt(
        new Date(nowMs),
        this.stmt.lastRecordedAt.get() as string | undefined,
      );
      return batch.map((request): WireOutcome => {
        try {
          return { ok: this.appendOne(request, recordedAt) };
        } catch (error) {
          // An I/O or disk-full error can roll back the whole transaction: then the batch fails as one.
          if (!this.db.inTransaction) throw error;
          return { error: toWire(error) };
        }
      });
    }).immediate;
  }

  commit(nowMs: number, batch: readonly AppendRequest[]): WireOutcome[] {
    return this.commitBatch(nowMs, batch);
  }

  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }

  /** One append inside its savepoint; the head is read here, under the write lock, so another process cannot fork a chain. */
  private write({ streamId, events, expectedRevision }: AppendRequest, recordedAt: string): WrittenAppend {
    const replay = findReplay(streamId, events, (id) => this.placeOf(id));
    if (replay !== undefined) {
      const rows = this.stmt.stream.all(streamId, replay.fromRevision, replay.toRevision) as Row[];
      const replayed = replayResult(
        streamId,
        rows.map(([text, hash, position]) => recordedFromText(text, hash, position)),
        events.length,
      );
      const { nextExpectedRevision, position } = replayed;
      return { streamId, nextExpectedRevision, position, rows, replayed: true };
    }

    const headRow = this.stmt.head.get(streamId) as [number, string] | undefined;
    let head: StreamHead | undefined = headRow && { revision: headRow[0], hash: headRow[1] };
    checkExpectedRevision(streamId, expectedRevision, head);

    const rows: Row[] = [];
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
      // Parsed back before COMMIT, as reads will: a value JSON cannot hold (a function) gives text
      // that does not parse, and must fail this append rather than reach the ledger.
      recordedFromText(sealed.text, sealed.hash, Number(lastInsertRowid));
      rows.push([sealed.text, sealed.hash, Number(lastInsertRowid)]);
      head = { revision, hash: sealed.hash };
    }
    const position = rows[rows.length - 1][2];
    return { streamId, nextExpectedRevision: head!.revision, position, rows, replayed: false };
  }

  private placeOf(eventId: string): StoredPlace | undefined {
    const row = this.stmt.place.get(eventId) as [string, number] | undefined;
    return row && { streamId: row[0], revision: row[1] };
  }
}

const WRITER_ROLE = 'accord-sqlite-writer';
const MAX_COMMITS_IN_FLIGHT = 2;
/** At most this many events in an otherwise idle moment are committed on the store's own thread. */
const LIGHT_BATCH_EVENTS = 4;

/**
 * How busy this thread's event loop is with work other than our own commits, over the last window.
 * Above `BUSY_SHARE`, commits go to the writer thread so that the loop can serve that work.
 */
class ThreadLoad {
  private windowStart = performance.now();
  private utilisation = performance.eventLoopUtilization();
  private committingMs = 0;
  private busy = false;

  spent(ms: number): void {
    this.committingMs += ms;
  }

  busyWithOtherWork(): boolean {
    const now = performance.now();
    const elapsed = now - this.windowStart;
    if (elapsed >= LOAD_WINDOW_MS) {
      const { active } = performance.eventLoopUtilization(this.utilisation);
      this.busy = (active - this.committingMs) / elapsed > BUSY_SHARE;
      this.windowStart = now;
      this.utilisation = performance.eventLoopUtilization();
      this.committingMs = 0;
    }
    return this.busy;
  }
}

const LOAD_WINDOW_MS = 50;
const BUSY_SHARE = 0.5;

function isLight(batch: readonly PendingAppend[]): boolean {
  let events = 0;
  for (const pending of batch) if ((events += pending.events.length) > LIGHT_BATCH_EVENTS) return false;
  return true;
}
const WRITER_LINGER_MS = 5_000;

/**
 * Loads this very module in the writer thread. Run from TypeScript sources (ts-node, jest), the
 * thread registers ts-node itself unless it inherited it, so tests exercise the same writer.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts') && !require.extensions['.ts']) {
  require(workerData.tsNode).register({ transpileOnly: true, project: workerData.tsProject });
  require(workerData.tsconfigPaths);
}
require(workerData.entry);
`;

/**
 * The writer thread, shared by every store this process opens (tests open hundreds), started with
 * the first and ended with the last. It keeps the process alive only while a request is pending.
 */
class WriterThread {
  private static shared: WriterThread | undefined;

  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve(reply: WriterReply): void; reject(error: unknown): void }
  >();
  private stopped: Error | undefined;
  /** Set once the thread has answered: booting it (from TypeScript sources, ts-node) takes a while. */
  ready = false;
  private nextId = 1;
  private nextStore = 1;
  private users = 0;
  private idle: NodeJS.Timeout | undefined;

  static acquire(): WriterThread {
    const thread = (WriterThread.shared ??= new WriterThread());
    thread.users += 1;
    clearTimeout(thread.idle);
    return thread;
  }

  private constructor() {
    const fromSource = __filename.endsWith('.ts');
    const tsProject = process.env.TS_NODE_PROJECT ?? resolvePath(__dirname, '../../../tsconfig.json');
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        role: WRITER_ROLE,
        entry: __filename,
        ...(fromSource
          ? {
              tsNode: require.resolve('ts-node'),
              tsconfigPaths: require.resolve('tsconfig-paths/register'),
              tsProject,
            }
          : {}),
      },
      env: fromSource ? { ...process.env, TS_NODE_PROJECT: tsProject } : process.env,
    });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => {
      this.ready = true;
      const waiter = this.waiting.get(reply.id);
      if (waiter === undefined) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (reply.error !== undefined) waiter.reject(fromWire(reply.error));
      else waiter.resolve(reply);
    });
    const stop = (error: Error) => {
      this.stopped ??= error;
      if (WriterThread.shared === this) WriterThread.shared = undefined;
      for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
      this.waiting.clear();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) =>
      stop(new Error(`the ledger's writer thread stopped (exit code ${code})`)),
    );
  }

  open(file: string, busyTimeoutMs: number): number {
    const store = this.nextStore++;
    // Its failure, if any, is the answer to the store's first commit.
    this.request({ type: 'open', store, file, busyTimeoutMs }).catch(() => undefined);
    return store;
  }

  /** Throws at once, without sending anything, when the batch cannot be cloned to the thread. */
  commit(store: number, nowMs: number, batch: readonly AppendRequest[]): Promise<WireOutcome[]> {
    return this.request({ type: 'commit', store, nowMs, batch }).then((reply) => reply.outcomes!);
  }

  async close(store: number): Promise<void> {
    await this.request({ type: 'close', store });
  }

  /** The last store to close ends the thread, after a while: a store reopened at once finds it still there. */
  release(): void {
    this.users -= 1;
    if (this.users > 0) return;
    this.idle = setTimeout(() => {
      if (this.users > 0) return;
      if (WriterThread.shared === this) WriterThread.shared = undefined;
      void this.worker.terminate();
    }, WRITER_LINGER_MS);
    this.idle.unref();
  }

  private request(message: WriterCommand): Promise<WriterReply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    this.worker.postMessage({ ...message, id });
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }
}

/** The writer thread's side: one LedgerWriter per open store, requests answered in order. */
function serveWriter(): void {
  const port = parentPort!;
  const writers = new Map<number, LedgerWriter | WireError>();
  port.on('message', (message: WriterRequest) => {
    let reply: WriterReply;
    try {
      if (message.type === 'open') {
        try {
          writers.set(message.store, new LedgerWriter(message.file, message.busyTimeoutMs));
        } catch (error) {
          writers.set(message.store, toWire(error));
        }
        reply = { id: message.id };
      } else if (message.type === 'commit') {
        const writer = writers.get(message.store);
        if (!(writer instanceof LedgerWriter))
          throw writer === undefined ? new Error('the ledger is not open for writing') : fromWire(writer);
        reply = { id: message.id, outcomes: writer.commit(message.nowMs, message.batch) };
      } else {
        const writer = writers.get(message.store);
        if (writer instanceof LedgerWriter) writer.close();
        writers.delete(message.store);
        reply = { id: message.id };
      }
    } catch (error) {
      reply = { id: message.id, error: toWire(error) };
    }
    port.postMessage(reply);
  });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WRITER_ROLE) serveWriter();
