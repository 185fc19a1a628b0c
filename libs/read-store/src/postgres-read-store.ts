import { Client, type ClientBase, Pool, type PoolClient } from 'pg';
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
import {
  fieldValue,
  ReadModelMissingError,
  ReadStoreBusyError,
  ReadStoreFencedError,
  ReadStoreUnavailableError,
  secondaryIndexes,
} from './read-store';
import { columnOf, whereClause } from './sql-where';

export interface PostgresReadStoreOptions {
  /** A libpq connection string, e.g. postgres://accord@db:5432/accord. */
  readonly url: string;
  /** The schema its tables live in (default `accord_read`), apart from the ledger's `accord`. */
  readonly schema?: string;
  readonly poolSize?: number;
}

export const PG_READ_SCHEMA = 'accord_read';

const NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,40}$/;

interface Table {
  readonly spec: CollectionSpec;
  readonly projection: string;
  readonly table: string;
  readonly fields: ReadonlySet<string>;
  /** Column types for `unnest($n::type[])`, key and doc first. */
  readonly types: readonly string[];
  readonly upsert: string;
}

interface CheckpointRow {
  projection: string;
  version: number;
  position: string;
  status: ProjectionStatus;
  stuck_at: string | null;
  error: string | null;
}

/**
 * The read store on PostgreSQL: one table per collection in its own schema, the document as `json`
 * (kept as written, so a dump reads the same as SQLite's; jsonb would reorder keys) beside one typed
 * column per declared field. Text is `COLLATE "C"` and NULLs sort first ascending, as in SQLite, so
 * both stores answer a query in the same order. A batch's writes and checkpoints are one transaction.
 */
export class PostgresReadStore implements ReadStore {
  readonly schema: string;
  private readonly pool: Pool;
  private readonly tables = new Map<string, Table>();
  /**
   * The lease's connection, once claimed: every write goes through it, so a write can only commit
   * while its session still holds the lock (a killed projector's last transaction dies with it).
   */
  private writer: Client | undefined;

  constructor(private readonly options: PostgresReadStoreOptions) {
    this.schema = options.schema ?? PG_READ_SCHEMA;
    if (!NAME.test(this.schema)) throw new Error(`read store: bad schema name ${this.schema}`);
    this.pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 8 });
    // An idle connection that breaks is dropped by the pool; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async prepare(
    projections: readonly { name: string; version: number; collections: readonly CollectionSpec[] }[],
  ): Promise<string[]> {
    const reset: string[] = [];
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.schema}:ddl`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.schema}.checkpoints (
        projection text COLLATE "C" PRIMARY KEY, version integer NOT NULL, position bigint NOT NULL,
        status text NOT NULL, stuck_at bigint, error text)`);
      const { rows } = await client.query<CheckpointRow>(`SELECT * FROM ${this.schema}.checkpoints`);
      const stored = new Map(rows.map((r) => [r.projection, r]));
      for (const projection of projections) {
        const row = stored.get(projection.name);
        const changed = row === undefined || row.version !== projection.version;
        for (const spec of projection.collections) {
          if (changed) await client.query(`DROP TABLE IF EXISTS ${this.tableName(spec.name)}`);
          for (const statement of this.ddl(spec)) await client.query(statement);
        }
        if (changed) {
          await client.query(
            `INSERT INTO ${this.schema}.checkpoints (projection, version, position, status, stuck_at, error)
             VALUES ($1, $2, 0, 'running', NULL, NULL)
             ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, position = 0,
               status = 'running', stuck_at = NULL, error = NULL`,
            [projection.name, projection.version],
          );
          reset.push(projection.name);
        }
      }
    });
    for (const projection of projections)
      for (const spec of projection.collections) this.register(projection.name, spec);
    return reset;
  }

  /** Registers the collections only: a missing table answers ReadModelMissingError when queried. */
  async attach(
    projections: readonly { name: string; collections: readonly CollectionSpec[] }[],
  ): Promise<void> {
    for (const projection of projections)
      for (const spec of projection.collections) this.register(projection.name, spec);
  }

  async reset(projections: readonly string[]): Promise<void> {
    await this.transaction(async (client) => {
      for (const name of projections) {
        for (const table of this.tables.values())
          if (table.projection === name) await client.query(`TRUNCATE ${table.table}`);
        await client.query(
          `UPDATE ${this.schema}.checkpoints SET position = 0, status = 'running', stuck_at = NULL, error = NULL
           WHERE projection = $1`,
          [name],
        );
      }
    });
  }

  async deferIndexes(projections: readonly string[]): Promise<void> {
    await this.transaction(async (client) => {
      for (const table of this.tables.values()) {
        if (!projections.includes(table.projection)) continue;
        for (const index of secondaryIndexes(table.spec))
          await client.query(`DROP INDEX IF EXISTS ${this.schema}.${index.name}`);
      }
    });
  }

  async restoreIndexes(projections: readonly string[]): Promise<void> {
    for (const table of this.tables.values()) {
      if (!projections.includes(table.projection)) continue;
      await this.transaction(async (client) => {
        for (const statement of this.indexDdl(table.spec)) await client.query(statement);
      });
    }
  }

  async checkpoints(): Promise<Checkpoint[]> {
    let rows: CheckpointRow[];
    try {
      rows = (await this.query<CheckpointRow>(`SELECT * FROM ${this.schema}.checkpoints ORDER BY projection`))
        .rows;
    } catch (error) {
      if (error instanceof ReadModelMissingError) return [];
      throw error;
    }
    return rows.map((r) => ({
      projection: r.projection,
      version: r.version,
      position: Number(r.position),
      status: r.status,
      stuckAt: r.stuck_at === null ? null : Number(r.stuck_at),
      error: r.error,
    }));
  }

  async commit(batches: readonly BatchWrite[]): Promise<void> {
    // The last write of a key wins, as in one SQLite transaction; one statement per collection.
    const byCollection = new Map<string, Map<string | number, Doc | null>>();
    for (const batch of batches) {
      for (const change of batch.changes) {
        let docs = byCollection.get(change.collection);
        if (docs === undefined) byCollection.set(change.collection, (docs = new Map()));
        docs.set(change.key, change.op === 'put' ? change.doc : null);
      }
    }
    await this.transaction(async (client) => {
      for (const batch of batches) {
        const from = batch.from ?? null;
        const updated = await client.query(
          `UPDATE ${this.schema}.checkpoints SET position = $1, status = 'running', stuck_at = NULL, error = NULL
           WHERE projection = $2 AND ($3::bigint IS NULL OR position = $3::bigint)`,
          [batch.position, batch.projection, from],
        );
        if (updated.rowCount === 0 && from !== null) {
          const { rows } = await client.query<{ position: string }>(
            `SELECT position FROM ${this.schema}.checkpoints WHERE projection = $1`,
            [batch.projection],
          );
          throw new ReadStoreFencedError(
            batch.projection,
            from,
            rows[0] === undefined ? null : Number(rows[0].position),
          );
        }
      }
      for (const [collection, docs] of byCollection) {
        const table = this.table(collection);
        const removed = [...docs].filter(([, doc]) => doc === null).map(([key]) => key);
        if (removed.length > 0)
          await client.query(`DELETE FROM ${table.table} WHERE k = ANY($1::${table.types[0]}[])`, [removed]);
        const put = [...docs].filter((entry): entry is [string | number, Doc] => entry[1] !== null);
        if (put.length === 0) continue;
        const columns: FieldValue[][] = table.types.map(() => []);
        for (const [key, doc] of put) {
          columns[0]!.push(key);
          columns[1]!.push(JSON.stringify(doc));
          table.spec.fields.forEach((field, i) =>
            columns[i + 2]!.push(fieldValue((doc as Record<string, unknown>)[field.name])),
          );
        }
        await client.query(table.upsert, columns);
      }
    });
  }

  async markStuck(projection: string, stuckAt: number, error: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `UPDATE ${this.schema}.checkpoints SET status = 'stuck', stuck_at = $1, error = $2 WHERE projection = $3`,
        [stuckAt, error, projection],
      );
    });
  }

  /**
   * Session-level advisory locks, one per projection, on a connection of the lease's own: they
   * last exactly as long as that connection, so a killed projector's locks go with its socket and
   * a standby blocked in pg_advisory_lock takes over at once.
   */
  async claimWriter(projections: readonly string[], options: ClaimOptions = {}): Promise<WriterLease> {
    const client = new Client({ connectionString: this.options.url });
    let lost!: (error: Error) => void;
    const lostPromise = new Promise<Error>((resolve) => (lost = resolve));
    let released = false;
    client.on('error', (error) => {
      if (!released) lost(error);
    });
    client.on('end', () => {
      if (!released) lost(new ReadStoreUnavailableError('the write lock connection closed'));
    });
    try {
      await client.connect();
      await client.query(`SET application_name = 'accord-projector'`);
      // Sorted, so two standbys waiting for overlapping sets cannot deadlock.
      const keys = [...projections].sort().map((p) => `${this.schema}:projector:${p}`);
      for (const key of keys) {
        const { rows } = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
          [key],
        );
        if (rows[0]!.ok) continue;
        const holder = await this.lockHolder(client, key);
        if (options.wait !== true) throw new ReadStoreBusyError(holder);
        options.onWaiting?.(holder);
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      }
    } catch (error) {
      released = true;
      await client.end().catch(() => undefined);
      throw translate(error);
    }
    this.writer = client;
    return {
      lost: lostPromise,
      release: async () => {
        if (released) return;
        released = true;
        if (this.writer === client) this.writer = undefined;
        // Ending the session releases its locks.
        await client.end().catch(() => undefined);
      },
    };
  }

  async get<T = Doc>(collection: string, key: string | number): Promise<T | undefined> {
    const table = this.table(collection);
    const { rows } = await this.query<{ doc: T }>(
      `SELECT doc FROM ${table.table} WHERE k = $1`,
      [key],
      collection,
    );
    return rows[0]?.doc;
  }

  async find<T = Doc>(collection: string, query: FindQuery = {}): Promise<T[]> {
    const table = this.table(collection);
    const params: unknown[] = [];
    let sql = `SELECT doc FROM ${table.table}${this.where(table, query, params)}`;
    if (query.orderBy !== undefined && query.orderBy.length > 0) {
      sql += ` ORDER BY ${query.orderBy
        .map(
          (o) =>
            `${this.column(table, o.field)} ${o.direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`,
        )
        .join(', ')}`;
    }
    if (query.limit !== undefined) {
      params.push(query.limit);
      sql += ` LIMIT $${params.length}`;
    }
    const { rows } = await this.query<{ doc: T }>(sql, params, collection);
    return rows.map((r) => r.doc);
  }

  async count(collection: string, where: Where = {}): Promise<number> {
    const table = this.table(collection);
    const params: unknown[] = [];
    const { rows } = await this.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM ${table.table}${this.where(table, where, params)}`,
      params,
      collection,
    );
    return rows[0]!.n;
  }

  async *scan<T = Doc>(collection: string, batchSize = 1000): AsyncIterable<T> {
    const table = this.table(collection);
    let rows = (
      await this.query<{ k: string | number; doc: T }>(
        `SELECT k, doc FROM ${table.table} ORDER BY k LIMIT $1`,
        [batchSize],
        collection,
      )
    ).rows;
    while (rows.length > 0) {
      for (const row of rows) yield row.doc;
      rows = (
        await this.query<{ k: string | number; doc: T }>(
          `SELECT k, doc FROM ${table.table} WHERE k > $1 ORDER BY k LIMIT $2`,
          [rows[rows.length - 1]!.k, batchSize],
          collection,
        )
      ).rows;
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private ddl(spec: CollectionSpec): string[] {
    if (!NAME.test(spec.name)) throw new Error(`read store: bad collection name ${spec.name}`);
    for (const field of spec.fields) {
      if (!NAME.test(field.name) || field.name === 'k' || field.name === 'doc')
        throw new Error(`read store: bad field name ${spec.name}.${field.name}`);
    }
    const table = this.tableName(spec.name);
    const columns = [
      `k ${columnType(spec.keyType)} PRIMARY KEY`,
      'doc json NOT NULL',
      ...spec.fields.map((f) => `${f.name} ${columnType(f.type)}`),
    ];
    return [`CREATE TABLE IF NOT EXISTS ${table} (${columns.join(', ')})`, ...this.indexDdl(spec)];
  }

  private indexDdl(spec: CollectionSpec): string[] {
    return secondaryIndexes(spec).map(
      (index) =>
        `CREATE INDEX IF NOT EXISTS ${index.name} ON ${this.tableName(spec.name)} (${index.columns.join(', ')})`,
    );
  }

  private register(projection: string, spec: CollectionSpec): void {
    const table = this.tableName(spec.name);
    const names = spec.fields.map((f) => f.name);
    const types = [arrayType(spec.keyType), 'json', ...spec.fields.map((f) => arrayType(f.type))];
    const columns = ['k', 'doc', ...names];
    this.tables.set(spec.name, {
      spec,
      projection,
      table,
      fields: new Set(names),
      types,
      upsert:
        `INSERT INTO ${table} (${columns.join(', ')}) ` +
        `SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) ` +
        `ON CONFLICT (k) DO UPDATE SET ${columns
          .slice(1)
          .map((c) => `${c} = EXCLUDED.${c}`)
          .join(', ')}`,
    });
  }

  private table(collection: string): Table {
    const table = this.tables.get(collection);
    if (table === undefined) throw new ReadModelMissingError(collection);
    return table;
  }

  private tableName(collection: string): string {
    return `${this.schema}.rm_${collection}`;
  }

  private column(table: Table, field: string): string {
    return columnOf(table.spec, table.fields, field);
  }

  private where(table: Table, where: Where, params: unknown[]): string {
    return whereClause(where, (c) => this.condition(table, c, params));
  }

  private condition(table: Table, c: Condition, params: unknown[]): string {
    const column = this.column(table, c.field);
    const type = column === 'k' ? table.spec.keyType : table.spec.fields.find((f) => f.name === column)!.type;
    switch (c.op) {
      case 'null':
        return `${column} IS NULL`;
      case 'notNull':
        return `${column} IS NOT NULL`;
      case 'in':
        if (c.value.length === 0) return 'FALSE';
        params.push(c.value);
        return `${column} = ANY($${params.length}::${arrayType(type)}[])`;
      case 'has':
        params.push(`|${c.value}|`);
        return `strpos(${column}, $${params.length}) > 0`;
      default:
        params.push(c.value);
        return `${column} ${c.op} $${params.length}`;
    }
  }

  private async query<R extends object>(sql: string, params: unknown[] = [], collection?: string) {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      // The projector has not created it yet (or a rebuild of a new version is replacing it).
      if ((error as { code?: string }).code === '42P01')
        throw new ReadModelMissingError(collection ?? 'checkpoints');
      throw translate(error);
    }
  }

  private async transaction(work: (client: ClientBase) => Promise<void>): Promise<void> {
    if (this.writer !== undefined) {
      const writer = this.writer;
      try {
        await writer.query('BEGIN');
        await work(writer);
        await writer.query('COMMIT');
      } catch (error) {
        await writer.query('ROLLBACK').catch(() => undefined);
        throw translate(error);
      }
      return;
    }
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw translate(error);
    } finally {
      // A connection that failed to roll back must not go back to the pool.
      client.release(broken);
    }
  }

  /** Who holds a lock, for the message (best effort: the lock may be gone by now). */
  private async lockHolder(client: Client, key: string): Promise<string> {
    const found = await client
      .query<{ pid: number; addr: string | null; since: Date | null }>(
        `SELECT a.pid, a.client_addr::text AS addr, a.backend_start AS since
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)`,
        [key],
      )
      .catch(() => ({ rows: [] }));
    const row = found.rows[0];
    return row === undefined
      ? 'another projector'
      : `another projector (server backend ${row.pid}${row.addr === null ? '' : ` from ${row.addr}`}` +
          `${row.since === null ? '' : `, connected ${row.since.toISOString()}`})`;
  }
}

function columnType(type: 'text' | 'integer'): string {
  return type === 'integer' ? 'bigint' : 'text COLLATE "C"';
}

function arrayType(type: 'text' | 'integer'): string {
  return type === 'integer' ? 'bigint' : 'text';
}

/** SQLSTATE classes that mean the server cannot serve now, not that the statement was wrong. */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '3D', '28'];
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE'];

/** A server that cannot serve becomes ReadStoreUnavailableError; anything else is left as it is. */
function translate(error: unknown): unknown {
  if (
    error instanceof ReadStoreUnavailableError ||
    error instanceof ReadStoreBusyError ||
    error instanceof ReadStoreFencedError ||
    error instanceof ReadModelMissingError
  )
    return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    (typeof code === 'string' &&
      (NETWORK_CODES.includes(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2)))) ||
    /Connection terminated|connection timeout|timeout exceeded|Client has encountered a connection error/i.test(
      message,
    )
  )
    return new ReadStoreUnavailableError(typeof code === 'string' ? `${code}: ${message}` : message);
  return error;
}
