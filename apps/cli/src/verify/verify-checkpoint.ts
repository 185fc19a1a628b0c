import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { type Checkpoint, CompactRange, eventLeafHashLatin1, type MerkleLog } from '@accord/merkle';
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

// Plain JavaScript, so the thread needs no TypeScript loader (jest, the benchmarks, the build alike).
const INTEGRITY_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const messages = db.pragma('integrity_check(20)').map((r) => r.integrity_check);
  parentPort.postMessage(messages.length === 1 && messages[0] === 'ok' ? [] : messages);
} catch (error) {
  parentPort.postMessage([error.message]);
} finally {
  if (db) db.close();
}`;

/**
 * SQLite's own `PRAGMA integrity_check` on the ledger file: finds damaged pages and indexes the
 * hash chain never reads. It reads the whole file and every index, about as long as the chain
 * check itself, so it runs on a thread of its own with its own read-only connection while the
 * chains are checked: start it first, await it after.
 */
export function sqliteIntegrity(file: string): Promise<string[]> {
  if (!existsSync(file)) return Promise.resolve([`no file ${file}`]);
  return new Promise((done) => {
    const thread = new Worker(INTEGRITY_THREAD, {
      eval: true,
      // A worker inherits the parent's node flags: under ts-node (the benchmarks, `npm run accord`
      // in development) that would load the TypeScript compiler into the thread, ten times the check.
      execArgv: [],
      workerData: { file, driver: require.resolve('better-sqlite3') },
    });
    thread.once('message', (messages: string[]) => done(messages));
    thread.once('error', (error) => done([error.message]));
    thread.once('exit', (code) =>
      done(code === 0 ? [] : [`integrity check thread exited with code ${code}`]),
    );
  });
}
