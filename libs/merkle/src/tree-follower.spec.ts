import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, LEDGER_FILE, MemoryEventStore, openSqliteStore } from '@accord/store';
import { eventLeafHash } from './leaf';
import { MerkleLog } from './merkle-log';
import { rootOf, verifyConsistency, verifyInclusion } from './rfc6962';
import { TreeFollower } from './tree-follower';
import { allEvents, appendInterleaved, expectedRoot } from './testing/interleaved-events';

const append = (store: EventStore, streams: number, rounds: number, tag = 'e') =>
  appendInterleaved(store, tag, streams, rounds);

describe('TreeFollower and the tree file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'accord-follower-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows a SQLite ledger live, and every root and proof of the sparse tree is the full tree’s', async () => {
    const store = await openSqliteStore(join(dir, 'ledger'));
    const log = new MerkleLog(join(dir, 'merkle.db'));
    const follower = new TreeFollower(store, log, { pollMs: 5 });
    follower.start();
    await append(store, 7, 45);
    await follower.waitFor(await store.headPosition());
    await follower.stop();

    const leaves = (await allEvents(store)).map(eventLeafHash);
    expect(log.size).toBe(315);
    for (const size of [1, 2, 15, 16, 17, 31, 64, 100, 255, 256, 257, 315])
      expect(log.root(size).equals(rootOf(leaves.slice(0, size)))).toBe(true);
    for (const [index, size] of [
      [0, 1],
      [5, 17],
      [200, 257],
      [314, 315],
      [3, 315],
    ] as const)
      expect(
        verifyInclusion(index, size, leaves[index]!, log.inclusionProof(index, size), log.root(size)),
      ).toBe(true);
    for (const [from, to] of [
      [1, 315],
      [16, 17],
      [100, 256],
      [255, 315],
    ] as const)
      expect(verifyConsistency(from, to, log.consistencyProof(from, to), log.root(from), log.root(to))).toBe(
        true,
      );
    const event = (await allEvents(store))[123]!;
    expect(log.leafAtPosition(event.position)?.index).toBe(123);
    expect(log.leafAtPosition(10_000)).toBeUndefined();
    log.close();
    await store.close();
  });

  it('follows any adapter through readAll', async () => {
    const store = new MemoryEventStore();
    await append(store, 3, 10);
    const log = new MerkleLog(join(dir, 'merkle.db'));
    expect(await new TreeFollower(store, log).catchUp()).toBe(30);
    expect(log.root().equals(await expectedRoot(store))).toBe(true);
    log.close();
  });

  it('re-reads the newest leaves a lagging tree file lost', async () => {
    const store = new MemoryEventStore();
    await append(store, 4, 20);
    const file = join(dir, 'merkle.db');
    const log = new MerkleLog(file);
    await new TreeFollower(store, log).catchUp();
    log.close();
    // What a power cut before the newest commits reached the disk leaves behind.
    const db = new Database(file);
    db.prepare('DELETE FROM leaves WHERE idx >= 33').run();
    db.close();

    const reopened = new MerkleLog(file);
    expect(reopened.size).toBe(33);
    expect(await new TreeFollower(store, reopened).catchUp()).toBe(80);
    expect(reopened.root().equals(await expectedRoot(store))).toBe(true);
    reopened.close();
  });

  it('replaces a torn tree file and rebuilds it from the ledger', async () => {
    const store = new MemoryEventStore();
    await append(store, 5, 60);
    const file = join(dir, 'merkle.db');
    const log = new MerkleLog(file);
    await new TreeFollower(store, log).catchUp();
    log.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096);
    closeSync(fd);

    const reopened = new MerkleLog(file);
    expect(reopened.size).toBe(0);
    await new TreeFollower(store, reopened).catchUp();
    expect(reopened.root().equals(await expectedRoot(store))).toBe(true);
    reopened.close();
  });

  it('cuts a tree the ledger does not bear out back to the last leaf it does, then follows again', async () => {
    // The ledger restored from a copy taken at 20 events, beside a tree that had followed it to 30.
    const original = join(dir, 'original');
    const store = await openSqliteStore(original);
    await append(store, 2, 10);
    await store.close();
    mkdirSync(join(dir, 'restored'));
    copyFileSync(join(original, LEDGER_FILE), join(dir, 'restored', LEDGER_FILE));
    const grown = await openSqliteStore(original);
    await append(grown, 2, 5, 'later');
    const log = new MerkleLog(join(dir, 'merkle.db'));
    await new TreeFollower(grown, log).catchUp();
    expect(log.size).toBe(30);
    await grown.close();

    const restored = await openSqliteStore(join(dir, 'restored'));
    expect(await new TreeFollower(restored, log).catchUp()).toBe(20);
    expect(log.root().equals(await expectedRoot(restored))).toBe(true);
    // Then it grows with the restored ledger as it would have from scratch.
    await append(restored, 3, 4, 'after');
    expect(await new TreeFollower(restored, log).catchUp()).toBe(32);
    expect(log.root().equals(await expectedRoot(restored))).toBe(true);

    // A tree of another ledger altogether: nothing is kept.
    const other = new MemoryEventStore();
    await append(other, 1, 12, 'other');
    expect(await new TreeFollower(other, log).catchUp()).toBe(12);
    expect(log.root().equals(await expectedRoot(other))).toBe(true);
    log.close();
    await restored.close();
  });
});
