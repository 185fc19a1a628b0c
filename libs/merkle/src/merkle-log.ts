import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { eventLeafHash, type LeafEvent } from './leaf';
import { CompactRange } from './compact-range';
import { consistencyProof, inclusionProof, rangeHash, type SubtreeSource } from './rfc6962';

export const MERKLE_FILE = 'merkle.db';

export interface LeafRecord {
  readonly index: number;
  readonly position: number;
  readonly hash: Buffer;
}

/**
 * The Merkle tree over the ledger, kept in its own SQLite file (never the ledger's): every leaf
 * hash with the position it stands for, and every perfect subtree's hash, which is all that roots
 * and proofs of any size need. It is derived data: deleting the file and following the log again
 * rebuilds it, and `accord verify` trusts it only as far as it reproduces a signed root.
 *
 * Appending keeps the right edge (one pending perfect subtree per set bit of the size) in memory,
 * so a leaf costs two SHA-256 on average and two row inserts, whatever the size.
 */
export class MerkleLog implements SubtreeSource {
  private readonly db: Database.Database;
  private readonly insertLeaf: Database.Statement;
  private readonly insertNode: Database.Statement;
  private readonly selectLeaf: Database.Statement;
  private readonly selectNode: Database.Statement;
  private readonly selectByPosition: Database.Statement;
  private readonly selectLeaves: Database.Statement;
  private readonly selectLast: Database.Statement;
  private range = new CompactRange();
  private last = 0;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Derived data: a power cut may lose the newest leaves, which the follower then re-reads from the log.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS leaves (idx INTEGER PRIMARY KEY, position INTEGER NOT NULL UNIQUE, hash BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
    `);
    this.insertLeaf = this.db.prepare('INSERT INTO leaves (idx, position, hash) VALUES (?, ?, ?)');
    this.insertNode = this.db.prepare('INSERT OR REPLACE INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.selectLeaf = this.db.prepare('SELECT idx AS "index", position, hash FROM leaves WHERE idx = ?');
    this.selectNode = this.db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?').pluck();
    this.selectByPosition = this.db.prepare(
      'SELECT idx AS "index", position, hash FROM leaves WHERE position = ?',
    );
    this.selectLeaves = this.db.prepare(
      'SELECT idx AS "index", position, hash FROM leaves WHERE idx >= ? AND idx < ? ORDER BY idx',
    );
    this.selectLast = this.db.prepare('SELECT idx, position FROM leaves ORDER BY idx DESC LIMIT 1');
    this.reload();
  }

  /** Catches up with leaves another process (the API, `accord checkpoint`) appended to the same file. */
  refresh(): void {
    const row = this.selectLast.get() as { idx: number } | undefined;
    if ((row ? row.idx + 1 : 0) !== this.range.size) this.reload();
  }

  private reload(): void {
    const row = this.selectLast.get() as { idx: number; position: number } | undefined;
    const count = row ? row.idx + 1 : 0;
    this.last = row ? row.position : 0;
    const edge: Buffer[] = [];
    for (let level = 0; 2 ** level <= count; level += 1) {
      if (Math.floor(count / 2 ** level) % 2 === 1)
        edge[level] = this.perfect(level, Math.floor(count / 2 ** level) - 1);
    }
    this.range = new CompactRange(edge, count);
  }

  get size(): number {
    return this.range.size;
  }

  /** Position of the newest event in the tree, 0 when empty. */
  get lastPosition(): number {
    return this.last;
  }

  /** Adds events in commit order; those at or before the last position already in the tree are skipped. */
  append(events: readonly LeafEvent[]): void {
    if (events.length === 0) return;
    let fresh: LeafEvent[] = [];
    let range = this.range;
    this.db.transaction(() => {
      // Another process (the API's follower, `accord checkpoint`) may have added leaves meanwhile.
      this.refresh();
      fresh = events.filter((e) => e.position > this.last);
      range = this.range.clone();
      for (const event of fresh) {
        const leaf = eventLeafHash(event);
        this.insertLeaf.run(range.size, event.position, leaf);
        range.add(leaf, (level, index, hash) => this.insertNode.run(level, index, hash));
      }
    })();
    if (fresh.length === 0) return;
    // Only once the transaction committed: a failed insert leaves the tree as it was.
    this.range = range;
    this.last = fresh[fresh.length - 1]!.position;
  }

  perfect(level: number, index: number): Buffer {
    const hash =
      level === 0
        ? (this.selectLeaf.get(index) as LeafRecord | undefined)?.hash
        : (this.selectNode.get(level, index) as Buffer | undefined);
    if (!hash) throw new RangeError(`the tree has no subtree ${level}/${index}`);
    return hash;
  }

  root(size = this.size): Buffer {
    this.checkSize(size);
    return size === this.size ? this.range.root() : rangeHash(this, 0, size);
  }

  inclusionProof(index: number, size: number): Buffer[] {
    this.checkSize(size);
    return inclusionProof(this, index, size);
  }

  consistencyProof(from: number, to: number): Buffer[] {
    this.checkSize(to);
    return consistencyProof(this, from, to);
  }

  leaf(index: number): LeafRecord | undefined {
    return this.selectLeaf.get(index) as LeafRecord | undefined;
  }

  leafAtPosition(position: number): LeafRecord | undefined {
    return this.selectByPosition.get(position) as LeafRecord | undefined;
  }

  /** Leaves [from, to) in order. */
  leaves(from: number, to: number): LeafRecord[] {
    return this.selectLeaves.all(from, to) as LeafRecord[];
  }

  private checkSize(size: number): void {
    if (size > this.size) throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
  }

  close(): void {
    this.db.close();
  }
}
