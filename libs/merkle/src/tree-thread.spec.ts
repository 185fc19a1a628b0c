import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openSqliteStore, type SqliteEventStore } from '@accord/store';
import { MerkleLog } from './merkle-log';
import { appendInterleaved, expectedRoot } from './testing/interleaved-events';
import { TreeFollowerThread } from './tree-thread';

const append = (store: EventStore, streams: number, rounds: number, tag: string) =>
  appendInterleaved(store, tag, streams, rounds, { concurrent: true });

// The thread starts from TypeScript sources here (it loads ts-node first): give it time.
jest.setTimeout(60_000);

describe('TreeFollowerThread: the follower on a thread of its own', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-tree-thread-'));
    store = await openSqliteStore(join(dir, 'ledger'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows a live ledger while it is appended to, and a reader of the tree file sees every event it waited for', async () => {
    await append(store, 5, 20, 'before');
    const treeFile = join(dir, 'merkle.db');
    const thread = new TreeFollowerThread(store.file, treeFile, { pollMs: 5 });
    await thread.started();
    const reader = new MerkleLog(treeFile);
    try {
      await append(store, 9, 30, 'during');
      await thread.waitFor(await store.headPosition());
      reader.refresh();
      expect(reader.size).toBe(5 * 20 + 9 * 30);
      expect(reader.root(reader.size).equals(await expectedRoot(store))).toBe(true);

      // A wait for a position already held answers; one for a later position waits for the append.
      await thread.waitFor(1);
      const later = thread.waitFor((await store.headPosition()) + 3);
      await append(store, 3, 1, 'after');
      await later;
      reader.refresh();
      expect(reader.size).toBe(5 * 20 + 9 * 30 + 3);
      expect(reader.root(reader.size).equals(await expectedRoot(store))).toBe(true);
    } finally {
      await thread.stop();
      reader.close();
    }
  });

  it('picks up a tree file another run left behind, and stops cleanly when asked', async () => {
    await append(store, 4, 10, 'first');
    const treeFile = join(dir, 'merkle.db');
    const first = new TreeFollowerThread(store.file, treeFile);
    await first.waitFor(await store.headPosition());
    await first.stop();
    await expect(first.waitFor(1)).rejects.toThrow(/Merkle tree thread/);

    await append(store, 4, 10, 'second');
    const second = new TreeFollowerThread(store.file, treeFile);
    await second.waitFor(await store.headPosition());
    await second.stop();
    const reader = new MerkleLog(treeFile);
    expect(reader.size).toBe(80);
    expect(reader.root(80).equals(await expectedRoot(store))).toBe(true);
    reader.close();
  });

  it('says why when it cannot follow: every wait rejects with the reason, none hangs', async () => {
    const thread = new TreeFollowerThread(join(dir, 'no-such', 'ledger.db'), join(dir, 'merkle.db'));
    await expect(thread.started()).rejects.toThrow(
      /Merkle tree thread: .*(unable to open|no such|directory)/i,
    );
    await expect(thread.waitFor(1)).rejects.toThrow(/Merkle tree thread/);
    await thread.stop();
  });
});
