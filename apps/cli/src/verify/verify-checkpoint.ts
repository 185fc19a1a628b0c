import { type Checkpoint, CompactRange, eventLeafHashLatin1, type MerkleLog } from '@accord/merkle';
import type { EventStore } from '@accord/store';
import type { VerifiedEvent } from './verify-ledger';
import type { VerifyThread } from './verify-thread';

/** Where the ledger stops matching a signed checkpoint. */
export interface CheckpointBreak {
  /** 0-based leaf index: the i-th event in commit order. */
  readonly leaf: number | null;
  /** Position of the ledger's event at that leaf (null when the ledger has no event there). */
  readonly position: number | null;
  readonly streamId: string | null;
  readonly revision: number | null;
  readonly reason: string;
}

export interface CheckpointReport {
  readonly ok: boolean;
  readonly treeSize: number;
  /** Events in the ledger (the ledger may have grown past the checkpoint). */
  readonly ledgerEvents: number;
  readonly break: CheckpointBreak | null;
  /**
   * Set when the tree could not be rebuilt at all (its thread failed): the ledger was not compared
   * with the checkpoint, so the run fails without a finding. `break.reason` says the same.
   */
  readonly error?: string;
}

/**
 * Rebuilds the tree over the ledger's first `checkpoint.size` events as they are fed in commit
 * order, and compares its root with the signed one. On a mismatch it names the first differing
 * event, using the tree file as a guide only if that file itself reproduces the signed root (so it
 * cannot mislead).
 */
export class CheckpointRebuild {
  /** Leaf hashes as latin1 strings, only to name the first difference on a mismatch. */
  private readonly leaves: string[] = [];
  // Where each leaf came from, to name the first one that differs: columns, not an object per event.
  private readonly positions: Float64Array;
  private readonly revisions: Float64Array;
  private readonly streams: string[] = [];
  private readonly builder = new CompactRange();
  private count = 0;

  constructor(readonly checkpoint: Checkpoint) {
    this.positions = new Float64Array(checkpoint.size);
    this.revisions = new Float64Array(checkpoint.size);
  }

  add(event: VerifiedEvent): void {
    const i = this.count;
    if (i < this.checkpoint.size) {
      const leaf = eventLeafHashLatin1(event);
      this.leaves.push(leaf);
      this.builder.addLatin1(leaf);
      this.positions[i] = event.position;
      this.revisions[i] = event.revision;
      this.streams.push(event.streamId);
    }
    this.count = i + 1;
  }

  /** A rebuild fed these events, having counted `ledgerEvents` in all (the rest lie past the checkpoint). */
  static of(
    checkpoint: Checkpoint,
    events: Iterable<VerifiedEvent>,
    ledgerEvents: number,
  ): CheckpointRebuild {
    const rebuild = new CheckpointRebuild(checkpoint);
    for (const event of events) rebuild.add(event);
    rebuild.count = Math.max(rebuild.count, ledgerEvents);
    return rebuild;
  }

  finish(guide?: MerkleLog): CheckpointReport {
    const { size, root } = this.checkpoint;
    const count = this.count;
    const report = (brk: CheckpointBreak | null): CheckpointReport => ({
      ok: brk === null,
      treeSize: size,
      ledgerEvents: count,
      break: brk,
    });
    if (count >= size && this.builder.root().equals(root)) return report(null);
    const noEvent = { position: null, streamId: null, revision: null };
    const trusted = guide && guide.size >= size && guide.root(size).equals(root) ? guide : undefined;
    if (!trusted)
      return report({
        leaf: count < size ? count : null,
        ...noEvent,
        reason:
          count < size
            ? `the ledger has ${count} events but the checkpoint covers ${size}: events are missing`
            : `the ledger's first ${size} events do not hash to the signed root (no trusted copy of the tree to locate the first difference)`,
      });
    const known = Math.min(count, size);
    for (let from = 0; from < known; from += 5000) {
      for (const leaf of trusted.leaves(from, Math.min(known, from + 5000))) {
        if (leaf.hash.toString('latin1') === this.leaves[leaf.index]) continue;
        const e = {
          position: this.positions[leaf.index]!,
          streamId: this.streams[leaf.index]!,
          revision: this.revisions[leaf.index]!,
        };
        return report({
          leaf: leaf.index,
          position: e.position,
          streamId: e.streamId,
          revision: e.revision,
          reason:
            e.position === leaf.position
              ? `the event at position ${e.position} is not the one the checkpoint signed`
              : `the checkpoint signed the event at position ${leaf.position} here; the ledger has position ${e.position} (events deleted, inserted or moved)`,
        });
      }
    }
    return report({
      leaf: count,
      ...noEvent,
      reason: `the ledger has ${count} events but the checkpoint covers ${size}: the event at position ${trusted.leaf(count)?.position ?? '?'} and after are missing`,
    });
  }
}

/**
 * CheckpointRebuild with the hashing on verify's second thread (VerifyThread): `add` only writes
 * the event's leaf input for the thread, so the main thread is left with the chain check. The
 * thread hashes exactly the events it is handed, the ones the chain check found intact. When the
 * root differs, those same events, read back from the thread, are replayed into a CheckpointRebuild
 * on this thread, which names the first difference as it always has.
 */
export class ThreadedCheckpointRebuild {
  private count = 0;
  private root: Promise<Buffer> | undefined;

  constructor(
    readonly checkpoint: Checkpoint,
    private readonly thread: VerifyThread,
  ) {}

  add(event: VerifiedEvent): void {
    if (this.root) throw new Error('an event added after end()');
    if (this.count < this.checkpoint.size) this.thread.add(event);
    this.count += 1;
  }

  /**
   * The chain check has handed over its last event. Called at once, before waiting for SQLite's
   * integrity check, it lets the root be hashed by whichever thread is free (VerifyThread.root):
   * this one, if the check still holds the other.
   */
  end(): void {
    if (this.root) return;
    this.root = this.thread.root();
    this.root.catch(() => undefined);
  }

  async finish(guide?: MerkleLog): Promise<CheckpointReport> {
    const { checkpoint, count } = this;
    let root: Buffer;
    try {
      this.end();
      root = await this.root!;
    } catch (error) {
      return rebuildFailed(checkpoint, count, error);
    }
    if (count >= checkpoint.size && root.equals(checkpoint.root))
      return { ok: true, treeSize: checkpoint.size, ledgerEvents: count, break: null };
    let events: VerifiedEvent[];
    try {
      events = await this.thread.events();
    } catch (error) {
      return rebuildFailed(checkpoint, count, error);
    }
    return CheckpointRebuild.of(checkpoint, events, count).finish(guide);
  }
}

/** Never a pass: without the tree, nothing was compared with the signed root. */
function rebuildFailed(checkpoint: Checkpoint, count: number, error: unknown): CheckpointReport {
  const reason = `the tree could not be rebuilt: ${error instanceof Error ? error.message : String(error)}`;
  return {
    ok: false,
    treeSize: checkpoint.size,
    ledgerEvents: count,
    break: { leaf: null, position: null, streamId: null, revision: null, reason },
    error: reason,
  };
}

/** The rebuild on its own pass over the log (when the chain check stopped early and did not feed it). */
export async function verifyCheckpoint(
  store: EventStore,
  checkpoint: Checkpoint,
  guide?: MerkleLog,
): Promise<CheckpointReport> {
  const rebuild = new CheckpointRebuild(checkpoint);
  for await (const batch of store.readAll({ batchSize: 2000 })) for (const event of batch) rebuild.add(event);
  return rebuild.finish(guide);
}
