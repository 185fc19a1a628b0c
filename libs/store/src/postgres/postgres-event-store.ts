import type { ProposedEvent, RecordedEvent } from '@accord/events';
import { Client, Pool, type PoolClient, type PoolConfig, type QueryResult, type QueryResultRow } from 'pg';
import {
  assertAppendable,
  assertExpectedRevisionShape,
  checkExpectedRevision,
  findReplay,
  nextRecordedAt,
  normaliseAsOf,
  prevHashOf,
  recordedFromText,
  replayResult,
  type SealedEvent,
  sealEvent,
  type StoredPlace,
  type StreamHead,
} from '../append-rules';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StorageCheckable,
  StorageFault,
  StoredRow,
  StoredRowsReadable,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { firstStorageFault } from '../storage-check';
import { positiveBatchSize } from '../read-options';
import { StoreClosedError } from '../store-errors';
import { CommitSignal, PollingSubscription } from '../subscription';
import { storeErrorOf } from './pg-errors';
import { migrate, missingTriggers, PG_CHANNEL, PG_LOCK, PG_SCHEMA } from './schema';

export interface PostgresEventStoreOptions {
  /** A libpq connection string, e.g. postgres://accord@db:5432/accord. */
  readonly url: string;
  /** Connections for reads and the committer (default 10). */
  readonly poolSize?: number;
  readonly clock?: () => Date;
  /** Opens without creating anything, in read-only transactions (`accord verify`). */
  readonly readonly?: boolean;
  /** How often an idle subscriber re-reads when no NOTIFY arrives (a lost listener connection). */
  readonly pollIntervalMs?: number;
  /** Most appends one group commit carries. */
  readonly maxAppendsPerCommit?: number;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly expected: AppendOptions['expectedRevision'];
  /** Each settles once: a later call is ignored, as a promise's own resolvers are. */
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** An append that passed its checks inside a commit, waiting for COMMIT to answer. */
interface Accepted {
  readonly pending: PendingAppend;
  readonly result: AppendResult | (() => Promise<AppendResult>);
}

interface Row {
  position: string;
  envelope: string;
  hash: string;
}

const EVENTS = `${PG_SCHEMA}.events`;
const COLUMNS = 'position, envelope, hash';
const DEFAULT_BATCH = 500;

/**
 * The event store on PostgreSQL. Appends are group-committed: every append that arrives while a
 * commit is in flight shares the next transaction, and each keeps its own checks and its own
 * failure. Every appending transaction, from any process, first takes one transaction-scoped
 * advisory lock, held until it has committed and become visible, so commits happen one after
 * another: positions are allocated gap-free as the last + 1 under the lock, recordedAt never goes
 * back in commit order, and a reader can never see position 11 before 10 (README: "Positions on
 * PostgreSQL"). NOTIFY wakes subscribers at commit; polling is the fallback.
 */
export class PostgresEventStore implements EventStore, StorageCheckable, StoredRowsReadable {
  private readonly pool: Pool;
  private readonly clock: () => Date;
  private readonly signal = new CommitSignal();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly queue: PendingAppend[] = [];
  private readonly maxAppends: number;
  private readonly pollIntervalMs: number;
  private flushing: Promise<void> | undefined;
  private listener: Promise<Client | undefined> | undefined;
  private closed = false;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    const config: PoolConfig = {
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // verify must be unable to write even by mistake.
      ...(options.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
    };
    this.pool = new Pool(config);
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.clock = options.clock ?? (() => new Date());
    this.maxAppends = options.maxAppendsPerCommit ?? DEFAULT_BATCH;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
  }

  /** Connects, and unless read-only creates the schema if missing. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      const client = await store.pool.connect();
      try {
        if (!options.readonly) await migrate(client);
        else await client.query(`SELECT 1 FROM ${EVENTS} LIMIT 0`);
      } finally {
        client.release();
      }
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertAppendable(streamId, events);
      assertExpectedRevisionShape(options?.expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected: options.expectedRevision, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** One commit at a time per process; what queues meanwhile goes into the next one. */
  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxAppends));
    } finally {
      this.flushing = undefined;
    }
  }

  private async commit(batch: PendingAppend[]): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      for (const pending of batch) pending.reject(storeErrorOf(error));
      return;
    }
    try {
      // One round trip: no parameters, so both statements go as one simple query.
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${PG_LOCK.commit})`);
      const { rows, accepted } = await this.prepare(client, batch);
      if (rows.length > 0) await insertRows(client, rows);
      // Replays read back their stored events in the same transaction, after the insert.
      const results: AppendResult[] = [];
      for (const a of accepted) results.push(typeof a.result === 'function' ? await a.result() : a.result);
      await client.query('COMMIT');
      client.release();
      if (rows.length > 0) this.signal.notify();
      accepted.forEach((a, i) => a.pending.resolve(results[i]));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A broken connection must not go back to the pool.
      client.release(error instanceof Error ? error : true);
      // Whatever its own rules did not already refuse fails with the transaction.
      for (const pending of batch) pending.reject(storeErrorOf(error));
    }
  }

  /**
   * Runs every append's rules against the committed log, in arrival order, each seeing those
   * before it in the batch. A refused append is answered at once: it wrote nothing. Nobody else
   * can write while the lock is held, so what is read here stays true until COMMIT.
   */
  private async prepare(client: PoolClient, batch: PendingAppend[]) {
    const streams = [...new Set(batch.map((p) => p.streamId))];
    const ids = batch.flatMap((p) => p.events.map((e) => e.eventId));
    const { rows: found } = await client.query<{
      kind: 'id' | 'head' | 'tail';
      key: string;
      stream_id: string;
      revision: string;
      hash: string | null;
    }>(
      `SELECT 'id' AS kind, event_id AS key, stream_id, revision, NULL AS hash FROM ${EVENTS} WHERE event_id = ANY($1::text[])
       UNION ALL
       SELECT 'head', s.id, s.id, e.revision, e.hash FROM unnest($2::text[]) AS s(id)
         CROSS JOIN LATERAL (SELECT revision, hash FROM ${EVENTS} WHERE stream_id = s.id ORDER BY revision DESC LIMIT 1) e
       UNION ALL
       (SELECT 'tail', '', '', position, recorded_at FROM ${EVENTS} ORDER BY position DESC LIMIT 1)`,
      [ids, streams],
    );
    const placeOf = new Map<string, StoredPlace>();
    const headOf = new Map<string, StreamHead>();
    let position = 0;
    let lastRecordedAt: string | undefined;
    for (const r of found) {
      if (r.kind === 'id') placeOf.set(r.key, { streamId: r.stream_id, revision: Number(r.revision) });
      else if (r.kind === 'head') headOf.set(r.key, { revision: Number(r.revision), hash: r.hash! });
      else [position, lastRecordedAt] = [Number(r.revision), r.hash!];
    }
    const recordedAt = nextRecordedAt(this.clock(), lastRecordedAt);

    const rows: SealedRow[] = [];
    const accepted: Accepted[] = [];
    for (const pending of batch) {
      const { streamId, events } = pending;
      try {
        const replay = findReplay(streamId, events, (id) => placeOf.get(id));
        if (replay !== undefined) {
          // Read after the insert, so a copy of an append earlier in this batch is found too.
          const read = async () =>
            replayResult(
              streamId,
              await this.streamRange(client, streamId, replay.fromRevision, replay.toRevision),
              events.length,
            );
          accepted.push({ pending, result: read });
          continue;
        }
        const head = headOf.get(streamId);
        checkExpectedRevision(streamId, pending.expected, head);
        // Sealed whole before anything is counted: an event that cannot be sealed fails its append alone.
        const sealed = sealAll(events, streamId, head, recordedAt).map((s) => ({
          ...s,
          position: ++position,
        }));
        const last = sealed[sealed.length - 1];
        headOf.set(streamId, { revision: last.envelope.revision, hash: last.hash });
        for (const s of sealed) placeOf.set(s.envelope.eventId, { streamId, revision: s.envelope.revision });
        rows.push(...sealed);
        accepted.push({
          pending,
          result: {
            streamId,
            nextExpectedRevision: last.envelope.revision,
            position: last.position,
            events: sealed.map((s) => recordedFromText(s.text, s.hash, s.position)),
          },
        });
      } catch (error) {
        pending.reject(error);
      }
    }
    return { rows, accepted };
  }

  private async streamRange(
    client: PoolClient | Pool,
    streamId: string,
    from: number,
    to: number,
    asOf?: string,
  ) {
    const { rows } = await client.query<Row>(
      asOf === undefined
        ? `SELECT ${COLUMNS} FROM ${EVENTS} WHERE stream_id = $1 AND revision BETWEEN $2 AND $3 ORDER BY revision`
        : `SELECT ${COLUMNS} FROM ${EVENTS} WHERE stream_id = $1 AND revision BETWEEN $2 AND $3
             AND recorded_at <= $4 ORDER BY revision`,
      asOf === undefined ? [streamId, from, to] : [streamId, from, to, asOf],
    );
    return rows.map(eventOf);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const asOf = options.asOf === undefined ? undefined : normaliseAsOf(options.asOf);
    return this.streamRange(
      this.pool,
      streamId,
      options.fromRevision ?? 0,
      options.toRevision ?? Number.MAX_SAFE_INTEGER,
      asOf,
    ).catch((error: unknown) => {
      throw storeErrorOf(error);
    });
  }

  /** A read on the pool; a server that cannot serve answers StoreUnavailableError. */
  private async query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    this.assertOpen();
    const batchSize = positiveBatchSize(options.batchSize);
    // A snapshot of the log as it stood when reading began; subscribe() is the way to follow it.
    const end = await this.headPosition();
    let cursor = Math.max(0, options.after ?? 0);
    while (cursor < end) {
      this.assertOpen();
      const { rows } = await this.query<Row>(
        `SELECT ${COLUMNS} FROM ${EVENTS} WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
        [cursor, end, batchSize],
      );
      if (rows.length === 0) return;
      const batch = rows.map(eventOf);
      cursor = batch[batch.length - 1].position;
      yield batch;
    }
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    void this.listen();
    const subscription: PollingSubscription = new PollingSubscription({
      after: Math.max(0, options.after ?? 0),
      batchSize: positiveBatchSize(options.batchSize),
      readAfter: (after, limit) => (this.closed ? Promise.resolve([]) : this.readAfter(after, limit)),
      signal: this.signal,
      pollIntervalMs: this.pollIntervalMs,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  private async readAfter(after: number, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.query<Row>(
      `SELECT ${COLUMNS} FROM ${EVENTS} WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, limit],
    );
    return rows.map(eventOf);
  }

  /**
   * One LISTEN connection per store, opened on the first subscription. If it fails or drops,
   * subscribers still see every commit by polling, and the next subscribe() tries again.
   */
  private listen(): Promise<Client | undefined> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.options.url });
      const forget = () => {
        this.listener = undefined;
        void client.end().catch(() => undefined);
      };
      client.on('error', forget);
      client.on('notification', () => this.signal.notify());
      try {
        await client.connect();
        await client.query(`LISTEN ${PG_CHANNEL}`);
        if (this.closed) throw new StoreClosedError();
        return client;
      } catch {
        forget();
        return undefined;
      }
    })();
    return this.listener;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.query<{ head: string }>(
      `SELECT coalesce(max(position), 0) AS head FROM ${EVENTS}`,
    );
    return Number(rows[0].head);
  }

  /** The stored bytes beyond the chain, row by row in commit order; the first fault found. */
  async checkStorage(): Promise<StorageFault | null> {
    return firstStorageFault(this.readStoredRows({ batchSize: 5000 }));
  }

  async *readStoredRows(options: { readonly batchSize?: number } = {}): AsyncIterable<StoredRow[]> {
    this.assertOpen();
    const pageSize = positiveBatchSize(options.batchSize);
    const end = await this.headPosition();
    for (let after = 0; after < end;) {
      this.assertOpen();
      const { rows } = await this.query<Record<keyof StoredRow, string>>(
        `SELECT position, stream_id AS "streamId", revision, event_id AS "eventId", type,
                recorded_at AS "recordedAt", envelope, hash
           FROM ${EVENTS} WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
        [after, end, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => ({ ...row, position: Number(row.position), revision: Number(row.revision) }));
      after = Number(rows[rows.length - 1].position);
    }
  }

  /** The immutability triggers that someone dropped or disabled (verify warns). */
  async missingImmutabilityTriggers(): Promise<string[]> {
    this.assertOpen();
    const client = await this.pool.connect();
    try {
      return await missingTriggers(client);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are committed and answered before the pool closes.
    while (this.flushing) await this.flushing;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    const listener = await this.listener;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

interface SealedRow extends SealedEvent {
  readonly position: number;
}

/** One statement for the whole batch: arrays in, rows out, whatever the batch size. */
async function insertRows(client: PoolClient, rows: readonly SealedRow[]): Promise<void> {
  // NOTIFY in the same round trip; PostgreSQL delivers it at COMMIT, never for a rollback.
  await client.query(
    `WITH inserted AS (
       INSERT INTO ${EVENTS} (position, stream_id, revision, event_id, type, recorded_at, envelope, hash)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       RETURNING 1)
     SELECT pg_notify('${PG_CHANNEL}', (SELECT count(*) FROM inserted)::text)`,
    [
      rows.map((r) => r.position),
      rows.map((r) => r.envelope.streamId),
      rows.map((r) => r.envelope.revision),
      rows.map((r) => r.envelope.eventId),
      rows.map((r) => r.envelope.type),
      rows.map((r) => r.envelope.recordedAt),
      rows.map((r) => r.text),
      rows.map((r) => r.hash),
    ],
  );
}

function sealAll(
  events: readonly ProposedEvent[],
  streamId: string,
  head: StreamHead | undefined,
  recordedAt: string,
): SealedEvent[] {
  let prevHash = prevHashOf(head);
  let revision = head === undefined ? -1 : head.revision;
  return events.map((proposed) => {
    const sealed = sealEvent(proposed, streamId, ++revision, recordedAt, prevHash);
    prevHash = sealed.hash;
    return sealed;
  });
}

function eventOf(row: Row): RecordedEvent {
  return recordedFromText(row.envelope, row.hash, Number(row.position));
}
