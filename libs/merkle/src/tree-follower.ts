import { type EventStore, hasLeafRows, type LeafRow } from '@accord/store';
import { eventLeafHash } from './leaf';
import type { MerkleLog } from './merkle-log';

const BATCH = 4096;
const POLL_MS = 100;

export interface TreeFollowerOptions {
  /** How often a started follower looks for new events (waitFor looks at once). */
  readonly pollMs?: number;
}

/**
 * Keeps a MerkleLog up with an event store, any adapter: it only reads, so appends never wait for
 * the tree. It follows on its own schedule (every `pollMs`, and at once when someone waits for a
 * position), in batches of up to 4096 events per transaction, reading only the columns a leaf
 * commits to where the store can (no envelope is parsed): hashing per append, on the appenders'
 * thread, cost them about a third of their rate.
 *
 * The tree file is not trusted to match the ledger: before its first pass the follower checks
 * that the last stored leaf is the ledger's event at that position, and otherwise cuts the tree
 * back to the last leaf that is and follows again from there.
 */
export class TreeFollower {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private tailChecked = false;
  private waiters: { position: number; resolve: () => void }[] = [];
  private failure: unknown;
  private readonly pollMs: number;

  constructor(
    private readonly store: EventStore,
    readonly log: MerkleLog,
    options: TreeFollowerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? POLL_MS;
  }

  /** Reads every event after the tree's last position up to the store's head, once. */
  async catchUp(): Promise<number> {
    const head = await this.store.headPosition();
    if (!this.tailChecked) {
      await this.repairTail(head);
      this.tailChecked = true;
    }
    while (this.log.lastPosition < head) {
      const rows = (await this.read(this.log.lastPosition, BATCH)).filter((row) => row.position <= head);
      if (rows.length === 0) break;
      this.log.append(rows);
      this.release();
    }
    return this.log.size;
  }

  /** Follows the store until `stop()`. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Resolves once the tree holds every event up to `position`. */
  async waitFor(position: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.log.lastPosition >= position) return;
    const reached = new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
    this.kick();
    await reached;
    if (this.failure) throw this.failure;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass at a time; a call during one asks for another after it (events may have come since). */
  private kick(): void {
    this.again = true;
    this.running ??= (async () => {
      try {
        while (this.again) {
          this.again = false;
          await this.catchUp();
        }
      } catch (error) {
        this.failure = error;
        for (const waiter of this.waiters.splice(0)) waiter.resolve();
      } finally {
        this.running = undefined;
      }
    })();
  }

  private release(): void {
    const reached = this.log.lastPosition;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > reached) return true;
      waiter.resolve();
      return false;
    });
  }

  private async read(after: number, limit: number): Promise<LeafRow[]> {
    if (hasLeafRows(this.store)) return this.store.readLeafRows(after, limit);
    for await (const batch of this.store.readAll({ after, batchSize: limit })) return batch;
    return [];
  }

  /** Whether leaf `index` of the tree is the ledger's event at the position it names. */
  private async leafHolds(index: number): Promise<boolean> {
    const leaf = this.log.leaf(index);
    if (!leaf) return false;
    const [event] = await this.read(leaf.position - 1, 1);
    return event !== undefined && event.position === leaf.position && eventLeafHash(event).equals(leaf.hash);
  }

  /**
   * A tree ahead of the ledger, or whose last leaf the ledger does not bear out (a torn or lagging
   * file, a ledger restored from an older copy), is cut back to the longest prefix whose last leaf
   * it does bear out (found by bisection: damage is at the tail), then followed again.
   */
  private async repairTail(head: number): Promise<void> {
    const size = this.log.size;
    if (size === 0) return;
    if (this.log.lastPosition <= head && (await this.leafHolds(size - 1))) return;
    let good = 0;
    let bad = size;
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      const leaf = this.log.leaf(mid - 1);
      if (leaf && leaf.position <= head && (await this.leafHolds(mid - 1))) good = mid;
      else bad = mid;
    }
    this.log.truncate(good);
  }
}
