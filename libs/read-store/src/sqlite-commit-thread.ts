import { Worker } from 'node:worker_threads';
import { threadEntry } from '@accord/store';
import { ReadStoreFencedError } from './read-store';
import type { CommitPlan } from './sqlite-commit';
import type { CommitThreadData, FromCommitThread, ToCommitThread } from './sqlite-commit-worker';

/**
 * The main side of the read store's commit thread: posts plans, resolves each commit when the
 * thread reports it in the file, rejects it with the thread's error (a fenced checkpoint comes back
 * as ReadStoreFencedError). A thread that dies fails every commit waiting and every later one.
 */
export class CommitThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private closed: () => void = () => undefined;

  constructor(file: string) {
    const data: CommitThreadData = { file };
    const { entry, workerData } = threadEntry(__dirname, 'sqlite-commit-worker', { ...data });
    this.worker = new Worker(entry, { workerData });
    // Idle between commits: the process may end without closing it.
    this.worker.unref();
    this.worker.on('message', (message: FromCommitThread) => this.answer(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      this.fail(new Error(`the read store's commit thread exited (code ${code})`));
      this.closed();
    });
  }

  commit(plan: CommitPlan): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Referenced while a commit is outstanding, so the process waits for what it was promised.
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage({ id, plan } satisfies ToCommitThread);
    });
  }

  close(): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    this.closing = new Promise<void>((resolve) => {
      this.closed = resolve;
      if (this.failure !== undefined) return resolve();
      this.worker.ref();
      this.worker.postMessage({ close: true } satisfies ToCommitThread);
    });
    return this.closing;
  }

  private answer(message: FromCommitThread): void {
    if ('closed' in message) return;
    const waiter = this.waiting.get(message.id);
    if (waiter === undefined) return;
    this.waiting.delete(message.id);
    if (this.waiting.size === 0 && this.closing === undefined) this.worker.unref();
    if (message.ok) return waiter.resolve();
    const error = message.fenced
      ? new ReadStoreFencedError(message.fenced.projection, message.fenced.expected, message.fenced.found)
      : Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code });
    waiter.reject(error);
  }

  private fail(error: Error): void {
    if (this.failure === undefined) this.failure = error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
