import type { ProposedEvent, RecordedEvent } from '@accord/events';
import type Database from 'better-sqlite3';
import {
  assertAppendable,
  assertExpectedRevisionShape,
  normaliseAsOf,
  recordedFromText,
} from './append-rules';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  LeafRow,
  LeafRowsReadable,
  ReadAllOptions,
  ReadStreamOptions,
  StorageCheckable,
  StorageFault,
  StoredRow,
  StoredRowsReadable,
  Subscription,
  SubscribeOptions,
} from './event-store';
import { positiveBatchSize } from './memory-event-store';
import { eventOf, LogTail, RecentCommits, type Stored } from './sqlite/caches';
import { GroupCommit } from './sqlite/group-commit';
import type { WrittenAppend } from './sqlite/ledger-writer';
import { openLedgerFile, prepareReads, type ReadStatements, type Row } from './sqlite/schema';
import { WalSync } from './sqlite/wal-sync';
import { firstStorageFault } from './storage-check';
import { StoreClosedError } from './store-errors';
import { CommitSignal, PollingSubscription } from './subscription';

export { SQLITE_SCHEMA_VERSION } from './sqlite/schema';

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
   * while it is busy (serving requests). `writer-thread`: always there. `this-thread`: never start
   * the writer thread (see the API's ACCORD_SQLITE_WRITER_THREAD for when that wins).
   */
  readonly commitOn?: CommitOn;
  /**
   * Start the writer thread at open rather than at the first busy moment: for a server, so the
   * thread's start-up does not land in the middle of its first burst of requests.
   */
  readonly startWriterThread?: boolean;
}

/**
 * The embedded ledger: one SQLite file in WAL mode, every commit on disk before it is answered or
 * shown (by its own fsync, or committing on this thread, by an fdatasync of the WAL off it: WalSync).
 *
 * The parts, each in `./sqlite/`: the schema and statements (`schema.ts`); the writer, which
 * applies the append rules one batch per transaction (`ledger-writer.ts`) and groups appends into
 * those batches on this thread or the writer thread (`group-commit.ts`, `writer-thread.ts`,
 * `writer-worker.ts`); the caches reads consult before the file (`caches.ts`); the check of
 * stored rows against their envelopes (`storage-check.ts`). This class reads, and ties them together.
 */
export type CommitOn = 'auto' | 'writer-thread' | 'this-thread';

type StoredColumns = [number, string, number, string, string, string, string, string];

export class SqliteEventStore implements EventStore, StorageCheckable, StoredRowsReadable, LeafRowsReadable {
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly signal = new CommitSignal();
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;
  private readonly readonly: boolean;
  private readonly recent = new RecentCommits();
  private readonly tail: LogTail;
  /** The next scan of the log's tail, shared by the reads that arrive before it starts. */
  private tailScan: Promise<boolean> | undefined;
  private readonly stmt: ReadStatements;
  private readonly writes: GroupCommit | undefined;
  /** What is on disk: reads show no row above it (see WalSync). */
  private readonly wal: WalSync;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.readonly = options.readonly ?? false;
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.db = openLedgerFile(file, { readonly: this.readonly, busyTimeoutMs });
    let wal: WalSync | undefined;
    try {
      this.stmt = prepareReads(this.db);
      const head = this.stmt.headPosition.get() as number;
      this.tail = new LogTail(head);
      this.wal = wal = new WalSync(file, head, this.readonly);
      this.writes = this.readonly
        ? undefined
        : new GroupCommit({
            db: this.db,
            file,
            clock: options.clock ?? (() => new Date()),
            busyTimeoutMs,
            maxAppendsPerCommit: options.maxAppendsPerCommit ?? 1024,
            commitOn: options.commitOn ?? 'auto',
            startWriterThread: options.startWriterThread ?? false,
            committed: (written) => this.committed(written),
            batchCommitted: () => this.signal.notify(),
            walSync: this.wal,
          });
    } catch (error) {
      wal?.close();
      this.db.close();
      throw error;
    }
  }

  /**
   * The triggers that make the file itself refuse UPDATE and DELETE, if any are gone. Their absence
   * proves nothing was changed, but it means someone with write access removed a guard.
   */
  missingImmutabilityTriggers(): string[] {
    const present = new Set(this.stmt.triggers.all());
    return ['events_no_update', 'events_no_delete'].filter((name) => !present.has(name));
  }

  /** Transactions committed and appends they carried: their ratio is the group-commit batch size. */
  get stats(): { readonly commits: number; readonly appends: number } {
    return this.writes?.stats ?? { commits: 0, appends: 0 };
  }

  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      if (this.writes === undefined) throw new Error(`${this.file} is open read-only: appends are refused`);
      assertAppendable(streamId, events);
      assertExpectedRevisionShape(options.expectedRevision);
      return this.writes.append(streamId, events, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** One committed append: remembered for subscribers and the tail, answered with its events parsed lazily. */
  private committed(written: WrittenAppend): AppendResult {
    const stored = written.rows.map((row): Stored => ({ row }));
    if (!written.replayed) {
      this.recent.add(stored);
      this.sawCommit(written);
    }
    const { streamId, nextExpectedRevision, position, parsed } = written;
    let events: RecordedEvent[] | undefined;
    // Parsed only when asked for: the access log, the busiest writer, never looks. Committed on this
    // thread, the writer has parsed them already (its check before COMMIT): those are the ones kept.
    return {
      streamId,
      nextExpectedRevision,
      position,
      get events() {
        if (parsed !== undefined) for (let i = 0; i < stored.length; i++) stored[i].event ??= parsed[i];
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
    // Nearly always durable already: then no await, so nothing runs between the query and the tail.
    const syncing = rows.length > 0 ? this.durable((rows[rows.length - 1] as Row)[2]) : undefined;
    if (syncing !== undefined) await syncing;
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
      await this.durable(cursor);
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
  private async readAfter(after: number, limit: number): Promise<RecordedEvent[]> {
    // Our own commits enter `recent` only once synced.
    const recent = this.recent.after(after, limit);
    if (recent !== undefined) return recent.map(eventOf);
    const rows = this.stmt.after.all(after, limit) as Row[];
    const syncing = rows.length > 0 ? this.durable(rows[rows.length - 1][2]) : undefined;
    if (syncing !== undefined) await syncing;
    return this.rowsToEvents(rows);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const head = this.stmt.headPosition.get() as number;
    await this.durable(head);
    return head;
  }

  /** Waits until rows up to `position`, visible to this connection, are on disk (see WalSync). */
  private durable(position: number): Promise<void> | undefined {
    return this.wal.whenDurable(position);
  }

  async checkStorage(): Promise<StorageFault | null> {
    return firstStorageFault(this.readStoredRows({ batchSize: 1000 }));
  }

  async *readStoredRows(options: { readonly batchSize?: number } = {}): AsyncIterable<StoredRow[]> {
    this.assertOpen();
    const batchSize = positiveBatchSize(options.batchSize);
    const end = this.stmt.headPosition.get() as number;
    for (let cursor = 0; cursor < end;) {
      this.assertOpen();
      const rows = this.stmt.stored.all(cursor, end, batchSize) as StoredColumns[];
      // Raw arrays into one fixed-shape literal: cheaper than the driver's named-column objects.
      if (rows.length > 0) await this.durable(rows[rows.length - 1][0]);
      const batch = rows.map((r): StoredRow => ({
        position: r[0],
        streamId: r[1],
        revision: r[2],
        eventId: r[3],
        type: r[4],
        recordedAt: r[5],
        envelope: r[6],
        hash: r[7],
      }));
      if (batch.length === 0) return;
      cursor = batch[batch.length - 1].position;
      yield batch;
    }
  }

  async readLeafRows(after: number, limit: number): Promise<LeafRow[]> {
    this.assertOpen();
    const rows = this.stmt.leafRows.all(after, positiveBatchSize(limit)) as [
      number,
      string,
      number,
      string,
    ][];
    if (rows.length > 0) await this.durable(rows[rows.length - 1][0]);
    return rows.map(([position, streamId, revision, hash]) => ({ position, streamId, revision, hash }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are committed and answered before the file closes.
    await this.writes?.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.writes?.close();
    // A sync a reader started may still be running on the descriptor.
    await this.wal.settled();
    this.wal.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
