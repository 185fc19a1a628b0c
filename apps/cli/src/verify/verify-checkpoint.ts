import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { RecordedEvent } from '@accord/events';
import { type Checkpoint, CompactRange, eventLeafHash, HASH_BYTES, type MerkleLog } from '@accord/merkle';
import type { EventStore } from '@accord/store';
import type { VerifiedEvent } from './verify-ledger';

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
}

/**
 * Rebuilds the tree over the ledger's first `checkpoint.size` events as they are fed in commit
 * order, and compares its root with the signed one. On a mismatch it names the first differing
 * event, using the tree file as a guide only if that file itself reproduces the signed root (so it
 * cannot mislead).
 */
export class CheckpointRebuild {
  private readonly leaves: Buffer;
  private readonly events: Pick<RecordedEvent, 'position' | 'streamId' | 'revision'>[] = [];
  private readonly builder = new CompactRange();
  private count = 0;

  constructor(readonly checkpoint: Checkpoint) {
    this.leaves = Buffer.alloc(checkpoint.size * HASH_BYTES);
  }

  add(event: VerifiedEvent): void {
    if (this.count < this.checkpoint.size) {
      const leaf = eventLeafHash(event);
      leaf.copy(this.leaves, this.count * HASH_BYTES);
      this.builder.add(leaf);
      this.events.push({ position: event.position, streamId: event.streamId, revision: event.revision });
    }
    this.count += 1;
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
        const at = leaf.index * HASH_BYTES;
        if (leaf.hash.equals(this.leaves.subarray(at, at + HASH_BYTES))) continue;
        const e = this.events[leaf.index]!;
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

/** SQLite's own `PRAGMA integrity_check` on the ledger file: finds damaged pages and indexes the hash chain never reads. */
export function sqliteIntegrity(file: string): string[] {
  if (!existsSync(file)) return [`no file ${file}`];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    return [(error as Error).message];
  } finally {
    db.close();
  }
}
