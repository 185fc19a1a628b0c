import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import type {
  BatchWrite,
  Checkpoint,
  ClaimOptions,
  CollectionSpec,
  Condition,
  Doc,
  FieldValue,
  FindQuery,
  ProjectionStatus,
  ReadStore,
  Where,
  WriterLease,
} from './read-store';
import { ReadModelMissingError, ReadStoreBusyError, secondaryIndexes } from './read-store';
import { CommitRunner, type PlannedTable, planCommit, Statements, tuneWriter } from './sqlite-commit';
import { CommitThread } from './sqlite-commit-thread';
import { identitiesKnown, processIdentity } from './process-identity';
import { columnOf, whereClause } from './sql-where';

const NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,40}$/;

interface Table {
  readonly spec: CollectionSpec;
  readonly projection: string;
  readonly table: string;
  readonly fields: ReadonlySet<string>;
  readonly planned: PlannedTable;
  readonly get: Database.Statement;
}

interface CheckpointRow {
  projection: string;
  version: number;
  position: number;
  status: ProjectionStatus;
  stuck_at: number | null;
  error: string | null;
}

/**
 * The embedded read store: one SQLite file (`<data>/read.db`), one table per collection. It is
 * disposable (a rebuild recreates it from the ledger), so it runs with `synchronous=NORMAL`: a power
 * cut may lose the last batches, but their checkpoint goes with them, and they are projected again.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly tables = new Map<string, Table>();
  private readonly statements: Statements;
  /** Collections a reader attached before the projector created them: registered on first use. */
  private readonly pending = new Map<string, { projection: string; spec: CollectionSpec }>();

  private readonly runner: CommitRunner;
  private readonly thread: CommitThread | undefined;

  /**
   * `commitThread`: run commits on a thread of their own (the projector's), so that applying the
   * next batch overlaps writing this one. A commit still resolves only once it is in the file.
   */
  constructor(
    readonly file: string,
    options: { readonly readonly?: boolean; readonly commitThread?: boolean } = {},
  ) {
    this.db = new Database(file, { readonly: options.readonly ?? false });
    if (options.readonly) this.db.pragma('busy_timeout = 5000');
    else {
      tuneWriter(this.db);
      this.db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
        projection TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL,
        status TEXT NOT NULL, stuck_at INTEGER, error TEXT)`);
    }
    this.runner = new CommitRunner(this.db);
    this.statements = new Statements(this.db);
    this.thread = options.commitThread && !options.readonly ? new CommitThread(file) : undefined;
    // Only the thread writes: this connection reads, and its cache is dropped at every commit of the
    // thread's anyway. SQLite's default (2 MB) then, not a writer's 16.
    if (this.thread !== undefined) this.db.pragma('cache_size = -2000');
  }

  async prepare(
    projections: readonly { name: string; version: number; collections: readonly CollectionSpec[] }[],
  ): Promise<string[]> {
    const stored = new Map(this.checkpointRows().map((r) => [r.projection, r]));
    const reset: string[] = [];
    for (const projection of projections) {
      const row = stored.get(projection.name);
      const changed = row === undefined || row.version !== projection.version;
      this.db.transaction(() => {
        for (const spec of projection.collections) {
          if (changed) this.db.exec(`DROP TABLE IF EXISTS ${tableName(spec.name)}`);
          this.createTable(spec);
        }
        if (changed) {
          this.db
            .prepare(
              `INSERT OR REPLACE INTO checkpoints (projection, version, position, status, stuck_at, error)
               VALUES (?, ?, 0, 'running', NULL, NULL)`,
            )
            .run(projection.name, projection.version);
        }
      })();
      for (const spec of projection.collections) this.register(projection.name, spec);
      if (changed) reset.push(projection.name);
    }
    return reset;
  }

  /** Opens collections for querying without creating or resetting anything (the API's side). */
  async attach(
    projections: readonly { name: string; collections: readonly CollectionSpec[] }[],
  ): Promise<void> {
    for (const projection of projections) {
      for (const spec of projection.collections) {
        if (this.tableExists(tableName(spec.name))) this.register(projection.name, spec);
        else this.pending.set(spec.name, { projection: projection.name, spec });
      }
    }
  }

  async reset(projections: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const name of projections) {
        for (const table of this.tables.values()) {
          if (table.projection === name) this.db.exec(`DELETE FROM ${table.table}`);
        }
        this.db
          .prepare(
            `UPDATE checkpoints SET position = 0, status = 'running', stuck_at = NULL, error = NULL WHERE projection = ?`,
          )
          .run(name);
      }
    })();
  }

  async deferIndexes(projections: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const table of this.tables.values()) {
        if (!projections.includes(table.projection)) continue;
        for (const index of secondaryIndexes(table.spec)) this.db.exec(`DROP INDEX IF EXISTS ${index.name}`);
      }
    })();
  }

  async restoreIndexes(projections: readonly string[]): Promise<void> {
    for (const table of this.tables.values()) {
      if (!projections.includes(table.projection)) continue;
      this.db.transaction(() => this.createIndexes(table.spec))();
    }
  }

  async checkpoints(): Promise<Checkpoint[]> {
    if (!this.tableExists('checkpoints')) return [];
    return this.checkpointRows().map((r) => ({
      projection: r.projection,
      version: r.version,
      position: r.position,
      status: r.status,
      stuckAt: r.stuck_at,
      error: r.error,
    }));
  }

  async commit(batches: readonly BatchWrite[]): Promise<void> {
    const plan = planCommit(batches, (collection) => this.table(collection).planned);
    if (this.thread !== undefined) return this.thread.commit(plan);
    this.runner.run(plan);
  }

  /**
   * One writer per file: a lock row naming the writing process (pid, host, and where the system can
   * tell, its identity: boot and start time). A row whose process is gone (killed, crashed, or from
   * before a restart, its pid since given to another) is taken over; one whose process lives, or
   * that another host wrote, is refused.
   */
  async claimWriter(projections: readonly string[], options: ClaimOptions = {}): Promise<WriterLease> {
    void projections;
    void options;
    this.db.exec(`CREATE TABLE IF NOT EXISTS writer_lock (
      id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL,
      token TEXT NOT NULL, since TEXT NOT NULL, identity TEXT)`);
    // A file from before the identity column: its lock rows have none, and are judged by pid alone.
    const columns = this.db.prepare('SELECT name FROM pragma_table_info(?)').all('writer_lock') as {
      name: string;
    }[];
    if (!columns.some((c) => c.name === 'identity'))
      this.db.exec('ALTER TABLE writer_lock ADD COLUMN identity TEXT');
    const token = randomUUID();
    const claim = this.db.transaction((): LockRow | undefined => {
      const held = this.db.prepare('SELECT * FROM writer_lock WHERE id = 1').get() as LockRow | undefined;
      if (held !== undefined && holderLives(held)) return held;
      this.db
        .prepare(
          'INSERT OR REPLACE INTO writer_lock (id, pid, host, token, since, identity) VALUES (1, ?, ?, ?, ?, ?)',
        )
        .run(process.pid, hostname(), token, new Date().toISOString(), processIdentity(process.pid) ?? null);
      return undefined;
    });
    const held = claim.immediate();
    if (held !== undefined)
      throw new ReadStoreBusyError(
        `process ${held.pid} on ${held.host} (since ${held.since}; ${this.file})` +
          (held.host === hostname() ? '' : ': another host, so Accord cannot tell whether it still runs'),
      );
    return {
      lost: new Promise<Error>(() => undefined),
      release: async () => {
        if (this.db.open) this.db.prepare('DELETE FROM writer_lock WHERE token = ?').run(token);
      },
    };
  }

  async markStuck(projection: string, stuckAt: number, error: string): Promise<void> {
    this.statement(
      `UPDATE checkpoints SET status = 'stuck', stuck_at = ?, error = ? WHERE projection = ?`,
    ).run(stuckAt, error, projection);
  }

  async get<T = Doc>(collection: string, key: string | number): Promise<T | undefined> {
    const row = this.table(collection).get.get(key) as { doc: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.doc) as T);
  }

  async find<T = Doc>(collection: string, query: FindQuery = {}): Promise<T[]> {
    const table = this.table(collection);
    const params: FieldValue[] = [];
    let sql = `SELECT doc FROM ${table.table}${this.where(table, query, params)}`;
    if (query.orderBy !== undefined && query.orderBy.length > 0) {
      sql += ` ORDER BY ${query.orderBy
        .map((o) => `${this.column(table, o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
        .join(', ')}`;
    }
    if (query.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(query.limit);
    }
    const rows = this.statement(sql).all(params) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  async count(collection: string, where: Where = {}): Promise<number> {
    const table = this.table(collection);
    const params: FieldValue[] = [];
    const sql = `SELECT count(*) AS n FROM ${table.table}${this.where(table, where, params)}`;
    return (this.statement(sql).get(params) as { n: number }).n;
  }

  async *scan<T = Doc>(collection: string, batchSize = 1000): AsyncIterable<T> {
    const table = this.table(collection);
    const first = this.statement(`SELECT k, doc FROM ${table.table} ORDER BY k LIMIT ?`);
    const next = this.statement(`SELECT k, doc FROM ${table.table} WHERE k > ? ORDER BY k LIMIT ?`);
    let rows = first.all(batchSize) as { k: string | number; doc: string }[];
    while (rows.length > 0) {
      for (const row of rows) yield JSON.parse(row.doc) as T;
      rows = next.all(rows[rows.length - 1]!.k, batchSize) as { k: string | number; doc: string }[];
    }
  }

  async close(): Promise<void> {
    await this.thread?.close();
    if (this.db.open) this.db.close();
  }

  private createTable(spec: CollectionSpec): void {
    if (!NAME.test(spec.name)) throw new Error(`read store: bad collection name ${spec.name}`);
    for (const field of spec.fields) {
      if (!NAME.test(field.name) || field.name === 'k' || field.name === 'doc')
        throw new Error(`read store: bad field name ${spec.name}.${field.name}`);
    }
    const table = tableName(spec.name);
    const key = spec.keyType === 'integer' ? 'k INTEGER PRIMARY KEY' : 'k TEXT PRIMARY KEY';
    const columns = spec.fields.map((f) => `${f.name} ${f.type === 'integer' ? 'INTEGER' : 'TEXT'}`);
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (${[key, 'doc TEXT NOT NULL', ...columns].join(', ')})`,
    );
    this.createIndexes(spec);
  }

  private createIndexes(spec: CollectionSpec): void {
    for (const index of secondaryIndexes(spec))
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS ${index.name} ON ${tableName(spec.name)} (${index.columns.join(', ')})`,
      );
  }

  private register(projection: string, spec: CollectionSpec): void {
    const table = tableName(spec.name);
    const names = spec.fields.map((f) => f.name);
    this.tables.set(spec.name, {
      spec,
      projection,
      table,
      fields: new Set(names),
      planned: { table, columns: ['k', 'doc', ...names], fields: names },
      get: this.db.prepare(`SELECT doc FROM ${table} WHERE k = ?`),
    });
  }

  private table(collection: string): Table {
    const table = this.tables.get(collection);
    if (table !== undefined) return table;
    const pending = this.pending.get(collection);
    if (pending === undefined || !this.tableExists(tableName(collection)))
      throw new ReadModelMissingError(collection);
    this.pending.delete(collection);
    this.register(pending.projection, pending.spec);
    return this.tables.get(collection)!;
  }

  private column(table: Table, field: string): string {
    return columnOf(table.spec, table.fields, field);
  }

  private where(table: Table, where: Where, params: FieldValue[]): string {
    return whereClause(where, (c) => this.condition(table, c, params));
  }

  private condition(table: Table, c: Condition, params: FieldValue[]): string {
    const column = this.column(table, c.field);
    switch (c.op) {
      case 'null':
        return `${column} IS NULL`;
      case 'notNull':
        return `${column} IS NOT NULL`;
      case 'in':
        if (c.value.length === 0) return '0';
        params.push(...c.value);
        return `${column} IN (${c.value.map(() => '?').join(', ')})`;
      case 'has':
        params.push(`|${c.value}|`);
        return `instr(${column}, ?) > 0`;
      default:
        params.push(c.value);
        return `${column} ${c.op} ?`;
    }
  }

  private statement(sql: string): Database.Statement {
    return this.statements.get(sql);
  }

  private tableExists(name: string): boolean {
    return (
      this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
    );
  }

  private checkpointRows(): CheckpointRow[] {
    return this.db.prepare('SELECT * FROM checkpoints ORDER BY projection').all() as CheckpointRow[];
  }
}

interface LockRow {
  pid: number;
  host: string;
  token: string;
  since: string;
  identity: string | null;
}

function holderLives(row: LockRow): boolean {
  if (row.host !== hostname()) return true;
  // The process that wrote the row, if it still runs, has the identity it wrote; any other process
  // with its pid now (this one included) is someone else.
  if (row.identity !== null && identitiesKnown()) return processIdentity(row.pid) === row.identity;
  if (row.pid === process.pid) return true;
  try {
    process.kill(row.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function tableName(collection: string): string {
  return `rm_${collection}`;
}
