import {
  type ActorAgency,
  type CaseEvent,
  DEADLINE_EVENT_SCHEMA_VERSIONS,
  isAgency,
  type LetterEvent,
  overdueStreamId,
  type ProposedEvent,
  type RecordedEvent,
  upcasters,
} from '@accord/events';
import {
  caseDecider,
  type CaseState,
  decideOverdue,
  type LegalCalendar,
  letterDecider,
  type LetterState,
  type WatchedPeriod,
} from '@accord/domain';
import { deterministicEventId } from '@accord/events/ids';
import { DEADLINES, type DeadlineRow, type Projector, type ReadStore } from '@accord/read-store';
import { EventIdConflictError, type EventStore, WrongExpectedRevisionError } from '@accord/store';

export const WATCHER_STAFF_ID = 'overdue-watcher';

export interface OverdueWatcherOptions {
  readonly store: EventStore;
  readonly readStore: ReadStore;
  /** The projector whose deadlines it reads; the watcher waits for it to reach the head first. */
  readonly projector: Pick<Projector, 'waitFor'>;
  /** The calendar in force now (staff may correct a year while the process runs). */
  readonly calendar: () => LegalCalendar;
  readonly clock: () => Date;
  readonly ruleSet: string;
  readonly log?: { info(message: string): void; error(message: string): void };
}

export interface TickResult {
  readonly checked: number;
  /** Alarms appended (or found already appended, identical, by the store's idempotency). */
  readonly recorded: string[];
  /** Alarms another watcher (or an earlier run) had already written. */
  readonly alreadyRecorded: string[];
}

/**
 * Appends `DeadlineOverdue` once a watched period has passed by the legal calendar. Exactly once,
 * across restarts and with several watchers: each period has its own stream and one deterministic
 * event id, appended with expected revision `no_stream`, so a second attempt is either the store's
 * idempotent replay of the same event or a refused append, never a second event.
 */
export class OverdueWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: OverdueWatcherOptions) {}

  start(intervalMs: number): void {
    const run = () => {
      this.running = this.tick()
        .catch((error: unknown) => this.options.log?.error(`overdue watcher: ${String(error)}`))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(run, intervalMs);
        });
    };
    this.timer = setTimeout(run, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async tick(): Promise<TickResult> {
    const { store, readStore, projector } = this.options;
    await projector.waitFor(await store.headPosition());
    const calendar = this.options.calendar();
    const now = this.options.clock();
    const today = calendar.legalDateOf(now.toISOString());
    const open = await readStore.find<DeadlineRow>(DEADLINES, {
      all: [
        { field: 'status', op: '=', value: 'open' },
        { field: 'overdue', op: '=', value: 0 },
      ],
      orderBy: [{ field: 'key', direction: 'asc' }],
    });
    const result: TickResult = { checked: open.length, recorded: [], alreadyRecorded: [] };
    for (const row of open) {
      const period = row as unknown as WatchedPeriod;
      const { state, revision } = await this.subject(row.subjectStreamId, row.kind === 'LETTER_RESPONSE');
      const alarm = decideOverdue(period, state, revision, today, calendar);
      if (alarm === null) continue;
      const commandId = `overdue:${row.deadlineId}`;
      const event: ProposedEvent = {
        eventId: deterministicEventId(commandId, 0),
        type: alarm.type,
        schemaVersion: DEADLINE_EVENT_SCHEMA_VERSIONS.DeadlineOverdue,
        data: alarm.data,
        occurredAt: now.toISOString(),
        actor: { agency: actingAgency(row), staffId: WATCHER_STAFF_ID, role: 'clerk' },
        commandId,
        correlationId: commandId,
        causationId: commandId,
        ruleSet: this.options.ruleSet,
      };
      try {
        // A retry of the very same event is answered by the store's idempotency, writing nothing.
        await store.append(overdueStreamId(row.deadlineId), [event], { expectedRevision: 'no_stream' });
        result.recorded.push(row.deadlineId);
        this.options.log?.info(`overdue: ${row.deadlineId} (due ${alarm.data.dueBy}, found ${today})`);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError) {
          result.alreadyRecorded.push(row.deadlineId);
          continue;
        }
        throw error;
      }
    }
    return result;
  }

  /** The subject folded by its own decider, from the ledger (the read model may lag a reply). */
  private async subject(
    streamId: string,
    letter: boolean,
  ): Promise<{ state: CaseState | LetterState; revision: number }> {
    const events = await this.options.store.readStream(streamId);
    const domain = (e: RecordedEvent) => {
      const current = upcasters.upcast(e);
      return { type: current.type, data: current.data };
    };
    const state = letter
      ? events.reduce<LetterState>(
          (s, e) => letterDecider.evolve(s, domain(e) as LetterEvent),
          letterDecider.initialState(),
        )
      : events.reduce<CaseState>(
          (s, e) => caseDecider.evolve(s, domain(e) as CaseEvent),
          caseDecider.initialState(),
        );
    return { state, revision: events.length - 1 };
  }
}

/** The event is the system's, recorded on behalf of the agency that follows the period. */
function actingAgency(row: DeadlineRow): ActorAgency {
  return isAgency(row.watcher) ? row.watcher : 'COURT';
}
