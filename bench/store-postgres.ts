/**
 * The event store benchmark on PostgreSQL: `npm run bench:store -- --store postgres [--json]`.
 * Same keys as the SQLite run, plus the lag of a subscriber in another store instance (NOTIFY,
 * as the projector would follow) and a same-run baseline: plain `pg` durable single-row inserts
 * from 64 callers over a pool of 16. Runs in a fresh database on ACCORD_BENCH_PG_URL (default this
 * machine's server), dropped at the end.
 */
import type { RecordedEvent } from '@accord/events';
import { PostgresEventStore } from '@accord/store';
import { Client, Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { benchEvent } from './bench-event';

const SEQUENTIAL_APPENDS = 1_000;
const CONCURRENT_APPENDERS = 64;
const APPENDS_PER_APPENDER = 150;
const FOLD_LENGTH = 1_000;
const FOLD_RUNS = 30;
const RAW_CALLERS = 64;
const RAW_POOL = 16;
const RAW_PER_CALLER = 150;

const perSec = (count: number, started: number) => count / ((performance.now() - started) / 1000);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function sequential(store: PostgresEventStore): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL_APPENDS; i++)
    await store.append('bench-sequential', [benchEvent(i)], {
      expectedRevision: i === 0 ? 'no_stream' : i - 1,
    });
  return perSec(SEQUENTIAL_APPENDS, started);
}

/** 64 appenders on their own streams, while a subscriber on another instance follows live. */
async function concurrent(store: PostgresEventStore, follower: PostgresEventStore) {
  const acknowledged = new Map<string, number>();
  const lags: number[] = [];
  const total = CONCURRENT_APPENDERS * APPENDS_PER_APPENDER;
  const head = await follower.headPosition();
  const subscription = follower.subscribe({ after: head });
  const received = new Map<string, number>();
  const following = (async () => {
    for await (const event of subscription as AsyncIterable<RecordedEvent>) {
      received.set(event.eventId, performance.now());
      if (received.size === total) break;
    }
  })();
  const appender = async (a: number) => {
    for (let i = 0; i < APPENDS_PER_APPENDER; i++) {
      const { events } = await store.append(`bench-concurrent-${a}`, [benchEvent(i)], {
        expectedRevision: i === 0 ? 'no_stream' : i - 1,
      });
      acknowledged.set(events[0].eventId, performance.now());
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT_APPENDERS }, (_, a) => appender(a)));
  const rate = perSec(total, started);
  await following;
  // From the append's acknowledgement to the subscriber holding the event (0 when it came first).
  for (const [id, ackAt] of acknowledged) lags.push(Math.max(0, (received.get(id) ?? Infinity) - ackAt));
  return { rate, lagP99: quantile(lags, 0.99) };
}

async function readAll(store: PostgresEventStore): Promise<number> {
  let events = 0;
  const started = performance.now();
  for await (const batch of store.readAll({ batchSize: 1000 })) events += batch.length;
  return perSec(events, started);
}

async function fold(store: PostgresEventStore): Promise<number> {
  for (let i = 0; i < FOLD_LENGTH; i += 100)
    await store.append(
      'bench-fold',
      Array.from({ length: 100 }, (_, j) => benchEvent(i + j)),
      { expectedRevision: i === 0 ? 'no_stream' : i - 1 },
    );
  const timings: number[] = [];
  for (let run = 0; run < FOLD_RUNS; run++) {
    const started = performance.now();
    const events = await store.readStream('bench-fold');
    const state = events.reduce((s, e) => ({ count: s.count + 1, last: e.type }), { count: 0, last: '' });
    timings.push(performance.now() - started);
    if (state.count !== FOLD_LENGTH) throw new Error(`fold saw ${state.count} events`);
  }
  return quantile(timings.slice(5), 0.5);
}

/** The same-run baseline: durable single-row inserts of the ledger's own rows, no rules, no chain. */
async function rawInserts(url: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: RAW_POOL });
  try {
    await pool.query('CREATE TABLE raw_events (LIKE accord.events INCLUDING ALL)');
    const { rows } = await pool.query<Record<string, string>>(
      `SELECT stream_id, revision, event_id, type, recorded_at, envelope, hash FROM accord.events
        WHERE stream_id LIKE 'bench-concurrent-%' ORDER BY position LIMIT $1`,
      [RAW_CALLERS * RAW_PER_CALLER],
    );
    let next = 0;
    const caller = async () => {
      for (let row = rows[next++]; row !== undefined; row = rows[next++])
        await pool.query(
          `INSERT INTO raw_events (position, stream_id, revision, event_id, type, recorded_at, envelope, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            next,
            row.stream_id,
            row.revision,
            row.event_id,
            row.type,
            row.recorded_at,
            row.envelope,
            row.hash,
          ],
        );
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: RAW_CALLERS }, caller));
    return perSec(rows.length, started);
  } finally {
    await pool.end();
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function benchPostgres(json: boolean): Promise<void> {
  const adminUrl = process.env.ACCORD_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `accord_bench_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const store = await PostgresEventStore.open({ url: url.toString(), poolSize: 16 });
    const follower = await PostgresEventStore.open({ url: url.toString(), poolSize: 2 });
    const durableAppendsPerSec1 = await sequential(store);
    const { rate: durableAppendsPerSec64, lagP99 } = await concurrent(store, follower);
    const readAllEventsPerSec = await readAll(store);
    const fold1000Ms = await fold(store);
    await follower.close();
    await store.close();
    const rawInsertsPerSec = await rawInserts(url.toString());
    const results = {
      durableAppendsPerSec1: Math.round(durableAppendsPerSec1),
      durableAppendsPerSec64: Math.round(durableAppendsPerSec64),
      readAllEventsPerSec: Math.round(readAllEventsPerSec),
      fold1000Ms: Number(fold1000Ms.toFixed(2)),
      rawInsertsPerSec: Math.round(rawInsertsPerSec),
      durableRatio64: Number((durableAppendsPerSec64 / rawInsertsPerSec).toFixed(3)),
      subscriberLagP99Ms: Number(lagP99.toFixed(1)),
      eventBytes: Buffer.byteLength(JSON.stringify(benchEvent(0))),
    };
    const targets: Partial<Record<keyof typeof results, string>> = {
      durableAppendsPerSec64: '>= 5000',
      subscriberLagP99Ms: '<= 100',
    };
    console.table(
      Object.entries(results).map(([metric, value]) => ({
        metric,
        value,
        target: targets[metric as keyof typeof results] ?? '',
      })),
    );
    if (json) console.log(JSON.stringify(results));
  } finally {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
