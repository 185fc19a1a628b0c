import type { ProposedEvent } from '@accord/events';
import type Database from 'better-sqlite3';
import type { AppendOptions, AppendResult } from '../event-store';
import { type AppendRequest, LedgerWriter, type WireOutcome, type WrittenAppend } from './ledger-writer';
import { isLight, ThreadLoad } from './thread-load';
import type { WalSync } from './wal-sync';
import { fromWire, isolateUncloneable } from './wire';
import { WriterThread } from './writer-thread';

const MAX_COMMITS_IN_FLIGHT = 2;

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly options: AppendOptions;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  readonly db: Database.Database;
  readonly file: string;
  readonly clock: () => Date;
  readonly busyTimeoutMs: number;
  readonly maxAppendsPerCommit: number;
  readonly commitOn: 'auto' | 'writer-thread' | 'this-thread';
  readonly startWriterThread: boolean;
  /** An append is committed: the store records it and makes its answer (called in commit order). */
  readonly committed: (written: WrittenAppend) => AppendResult;
  /** A batch with at least one new commit has been answered: wake the subscribers. */
  readonly batchCommitted: () => void;
  /**
   * What is durable. With `commitOn: 'this-thread'` commits here run with synchronous = NORMAL and
   * a batch is answered only once this has synced the WAL past it (off the event loop); otherwise
   * each COMMIT synced itself and this only learns how far.
   */
  readonly walSync: WalSync;
}

/**
 * Group commit: appends that arrive while a commit is in flight share the next transaction.
 *
 * Commits run on the store's thread while it has little else to do, and on a writer thread with a
 * connection of its own while it is busy: in a loaded API, sealing, inserting and above all COMMIT
 * (writing the WAL, fsync, checkpoints) took 20-40% of the event loop, which now serves requests
 * meanwhile. Both apply the same rules (`LedgerWriter`), one commit after the other, and an append
 * resolves only after its COMMIT has returned.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private flushed: Promise<void> = Promise.resolve();
  /**
   * Commits sent to the writer thread and not yet answered. It takes them in order, one at a time;
   * sending the next before the last is answered keeps it from idling through the round trip.
   */
  private readonly committing = new Set<Promise<void>>();
  private readonly counters = { commits: 0, appends: 0 };
  /** Acquired when first needed: a store that never gets busy never starts the thread. */
  private writer: WriterThread | undefined;
  private writerStore = 0;
  /** The same rules on the store's connection, for light batches and until the thread is up. */
  private local: LedgerWriter | undefined;
  private readonly load = new ThreadLoad();
  /** The committed batch waiting for its WAL sync; the next batch gathers meanwhile. */
  private syncing: Promise<void> | undefined;
  private readonly syncOffThread: boolean;

  constructor(private readonly options: GroupCommitOptions) {
    this.syncOffThread = options.commitOn === 'this-thread';
    if (options.commitOn === 'this-thread') return;
    if (options.startWriterThread || options.commitOn === 'writer-thread') this.writerThread();
  }

  /** Transactions committed and appends they carried: their ratio is the group-commit batch size. */
  get stats(): { readonly commits: number; readonly appends: number } {
    return { ...this.counters };
  }

  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    const failed = this.options.walSync.failed;
    if (failed) return Promise.reject(failed);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, options, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Commits and answers every append already accepted. */
  async drain(): Promise<void> {
    while (this.flushScheduled || this.committing.size > 0 || this.syncing)
      await (this.flushScheduled ? this.flushed : this.syncing ? this.syncing : Promise.all(this.committing));
  }

  /** After drain: lets the writer thread go. */
  async close(): Promise<void> {
    if (!this.writer) return;
    try {
      await this.writer.close(this.writerStore);
    } finally {
      this.writer.release();
    }
  }

  private writerThread(): WriterThread {
    if (this.writer === undefined) {
      this.writer = WriterThread.acquire();
      this.writerStore = this.writer.open(this.options.file, this.options.busyTimeoutMs);
    }
    return this.writer;
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
    // Likewise a batch waiting for its sync: one transaction per sync, as with FULL, rather than
    // a transaction per event-loop turn (each would rewrite the index pages it touches in the WAL).
    if (this.syncing) return;
    const batch = this.queue.splice(0, this.options.maxAppendsPerCommit);
    if (batch.length === 0) return;
    if (
      this.options.commitOn === 'this-thread' ||
      (this.options.commitOn === 'auto' &&
        this.committing.size === 0 &&
        (isLight(batch) || !this.load.busyWithOtherWork() || !this.writerThread().ready))
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

  /** Commits on the store's own connection, with the same LedgerWriter rules. */
  private commitHere(batch: PendingAppend[]): void {
    let outcomes: WireOutcome[];
    try {
      // The store's clock, read here so that a test clock still decides recordedAt.
      const nowMs = this.options.clock().getTime();
      this.local ??= new LedgerWriter(
        this.options.db,
        this.options.busyTimeoutMs,
        this.syncOffThread ? 'NORMAL' : 'FULL',
      );
      outcomes = this.local.commit(nowMs, requestsOf(batch) as AppendRequest[]);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    if (!this.syncOffThread) {
      this.settle(batch, outcomes);
      return;
    }
    // Committed but maybe not on disk: answered (refusals too, as they were decided on what this
    // batch saw) once a sync that started after this COMMIT has landed.
    const waiting = this.options.walSync.whenDurable(lastPosition(outcomes));
    if (waiting === undefined) {
      this.settle(batch, outcomes);
      return;
    }
    this.syncing = waiting
      .then(
        () => this.settle(batch, outcomes),
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
        },
      )
      .finally(() => {
        this.syncing = undefined;
        if (this.queue.length > 0) this.scheduleFlush();
      });
  }

  private async commitThere(batch: PendingAppend[]): Promise<void> {
    let outcomes: (WireOutcome | Error)[];
    try {
      const nowMs = this.options.clock().getTime();
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
    // A FULL commit is durable as it returns; a NORMAL one was synced before this was called.
    this.options.walSync.synced(lastPosition(outcomes));
    outcomes.forEach((outcome, i) => {
      if (outcome instanceof Error) batch[i].reject(outcome);
      else if ('ok' in outcome) {
        committed = true;
        batch[i].resolve(this.options.committed(outcome.ok));
      } else batch[i].reject(fromWire(outcome.error));
    });
    if (committed) this.options.batchCommitted();
  }
}

/** The highest position a batch wrote or answered from (a replay's rows may be a batch still syncing). */
function lastPosition(outcomes: readonly (WireOutcome | Error)[]): number {
  let last = 0;
  for (const outcome of outcomes)
    if (!(outcome instanceof Error) && 'ok' in outcome && outcome.ok.position > last)
      last = outcome.ok.position;
  return last;
}

/** The appends of a batch as requests for the writer. */
function requestsOf(batch: readonly PendingAppend[]): (AppendRequest | Error)[] {
  return batch.map(({ streamId, events, options }) => ({
    streamId,
    events,
    expectedRevision: options.expectedRevision,
  }));
}
