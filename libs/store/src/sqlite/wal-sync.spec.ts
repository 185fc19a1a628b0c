import Database from 'better-sqlite3';
import fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEDGER_FILE, openSqliteStore } from '../open-store';
import type { SqliteEventStore } from '../sqlite-event-store';
import { proposedEvent } from '../testing/fixtures';

/**
 * Issue 14: a store committing on its own thread commits with synchronous = NORMAL and syncs the
 * WAL off the event loop. Held here on real files: nothing is answered, and no store shows a row,
 * before a sync that began after the row's COMMIT has landed.
 */
describe('SqliteEventStore: commits synced off the event loop', () => {
  let dir: string;
  let file: string;
  const realSync = fs.fdatasync;
  /** Syncs asked for and not yet let through. */
  let held: (() => void)[];
  const open: SqliteEventStore[] = [];

  const holdSyncs = (): void => {
    jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: fs.NoParamCallback) => {
      held.push(() => realSync(fd, done));
    }) as typeof fs.fdatasync);
  };
  const releaseAll = (): void => {
    for (const release of held.splice(0)) release();
  };
  /** Rows a plain SQLite connection sees: committed, whether synced or not. */
  const committedRows = (): number => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const track = <T>(promise: Promise<T>): { done: () => boolean; promise: Promise<T> } => {
    let done = false;
    const tracked = promise.then(
      (value) => {
        done = true;
        return value;
      },
      (error: unknown) => {
        done = true;
        throw error;
      },
    );
    return { done: () => done, promise: tracked };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-walsync-'));
    file = join(dir, LEDGER_FILE);
    held = [];
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    releaseAll();
    await Promise.all(open.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function storeOf(options: Parameters<typeof openSqliteStore>[1]): Promise<SqliteEventStore> {
    const store = await openSqliteStore(dir, options);
    open.push(store);
    return store;
  }

  it('answers an append only after its WAL sync, and no store shows the row before then', async () => {
    const writer = await storeOf({ commitOn: 'this-thread' });
    const reader = await storeOf({ readonly: true });
    holdSyncs();

    const append = track(writer.append('s-1', [proposedEvent()], { expectedRevision: 'no_stream' }));
    for (let i = 0; i < 50 && committedRows() === 0; i += 1) await settle(5);
    // Committed (another connection sees it) and its sync asked for, but not answered.
    expect(committedRows()).toBe(1);
    expect(held).toHaveLength(1);
    await settle();
    expect(append.done()).toBe(false);

    // Neither the writer's own reads nor another store's show it until it is on disk.
    const ownRead = track(writer.readStream('s-1'));
    const otherHead = track(reader.headPosition());
    const otherRows = track(reader.readLeafRows(0, 10));
    await settle();
    expect([ownRead.done(), otherHead.done(), otherRows.done()]).toEqual([false, false, false]);

    // The writer's sync lands: its append is answered and its reads go on; the other store
    // waits for a sync of its own (it cannot know about the writer's).
    held.shift()!();
    await append.promise;
    expect((await ownRead.promise).map((e) => e.streamId)).toEqual(['s-1']);
    await settle();
    expect(otherHead.done()).toBe(false);
    releaseAll();
    expect(await otherHead.promise).toBe(1);
    expect((await otherRows.promise).map((row) => row.position)).toEqual([1]);
  });

  it('appends that arrive while a sync runs share the next commit and the next sync', async () => {
    const writer = await storeOf({ commitOn: 'this-thread' });
    holdSyncs();
    const first = writer.append('s-1', [proposedEvent()], { expectedRevision: 'any' });
    for (let i = 0; i < 50 && held.length === 0; i += 1) await settle(5);
    const later = Array.from({ length: 5 }, (_, i) =>
      writer.append(`s-${i + 2}`, [proposedEvent()], { expectedRevision: 'any' }),
    );
    await settle();
    // Nothing more committed while the first batch waits for its sync.
    expect(committedRows()).toBe(1);
    expect(held).toHaveLength(1);
    held.shift()!();
    await first;
    for (let i = 0; i < 50 && held.length === 0; i += 1) await settle(5);
    expect(committedRows()).toBe(6);
    releaseAll();
    await Promise.all(later);
    expect(writer.stats).toEqual({ commits: 2, appends: 6 });
  });

  it('a failed sync fails its appends and every later one, and shows nothing it did not make durable', async () => {
    const writer = await storeOf({ commitOn: 'this-thread' });
    jest.spyOn(fs, 'fdatasync').mockImplementation(((_fd: number, done: fs.NoParamCallback) => {
      setImmediate(() => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })));
    }) as typeof fs.fdatasync);
    await expect(writer.append('s-1', [proposedEvent()], { expectedRevision: 'no_stream' })).rejects.toThrow(
      /ledger WAL sync failed: EIO/,
    );
    jest.restoreAllMocks();
    // fsync failed once: a later success would not prove the lost pages were written.
    await expect(writer.append('s-2', [proposedEvent()], { expectedRevision: 'no_stream' })).rejects.toThrow(
      /ledger WAL sync failed/,
    );
    await expect(writer.readStream('s-1')).rejects.toThrow(/ledger WAL sync failed/);
    await expect(writer.headPosition()).rejects.toThrow(/ledger WAL sync failed/);
  });

  it('a store committing with FULL syncs nothing more for its own rows', async () => {
    const writer = await storeOf({ commitOn: 'auto' });
    const syncs = jest.spyOn(fs, 'fdatasync');
    await writer.append('s-1', [proposedEvent()], { expectedRevision: 'no_stream' });
    expect((await writer.readStream('s-1')).length).toBe(1);
    expect(await writer.headPosition()).toBe(1);
    expect(syncs).not.toHaveBeenCalled();
  });
});
