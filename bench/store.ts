/**
 * Event store benchmark: `npm run bench:store` (add `-- --json` for a machine-readable last line).
 * Runs on a fresh ledger in a temp dir inside the data dir, so it measures the same disk as ./data.
 */
import { chosenDataDir, loadConfig } from '@accord/config';
import { openSqliteStore, resolveDataDir, type SqliteEventStore } from '@accord/store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CheckpointStore,
  Cosigner,
  generateSignerKey,
  MerkleLog,
  parseTrustFile,
  takeCheckpoint,
  TreeFollower,
  TreeFollowerThread,
  verifyCheckpointNote,
} from '@accord/merkle';
import { ThreadedCheckpointRebuild } from '../apps/cli/src/verify/verify-checkpoint';
import { verifyLedger } from '../apps/cli/src/verify/verify-ledger';
import { VerifyThread } from '../apps/cli/src/verify/verify-thread';
import { benchEvent } from './bench-event';

const SEQUENTIAL_APPENDS = 2_000;
const CONCURRENT_APPENDERS = 64;
const APPENDS_PER_APPENDER = 400;
const FOLD_LENGTH = 1_000;
const FOLD_RUNS = 30;

async function sequential(store: SqliteEventStore): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL_APPENDS; i++)
    await store.append('bench-sequential', [benchEvent(i)], {
      expectedRevision: i === 0 ? 'no_stream' : i - 1,
    });
  return SEQUENTIAL_APPENDS / ((performance.now() - started) / 1000);
}

/**
 * The 64-appender run on a fresh ledger while a follower keeps the Merkle tree (its own file) up to
 * date, as the API does: on its own thread (ACCORD_TREE_THREAD=on, the default), or with
 * `ACCORD_TREE_THREAD=off` on the appenders' thread.
 */
async function concurrentWithTree(
  dir: string,
): Promise<{ perSec: number; log: MerkleLog; store: SqliteEventStore }> {
  const store = await openSqliteStore(dir);
  const treeFile = join(dir, 'merkle.db');
  const { treeThread } = loadConfig({ ACCORD_TREE_THREAD: process.env.ACCORD_TREE_THREAD });
  let follower: Pick<TreeFollower, 'waitFor' | 'stop'>;
  let log: MerkleLog;
  if (treeThread === 'on') {
    const thread = new TreeFollowerThread(store.file, treeFile);
    // Its start (from sources, a TypeScript compiler load) is not part of the appenders' run.
    await thread.started();
    follower = thread;
    log = new MerkleLog(treeFile);
  } else {
    log = new MerkleLog(treeFile);
    const inProcess = new TreeFollower(store, log);
    inProcess.start();
    follower = inProcess;
  }
  const perSec = await concurrent(store);
  await follower.waitFor(await store.headPosition());
  await follower.stop();
  log.refresh();
  return { perSec, log, store };
}

const TREE_COST_PAIRS = 3;

/**
 * The tree's cost as the median of alternating pairs of 64-appender runs on fresh ledgers, without
 * and with the tree: a single pair scattered by ±0.1 on the shared 2-core machine, more than the
 * cost itself.
 */
async function treeCostPairs(dir: string): Promise<{
  without: number;
  withTree: number;
  last: { perSec: number; log: MerkleLog; store: SqliteEventStore };
}> {
  const without: number[] = [];
  const withTree: number[] = [];
  let last: Awaited<ReturnType<typeof concurrentWithTree>> | undefined;
  for (let pair = 0; pair < TREE_COST_PAIRS; pair++) {
    const plain = await openSqliteStore(join(dir, `no-tree-${pair}`));
    without.push(await concurrent(plain));
    await plain.close();
    if (last) {
      last.log.close();
      await last.store.close();
    }
    last = await concurrentWithTree(join(dir, `with-tree-${pair}`));
    withTree.push(last.perSec);
  }
  return { without: median(without), withTree: median(withTree), last: last! };
}

function inclusionProofs(log: MerkleLog): number {
  const runs = 5_000;
  const size = log.size;
  const started = performance.now();
  for (let i = 0; i < runs; i++) log.inclusionProof(Math.floor(Math.random() * size), size);
  return runs / ((performance.now() - started) / 1000);
}

/** What `accord verify --checkpoint` does: signatures, chains and storage, SQLite's check, the rebuilt tree. */
async function verifyAgainstCheckpoint(
  store: SqliteEventStore,
  dir: string,
): Promise<{ perSec: number; treeMicros: number }> {
  const log = new MerkleLog(join(dir, 'verify-merkle.db'));
  const built = performance.now();
  await new TreeFollower(store, log).catchUp();
  const treeMicros = ((performance.now() - built) * 1000) / log.size;
  const keys = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'].map(generateSignerKey);
  const { note } = takeCheckpoint({
    log,
    cosigners: keys.map((k) => new Cosigner(k, join(dir, 'cosigners', `${k.name}.jsonl`))),
    store: new CheckpointStore(join(dir, 'checkpoints')),
    now: new Date().toISOString(),
  });
  const trusted = parseTrustFile(keys.map((k) => k.text).join('\n'));
  const started = performance.now();
  const signed = verifyCheckpointNote(note, trusted);
  const thread = new VerifyThread({ sqliteFile: store.file, tree: true });
  const rebuild = new ThreadedCheckpointRebuild(signed.checkpoint, thread);
  const chains = await verifyLedger(store, { onEvent: (event) => rebuild.add(event) });
  if (chains.ok) rebuild.end();
  const sqlite = await thread.integrity;
  const against = await rebuild.finish(log);
  const seconds = (performance.now() - started) / 1000;
  await thread.close();
  if (!chains.ok || sqlite.length > 0 || !against.ok) throw new Error('the bench ledger does not verify');
  log.close();
  return { perSec: chains.events / seconds, treeMicros };
}

async function concurrent(store: SqliteEventStore): Promise<number> {
  const appender = async (a: number) => {
    for (let i = 0; i < APPENDS_PER_APPENDER; i++)
      await store.append(`bench-concurrent-${a}`, [benchEvent(i)], {
        expectedRevision: i === 0 ? 'no_stream' : i - 1,
      });
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT_APPENDERS }, (_, a) => appender(a)));
  return (CONCURRENT_APPENDERS * APPENDS_PER_APPENDER) / ((performance.now() - started) / 1000);
}

async function readAll(store: SqliteEventStore): Promise<{ perSec: number; events: number }> {
  let events = 0;
  const started = performance.now();
  for await (const batch of store.readAll({ batchSize: 1000 })) events += batch.length;
  return { perSec: events / ((performance.now() - started) / 1000), events };
}

async function fold(store: SqliteEventStore): Promise<number> {
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
  return median(timings.slice(5));
}

/** The ceiling: the ledger's own rows, inserted by plain better-sqlite3 in one durable transaction. */
function rawInserts(sourceFile: string, dir: string): number {
  const source = new Database(sourceFile, { readonly: true });
  const rows = source
    .prepare(
      "SELECT stream_id, revision, event_id, type, recorded_at, envelope, hash FROM events WHERE stream_id LIKE 'bench-concurrent-%' ORDER BY position",
    )
    .raw()
    .all() as unknown[][];
  const schema = source
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'events'")
    .pluck()
    .get() as string;
  source.close();
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(schema);
  const insert = db.prepare(
    'INSERT INTO events(stream_id, revision, event_id, type, recorded_at, envelope, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAll = db.transaction((all: unknown[][]) => {
    for (const row of all) insert.run(...row);
  });
  const started = performance.now();
  insertAll(rows);
  const perSec = rows.length / ((performance.now() - started) / 1000);
  db.close();
  return perSec;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // --store postgres: the same figures on PostgreSQL (bench/store-postgres.ts).
  const chosen = process.argv.includes('--store')
    ? process.argv[process.argv.indexOf('--store') + 1]
    : 'sqlite';
  if (chosen === 'postgres') return (await import('./store-postgres')).benchPostgres(json);
  if (chosen !== 'sqlite') throw new Error(`--store ${chosen}: expected sqlite or postgres`);
  const dir = mkdtempSync(join(resolveDataDir(chosenDataDir(process.env)), '.bench-store-'));
  try {
    const store = await openSqliteStore(dir);
    const eventBytes = Buffer.byteLength(JSON.stringify(benchEvent(0)));
    const durableAppendsPerSec1 = await sequential(store);
    const before = store.stats;
    const durableAppendsPerSec64 = await concurrent(store);
    const after = store.stats;
    const read = await readAll(store);
    const fold1000Ms = await fold(store);
    const treeCost = await treeCostPairs(dir);
    const withTree = treeCost.last;
    const inclusionProofsPerSec = inclusionProofs(withTree.log);
    withTree.log.close();
    await withTree.store.close();
    const verified = await verifyAgainstCheckpoint(store, dir);
    await store.close();
    const rawInsertsPerSec = rawInserts(store.file, dir);
    const results = {
      durableAppendsPerSec1: Math.round(durableAppendsPerSec1),
      durableAppendsPerSec64: Math.round(durableAppendsPerSec64),
      readAllEventsPerSec: Math.round(read.perSec),
      fold1000Ms: Number(fold1000Ms.toFixed(2)),
      rawInsertsPerSec: Math.round(rawInsertsPerSec),
      durableRatio64: Number((durableAppendsPerSec64 / rawInsertsPerSec).toFixed(3)),
      appendsPerCommit64: Number(
        ((after.appends - before.appends) / (after.commits - before.commits)).toFixed(1),
      ),
      eventBytes,
      appendsPerSecWithTree64: Math.round(treeCost.withTree),
      treeCostRatio64: Number((1 - treeCost.withTree / treeCost.without).toFixed(3)),
      treeMicrosPerAppend: Number(verified.treeMicros.toFixed(1)),
      inclusionProofsPerSec: Math.round(inclusionProofsPerSec),
      verifyEventsPerSec: Math.round(verified.perSec),
    };
    const targets: Partial<Record<keyof typeof results, string>> = {
      durableAppendsPerSec1: '>= 2000',
      durableAppendsPerSec64: '>= 20000',
      readAllEventsPerSec: '>= 200000',
      fold1000Ms: '<= 10',
      treeCostRatio64: '<= 0.15',
      verifyEventsPerSec: '>= 100000',
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
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
