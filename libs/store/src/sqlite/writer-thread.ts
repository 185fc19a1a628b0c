import { Worker } from 'node:worker_threads';
import { threadEntry } from '../thread-entry';
import type { AppendRequest, WireOutcome } from './ledger-writer';
import { fromWire, WRITER_ROLE, type WriterCommand, type WriterReply } from './wire';

const WRITER_LINGER_MS = 5_000;

/**
 * The writer thread, shared by every store this process opens (tests open hundreds), started with
 * the first and ended with the last. It keeps the process alive only while a request is pending.
 */
export class WriterThread {
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
    const { entry, workerData } = threadEntry(__dirname, 'writer-worker', { role: WRITER_ROLE });
    this.worker = new Worker(entry, { workerData });
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
