import { Worker } from 'node:worker_threads';
import { threadEntry } from '@accord/store';
import { TREE_ROLE, type TreeThreadCommand, type TreeThreadData, type TreeThreadReply } from './tree-worker';

export interface TreeFollowerThreadOptions {
  /** How often the thread looks for new events (a wait makes it look at once). */
  readonly pollMs?: number;
}

/**
 * A TreeFollower on a worker thread of its own, for the embedded SQLite ledger: the thread opens
 * the ledger file read-only and writes the tree file, so hashing the tree never takes the
 * appenders' thread. On the 2-core machine the follower in-process cost the 64-appender bench about
 * 16% of its rate (bench:store, `treeCostRatio64`); here it shares only the disk. Readers of the
 * tree open their own MerkleLog on the same file and `refresh()` it after `waitFor`.
 *
 * A thread that fails (cannot open a file, a read error) stays failed, as an in-process follower
 * does: every wait then rejects with its reason.
 */
export class TreeFollowerThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private readonly ready: Promise<void>;
  private readonly ended: Promise<void>;
  private failure: Error | undefined;
  private nextId = 1;

  constructor(ledgerFile: string, treeFile: string, options: TreeFollowerThreadOptions = {}) {
    const data: TreeThreadData = { role: TREE_ROLE, ledgerFile, treeFile, pollMs: options.pollMs };
    const { entry, workerData } = threadEntry(__dirname, 'tree-worker', { ...data });
    this.worker = new Worker(entry, { workerData });
    let readied: () => void;
    let refused: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      readied = resolve;
      refused = reject;
    });
    // Nobody may be waiting yet: an unstarted thread's failure is also reported by every waitFor.
    this.ready.catch(() => undefined);
    this.worker.on('message', (reply: TreeThreadReply) => {
      if (reply.type === 'ready') {
        if (this.waiting.size === 0) this.worker.unref();
        return readied();
      }
      if (reply.type === 'stopped') return;
      if (reply.type === 'failed' && reply.id === undefined)
        return this.fail(new Error(reply.message), refused);
      const waiter = this.waiting.get(reply.id!);
      if (!waiter) return;
      this.waiting.delete(reply.id!);
      if (this.waiting.size === 0) this.worker.unref();
      if (reply.type === 'reached') waiter.resolve();
      else waiter.reject(new Error(`the Merkle tree thread: ${reply.message}`));
    });
    this.ended = new Promise((resolve) => {
      this.worker.on('error', (error) => this.fail(error, refused));
      this.worker.on('exit', (code) => {
        this.fail(new Error(`the Merkle tree thread stopped (exit code ${code})`), refused);
        resolve();
      });
    });
    // Once started, the thread only serves waiters: it keeps the process alive only while one waits.
  }

  /** Resolves once the thread has opened both files and follows the ledger. */
  started(): Promise<void> {
    return this.ready;
  }

  /** Resolves once the tree file holds every event up to `position`. */
  waitFor(position: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const reached = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.worker.postMessage({ type: 'wait', id, position } satisfies TreeThreadCommand);
    return reached;
  }

  /** Lets the thread finish its pass, close both files and end. */
  async stop(): Promise<void> {
    if (!this.failure) this.worker.postMessage({ type: 'stop' } satisfies TreeThreadCommand);
    this.worker.ref();
    await this.ended;
  }

  private fail(error: Error, refused: (error: Error) => void): void {
    this.failure ??= new Error(`the Merkle tree thread: ${error.message}`);
    refused(this.failure);
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
