import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LEDGER_FILE, openSqliteStore, resolveDataDir } from './open-store';
import { SqliteEventStore } from './sqlite-event-store';
import { proposedEvent } from './testing/fixtures';

describe('resolveDataDir and openSqliteStore', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'accord-open-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('makes the given directory absolute and creates it', () => {
    const dir = resolveDataDir(join(root, 'explicit', 'nested'));
    expect(dir).toBe(join(root, 'explicit', 'nested'));
    expect(existsSync(dir)).toBe(true);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(resolveDataDir('data')).toBe(resolve(root, 'data'));
      expect(existsSync(join(root, 'data'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('opens <dataDir>/ledger.db, creating the directory and the file', async () => {
    const dir = join(root, 'fresh');
    const store = await openSqliteStore(dir);
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(store.file).toBe(join(dir, LEDGER_FILE));
      await store.append('s', [proposedEvent()], { expectedRevision: 'no_stream' });
      expect(existsSync(join(dir, LEDGER_FILE))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
