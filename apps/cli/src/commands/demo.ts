import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { CalendarFileError, loadCalendar } from '@accord/calendar-data';
import { DEMO_DEFAULTS, DemoClock, generateDemo, type DemoSummary } from '@accord/demo';
import { LEDGER_FILE, openSqliteStore } from '@accord/store';
import { type CliCommand, type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';

const DEFAULT_EVENTS = 20_000;

const help = `Usage: accord demo [--events N] [--seed S] [--data DIR] [--json]

Fills an EMPTY ledger with a realistic, entirely fictitious county: ${DEMO_DEFAULTS.from} to
${DEMO_DEFAULTS.to}, cases in all three channels with eligibility, resolution efforts, invitations
answered on time, late or never, activities, mediators, risk assessments and escalations (some
late), organ heads' attendance and absences, consents, every kind of outcome, closures,
suggestion letters (adopted, rejected, overdue), the party register (notes, flags confirmed by
an agency or a joint meeting, contests), repeat filers matched by identity document, the mediator
pool, liaisons, commendations and joint meetings. Every event is decided by the same deciders as
the API's commands and written through the same store, so \`accord verify\` passes on it.

Names and identity numbers are made up (the numbers carry valid check characters).

Options:
  --events N   events to write, at most (default ${DEFAULT_EVENTS}); the ledger ends at the last
               whole command that fits
  --seed S     the same seed gives the same ledger, byte for byte (default ${DEMO_DEFAULTS.seed})
  --data DIR   ledger directory (default: $ACCORD_DATA_DIR, else ./data); created if missing
  --json       print the summary as one JSON object
  -h, --help   show this help

The ledger must be empty: demo data mixed into real records could never be taken out again
(events are immutable), so there is deliberately no option to append to a used ledger. Use a
fresh --data directory instead.

Exit codes: 0 written, 2 usage error or the ledger is not empty.`;

const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Fill an empty ledger with a realistic multi-year demo county (demo --events 20000)',
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = parse(args);
    const dataDir = resolve(io.cwd, flags.data || io.env.ACCORD_DATA_DIR || './data');
    let calendar;
    try {
      calendar = loadCalendar({ dataDir, env: io.env, cwd: io.cwd }).calendar;
    } catch (error) {
      if (!(error instanceof CalendarFileError)) throw error;
      io.err(`accord demo: ${error.message}`);
      return EXIT_USAGE;
    }
    const clock = new DemoClock();
    const existed = existsSync(resolve(dataDir, LEDGER_FILE));
    const store = await openSqliteStore(dataDir, { clock: clock.now });
    try {
      const head = existed ? await store.headPosition() : 0;
      if (head > 0) {
        io.err(
          `accord demo: the ledger at ${resolve(dataDir, LEDGER_FILE)} already holds ${head} events; ` +
            'demo data is only written into an empty ledger (use a fresh --data DIR)',
        );
        return EXIT_USAGE;
      }
      const bar = !flags.json && process.stderr.isTTY ? progressBar() : null;
      bar?.start(flags.events, 0, { rate: '-' });
      const started = performance.now();
      const summary = await generateDemo(store, {
        events: flags.events,
        seed: flags.seed,
        calendar,
        clock,
        onProgress: (written) => {
          const seconds = (performance.now() - started) / 1000;
          bar?.update(written, { rate: Math.round(written / Math.max(seconds, 0.001)).toLocaleString('en') });
        },
      });
      const seconds = (performance.now() - started) / 1000;
      bar?.update(summary.events);
      bar?.stop();
      const eventsPerSec = Math.round(summary.events / Math.max(seconds, 0.001));
      if (flags.json)
        io.out(JSON.stringify({ ledger: resolve(dataDir, LEDGER_FILE), seconds, eventsPerSec, ...summary }));
      else io.out(formatSummary(resolve(dataDir, LEDGER_FILE), summary, seconds, eventsPerSec));
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};

function progressBar(): SingleBar {
  return new SingleBar(
    {
      format: 'demo |{bar}| {percentage}% {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
}

export function formatSummary(ledger: string, s: DemoSummary, seconds: number, eventsPerSec: number): string {
  const column = (record: Readonly<Record<string, number>>) => {
    const width = Math.max(...Object.keys(record).map((k) => k.length));
    return Object.entries(record).map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(7)}`);
  };
  return [
    `demo ledger written: ${s.events} events in ${s.streams} streams (${s.cases} cases), ` +
      `${s.from} to ${s.to}, seed ${s.seed}`,
    `  ${ledger}`,
    `  ${seconds.toFixed(1)} s, ${eventsPerSec} events/s; ${s.refusedAttempts} commands refused by the rules and not written`,
    '',
    'Events by type:',
    ...column(s.byType),
    '',
    'What is in it:',
    ...column(s.categories),
    '',
    `Next: npx accord verify --data ${dirname(ledger)}, then ACCORD_DATA_DIR=${dirname(ledger)} npm start`,
  ].join('\n');
}

function parse(args: readonly string[]): { data?: string; json: boolean; events: number; seed: number } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        data: { type: 'string' },
        events: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    data: values.data,
    json: values.json ?? false,
    events: wholeNumber('--events', values.events, DEFAULT_EVENTS, 1),
    seed: wholeNumber('--seed', values.seed, DEMO_DEFAULTS.seed, 0),
  };
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > 0xffffffff)
    throw new UsageError(`${flag} must be a whole number from ${min} to 4294967295, got "${value}"`);
  return n;
}

export default demoCommand;
