import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  appendLeafInputs,
  EMPTY_ROOT,
  edgeRoot,
  type LeafEvent,
  leafInputRoom,
  readLeafInput,
  TREE_KERNEL_FILE,
  writeLeafInput,
} from '@accord/merkle';

/** What verify-worker.js is started with. */
export interface VerifyThreadData {
  /** The SQLite ledger file to run `PRAGMA integrity_check` on, and the driver to open it with. */
  readonly sqliteFile?: string;
  readonly driver?: string;
  /** tree-kernel.js, when the thread rebuilds the tree. */
  readonly kernel?: string;
  /** Shared flags, indexed by INTEGRITY_DONE and TREE_HERE. */
  readonly flags?: Int32Array;
}

/** Set by the thread once its integrity check is over. */
export const INTEGRITY_DONE = 0;
/** Set by this side when it hashes the tree itself: the thread then leaves the leaves unhashed. */
export const TREE_HERE = 1;

export type ToThread =
  { readonly type: 'leaves'; readonly bytes: Uint8Array; readonly end: number } | { readonly type: 'root' };

export type FromThread =
  | { readonly type: 'integrity'; readonly problems: string[] }
  | { readonly type: 'root'; readonly size: number; readonly root: string | null };

export interface VerifyThreadOptions {
  /** Run SQLite's integrity check on this ledger file. */
  readonly sqliteFile?: string;
  /** Rebuild the Merkle tree from the events handed to `add`. */
  readonly tree?: boolean;
}

// About 2,500 events a message: few enough messages, and the thread starts hashing early.
const BATCH_BYTES = 256 * 1024;

/**
 * Verify's second thread: SQLite's integrity check, and the Merkle tree rebuilt from the events the
 * chain check found intact, both beside the chain check on the main thread. One thread for both:
 * starting a Node thread costs ~45 ms of CPU here, as much as hashing the bench's 28,600-event tree.
 *
 * `add` writes the event's leaf input (the bytes its leaf hash is taken over, libs/merkle's
 * writeLeafInput) into a batch; full batches are shared with the thread (sharedBatch), not
 * copied. So the tree commits to exactly the position, revision, stream id and hash the chain check
 * saw, and the thread only hashes. A thread that fails stays failed: `root()` and `events()` reject with the reason, and
 * `integrity` reports it (as the integrity thread always did). `close()` ends the thread.
 */
export class VerifyThread {
  /** SQLite's integrity problems (none: []); [] when no file was given. */
  readonly integrity: Promise<string[]>;
  private readonly worker: Worker | undefined;
  private readonly tree: boolean;
  private bytes: Buffer = Buffer.alloc(0);
  private at = 0;
  private count = 0;
  private failure: Error | undefined;
  private readonly failed: Promise<never>;
  private readonly answers: ((message: FromThread) => void)[] = [];
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  /** Whether the thread runs an integrity check before it gets to the leaves. */
  private readonly checking: boolean;
  /** Every batch handed over, with where its leaf inputs end: shared memory, so no copy. */
  private readonly batches: { readonly bytes: Buffer; readonly end: number }[] = [];

  constructor(options: VerifyThreadOptions) {
    this.tree = options.tree ?? false;
    const file = options.sqliteFile;
    const checked = file !== undefined && existsSync(file);
    this.checking = checked;
    let integrity: (problems: string[]) => void = () => undefined;
    this.integrity =
      file === undefined
        ? Promise.resolve([])
        : checked
          ? new Promise<string[]>((resolve) => (integrity = resolve))
          : Promise.resolve([`no file ${file}`]);
    if (checked || this.tree) {
      const data: VerifyThreadData = {
        ...(checked ? { sqliteFile: file, driver: require.resolve('better-sqlite3') } : {}),
        ...(this.tree ? { kernel: TREE_KERNEL_FILE } : {}),
        flags: this.flags,
      };
      this.worker = new Worker(join(__dirname, 'verify-worker.js'), {
        // A worker inherits the parent's node flags: under ts-node (the benchmarks, jest, `npm run
        // accord` in development) that would load the TypeScript compiler into the thread first,
        // ten times the integrity check.
        execArgv: [],
        workerData: data,
      });
      this.worker.on('message', (message: FromThread) => {
        if (message.type === 'integrity') integrity(message.problems);
        else this.answers.shift()?.(message);
      });
    }
    if (this.tree) this.bytes = sharedBatch(BATCH_BYTES);
    this.failed = new Promise<never>((_, reject) => {
      this.worker?.once('error', (error) => {
        integrity([error.message]);
        reject(this.fail(error));
      });
      this.worker?.once('exit', (code) => {
        integrity([`integrity check thread exited with code ${code}`]);
        reject(this.fail(new Error(`it stopped (exit code ${code})`)));
      });
    });
    this.failed.catch(() => undefined);
  }

  /** Hands the event's leaf to the tree (events in commit order; only with `tree`). */
  add(event: LeafEvent): void {
    if (!this.tree) throw new Error('this verify thread rebuilds no tree');
    const room = leafInputRoom(event.streamId);
    if (this.bytes.length - this.at < room) {
      this.post();
      if (this.bytes.length < room) this.bytes = sharedBatch(Math.max(room, BATCH_BYTES));
    }
    this.at = writeLeafInput(this.bytes, this.at, event.position, event.revision, event.streamId, event.hash);
    this.count += 1;
  }

  /**
   * The root of the tree over the events added (EMPTY_ROOT for none). Hashed on the thread, unless
   * its integrity check is still running when this is called (decided at once, not after an await):
   * the leaves then wait behind the check, and this thread, done with the chains, is the one free to
   * hash them. It has every batch (shared memory), and runs the same kernel over the same bytes.
   */
  async root(): Promise<Buffer> {
    if (!this.tree) throw new Error('this verify thread rebuilds no tree');
    this.post();
    // A thread known to have failed stays failed (ask rejects), as it always did.
    if (!this.failure && this.checking && Atomics.load(this.flags, INTEGRITY_DONE) === 0) {
      Atomics.store(this.flags, TREE_HERE, 1);
      return this.rootHere();
    }
    const answer = await this.ask({ type: 'root' });
    if (answer.type !== 'root') throw this.fail(new Error(`it answered ${answer.type} to root`));
    if (answer.size !== this.count)
      throw this.fail(new Error(`it hashed ${answer.size} of the ${this.count} events handed over`));
    return answer.root === null ? EMPTY_ROOT : Buffer.from(answer.root, 'latin1');
  }

  /**
   * The events added, in order, read back from the batches the thread hashed (shared memory: the
   * same bytes). A thread that failed stays failed.
   */
  async events(): Promise<LeafEvent[]> {
    if (this.failure) throw this.failure;
    this.post();
    const events: LeafEvent[] = [];
    for (const { bytes, end: last } of this.batches) {
      for (let at = 0; at < last;) {
        const { end, ...event } = readLeafInput(bytes, at);
        events.push(event);
        at = end;
      }
    }
    if (events.length !== this.count)
      throw this.fail(new Error(`read back ${events.length} of the ${this.count} events handed over`));
    return events;
  }

  /** Whether root() hashed the tree on this side (it told the thread so through the flags). */
  get hashedHere(): boolean {
    return Atomics.load(this.flags, TREE_HERE) === 1;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private async ask(message: ToThread): Promise<FromThread> {
    if (!this.tree || !this.worker) throw new Error('this verify thread rebuilds no tree');
    this.post();
    if (this.failure) throw this.failure;
    const answer = new Promise<FromThread>((resolve) => this.answers.push(resolve));
    this.worker.postMessage(message);
    return Promise.race([answer, this.failed]);
  }

  private post(): void {
    if (this.at === 0 || !this.worker) return;
    if (!this.failure) {
      const message: ToThread = { type: 'leaves', bytes: this.bytes, end: this.at };
      this.worker.postMessage(message);
    }
    this.batches.push({ bytes: this.bytes, end: this.at });
    // A new batch: the thread reads the posted one, which this side no longer writes.
    this.bytes = sharedBatch(BATCH_BYTES);
    this.at = 0;
  }

  private rootHere(): Buffer {
    const edge: (string | undefined)[] = [];
    let size = 0;
    for (const { bytes, end } of this.batches) size += appendLeafInputs(edge, size, bytes, end);
    if (size !== this.count) throw new Error(`hashed ${size} of the ${this.count} events handed over`);
    const root = edgeRoot(edge);
    return root === undefined ? EMPTY_ROOT : Buffer.from(root, 'latin1');
  }

  private fail(error: Error): Error {
    this.failure ??= new Error(`the verify thread failed: ${error.message}`);
    return this.failure;
  }
}

/**
 * A batch the thread shares rather than receives by transfer. Transferring detaches the sender's
 * ArrayBuffer, and the first detach in a process makes V8 throw away every optimised function
 * that reads a typed array, with no detach check compiled in: on the bench's verify, the chain
 * check's scan and row check, the leaf writer and Buffer's own methods, all compiled again while
 * the chain check ran (~40 ms of compiling in a traced run).
 */
function sharedBatch(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}
