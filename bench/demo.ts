import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadCalendar } from '@accord/calendar-data';
import { DemoClock, generateDemo } from '@accord/demo';
import { openSqliteStore, resolveDataDir } from '@accord/store';

/**
 * `npm run bench:demo [-- --events N] [-- --json]`: how fast `accord demo` fills a fresh SQLite
 * ledger (decide, evolve, seal, durable group commits), against the ceiling measured in the same
 * run: the very same rows inserted by plain better-sqlite3 in one transaction.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--events');
  const events = at > 0 ? Number(process.argv[at + 1]) : 200_000;
  const dir = mkdtempSync(join(resolveDataDir(), '.bench-demo-'));
  try {
    const clock = new DemoClock();
    const store = await openSqliteStore(dir, { clock: clock.now });
    const { calendar } = loadCalendar({ dataDir: dir, env: {} });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await generateDemo(store, { events, calendar, clock });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu));
    const { commits, appends } = store.stats;
    await store.close();
    const rawInsertsPerSec = rawInserts(join(dir, 'ledger.db'), dir);
    const demoEventsPerSec = summary.events / seconds;
    const results = {
      demoEvents: summary.events,
      demoEventsPerSec: Math.round(demoEventsPerSec),
      demoCpuSecondsPerMillion: Number(((cpuSeconds / summary.events) * 1e6).toFixed(1)),
      demoPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      appendsPerCommit: Number((appends / commits).toFixed(1)),
      rawInsertsPerSec: Math.round(rawInsertsPerSec),
      demoRatio: Number((demoEventsPerSec / rawInsertsPerSec).toFixed(3)),
    };
    console.table(
      Object.entries(results).map(([metric, value]) => ({
        metric,
        value,
        target: metric === 'demoEventsPerSec' ? '>= 20000' : '',
      })),
    );
    if (json) console.log(JSON.stringify(results));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ceiling: the demo's own rows, copied by plain better-sqlite3 in one durable transaction. */
function rawInserts(ledger: string, dir: string): number {
  const source = new Database(ledger, { readonly: true });
  const columns = 'stream_id, revision, event_id, type, recorded_at, envelope, hash';
  const rows = source.prepare(`SELECT ${columns} FROM events ORDER BY position`).raw().all() as unknown[][];
  const schema = source
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'events'")
    .pluck()
    .get() as string;
  source.close();
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(schema);
  const insert = db.prepare(`INSERT INTO events(${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const started = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  const perSec = rows.length / ((performance.now() - started) / 1000);
  db.close();
  return perSec;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
