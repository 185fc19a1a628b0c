/**
 * bench:projector's rebuild, in a process of its own (`projector-rebuild.js <ledger dir> <scratch
 * dir>`, from the build, as `accord rebuild` runs): only the ledger and the read store are loaded,
 * so the peak RSS it prints is the rebuild's and not what the bench's ledger generation or the API
 * left behind. The last stdout line is the JSON result. With `--raw` it measures the baseline instead.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECTIONS, rebuildReadModels, SqliteReadStore } from '@accord/read-store';
import Database from 'better-sqlite3';
import { LEDGER_FILE, openSqliteStore } from '@accord/store';
import { DEFAULTS } from '@accord/config';

/**
 * The same-run baseline (`projector-rebuild.js --raw <ledger dir>`): every row of the ledger read in
 * order with better-sqlite3 and its envelope JSON-parsed, nothing else, in a process as fresh as the
 * rebuild's. The last stdout line is `{"rowsPerSec": …}`.
 */
function rawReadRate(dir: string): void {
  const db = new Database(join(dir, LEDGER_FILE), { readonly: true });
  const started = performance.now();
  let rows = 0;
  for (const row of db.prepare('SELECT envelope FROM events ORDER BY position').iterate() as Iterable<{
    envelope: string;
  }>) {
    JSON.parse(row.envelope);
    rows += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  process.stdout.write(`${JSON.stringify({ rowsPerSec: rows / seconds, rows })}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--raw') return rawReadRate(process.argv[3]!);
  const [dir, cache] = process.argv.slice(2) as [string, string];
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(resolve(cache), 'read-'));
  const store = await openSqliteStore(dir, { readonly: true });
  const readStore = new SqliteReadStore(join(scratch, 'read.db'), {
    // As `accord rebuild` runs it: ACCORD_READ_STORE_THREAD, default on.
    commitThread: (process.env.ACCORD_READ_STORE_THREAD ?? DEFAULTS.readStoreThread) === 'on',
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const result = await rebuildReadModels(store, readStore, PROJECTIONS, {
    onProgress: (position, head) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (position % 100_000 < 5_000) process.stderr.write(`  rebuild: ${position}/${head}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (result.stuck.length > 0) throw new Error(`projection stopped: ${JSON.stringify(result.stuck)}`);
  await readStore.close();
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ eventsPerSec: result.head / seconds, peakRssMb: peak / 1024 / 1024, events: result.head })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:projector rebuild: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
