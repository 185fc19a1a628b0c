import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import {
  type Actor,
  type Agency,
  type DomainEvent,
  type Instant,
  type LegalDate,
  type ProposedEvent,
  upcasters,
} from '@accord/events';
import {
  type CommandMetadata,
  type Decider,
  type LegalCalendar,
  type RuleSet,
  RuleError,
  addCalendarDays,
  fromDayNumber,
  toDayNumber,
} from '@accord/domain';
import type { EventStore } from '@accord/store';
import { Prng } from './prng';

/**
 * The simulated clock. The store reads it (its `clock` option) when it stamps `recordedAt`, so a
 * demo ledger looks recorded over the years it describes, and the same seed gives the same hashes.
 */
export class DemoClock {
  ms = Date.UTC(2024, 0, 1);
  readonly now = (): Date => new Date(this.ms);
}

/** A decider refused a command the generator meant to be valid: a bug in the generator, never data. */
export class DemoGeneratorBug extends Error {
  constructor(
    readonly command: string,
    readonly streamId: string,
    readonly refusal: RuleError,
  ) {
    super(
      `demo generator bug: ${command} on ${streamId} refused with ${refusal.code} ${JSON.stringify(refusal.details)}`,
    );
    this.name = 'DemoGeneratorBug';
  }
}

/** Thrown through a process when the event budget is spent; the run loop stops on it. */
class BudgetSpent extends Error {}

/** What a process yields: the legal date it wants to act next (null or past the end: it stops). */
export type Wake = LegalDate | null;
export type Process = Generator<Wake, void, void>;

interface Slot {
  readonly decider: Decider<unknown, unknown, DomainEvent>;
  state: unknown;
  /** Revision of the last event appended to the store; -1 for none. */
  stored: number;
  pending: ProposedEvent[];
}

const AGENCY_PREFIX: Readonly<Record<Agency, string>> = {
  COURT: 'court',
  PROCURATORATE: 'pro',
  GOV_OFFICE: 'gov',
};
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** The SQLite store's default group-commit size: a batch is exactly one transaction. */
export const DEFAULT_APPENDS_PER_BATCH = 1024;

export interface WorldOptions {
  readonly store: EventStore;
  readonly calendar: LegalCalendar;
  readonly rules: RuleSet;
  readonly seed: number;
  readonly budget: number;
  readonly from: LegalDate;
  readonly to: LegalDate;
  readonly clock?: DemoClock;
  readonly appendsPerBatch?: number;
  readonly onFlush?: (written: number) => void;
}

/**
 * The simulation: processes (a case, a letter, the mediator pool…) are generators that act through
 * the real deciders and yield the next date they want to act on. The world runs them in time order,
 * keeps every stream's folded state in memory, and appends what the deciders decided to the real
 * store in large batches: one append per stream per batch, all batches in flight together, so the
 * store's group commit packs them into few transactions.
 */
export class World {
  readonly prng: Prng;
  /** Ids come from their own sequence, so scenario choices do not shift when an act writes more events. */
  private readonly idPrng: Prng;
  readonly calendar: LegalCalendar;
  readonly rules: RuleSet;
  readonly from: LegalDate;
  readonly to: LegalDate;
  nowMs: number;
  private readonly heap: { ms: number; seq: number; process: Process }[] = [];
  private seq = 0;
  private idSeq = 0;
  private readonly streams = new Map<string, Slot>();
  private readonly dirty = new Set<string>();
  private pendingCount = 0;
  private oldestPendingDay: LegalDate | null = null;
  decided = 0;
  written = 0;
  streamsCreated = 0;
  readonly byType: Record<string, number> = {};
  readonly categories: Record<string, number> = {};
  refusedAttempts = 0;

  constructor(private readonly options: WorldOptions) {
    this.prng = new Prng(options.seed);
    this.idPrng = new Prng(options.seed ^ 0x5eed1d5);
    this.calendar = options.calendar;
    this.rules = options.rules;
    this.from = options.from;
    this.to = options.to;
    this.nowMs = this.instantMs(options.from, 8 * 60);
  }

  /** The legal date of the clock (Asia/Shanghai has no daylight saving: UTC+8 all year). */
  get today(): LegalDate {
    this.refreshClockReadings();
    return this.todayCache;
  }

  /** The clock as an instant, as the API's `metadata.now`. */
  get nowIso(): Instant {
    this.refreshClockReadings();
    return this.isoCache;
  }

  private cacheMs = Number.NaN;
  private todayCache: LegalDate = '';
  private isoCache: Instant = '';

  private refreshClockReadings(): void {
    if (this.cacheMs === this.nowMs) return;
    this.cacheMs = this.nowMs;
    this.isoCache = new Date(this.nowMs).toISOString();
    this.todayCache = fromDayNumber(Math.floor((this.nowMs + SHANGHAI_OFFSET_MS) / 86_400_000));
  }

  /** A fresh UUID (v4 shape) from the id sequence: what the API would have generated. */
  newId(): string {
    return uuidv4({ random: this.idPrng.fill16(this.idBytes) });
  }

  /** A time-ordered UUID (v7) at the clock, as the API gives unkeyed commands and their events. */
  private timeOrderedId(): string {
    return uuidv7({
      msecs: this.nowMs,
      seq: this.idSeq++ & 0x7fffffff,
      random: this.idPrng.fill16(this.idBytes),
    });
  }

  /** uuid copies what it needs out of the random bytes, so one buffer serves every id. */
  private readonly idBytes = new Uint8Array(16);

  count(category: string, by = 1): void {
    this.categories[category] = (this.categories[category] ?? 0) + by;
  }

  actor(agency: Agency, role: 'clerk' | 'lead' = 'clerk'): Actor {
    const n = role === 'lead' ? this.prng.int(1, 2) : this.prng.int(1, 6);
    return { agency, staffId: `${AGENCY_PREFIX[agency]}-${role}-${String(n).padStart(2, '0')}`, role };
  }

  organActor(code: string): Actor {
    return { agency: `ORGAN:${code}`, staffId: `${code}-clerk-01`, role: 'clerk' };
  }

  /** A working day `n` working days after `date` (n = 0: the date itself if working, else the next). */
  workingDaysAfter(date: LegalDate, n: number): LegalDate {
    let d = toDayNumber(date);
    let left = n;
    while (!this.isWorking(d)) d += 1;
    while (left > 0) {
      d += 1;
      if (this.isWorking(d)) left -= 1;
    }
    return fromDayNumber(d);
  }

  /** The working day on or after `date + n` calendar days. */
  daysAfter(date: LegalDate, n: number): LegalDate {
    return this.workingDaysAfter(addCalendarDays(date, n), 0);
  }

  /** The calendar answers by date; the simulation asks about the same few thousand days millions of times. */
  private readonly workingDays = new Map<number, boolean>();
  private isWorking(dayNumber: number): boolean {
    let working = this.workingDays.get(dayNumber);
    if (working === undefined) {
      working = this.calendar.isWorkingDay(fromDayNumber(dayNumber));
      this.workingDays.set(dayNumber, working);
    }
    return working;
  }

  spawn(process: Process, first: Wake = this.today): void {
    this.schedule(process, first);
  }

  /** The folded state of a stream as the generator knows it (including what is not yet stored). */
  state<S>(streamId: string): S | undefined {
    return this.streams.get(streamId)?.state as S | undefined;
  }

  /**
   * Decides a command on the stream's current state, as the API's pipeline would, and queues its
   * events. A refusal here is a generator bug.
   */
  act<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    type: string,
    data: unknown,
    actor: Actor,
  ): readonly E[] {
    const result = this.decide(streamId, decider, type, data, actor);
    if (result instanceof RuleError) throw new DemoGeneratorBug(type, streamId, result);
    return result;
  }

  /** A command some staff member sends knowing it may be refused: a refusal appends nothing. */
  attempt<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    type: string,
    data: unknown,
    actor: Actor,
  ): RuleError | readonly E[] {
    const result = this.decide(streamId, decider, type, data, actor);
    if (result instanceof RuleError) this.refusedAttempts += 1;
    return result;
  }

  private decide<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    type: string,
    data: unknown,
    actor: Actor,
  ): RuleError | readonly E[] {
    let slot = this.streams.get(streamId);
    if (!slot && this.retired.has(streamId))
      throw new Error(`demo generator bug: ${type} on retired stream ${streamId}`);
    const state = slot ? (slot.state as S) : decider.initialState();
    const now = this.nowIso;
    const metadata: CommandMetadata = { now, actor, rules: this.rules, calendar: this.calendar };
    let events: readonly E[];
    try {
      events = decider.decide({ type, data, metadata } as C, state);
    } catch (error) {
      if (error instanceof RuleError) return error;
      throw error;
    }
    if (events.length === 0) return events;
    if (this.decided + events.length > this.options.budget) throw new BudgetSpent();
    if (!slot) {
      slot = {
        decider: decider as unknown as Slot['decider'],
        state,
        stored: -1,
        pending: [],
      };
      this.streams.set(streamId, slot);
      this.streamsCreated += 1;
    }
    let next = state;
    for (const event of events) next = decider.evolve(next, event);
    slot.state = next;
    const commandId = this.timeOrderedId();
    events.forEach((event) => {
      slot.pending.push({
        // Time-ordered, as the API gives unkeyed commands: appends land on the right edge of the id index.
        eventId: this.timeOrderedId(),
        type: event.type,
        schemaVersion: upcasters.currentVersion(event.type),
        data: event.data,
        occurredAt: now,
        actor,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        ruleSet: this.rules.version,
      });
      this.byType[event.type] = (this.byType[event.type] ?? 0) + 1;
    });
    this.dirty.add(streamId);
    this.decided += events.length;
    this.pendingCount += events.length;
    this.oldestPendingDay ??= this.today;
    return events;
  }

  /** Forget a finished stream's state (it is in the store): keeps memory flat on large ledgers. */
  retire(streamId: string): void {
    this.retired.add(streamId);
    const slot = this.streams.get(streamId);
    if (slot && slot.pending.length === 0) this.streams.delete(streamId);
    else if (slot) this.retiring.add(streamId);
  }
  private readonly retiring = new Set<string>();
  private readonly retired = new Set<string>();

  /** Streams still held in memory, for the end-of-run tally. */
  liveStreams(): IterableIterator<[string, { readonly state: unknown }]> {
    return this.streams.entries();
  }

  async run(): Promise<void> {
    const end = this.instantMs(addCalendarDays(this.to, 1), 0);
    let day = this.today;
    while (this.heap.length > 0) {
      const top = this.pop();
      if (top.ms >= end) break;
      const topDay = this.calendar.legalDateOf(new Date(top.ms).toISOString());
      if (topDay !== day) {
        day = topDay;
        // Clerks record acts within days: flush at a day boundary once a batch is worth a commit
        // or has waited a week, so recordedAt stays close to when the acts happened.
        if (
          this.pendingCount >= 2048 ||
          (this.oldestPendingDay !== null && topDay > addCalendarDays(this.oldestPendingDay, 6))
        )
          await this.flush();
      }
      this.nowMs = Math.max(this.nowMs, top.ms);
      let step: IteratorResult<Wake, void>;
      try {
        step = top.process.next();
      } catch (error) {
        if (error instanceof BudgetSpent) break;
        throw error;
      }
      if (!step.done) this.schedule(top.process, step.value);
      if (this.pendingCount >= 16384) await this.flush();
    }
    await this.flush();
    await this.drain();
  }

  /**
   * Queues every stream's pending events as one append each, at most `appendsPerBatch` per
   * batch (one store transaction), with at most two batches outstanding: the store commits one
   * while it receives the next, and the simulation goes on producing meanwhile. The clock moves
   * only before a batch is queued, and each batch starts its own commit, so recordedAt never
   * depends on timing.
   */
  private async flush(): Promise<void> {
    if (this.pendingCount === 0) return;
    const streams = [...this.dirty];
    this.dirty.clear();
    this.pendingCount = 0;
    this.oldestPendingDay = null;
    const size = this.options.appendsPerBatch ?? DEFAULT_APPENDS_PER_BATCH;
    for (let from = 0; from < streams.length; from += size) {
      while (this.inflight.length >= 2) await this.inflight.shift();
      if (this.options.clock) this.options.clock.ms = this.nowMs;
      let count = 0;
      const appends = streams.slice(from, from + size).map((streamId) => {
        const slot = this.streams.get(streamId)!;
        const events = slot.pending;
        slot.pending = [];
        const expectedRevision = slot.stored < 0 ? ('no_stream' as const) : slot.stored;
        slot.stored += events.length;
        count += events.length;
        return this.options.store.append(streamId, events, { expectedRevision });
      });
      // Counted from what was sent: reading `result.events` would make the store parse every row back.
      const batch = Promise.all(appends).then(() => {
        this.written += count;
        this.options.onFlush?.(this.written);
      });
      // Awaited later; until then a failure must not count as unhandled.
      batch.catch(() => undefined);
      this.inflight.push(batch);
      // Let the store start this batch's commit (and read the clock) before anything moves it.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const streamId of this.retiring) this.streams.delete(streamId);
    this.retiring.clear();
  }

  private readonly inflight: Promise<void>[] = [];

  private async drain(): Promise<void> {
    while (this.inflight.length > 0) await this.inflight.shift();
  }

  private schedule(process: Process, wake: Wake): void {
    if (wake === null) return;
    const today = this.today;
    const date = wake < today ? today : wake;
    if (date > this.to) return;
    // Office hours in Asia/Shanghai; never before the clock, which only moves forward.
    const ms = Math.max(this.nowMs, this.instantMs(date, this.prng.int(8 * 60 + 30, 17 * 60 + 30)));
    this.push({ ms, seq: this.seq++, process });
  }

  /** The instant `minutes` after midnight of a legal date in Asia/Shanghai. */
  instantMs(date: LegalDate, minutes: number): number {
    return toDayNumber(date) * 86_400_000 - SHANGHAI_OFFSET_MS + minutes * 60_000;
  }

  private push(item: { ms: number; seq: number; process: Process }): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): { ms: number; seq: number; process: Process } {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: { ms: number; seq: number }, b: { ms: number; seq: number }): boolean {
  return a.ms < b.ms || (a.ms === b.ms && a.seq < b.seq);
}
