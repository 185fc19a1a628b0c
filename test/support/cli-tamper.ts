import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LEDGER_FILE = 'ledger.db';

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  recorded_at: string;
  envelope: string;
  hash: string;
}

/** A copy of a closed ledger directory, so each tamper case starts from the same intact file. */
export function copyLedger(sourceDir: string, parent: string): string {
  const target = mkdtempSync(join(parent, 'ledger-'));
  for (const name of readdirSync(sourceDir)) {
    if (name.startsWith(LEDGER_FILE)) copyFileSync(join(sourceDir, name), join(target, name));
  }
  return target;
}

/**
 * Edits the ledger file directly, as an attacker with write access to the disk would: through a raw
 * connection, after dropping the triggers that refuse UPDATE and DELETE.
 */
export function tamper(dir: string, edit: (db: Database.Database) => void): void {
  const file = join(dir, LEDGER_FILE);
  if (!existsSync(file)) throw new Error(`no ledger at ${file}`);
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;');
    edit(db);
  } finally {
    db.close();
  }
}

export function rowAt(db: Database.Database, streamId: string, revision: number): EventRow {
  const row = db
    .prepare('SELECT * FROM events WHERE stream_id = ? AND revision = ?')
    .get(streamId, revision) as EventRow | undefined;
  if (!row) throw new Error(`no row for ${streamId}@${revision}`);
  return row;
}

/** Reads rows without tampering, e.g. to learn an event's position. */
export function readRow(dir: string, streamId: string, revision: number): EventRow {
  const db = new Database(join(dir, LEDGER_FILE), { readonly: true, fileMustExist: true });
  try {
    return rowAt(db, streamId, revision);
  } finally {
    db.close();
  }
}

export function setColumns(db: Database.Database, position: number, columns: Partial<EventRow>): void {
  const names = Object.keys(columns);
  const changed = db
    .prepare(`UPDATE events SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE position = @position`)
    .run({ ...columns, position });
  if (changed.changes !== 1) throw new Error(`no row at position ${position}`);
}

/** Replaces one exact substring of a row's envelope, failing loudly if it is not there once. */
export function editEnvelope(db: Database.Database, row: EventRow, from: string, to: string): void {
  const at = row.envelope.indexOf(from);
  if (at < 0 || row.envelope.indexOf(from, at + 1) >= 0) {
    throw new Error(`expected exactly one ${JSON.stringify(from)} in the envelope at ${row.position}`);
  }
  setColumns(db, row.position, { envelope: row.envelope.replace(from, to) });
}

export function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'accord-verify-'));
}
