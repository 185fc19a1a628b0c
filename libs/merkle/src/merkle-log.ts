import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { eventLeafHashLatin1, type LeafEvent } from './leaf';
import { CompactRange } from './compact-range';
import { consistencyProof, hashChildren, inclusionProof, rangeHash, type SubtreeSource } from './rfc6962';

export const MERKLE_FILE = 'merkle.db';

/**
 * Only perfect subtrees of every fourth level are stored (levels 4, 8, 12, …; level 0 is the
 * leaves): one row per 15 leaves instead of one per leaf. A subtree in between is up to 7 hashes
 * of stored ones away, which proofs can afford and the follower's inserts could not.
 */
const NODE_STRIDE = 4;

export interface LeafRecord {
  readonly index: number;
  readonly position: number;
  readonly hash: Buffer;
}

/**
 * The Merkle tree over the ledger, kept in its own SQLite file (never the ledger's): every leaf
 * hash with the position it stands for, and the perfect subtrees of every fourth level, from which
 * roots and proofs of any size are computed. It is derived data: deleting the file and following the log again
 * rebuilds it, and `accord verify` trusts it only as far as it reproduces a signed root.
 *
 * Appending keeps the right edge (one pending perfect subtree per set bit of the size) in memory,
 * so a leaf costs two SHA-256 on average and one row insert (plus one per 15 leaves), whatever the size.
 */
export class MerkleLog implements SubtreeSource {
  private readonly db: Database.Database;
  private readonly insertLeaf: Database.Statement;
  private readonly insertNode: Database.Statement;
  private readonly selectLeaf: Database.Statement;
  private readonly selectNode: Database.Statement;
  private readonly selectLeaves: Database.Statement;
  private readonly selectLast: Database.Statement;
  private range = new CompactRange();
  private last = 0;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = openRepaired(file);
    this.db.pragma('journal_mode = WAL');
    // Derived data: a power cut may lose the newest leaves, which the follower then re-reads from the log.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS leaves (idx INTEGER PRIMARY KEY, position INTEGER NOT NULL, hash BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
    `);
    this.insertLeaf = this.db.prepare('INSERT INTO leaves (idx, position, hash) VALUES (?, ?, ?)');
    this.insertNode = this.db.prepare('INSERT OR REPLACE INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.selectLeaf = this.db.prepare('SELECT idx AS "index", position, hash FROM leaves WHERE idx = ?');
    this.selectNode = this.db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?').pluck();
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
    // IMMEDIATE: the write lock before the read. A deferred transaction that read the file before the
    // other writer (the API's follower, `accord checkpoint`) committed could not write after it:
    // SQLite fails it at once (a stale snapshot), without the busy timeout's wait.
    this.db
      .transaction(() => {
        // Another process (the API's follower, `accord checkpoint`) may have added leaves meanwhile.
        this.refresh();
        fresh = events.filter((e) => e.position > this.last);
        range = this.range.clone();
        for (const event of fresh) {
          const leaf = eventLeafHashLatin1(event);
          this.insertLeaf.run(range.size, event.position, Buffer.from(leaf, 'latin1'));
          range.addLatin1(leaf, (level, index, hash) => {
            if (level % NODE_STRIDE === 0) this.insertNode.run(level, index, Buffer.from(hash, 'latin1'));
          });
        }
      })
      .immediate();
    if (fresh.length === 0) return;
    // Only once the transaction committed: a failed insert leaves the tree as it was.
    this.range = range;
    this.last = fresh[fresh.length - 1]!.position;
  }

  perfect(level: number, index: number): Buffer {
    if (level % NODE_STRIDE !== 0)
      return hashChildren(this.perfect(level - 1, 2 * index), this.perfect(level - 1, 2 * index + 1));
    const hash =
      level === 0
        ? (this.selectLeaf.get(index) as LeafRecord | undefined)?.hash
        : (this.selectNode.get(level, index) as Buffer | undefined);
    if (!hash) throw new RangeError(`the tree has no subtree ${level}/${index}`);
    return hash;
  }

  /** Forgets every leaf from `size` on (a tail the ledger does not bear out), to be followed again. */
  truncate(size: number): void {
    if (size >= this.size) return;
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM leaves WHERE idx >= ?').run(size);
        // A node at (level, idx) covers leaves [idx·2^level, (idx+1)·2^level).
        this.db.prepare('DELETE FROM nodes WHERE (idx + 1) * (1 << level) > ?').run(size);
      })
      .immediate();
    this.reload();
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

  /**
   * By bisection over the leaves, whose positions rise with their index: an index on position
   * (an older file has one) cost every appended leaf a second B-tree insert.
   */
  leafAtPosition(position: number): LeafRecord | undefined {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      const leaf = this.leaf(mid);
      if (!leaf) return undefined;
      if (leaf.position === position) return leaf;
      if (leaf.position < position) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
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

/**
 * The tree file, or a fresh one in its place when SQLite finds it damaged (a bad disk, a hand that
 * scribbled on it): it is derived data, rebuilt by following the ledger again, and trusted by
 * nothing that checks the ledger. A power cut only loses its newest commits (WAL, synchronous =
 * NORMAL), which the follower re-reads.
 */
function openRepaired(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    const found = db.pragma('quick_check(1)', { simple: true });
    if (found === 'ok') return db;
  } catch {
    // Not a database, or damaged beyond opening: replaced below.
  }
  db?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return new Database(file);
}
