import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { type EventStore, LEDGER_FILE, openSqliteStore, type SqliteEventStore } from '@accord/store';
import { writeSampleLedger } from '../testing/sample-ledger';
import { verifyLedger } from './verify-ledger';

/**
 * The SQLite store through the two-pass check only: readAll (parsed events, hashes recomputed from
 * the canonical envelope) and then checkStorage, with no readStoredRows for the one-pass fast path.
 */
function twoPass(store: SqliteEventStore): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (options) => store.readAll(options),
    subscribe: (options) => store.subscribe(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    checkStorage: () => store.checkStorage(),
  } as EventStore;
}

/** One character changed in a stored envelope, and optionally the row's hash made to match. */
const edit = fc.record({
  row: fc.nat(),
  at: fc.nat(),
  how: fc.constantFrom('insert', 'replace', 'delete'),
  char: fc.oneof(
    fc.constantFrom(' ', '"', '\\', ',', ':', '{', '}', '[', ']', '0', '1', '9', '-', '.', 'e', 'a', 'é'),
    fc.constantFrom('\n', '\u0000', '\u001f', '\ud800', '\udc00', '😀', '/', 'A', 'E', '+'),
  ),
  rehash: fc.boolean(),
});

type Change = typeof edit extends fc.Arbitrary<infer T> ? T : never;

describe('verify over stored rows (the fast path) and the two-pass check', () => {
  let root: string;
  let intact: string;
  let rows: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'accord-verify-rows-'));
    intact = join(root, 'intact');
    const store = await openSqliteStore(intact);
    // Several streams interleaved, plain and non-ASCII data: every kind of row the scan reads.
    rows = (await writeSampleLedger(store, { streams: 3, rounds: 4 })).events;
    await store.close();
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  let copies = 0;
  function tampered(change: Change): { dir: string; changed: boolean } {
    const dir = join(root, `copy-${(copies += 1)}`);
    mkdirSync(dir);
    copyFileSync(join(intact, LEDGER_FILE), join(dir, LEDGER_FILE));
    const db = new Database(join(dir, LEDGER_FILE));
    let changed = false;
    try {
      db.exec('DROP TRIGGER events_no_update');
      const position = 1 + (change.row % rows);
      const text = db
        .prepare('SELECT envelope FROM events WHERE position = ?')
        .pluck()
        .get(position) as string;
      const i = change.at % text.length;
      const edited =
        change.how === 'insert'
          ? text.slice(0, i) + change.char + text.slice(i)
          : change.how === 'replace'
            ? text.slice(0, i) + change.char + text.slice(i + 1)
            : text.slice(0, i) + text.slice(i + 1);
      changed = edited !== text;
      db.prepare('UPDATE events SET envelope = ? WHERE position = ?').run(edited, position);
      if (change.rehash)
        db.prepare('UPDATE events SET hash = ? WHERE position = ?').run(
          createHash('sha256').update(edited, 'utf8').digest('hex'),
          position,
        );
    } finally {
      db.close();
    }
    return { dir, changed };
  }

  it('reaches the same verdict, and names the same break, for any one-character edit of a stored envelope', async () => {
    await fc.assert(
      fc.asyncProperty(edit, async (change) => {
        const { dir, changed } = tampered(change);
        const store = await openSqliteStore(dir, { readonly: true });
        try {
          const fast = await verifyLedger(store);
          const slow = await verifyLedger(twoPass(store));
          // The counts differ by design: the two-pass check reads on past a storage fault.
          expect({ ok: fast.ok, break: fast.break }).toEqual({ ok: slow.ok, break: slow.break });
          // Without a re-hash the stored bytes no longer hash to the hash column: never intact.
          if (changed && !change.rehash) expect(fast.ok).toBe(false);
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
