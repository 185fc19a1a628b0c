import { AGENCIES, type CaseChannel, type LegalDate } from '@accord/events';
import {
  CURRENT_RULES,
  daysBetween,
  type CaseState,
  type LegalCalendar,
  type LetterState,
  type RuleSet,
} from '@accord/domain';
import type { EventStore } from '@accord/store';
import { caseProcess, type CaseTally } from './cases';
import { Directory } from './directory';
import { regularMeetings } from './meetings';
import { commendations, liaisons, mediatorPool } from './pool';
import { type DemoClock, type Process, World } from './world';

export interface DemoOptions {
  /** How many events to write, at most; the run stops at the last whole command that fits. */
  readonly events: number;
  readonly seed?: number;
  /** The legal-day calendar deadlines are counted with (libs/calendar-data's loadCalendar). */
  readonly calendar: LegalCalendar;
  readonly rules?: RuleSet;
  /** First and last simulated days; default 2024-01-02 → 2026-11-30. */
  readonly from?: LegalDate;
  readonly to?: LegalDate;
  /**
   * The clock the store was opened with (`{ clock: demoClock.now }`): the generator moves it, so
   * `recordedAt` follows the simulated years and the same seed gives byte-identical events.
   * Without it the store stamps wall-clock time (and hashes differ from run to run).
   */
  readonly clock?: DemoClock;
  /**
   * Appends per batch; each batch must be one store transaction for recordedAt to be repeatable,
   * so never more than the store's `maxAppendsPerCommit` (default for both: 1024).
   */
  readonly appendsPerBatch?: number;
  /** Called after each batch is durable, with the number of events written so far. */
  readonly onProgress?: (written: number, target: number) => void;
}

export interface DemoSummary {
  readonly seed: number;
  readonly from: LegalDate;
  readonly to: LegalDate;
  /** Events appended to the store. */
  readonly events: number;
  readonly streams: number;
  readonly cases: number;
  readonly byType: Readonly<Record<string, number>>;
  /** What the ledger holds by kind: channels, outcomes, late and overdue acts, register, pool… */
  readonly categories: Readonly<Record<string, number>>;
  /** Commands staff sent that a decider refused (e.g. an invitation before the court's risk finding): not appended. */
  readonly refusedAttempts: number;
}

export const DEMO_DEFAULTS = { seed: 1, from: '2024-01-02', to: '2026-11-30' } as const;

const CHANNEL_WEIGHTS: Readonly<Record<CaseChannel, number>> = {
  RECONSIDERATION: 45,
  LITIGATION: 35,
  PROCURATORIAL_SUPERVISION: 20,
};

/** Events per case before any case has finished (measured on the default mix). */
const INITIAL_EVENTS_PER_CASE = 20;

/**
 * Writes a realistic multi-year ledger into `store` through the domain's deciders: every event is
 * one a real command would have produced. Deterministic for a seed (given `clock`).
 */
export async function generateDemo(store: EventStore, options: DemoOptions): Promise<DemoSummary> {
  if (!Number.isSafeInteger(options.events) || options.events < 1)
    throw new RangeError(`events must be a positive whole number, got ${String(options.events)}`);
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const from = options.from ?? DEMO_DEFAULTS.from;
  const to = options.to ?? DEMO_DEFAULTS.to;
  const world = new World({
    store,
    calendar: options.calendar,
    rules: options.rules ?? CURRENT_RULES,
    seed,
    budget: options.events,
    from,
    to,
    clock: options.clock,
    appendsPerBatch: options.appendsPerBatch,
    onFlush: (written) => options.onProgress?.(written, options.events),
  });
  const dir = new Directory(world);
  const spawner = { cases: 0 };
  for (const agency of AGENCIES) world.spawn(liaisons(world, agency), from);
  world.spawn(mediatorPool(world, dir, Math.min(300, Math.max(10, Math.round(options.events / 4000)))), from);
  world.spawn(caseSpawner(world, dir, options.events, spawner), world.workingDaysAfter(from, 1));
  world.spawn(regularMeetings(world, dir), world.daysAfter(from, 20));
  world.spawn(commendations(world, dir), from);
  await world.run();
  tallyOpenDeadlines(world);
  return {
    seed,
    from,
    to,
    events: world.written,
    streams: world.streamsCreated,
    cases: world.byType['CaseRegistered'] ?? 0,
    byType: sorted(world.byType),
    categories: sorted(world.categories),
    refusedAttempts: world.refusedAttempts,
  };
}

/**
 * New cases arrive every working day, at the rate that spends the event budget evenly over the
 * simulated years; the rate follows the events per case measured so far.
 */
function* caseSpawner(w: World, dir: Directory, budget: number, spawned: { cases: number }): Process {
  const total = daysBetween(w.from, w.to);
  const finished = { cases: 0, events: 0 };
  for (;;) {
    const perCase = finished.cases >= 20 ? finished.events / finished.cases : INITIAL_EVENTS_PER_CASE;
    // Cases filed today write their events over the next months: aim ahead of the calendar.
    const share = Math.min(1, (daysBetween(w.from, w.today) + 45) / total);
    while (spawned.cases * perCase < budget * 0.97 * share) {
      spawned.cases += 1;
      w.spawn(tracked(w, dir, w.prng.weighted(CHANNEL_WEIGHTS), finished), w.today);
    }
    yield w.workingDaysAfter(w.today, 1);
  }
}

function* tracked(
  w: World,
  dir: Directory,
  channel: CaseChannel,
  finished: { cases: number; events: number },
): Process {
  const tally: CaseTally = { events: 0 };
  yield* caseProcess(w, dir, channel, tally);
  finished.cases += 1;
  finished.events += tally.events;
}

/** What is still open when the simulation ends: the overdue alarms a watcher will raise. */
function tallyOpenDeadlines(w: World): void {
  for (const [streamId, { state }] of w.liveStreams()) {
    if (streamId.startsWith('case-')) {
      const s = state as CaseState;
      if (s.status !== 'open') continue;
      w.count('case.openAtEnd');
      for (const i of s.invitations)
        if (i.status === 'open' && i.replyDeadline.dueBy < w.to) w.count('invitation.overdueAtEnd');
      if (s.risk.escalationDue && s.risk.escalationDue.dueBy < w.to) w.count('risk.escalationOverdueAtEnd');
    } else if (streamId.startsWith('letter-')) {
      const s = state as LetterState;
      if (s.status === 'served' && s.responseDueBy !== null && s.responseDueBy < w.to)
        w.count('letter.overdueAtEnd');
    }
  }
}

function sorted(record: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
