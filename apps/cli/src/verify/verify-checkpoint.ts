import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { RecordedEvent } from '@accord/events';
import { type Checkpoint, CompactRange, eventLeafHash, HASH_BYTES, type MerkleLog } from '@accord/merkle';
import type { EventStore } from '@accord/store';

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
 * Rebuilds the tree over the ledger's first `checkpoint.size` events and compares its root with
 * the signed one. On a mismatch it names the first differing event, using the tree file as a
 * guide only if that file itself reproduces the signed root (so it cannot mislead).
 */
export async function verifyCheckpoint(
  store: EventStore,
  checkpoint: Checkpoint,
  guide?: MerkleLog,
): Promise<CheckpointReport> {
  const size = checkpoint.size;
  const leaves = Buffer.alloc(size * HASH_BYTES);
  const events: Pick<RecordedEvent, 'position' | 'streamId' | 'revision'>[] = [];
  const builder = new CompactRange();
  let count = 0;
  for await (const batch of store.readAll({ batchSize: 2000 })) {
    for (const event of batch) {
      if (count < size) {
        const leaf = eventLeafHash(event);
        leaf.copy(leaves, count * HASH_BYTES);
        builder.add(leaf);
        events.push({ position: event.position, streamId: event.streamId, revision: event.revision });
      }
      count += 1;
    }
  }
  const report = (brk: CheckpointBreak | null): CheckpointReport => ({
    ok: brk === null,
    treeSize: size,
    ledgerEvents: count,
    break: brk,
  });
  if (count >= size && builder.root().equals(checkpoint.root)) return report(null);

  const trustedGuide =
    guide && guide.size >= size && guide.root(size).equals(checkpoint.root) ? guide : undefined;
  if (trustedGuide) {
    const known = Math.min(count, size);
    for (let from = 0; from < known; from += 5000) {
      for (const leaf of trustedGuide.leaves(from, Math.min(known, from + 5000))) {
        const at = leaf.index * HASH_BYTES;
        if (!leaf.hash.equals(leaves.subarray(at, at + HASH_BYTES))) {
          const e = events[leaf.index]!;
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
    }
    const expected = trustedGuide.leaf(count);
    return report({
      leaf: count,
      position: null,
      streamId: null,
      revision: null,
      reason: `the ledger has ${count} events but the checkpoint covers ${size}: the event at position ${expected?.position ?? '?'} and after are missing`,
    });
  }
  if (count < size)
    return report({
      leaf: count,
      position: null,
      streamId: null,
      revision: null,
      reason: `the ledger has ${count} events but the checkpoint covers ${size}: events are missing`,
    });
  return report({
    leaf: null,
    position: null,
    streamId: null,
    revision: null,
    reason: `the ledger's first ${size} events do not hash to the signed root (no trusted copy of the tree to locate the first difference)`,
  });
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
