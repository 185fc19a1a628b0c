/**
 * Projector benchmark: `npm run bench:projector` (`-- --json` for a machine-readable last line,
 * `-- --events N` for another ledger size; default 1,000,000).
 *
 * 1. A demo ledger of N events (libs/demo, through the deciders and the real store), generated once
 *    and kept under bench/.cache (not committed).
 * 2. Baseline, same run: raw better-sqlite3 rows read and JSON-parsed per second from that ledger.
 * 3. A full rebuild of every projection into a fresh read store, in a child process of its own
 *    running the compiled build (bench/projector-rebuild.ts): events/s and that process's peak RSS.
 * 4. Lag: the API (in process, with the projector in process) under a steady command load; for each
 *    acknowledged write, the time until the projector has committed its position. p50/p99.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loadCalendar } from '@accord/calendar-data';
import { DemoClock, generateDemo } from '@accord/demo';
import { writeBenchLedger } from './bench-ledger';
import { rebuildHeapFlags } from '../apps/cli/src/heap';
import { LEDGER_FILE, openSqliteStore } from '@accord/store';
import { buildApp } from '@accord/api/app';
import { configFor } from '@accord/config';
import { issueToken } from '@accord/identity';
import { litigationCase } from '../test/support/api-fixtures';

const args = process.argv.slice(2);
const json = args.includes('--json');
const eventsArg = args.indexOf('--events');
const EVENTS = eventsArg >= 0 ? Number(args[eventsArg + 1]) : 1_000_000;
const LAG_SECONDS = 15;
const LAG_RATE_PER_SEC = 200;
const CACHE = resolve(__dirname, '.cache');
const DEMO = args.includes('--demo');

const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};

async function ledger(): Promise<string> {
  const dir = join(CACHE, `${DEMO ? 'demo' : 'bench'}-${EVENTS}`);
  if (existsSync(join(dir, LEDGER_FILE))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const clock = new DemoClock();
  const store = await openSqliteStore(building, DEMO ? { clock: clock.now } : {});
  const started = performance.now();
  if (!DEMO) {
    const written = await writeBenchLedger(store, EVENTS, (n) => log(`  generating: ${n} events`));
    await store.close();
    renameSync(building, dir);
    log(`generated ${written} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return dir;
  }
  const summary = await generateDemo(store, {
    events: EVENTS,
    calendar: loadCalendar({ dataDir: building }).calendar,
    clock,
    onProgress: (written) => {
      if (written % 50_000 < 1_000) log(`  generating: ${written} events`);
    },
  });
  await store.close();
  renameSync(building, dir);
  log(
    `generated ${summary.events} events (${summary.cases} cases) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return dir;
}

function rawReadRate(file: string): number {
  const db = new Database(file, { readonly: true });
  const started = performance.now();
  let rows = 0;
  for (const row of db.prepare('SELECT envelope FROM events ORDER BY position').iterate() as Iterable<{
    envelope: string;
  }>) {
    JSON.parse(row.envelope);
    rows += 1;
  }
  db.close();
  return rows / ((performance.now() - started) / 1000);
}

async function lag(): Promise<{ p50: number; p99: number; commands: number }> {
  const dataDir = mkdtempSync(join(CACHE, 'lag-'));
  const built = await buildApp(configFor(dataDir), { inProcessProjector: true });
  await built.app.listen(0, '127.0.0.1');
  const url = await built.app.getUrl();
  const token = issueToken(
    { key: built.signingKey.key, issuer: 'accord', audience: 'accord-api' },
    { agency: 'COURT', staffId: 'bench-clerk', roles: ['clerk'] },
  );
  const lags: number[] = [];
  const body = JSON.stringify(
    litigationCase({ externalCaseNumber: '（2026）鲁0423行初1号', acceptedOn: '2026-11-02' }),
  );
  const one = async () => {
    const res = await fetch(`${url}/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const acked = performance.now();
    const { position } = (await res.json()) as { position: number };
    await built.projector!.waitFor(position);
    lags.push(performance.now() - acked);
  };
  const pending: Promise<void>[] = [];
  const interval = 1000 / LAG_RATE_PER_SEC;
  const started = performance.now();
  for (let i = 0; performance.now() - started < LAG_SECONDS * 1000; i += 1) {
    pending.push(one());
    const next = started + (i + 1) * interval;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await Promise.all(pending);
  await built.close();
  rmSync(dataDir, { recursive: true, force: true });
  const sorted = lags.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p99: at(99), commands: sorted.length };
}

/**
 * The rebuild runs in a process of its own, so its peak RSS is the rebuild's, not what generating
 * the ledger or the API left in this heap; and it runs the compiled build (`npm run bench:projector`
 * builds first), as `npx accord rebuild` does: under ts-node the TypeScript compiler alone added
 * about 125 MB to the peak.
 */
function rebuildInChild(dir: string): { eventsPerSec: number; peakRssMb: number; events: number } {
  const compiled = resolve(__dirname, '../dist/bench/projector-rebuild.js');
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first`);
  // Under the heap bound `accord rebuild` sets for itself (apps/cli/src/heap.ts).
  const heap = rebuildHeapFlags(process.env, []);
  const out = execFileSync(process.execPath, [...heap, compiled, dir, CACHE], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.toString().trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as { eventsPerSec: number; peakRssMb: number; events: number };
}

async function main(): Promise<void> {
  const dir = await ledger();
  const raw = rawReadRate(join(dir, LEDGER_FILE));
  log(`baseline: raw SQLite rows read and parsed: ${Math.round(raw)}/s`);
  const r = rebuildInChild(dir);
  log(
    `rebuild: ${r.events} events, ${Math.round(r.eventsPerSec)} events/s (${(r.eventsPerSec / raw).toFixed(3)} of raw), peak RSS ${r.peakRssMb.toFixed(0)} MB`,
  );
  const l = await lag();
  log(
    `lag under ${LAG_RATE_PER_SEC} commands/s for ${LAG_SECONDS} s (${l.commands} commands): p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`,
  );
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        events: r.events,
        rawRowsPerSec: Math.round(raw),
        rebuildEventsPerSec: Math.round(r.eventsPerSec),
        rebuildRatioToRaw: Number((r.eventsPerSec / raw).toFixed(3)),
        rebuildPeakRssMb: Math.round(r.peakRssMb),
        lagP50Ms: Number(l.p50.toFixed(1)),
        lagP99Ms: Number(l.p99.toFixed(1)),
      })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:projector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
