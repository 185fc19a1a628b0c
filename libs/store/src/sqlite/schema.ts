import Database from 'better-sqlite3';

export const SQLITE_SCHEMA_VERSION = 1;

/**
 * The layout `accord verify` and its tamper tests rely on: keep it exactly. `envelope` holds the
 * canonical bytes that were hashed; the other columns are copies for indexing.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events(
  position INTEGER PRIMARY KEY,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  envelope TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE(stream_id, revision)
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '${SQLITE_SCHEMA_VERSION}');
`;

/** One stored event as the read statements return it (raw mode). */
export type Row = [envelope: string, hash: string, position: number];

const STREAM_ROWS =
  'SELECT envelope, hash, position FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision';

/**
 * Opens the ledger file for the store's own connection: WAL, fsync at every commit (a store that
 * commits on its own thread lowers this to NORMAL on its writer and syncs off the thread), the schema
 * created if missing. Read-only runs no schema script (it would silently re-create triggers an
 * attacker dropped) and changes no journal mode.
 */
export function openLedgerFile(
  file: string,
  { readonly, busyTimeoutMs }: { readonly readonly: boolean; readonly busyTimeoutMs: number },
): Database.Database {
  const db = new Database(file, readonly ? { readonly: true, fileMustExist: true } : {});
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(SCHEMA);
    }
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
    if (version !== String(SQLITE_SCHEMA_VERSION))
      throw new Error(`${file}: ledger schema version ${String(version)} is not ${SQLITE_SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The statements the store reads with. */
export function prepareReads(db: Database.Database) {
  return {
    stream: db.prepare(STREAM_ROWS).raw(),
    streamAsOf: db
      .prepare(
        'SELECT envelope, hash, position FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? AND recorded_at <= ? ORDER BY revision',
      )
      .raw(),
    after: db
      .prepare('SELECT envelope, hash, position FROM events WHERE position > ? ORDER BY position LIMIT ?')
      .raw(),
    range: db
      .prepare(
        'SELECT envelope, hash, position FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?',
      )
      .raw(),
    leafRows: db
      .prepare(
        'SELECT position, stream_id, revision, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
      )
      .raw(),
    headPosition: db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck(),
    tail: db
      .prepare('SELECT position, stream_id, revision FROM events WHERE position > ? ORDER BY position')
      .raw(),
    stored: db
      .prepare(
        `SELECT position, stream_id, revision, event_id, type, recorded_at, envelope, hash
           FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      )
      .raw(),
    triggers: db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
      .pluck(),
  };
}

export type ReadStatements = ReturnType<typeof prepareReads>;

/** The statements the writer appends with, on whichever connection commits. */
export function prepareWrites(db: Database.Database) {
  return {
    place: db.prepare('SELECT stream_id, revision FROM events WHERE event_id = ?').raw(),
    head: db
      .prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .raw(),
    lastRecordedAt: db.prepare('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1').pluck(),
    insert: db.prepare(
      'INSERT INTO events(stream_id, revision, event_id, type, recorded_at, envelope, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    stream: db.prepare(STREAM_ROWS).raw(),
  };
}
