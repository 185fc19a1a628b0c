import type Database from 'better-sqlite3';
import { type BatchWrite, type FieldValue, fieldValue, ReadStoreFencedError } from './read-store';

/**
 * One read-store commit reduced to SQL and bound values, so that either the store's own connection
 * or its commit thread (sqlite-commit-worker.ts) can run it: documents are already JSON text, so
 * handing a plan to a thread copies strings, not object graphs.
 */
export interface CommitPlan {
  readonly tables: readonly TableWrites[];
  readonly checkpoints: readonly CheckpointMove[];
}

export interface TableWrites {
  /** `rm_<collection>`, and its columns in the order `values` holds them: `k`, `doc`, fields. */
  readonly table: string;
  readonly columns: readonly string[];
  /** The puts, one after another, `columns.length` values each. */
  readonly values: FieldValue[];
  readonly removes: (string | number)[];
}

export interface CheckpointMove {
  readonly projection: string;
  readonly position: number;
  /** The position the batch continues from; null: not fenced. */
  readonly from: number | null;
}

/** What a table's documents look like to a plan: its name, and the fields copied into columns. */
export interface PlannedTable {
  readonly table: string;
  readonly columns: readonly string[];
  readonly fields: readonly string[];
}

/** Flattens batches into a plan; a collection's changes keep their order (BatchTx made them one per key). */
export function planCommit(
  batches: readonly BatchWrite[],
  tableOf: (collection: string) => PlannedTable,
): CommitPlan {
  const tables = new Map<string, { writes: TableWrites; fields: readonly string[] }>();
  const checkpoints: CheckpointMove[] = [];
  for (const batch of batches) {
    for (const change of batch.changes) {
      let table = tables.get(change.collection);
      if (table === undefined) {
        const planned = tableOf(change.collection);
        table = {
          writes: { table: planned.table, columns: planned.columns, values: [], removes: [] },
          fields: planned.fields,
        };
        tables.set(change.collection, table);
      }
      const { writes, fields } = table;
      if (change.op === 'delete') {
        writes.removes.push(change.key);
        continue;
      }
      const doc = change.doc as Record<string, unknown>;
      writes.values.push(change.key, JSON.stringify(doc));
      for (const field of fields) writes.values.push(fieldValue(doc[field]));
    }
    checkpoints.push({ projection: batch.projection, position: batch.position, from: batch.from ?? null });
  }
  return { tables: [...tables.values()].map((t) => t.writes), checkpoints };
}

/**
 * Runs plans on one connection, each in one transaction, with statements prepared once per table.
 * A checkpoint that moved under its batch (another writer) throws ReadStoreFencedError and rolls
 * the whole plan back.
 */
export class CommitRunner {
  private readonly statements: Statements;

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  run(plan: CommitPlan): void {
    const checkpoint = this.statement(
      `UPDATE checkpoints SET position = ?, status = 'running', stuck_at = NULL, error = NULL
       WHERE projection = ? AND (? IS NULL OR position = ?)`,
    );
    this.db.transaction(() => {
      for (const writes of plan.tables) {
        // A put replaces a key a remove of the same plan names only across batches of one
        // projection, which BatchTx already merged: removes first is safe.
        if (writes.removes.length > 0) {
          const remove = this.statement(`DELETE FROM ${writes.table} WHERE k = ?`);
          for (const key of writes.removes) remove.run(key);
        }
        const width = writes.columns.length;
        if (writes.values.length === 0) continue;
        const put = this.statement(
          `INSERT OR REPLACE INTO ${writes.table} (${writes.columns.join(', ')}) VALUES (${writes.columns.map(() => '?').join(', ')})`,
        );
        for (let at = 0; at < writes.values.length; at += width) put.run(writes.values.slice(at, at + width));
      }
      for (const move of plan.checkpoints) {
        if (
          checkpoint.run(move.position, move.projection, move.from, move.from).changes === 0 &&
          move.from !== null
        ) {
          const found = this.db
            .prepare('SELECT position FROM checkpoints WHERE projection = ?')
            .get(move.projection) as { position: number } | undefined;
          throw new ReadStoreFencedError(move.projection, move.from, found?.position ?? null);
        }
      }
    })();
  }

  private statement(sql: string): Database.Statement {
    return this.statements.get(sql);
  }
}

/** One connection's prepared statements by their SQL: each is compiled once. */
export class Statements {
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}

export const READ_STORE_PAGE_SIZE = 16_384;

/** How the embedded read store's connections are tuned; the commit thread's is a writer too. */
export function tuneWriter(db: Database.Database): void {
  // 16 KB pages (SQLite's default is 4 KB) for a file this creates; a file that exists keeps its own
  // (in WAL mode only a VACUUM outside WAL could change it). A case row, about 3.5 KB of JSON, took a
  // 4 KB page on its own (a larger one spilled onto overflow pages), and every page is written to the
  // WAL and then to the file, one system call each: with 16 KB pages a rebuild's system time fell
  // from 13.0 to 8.0 s and its rate rose 14% (bench:projector's child, three alternating pairs).
  db.pragma(`page_size = ${READ_STORE_PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // 16 MB of pages (default 2 MB), whatever their size: the audit trail's indexes stay in memory
  // across a rebuild's batches.
  db.pragma('cache_size = -16384');
  db.pragma('busy_timeout = 5000');
}
