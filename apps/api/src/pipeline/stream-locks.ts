/**
 * One queue per stream inside this process: commands on the same stream run one after the other,
 * so a burst on one case decides each command on the state the previous one left instead of racing
 * to the same expected revision and retrying into 409s. Different streams never wait for each
 * other. Conflicts with other processes still surface as WrongExpectedRevisionError (and retries).
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => mine) : mine;
    this.tails.set(key, tail);
    try {
      if (previous) await previous;
      return await work();
    } finally {
      release();
      // The last in the queue removes it, so the map holds only streams with work in flight.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Streams with a command in flight or queued (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
