import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';

export interface IdempotencyRecord {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
  readonly etag?: string;
}

/**
 * The first answer to each `Idempotency-Key`, per caller (agency + staff id), in `<dataDir>/api.db`.
 *
 * Why a table of our own and not only the store's event-id idempotency: a retry must return the
 * first answer byte for byte, refusals included, and the same key with a different body must be
 * refused (422); neither can be read back from events. The command id (and so every event id) is
 * still derived from the key, so a crash between the append and this record cannot duplicate
 * events: the retry finds its own command in the stream and answers from it.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStatement: Database.Statement<[string, string]>;
  private readonly putStatement: Database.Statement<
    [string, string, string, number, string, string | null, string]
  >;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'api.db'));
    this.db.pragma('journal_mode = WAL');
    // FULL: the record is part of the answer the client was given; it must survive a power cut.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      scope TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      status INTEGER NOT NULL,
      body TEXT NOT NULL,
      etag TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (scope, key)
    ) WITHOUT ROWID`);
    this.getStatement = this.db.prepare(
      'SELECT request_hash, status, body, etag FROM idempotency WHERE scope = ? AND key = ?',
    );
    // OR IGNORE: the first answer wins, whatever races after it.
    this.putStatement = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency (scope, key, request_hash, status, body, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(scope: string, key: string): IdempotencyRecord | undefined {
    const row = this.getStatement.get(scope, key) as
      { request_hash: string; status: number; body: string; etag: string | null } | undefined;
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      status: row.status,
      body: JSON.parse(row.body) as unknown,
      ...(row.etag === null ? {} : { etag: row.etag }),
    };
  }

  put(scope: string, key: string, record: IdempotencyRecord, now: Date = new Date()): void {
    this.putStatement.run(
      scope,
      key,
      record.requestHash,
      record.status,
      JSON.stringify(record.body ?? null),
      record.etag ?? null,
      now.toISOString(),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
