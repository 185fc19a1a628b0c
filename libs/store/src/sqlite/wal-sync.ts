import fs from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the store may show: rows up to `durable` are on disk; above it, a row may be committed (in
 * the WAL, in the page cache) and still vanish with a power cut.
 *
 * Why this exists: with `synchronous = FULL` every COMMIT waits for its fsync on the thread that
 * runs it, which for an API committing on its own thread blocked the event loop for a quarter to a
 * third of its time (issue 14). A store that commits with `synchronous = NORMAL` instead makes its
 * commits durable here, with `fdatasync` of the WAL on libuv's thread pool, and answers an append
 * only once a sync that started after its COMMIT has completed (group commit: one sync covers every
 * commit before it). Checkpoints still sync on their own (NORMAL syncs the WAL before copying it
 * into the database file, and the database file after).
 *
 * Every other reader of the file (the tree follower's thread, the projector's process, another
 * store) can see such rows before their sync. So every store, whatever its own commit mode, shows
 * a row only when it knows it durable: its own synced commits, or after a sync of its own that
 * started once the row was visible. fsync works on the file, not the descriptor, so a reader's sync
 * makes every frame any process had written durable; a checkpoint (the co-signed tree) or a read
 * model is never built over an event a power cut could still erase.
 *
 * The descriptor is opened once, after the connection: SQLite unlinks a WAL only when the last
 * connection to the database closes, so while ours is open the path names the file SQLite writes.
 */
export class WalSync {
  private fd: number | undefined;
  private readonly walFile: string;
  private durableThrough: number;
  /** The highest position known visible: the next sync makes it durable. */
  private wanted = 0;
  private running: Promise<void> | undefined;
  /** What the running sync covers when it lands. */
  private runningThrough = 0;
  /** Gathered while a sync runs: started when it lands. */
  private next: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | undefined;
  private failure: Error | undefined;

  /**
   * `head`: the file's head position, read after the connection opened. Anything written before it
   * (a process killed before its sync, whose frames the page cache still holds) is synced here,
   * once and synchronously, along with the directory entry of a WAL that SQLite created but, under
   * NORMAL, might not sync before the first checkpoint.
   */
  constructor(file: string, head: number, readonly: boolean) {
    this.walFile = `${file}-wal`;
    this.fd = openIfPresent(this.walFile);
    try {
      if (this.fd !== undefined) fs.fdatasyncSync(this.fd);
      if (!readonly) syncDirectory(dirname(file));
    } catch (error) {
      if (this.fd !== undefined) fs.closeSync(this.fd);
      throw error;
    }
    this.durableThrough = head;
  }

  get durable(): number {
    return this.durableThrough;
  }

  /** The sync's error, once one failed: from then on nothing more is made durable or shown. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** A commit that synced itself (synchronous = FULL): nothing left to wait for up to `position`. */
  synced(position: number): void {
    if (position > this.durableThrough) this.durableThrough = position;
  }

  /**
   * Resolves once every row up to `position` (already visible to the caller) is on disk; undefined
   * when it already is, so the common case costs no promise.
   */
  whenDurable(position: number): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (position <= this.durableThrough) return undefined;
    if (position > this.wanted) this.wanted = position;
    if (this.running && position <= this.runningThrough) return this.running;
    if (this.running === undefined) return this.start();
    if (this.next === undefined) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  /** Waits for the sync in flight, if any. */
  async settled(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private start(): Promise<void> {
    // Captured before the call: every row up to here was in the file when the sync began.
    const through = this.wanted;
    this.runningThrough = through;
    const running = new Promise<void>((resolve, reject) => {
      const landed = (error: NodeJS.ErrnoException | null): void => {
        this.running = undefined;
        if (error) {
          // After a failed fsync the kernel may have dropped the dirty pages and a retry can
          // falsely succeed: no later sync is trusted, so nothing more is answered or shown.
          this.failure ??= new Error(`ledger WAL sync failed: ${error.message}`, { cause: error });
          reject(this.failure);
          this.next?.reject(this.failure);
          this.next = undefined;
          return;
        }
        if (through > this.durableThrough) this.durableThrough = through;
        resolve();
        const next = this.next;
        if (next) {
          this.next = undefined;
          this.start().then(next.resolve, next.reject);
        }
      };
      // A read-only store may open a ledger whose WAL a checkpoint had removed (after syncing it):
      // then every visible row is in the database file, already durable, until a writer makes one.
      try {
        this.fd ??= openIfPresent(this.walFile);
      } catch (error) {
        setImmediate(landed, error as NodeJS.ErrnoException);
        return;
      }
      if (this.fd === undefined) setImmediate(landed, null);
      else fs.fdatasync(this.fd, landed);
    });
    this.running = running;
    return running;
  }
}

function openIfPresent(file: string): number | undefined {
  try {
    return fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The directory entry of a file created there is durable only once the directory is synced. */
function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
