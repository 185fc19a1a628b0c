import type { RecordedEvent } from '@accord/events';
import type { Subscription } from './event-store';

/** Wakes waiting subscribers after an in-process commit; the version lets a reader notice a commit it raced with. */
export class CommitSignal {
  private version = 0;
  private readonly listeners = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  on(listener: () => void): void {
    this.listeners.add(listener);
  }

  off(listener: () => void): void {
    this.listeners.delete(listener);
  }
}

export interface PollingSubscriptionOptions {
  readonly after: number;
  readonly batchSize: number;
  /** Committed events with position > after, in commit order, at most `limit`. */
  readonly readAfter: (after: number, limit: number) => Promise<RecordedEvent[]>;
  readonly signal: CommitSignal;
  /** Re-read this often while idle, to see commits made by other processes; none for a private store. */
  readonly pollIntervalMs?: number;
  readonly onClose?: () => void;
}

/**
 * Catch-up and live are one loop over "read what follows my cursor": the switch is just the moment
 * a read comes back empty, so there is no hand-over at which an event could be skipped or repeated.
 * This holds because a reader only ever sees positions in commit order (single writer).
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(private readonly options: PollingSubscriptionOptions) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    this.options.onClose?.();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const { readAfter, batchSize, signal } = this.options;
    let cursor = this.options.after;
    try {
      while (!this.closed) {
        const seen = signal.current;
        const batch = await readAfter(cursor, batchSize);
        if (this.closed) return;
        if (batch.length === 0) {
          await this.idle(seen);
          continue;
        }
        for (const event of batch) {
          cursor = event.position;
          yield event;
          if (this.closed) return;
        }
      }
    } finally {
      // A consumer that breaks out of `for await` ends the subscription as close() would.
      await this.close();
    }
  }

  private idle(seen: number): Promise<void> {
    const { signal, pollIntervalMs } = this.options;
    if (signal.current !== seen || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal.off(done);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
      signal.on(done);
      if (pollIntervalMs !== undefined) timer = setTimeout(done, pollIntervalMs);
    });
  }
}
