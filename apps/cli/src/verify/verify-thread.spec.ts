import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { type Checkpoint, CompactRange, eventLeafHash, type LeafEvent, MerkleLog } from '@accord/merkle';
import { CheckpointRebuild, ThreadedCheckpointRebuild } from './verify-checkpoint';
import { INTEGRITY_DONE, VerifyThread } from './verify-thread';

const hashOf = (n: number) => Buffer.alloc(32, n % 251).toString('hex');

/** Stream ids as a ledger might hold them, and odd ones: empty, non-ASCII, astral, long. */
const streamIds = fc.oneof(
  fc.constantFrom(
    '',
    'case-1',
    'access-log',
    '案件-2021-144',
    'ümlaut',
    '\u{1F600}-stream',
    'x'.repeat(2000),
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

function events(streams: readonly string[], count: number): LeafEvent[] {
  const revisions = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const streamId = streams[i % streams.length]!;
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    return { position: 2 * i + 1, streamId, revision, hash: hashOf(i) };
  });
}

function rootOnThisThread(leaves: readonly LeafEvent[]): Buffer {
  const range = new CompactRange();
  for (const e of leaves) range.add(eventLeafHash(e));
  return range.root();
}

async function withThread<T>(run: (thread: VerifyThread) => Promise<T>): Promise<T> {
  const thread = new VerifyThread({ tree: true });
  try {
    return await run(thread);
  } finally {
    await thread.close();
  }
}

describe('VerifyThread: the tree hashed on verify’s second thread', () => {
  it('reaches the root CompactRange and eventLeafHash reach on this thread, for any events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(streamIds, { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5000 })),
        async (streams, count) => {
          const leaves = events(streams, count);
          await withThread(async (thread) => {
            for (const e of leaves) thread.add(e);
            expect((await thread.root()).equals(rootOnThisThread(leaves))).toBe(true);
            expect(await thread.events()).toEqual(leaves);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('crosses batch boundaries with leaves of every size (one stream id near the 65,535-byte limit)', async () => {
    const leaves = events(['a', 'é'.repeat(30_000), 'b'.repeat(65_000), '案'], 200);
    await withThread(async (thread) => {
      for (const e of leaves) thread.add(e);
      expect((await thread.root()).equals(rootOnThisThread(leaves))).toBe(true);
    });
  });

  it('fails, with its reason, when the thread throws (it is handed bytes that are not leaves)', async () => {
    await withThread(async (thread) => {
      thread.add(events(['s'], 1)[0]!);
      // What a bug on either side would do: a batch the kernel cannot read.
      (thread as unknown as { worker: { postMessage(m: unknown): void } }).worker.postMessage({
        type: 'leaves',
        bytes: new Uint8Array(60).fill(7),
        end: 60,
      });
      await expect(thread.root()).rejects.toThrow(/the verify thread failed: no leaf input at byte 0/);
      await expect(thread.events()).rejects.toThrow(/the verify thread failed/);
    });
  });
});

describe('VerifyThread: the tree hashed on this thread while the other still runs the integrity check', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-verify-here-'));
    file = join(dir, 'ledger.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t(x INTEGER PRIMARY KEY, y TEXT UNIQUE); INSERT INTO t(y) VALUES (1), (2), (3);');
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A thread whose integrity check counts as still running when root() decides. */
  function checking(): VerifyThread {
    const thread = new VerifyThread({ sqliteFile: file, tree: true });
    const { flags } = thread as unknown as { flags: Int32Array };
    const root = thread.root.bind(thread);
    thread.root = () => {
      Atomics.store(flags, INTEGRITY_DONE, 0);
      return root();
    };
    return thread;
  }

  it('reaches the same root, and hands back the same events, as the thread would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(streamIds, { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5000 })),
        async (streams, count) => {
          const leaves = events(streams, count);
          const thread = checking();
          try {
            for (const e of leaves) thread.add(e);
            expect((await thread.root()).equals(rootOnThisThread(leaves))).toBe(true);
            expect((thread as unknown as { hashedHere: boolean }).hashedHere).toBe(true);
            expect(await thread.events()).toEqual(leaves);
            expect(await thread.integrity).toEqual([]);
          } finally {
            await thread.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('names the first tampered leaf exactly as the rebuild on this thread names it', async () => {
    const signed = events(['case-1', 'case-2', '案件'], 3000);
    const guide = new MerkleLog(join(dir, 'guide.db'));
    guide.append(signed);
    const checkpoint = { origin: 'test', size: signed.length, root: guide.root() };
    const rehashed = signed.map((e, i) => (i === 1234 ? { ...e, hash: hashOf(i + 7) } : e));
    for (const ledger of [signed, rehashed, signed.slice(0, 2500)]) {
      const plain = new CheckpointRebuild(checkpoint);
      for (const e of ledger) plain.add(e);
      const thread = checking();
      try {
        const threaded = new ThreadedCheckpointRebuild(checkpoint, thread);
        for (const e of ledger) threaded.add(e);
        threaded.end();
        expect(() => threaded.add(ledger[0]!)).toThrow(/after end/);
        expect(await threaded.finish(guide)).toEqual(plain.finish(guide));
      } finally {
        await thread.close();
      }
    }
    guide.close();
  });
});

describe('ThreadedCheckpointRebuild', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-threaded-rebuild-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The signed checkpoint over `signed`, with a tree file holding them as a guide. */
  function checkpointOf(
    signed: readonly LeafEvent[],
    name: string,
  ): { checkpoint: Checkpoint; guide: MerkleLog } {
    const guide = new MerkleLog(join(dir, `${name}.db`));
    guide.append(signed);
    return { checkpoint: { origin: 'test', size: signed.length, root: guide.root() }, guide };
  }

  async function both(checkpoint: Checkpoint, ledger: readonly LeafEvent[], guide?: MerkleLog) {
    const plain = new CheckpointRebuild(checkpoint);
    for (const e of ledger) plain.add(e);
    return withThread(async (thread) => {
      const threaded = new ThreadedCheckpointRebuild(checkpoint, thread);
      for (const e of ledger) threaded.add(e);
      return { threaded: await threaded.finish(guide), plain: plain.finish(guide) };
    });
  }

  it('passes the ledger the checkpoint signed, and one that grew after it', async () => {
    const signed = events(['case-1', 'case-2', '案件'], 3000);
    const { checkpoint, guide } = checkpointOf(signed, 'intact');
    const grown = [
      ...signed,
      ...events(['case-9'], 10).map((e) => ({ ...e, position: e.position + 10_000 })),
    ];
    for (const ledger of [signed, grown]) {
      const { threaded, plain } = await both(checkpoint, ledger, guide);
      expect(threaded).toEqual({ ok: true, treeSize: 3000, ledgerEvents: ledger.length, break: null });
      expect(threaded).toEqual(plain);
    }
    guide.close();
  });

  it('names the first tampered leaf exactly as the rebuild on this thread names it', async () => {
    const signed = events(['case-1', 'case-2', '案件'], 3000);
    const { checkpoint, guide } = checkpointOf(signed, 'tampered');
    const rehashed = signed.map((e, i) =>
      i >= 1234 && e.streamId === '案件' ? { ...e, hash: hashOf(i + 7) } : e,
    );
    const deleted = signed.filter((_, i) => i !== 2000);
    const truncated = signed.slice(0, 2500);
    for (const ledger of [rehashed, deleted, truncated]) {
      const { threaded, plain } = await both(checkpoint, ledger, guide);
      expect(threaded.ok).toBe(false);
      expect(threaded).toEqual(plain);
    }
    const { threaded } = await both(checkpoint, rehashed, guide);
    expect(threaded.break).toMatchObject({ leaf: 1235, position: 2471, streamId: '案件', revision: 411 });
    // Without a trusted guide: the same answer as the rebuild on this thread, too.
    const unguided = await both(checkpoint, rehashed);
    expect(unguided.threaded).toEqual(unguided.plain);
    guide.close();
  });

  it('fails, and says the tree could not be rebuilt, when the thread dies', async () => {
    const signed = events(['case-1'], 100);
    const { checkpoint, guide } = checkpointOf(signed, 'dies');
    const report = await withThread(async (thread) => {
      const rebuild = new ThreadedCheckpointRebuild(checkpoint, thread);
      for (const e of signed) rebuild.add(e);
      await thread.close();
      return rebuild.finish(guide);
    });
    expect(report).toMatchObject({
      ok: false,
      treeSize: 100,
      ledgerEvents: 100,
      break: {
        leaf: null,
        position: null,
        reason: expect.stringMatching(/^the tree could not be rebuilt: /),
      },
      error: expect.stringMatching(/^the tree could not be rebuilt: the verify thread failed: /),
    });
    guide.close();
  });
});
