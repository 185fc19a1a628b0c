import { KNOWN_EVENT_TYPES, type RecordedEvent } from '@accord/events';
import type { EventStore, Subscription } from '@accord/store';
import { KeyFilter } from './key-filter';
import { BatchTx, PendingWrites, type Projection } from './projection';
import { kindOf } from './projections/events';
import { type BatchWrite, type ReadStore, ReadStoreUnavailableError, type WriterLease } from './read-store';

export interface ProjectorLog {
  info(message: string): void;
  error(message: string): void;
}

export interface ProjectorOptions {
  /** Events per transaction while catching up; a live batch is whatever arrived since the last one. */
  readonly batchSize?: number;
  /** Types it may apply; anything else stops the projection that meets it. Default: the catalogue's. */
  readonly knownTypes?: ReadonlySet<string>;
  readonly log?: ProjectorLog;
  /** Called after each committed batch with the position reached (progress bars, benchmarks). */
  readonly onBatch?: (position: number, events: number) => void;
  /** Called once when the projector stops on an error (the log or the read store failed). */
  readonly onFailure?: (error: unknown) => void;
  /**
   * Wait for the active projector's lock instead of refusing to start (a hot standby; PostgreSQL
   * only: see ReadStore.claimWriter).
   */
  readonly standby?: boolean;
  /** Called when prepare() has to wait for another projector to go away. */
  readonly onStandby?: (holder: string) => void;
}

export interface ProjectorWaiter {
  readonly position: number;
  readonly resolve: () => void;
}

const SILENT: ProjectorLog = { info: () => undefined, error: () => undefined };

/**
 * Runs projections over the log: one subscription from the lowest checkpoint, events buffered into
 * batches, and each batch written with every projection's checkpoint in one read-store transaction,
 * so a crash neither applies an event twice nor skips one. A projection that meets an unknown type
 * or throws stops at that event (checkpoint just before it, status `stuck`, a log line); the others
 * go on. It is tried again on the next start.
 */
export class Projector {
  private readonly batchSize: number;
  private readonly knownTypes: ReadonlySet<string>;
  private readonly log: ProjectorLog;
  private readonly cursors = new Map<string, number>();
  private readonly stuck = new Set<string>();
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  /** Batches are applied one after another: each flush waits for the one before it. */
  private flushing: Promise<void> = Promise.resolve();
  /**
   * Commits run in order, each after the one before, and overlap applying the next batch: the last
   * one queued, and the one before it (a batch is applied only once that one is done, so at most
   * one commit is under way while a batch is applied and memory stays bounded).
   */
  private lastCommit: Promise<void> = Promise.resolve();
  private commitBefore: Promise<void> = Promise.resolve();
  private readonly pending = new PendingWrites();
  /** Projections this projector started from position 0 (empty collections): the keys written since. */
  private readonly written = new Map<string, KeyFilter>();
  private batches = 0;
  private reached = 0;
  private waiters: ProjectorWaiter[] = [];
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private failure: unknown;
  private lease: WriterLease | undefined;

  constructor(
    private readonly store: EventStore,
    readonly readStore: ReadStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.knownTypes = options.knownTypes ?? KNOWN_EVENT_TYPES;
    this.log = options.log ?? SILENT;
  }

  /** Creates the collections; projections whose version changed start again from 0. */
  async prepare(): Promise<string[]> {
    await this.claim();
    const reset = await this.readStore.prepare(this.projections);
    for (const name of reset) this.log.info(`projection ${name}: new version, rebuilding from position 0`);
    await this.loadCursors();
    return reset;
  }

  /** Empties the given projections (all when none given) so they replay from position 0. */
  async reset(names: readonly string[] = this.projections.map((p) => p.name)): Promise<void> {
    await this.claim();
    await this.readStore.reset(names);
    await this.loadCursors();
  }

  /** Position every running projection has reached. */
  get position(): number {
    return this.reached;
  }

  start(): void {
    if (this.subscription !== undefined) return;
    const subscription = this.store.subscribe({ after: this.reached, batchSize: this.batchSize });
    this.subscription = subscription;
    this.following = this.follow(subscription);
  }

  /** Resolves once every running projection has reached `position` (or the projector stopped). */
  waitFor(position: number): Promise<void> {
    if (this.reached >= position || this.subscription === undefined || this.failure !== undefined)
      return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  async close(): Promise<void> {
    try {
      await this.subscription?.close();
      await this.following;
      await this.enqueueFlush();
      await this.lastCommit;
    } finally {
      this.subscription = undefined;
      this.release(Number.MAX_SAFE_INTEGER);
      const lease = this.lease;
      this.lease = undefined;
      await lease?.release();
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Becomes the one writer of these projections (or waits to, as a standby). */
  private async claim(): Promise<void> {
    if (this.lease !== undefined) return;
    const lease = await this.readStore.claimWriter(
      this.projections.map((p) => p.name),
      {
        ...(this.options.standby === undefined ? {} : { wait: this.options.standby }),
        ...(this.options.onStandby === undefined ? {} : { onWaiting: this.options.onStandby }),
      },
    );
    this.lease = lease;
    void lease.lost.then((error) => {
      if (this.lease === lease) this.fail(error, 'projector lost its write lock');
    });
  }

  private async loadCursors(): Promise<void> {
    const byName = new Map((await this.readStore.checkpoints()).map((c) => [c.projection, c]));
    this.stuck.clear();
    this.written.clear();
    for (const projection of this.projections) {
      const position = byName.get(projection.name)?.position ?? 0;
      this.cursors.set(projection.name, position);
      // At 0 its collections are empty (a checkpoint moves only with its batch's writes).
      if (position === 0) this.written.set(projection.name, new KeyFilter());
    }
    this.reached = Math.min(...this.cursors.values());
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (this.failure !== undefined) break;
        this.buffer.push(event);
        if (this.buffer.length >= this.batchSize) await this.enqueueFlush();
        else if (!this.flushScheduled) {
          this.flushScheduled = true;
          // Flushes the tail once the subscription has nothing more ready: a live batch.
          setImmediate(() => {
            this.flushScheduled = false;
            void this.enqueueFlush();
          });
        }
      }
    } catch (error) {
      this.fail(error, 'projector stopped reading the log');
    }
  }

  /** Runs a flush after the ones already queued; a failed commit stops the projector (it is not retried). */
  private enqueueFlush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await this.flush();
      } catch (error) {
        this.fail(error, 'projector stopped writing the read store');
      }
    });
    return this.flushing;
  }

  private fail(error: unknown, what: string): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.log.error(`${what}: ${String(error)}`);
    this.options.onFailure?.(error);
    // Waiters would otherwise hang on a position that will never be reached by this instance.
    this.release(Number.MAX_SAFE_INTEGER);
  }

  /**
   * Applies the buffered events to every running projection, then queues their commit and returns:
   * the next batch is read and applied while this one is written. Cursors and stuck projections
   * move when the batch is applied (the next batch continues from them); the position the
   * projector reports, and its waiters, only once the commit is done.
   */
  private async flush(): Promise<void> {
    const events = this.buffer;
    if (events.length === 0) return;
    this.buffer = [];
    await this.commitBefore;
    if (this.failure !== undefined) return;
    const last = events[events.length - 1]!.position;
    const batches: BatchWrite[] = [];
    const stopped: { projection: string; position: number; error: string }[] = [];
    for (const projection of this.projections) {
      if (this.stuck.has(projection.name)) continue;
      const from = this.cursors.get(projection.name) ?? 0;
      const written = this.written.get(projection.name);
      const tx = new BatchTx(this.readStore, this.pending, written);
      const failed = await this.applyAll(projection, events, from, tx);
      if (failed === undefined) {
        batches.push({ projection: projection.name, changes: tx.changes(), position: last, from });
        continue;
      }
      // Keep what came before the failing event: replay those into a clean batch.
      const clean = new BatchTx(this.readStore, this.pending, written);
      const before = events.filter((e) => e.position < failed.event.position);
      await this.applyAll(projection, before, from, clean);
      const position = before.length > 0 ? Math.max(from, before[before.length - 1]!.position) : from;
      batches.push({ projection: projection.name, changes: clean.changes(), position, from });
      stopped.push({ projection: projection.name, position: failed.event.position, error: failed.message });
    }
    const batch = ++this.batches;
    // Only the count outlives the apply: the events themselves may die young.
    const count = events.length;
    const changes = batches.flatMap((b) => b.changes);
    this.pending.add(batch, changes);
    for (const queued of batches) {
      const written = this.written.get(queued.projection);
      if (written !== undefined)
        for (const change of queued.changes) written.add(change.collection, change.key);
    }
    for (const applied of batches) this.cursors.set(applied.projection, applied.position);
    for (const stop of stopped) this.stuck.add(stop.projection);
    this.commitBefore = this.lastCommit;
    this.lastCommit = this.lastCommit.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await this.readStore.commit(batches);
        this.pending.settle(batch, changes);
        for (const stop of stopped) {
          await this.readStore.markStuck(stop.projection, stop.position, stop.error);
          this.log.error(
            `projection ${stop.projection} STOPPED at position ${stop.position}: ${stop.error} (the other projections go on)`,
          );
        }
        this.reached = last;
        this.options.onBatch?.(last, count);
        this.release(last);
      } catch (error) {
        this.fail(error, 'projector stopped writing the read store');
      }
    });
  }

  private async applyAll(
    projection: Projection,
    events: readonly RecordedEvent[],
    from: number,
    tx: BatchTx,
  ): Promise<{ event: RecordedEvent; message: string } | undefined> {
    const reads = projection.reads;
    for (const event of events) {
      if (event.position <= from) continue;
      if (reads !== undefined && !reads.includes(kindOf(event.streamId))) continue;
      if (!this.knownTypes.has(event.type) && projection.acceptsUnknown?.(event) !== true) {
        return { event, message: `unknown event type ${event.type} in stream ${event.streamId}` };
      }
      try {
        // A projection that applied synchronously costs no await: a rebuild makes millions of calls.
        const applied = projection.apply(event, tx);
        if (applied !== undefined) await applied;
      } catch (error) {
        // The store failing under a read is not the projection's fault: stop the projector instead.
        if (error instanceof ReadStoreUnavailableError) throw error;
        return {
          event,
          message: `${event.type} in ${event.streamId}: ${(error as Error).message ?? String(error)}`,
        };
      }
    }
    return undefined;
  }

  private release(position: number): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= position);
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of ready) waiter.resolve();
  }
}
