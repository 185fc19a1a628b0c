import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '@accord/events';
import { threadEntry } from '../thread-entry';

export const READ_AHEAD_ROLE = 'accord-read-ahead';

/** Batches the thread may have read and not yet handed over: a few batches of text in memory at most. */
const DEPTH = 3;

export interface ReadAheadBatch {
  /** The position this batch follows: the `after` of the read it answers. */
  readonly after: number;
  /** The batch's envelopes as one JSON array. */
  readonly text: string;
  readonly hashes: readonly string[];
  readonly positions: Float64Array;
}

export type ReadAheadRequest = { readonly type: 'credit' };

/**
 * Reads the log ahead of a subscription that starts far behind (a rebuild, a projector catching
 * up), on a thread of its own, so that the subscriber's thread only parses what SQLite found. It
 * answers a read only when it follows on from the batch before and asks for the same batch size;
 * anything else, its thread failing, or the head reached ends it, and the subscription reads the
 * file itself from there as it always does. Every event it hands over is what a direct read
 * returns (same envelope text, hash and position), and in order.
 */
export class LogReadAhead {
  private readonly worker: Worker;
  private readonly ready: ReadAheadBatch[] = [];
  private waiting: ((batch: ReadAheadBatch | undefined) => void) | undefined;
  /** The `after` of the next batch the thread will hand over; undefined once it is over. */
  private next: number | undefined;
  private last = false;

  constructor(
    file: string,
    from: number,
    private readonly limit: number,
  ) {
    this.next = from;
    const { entry, workerData } = threadEntry(__dirname, 'read-ahead-worker', {
      role: READ_AHEAD_ROLE,
      file,
      from,
      limit,
      depth: DEPTH,
    });
    this.worker = new Worker(entry, { workerData });
    this.worker.unref();
    this.worker.on('message', (batch: ReadAheadBatch) => {
      if (batch.positions.length < this.limit) this.last = true;
      this.deliver(batch);
    });
    // Whatever stops the thread, the subscription goes on reading by itself.
    this.worker.on('error', () => this.end());
    this.worker.on('exit', () => this.end());
  }

  /**
   * The events after `after`, if this read-ahead answers that read; undefined: read the file. A read
   * that does not follow on from the last one (or asks for another size) ends it.
   */
  async read(after: number, limit: number): Promise<RecordedEvent[] | undefined> {
    if (this.next === undefined) return undefined;
    if (after !== this.next || limit !== this.limit) {
      this.end();
      return undefined;
    }
    const batch = this.ready.shift() ?? (await this.arrival());
    if (batch === undefined) return undefined;
    if (batch.after !== after) {
      this.end();
      return undefined;
    }
    const events = JSON.parse(batch.text) as (RecordedEvent & { hash: string; position: number })[];
    for (let i = 0; i < events.length; i++) {
      events[i]!.hash = batch.hashes[i]!;
      events[i]!.position = batch.positions[i]!;
    }
    if (this.last && this.ready.length === 0) this.end();
    else {
      this.next = events.length > 0 ? events[events.length - 1]!.position : batch.after;
      this.worker.postMessage({ type: 'credit' } satisfies ReadAheadRequest);
    }
    return events;
  }

  /** Stops the thread; reads from here on are the subscription's own. */
  end(): void {
    if (this.next === undefined) return;
    this.next = undefined;
    this.ready.length = 0;
    void this.worker.terminate();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(undefined);
  }

  private arrival(): Promise<ReadAheadBatch | undefined> {
    // Waited for, the thread keeps the process alive (a rebuild may have nothing else pending).
    this.worker.ref();
    return new Promise((resolve) => {
      this.waiting = (batch) => {
        this.worker.unref();
        resolve(batch);
      };
    });
  }

  private deliver(batch: ReadAheadBatch): void {
    if (this.next === undefined) return;
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting(batch);
    } else this.ready.push(batch);
  }
}
