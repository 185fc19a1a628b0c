/**
 * Projector benchmark: `npm run bench:projector` (`-- --json` for a machine-readable last line,
 * `-- --events N` for another ledger size, default 1,000,000; `-- --runs N` pairs, default 3).
 *
 * 1. A ledger of N events, generated once and kept under bench/.cache (not committed): case
 *    histories decided by the real case decider and stamped out per case (bench/bench-ledger.ts),
 *    or with `--demo` the demo generator's richer ledger (libs/demo; too slow for a million here).
 * 2. Baseline, same run: raw better-sqlite3 rows read and JSON-parsed per second from that ledger.
 * 3. A full rebuild of every projection into a fresh read store, in a child process of its own
 *    running the compiled build (bench/projector-rebuild.ts): events/s and that process's peak RSS.
 *    Steps 2 and 3 run as pairs, each in a fresh process, `--runs` times; the line reports the
 *    median rate, the median of the pairs' ratios and the highest peak RSS.
 * 4. Lag: the API (in process, with the projector in process) under a steady command load; for each
 *    acknowledged write, the time until the projector has committed its position. p50/p99.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
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
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
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
  // Under the heap bound `accord rebuild` sets for itself (apps/cli/src/heap.ts).
  return inChild<{ eventsPerSec: number; peakRssMb: number; events: number }>(
    rebuildHeapFlags(process.env, []),
    [dir, CACHE],
  );
}

/** The baseline in a fresh process too, so neither side inherits this one's heap. */
function rawReadInChild(dir: string): number {
  return inChild<{ rowsPerSec: number }>([], ['--raw', dir]).rowsPerSec;
}

function inChild<T>(flags: readonly string[], args: readonly string[]): T {
  const compiled = resolve(__dirname, '../dist/bench/projector-rebuild.js');
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first`);
  const out = execFileSync(process.execPath, [...flags, compiled, ...args], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.toString().trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const dir = await ledger();
  // Pairs, each a baseline read and then a rebuild: the ratio is taken within a pair, so a machine
  // that slows down or speeds up during the run moves both sides of it.
  const pairs: { raw: number; rebuild: ReturnType<typeof rebuildInChild> }[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const raw = rawReadInChild(dir);
    log(`run ${run}/${RUNS} baseline: raw SQLite rows read and parsed: ${Math.round(raw)}/s`);
    const r = rebuildInChild(dir);
    log(
      `run ${run}/${RUNS} rebuild: ${r.events} events, ${Math.round(r.eventsPerSec)} events/s (${(r.eventsPerSec / raw).toFixed(3)} of raw), peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    pairs.push({ raw, rebuild: r });
  }
  const l = await lag();
  log(
    `lag under ${LAG_RATE_PER_SEC} commands/s for ${LAG_SECONDS} s (${l.commands} commands): p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`,
  );
  const rate = median(pairs.map((p) => p.rebuild.eventsPerSec));
  const ratio = median(pairs.map((p) => p.rebuild.eventsPerSec / p.raw));
  // The worst run's peak, not a median: the bound must hold every time.
  const peak = Math.max(...pairs.map((p) => p.rebuild.peakRssMb));
  log(
    `median of ${RUNS}: ${Math.round(rate)} events/s, ${ratio.toFixed(3)} of raw; highest peak RSS ${peak.toFixed(0)} MB`,
  );
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        events: pairs[0]!.rebuild.events,
        runs: RUNS,
        rawRowsPerSec: Math.round(median(pairs.map((p) => p.raw))),
        rebuildEventsPerSec: Math.round(rate),
        rebuildRatioToRaw: Number(ratio.toFixed(3)),
        rebuildPeakRssMb: Math.round(peak),
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
