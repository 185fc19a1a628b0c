import type { RecordedEvent } from '@accord/events';
import type { EventStore, Subscription } from '@accord/store';
import type { MerkleLog } from './merkle-log';

const BATCH = 1000;

/**
 * Keeps a MerkleLog up with an event store, any adapter: it only reads (readAll, subscribe), so
 * appends never wait for the tree. Events arriving together are added in one transaction.
 */
export class TreeFollower {
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private waiters: { position: number; resolve: () => void }[] = [];
  private failure: unknown;

  constructor(
    private readonly store: EventStore,
    readonly log: MerkleLog,
  ) {}

  /** Reads every event after the tree's last position up to the store's head, once. */
  async catchUp(): Promise<number> {
    const head = await this.store.headPosition();
    for await (const batch of this.store.readAll({ after: this.log.lastPosition, batchSize: BATCH })) {
      this.log.append(batch.filter((e) => e.position <= head));
      if (batch[batch.length - 1]!.position >= head) break;
    }
    return this.log.size;
  }

  /** Follows the store live until `stop()`. */
  start(): void {
    if (this.loop) return;
    const subscription = this.store.subscribe({ after: this.log.lastPosition, batchSize: BATCH });
    this.subscription = subscription;
    this.loop = (async () => {
      const pending: RecordedEvent[] = [];
      let scheduled: Promise<void> | undefined;
      const flush = (): void => {
        scheduled = undefined;
        this.log.append(pending.splice(0));
        this.release();
      };
      try {
        for await (const event of subscription) {
          pending.push(event);
          if (pending.length >= BATCH) flush();
          // Everything the subscription hands over in one turn goes into one transaction.
          else scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
        }
        await scheduled;
        if (pending.length > 0) flush();
      } catch (error) {
        this.failure = error;
        for (const waiter of this.waiters.splice(0)) waiter.resolve();
      }
    })();
  }

  /** Resolves once the tree holds every event up to `position`. */
  async waitFor(position: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.log.lastPosition >= position) return;
    await new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
    if (this.failure) throw this.failure;
  }

  private release(): void {
    const reached = this.log.lastPosition;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > reached) return true;
      waiter.resolve();
      return false;
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.loop;
    this.loop = undefined;
    this.subscription = undefined;
  }
}
