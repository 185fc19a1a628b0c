const LOAD_WINDOW_MS = 50;
const BUSY_SHARE = 0.5;
/** At most this many events in an otherwise idle moment are committed on the store's own thread. */
const LIGHT_BATCH_EVENTS = 4;

/**
 * How busy this thread's event loop is with work other than our own commits, over the last window.
 * Above `BUSY_SHARE`, commits go to the writer thread so that the loop can serve that work.
 */
export class ThreadLoad {
  private windowStart = performance.now();
  private utilisation = performance.eventLoopUtilization();
  private committingMs = 0;
  private busy = false;

  spent(ms: number): void {
    this.committingMs += ms;
  }

  busyWithOtherWork(): boolean {
    const now = performance.now();
    const elapsed = now - this.windowStart;
    if (elapsed >= LOAD_WINDOW_MS) {
      const { active } = performance.eventLoopUtilization(this.utilisation);
      this.busy = (active - this.committingMs) / elapsed > BUSY_SHARE;
      this.windowStart = now;
      this.utilisation = performance.eventLoopUtilization();
      this.committingMs = 0;
    }
    return this.busy;
  }
}

/** A batch small enough that committing it here costs less than the hop to the writer thread. */
export function isLight(batch: readonly { readonly events: readonly unknown[] }[]): boolean {
  let events = 0;
  for (const pending of batch) if ((events += pending.events.length) > LIGHT_BATCH_EVENTS) return false;
  return true;
}
