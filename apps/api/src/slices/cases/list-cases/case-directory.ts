import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Actor, CaseChannel, CaseEvent, RecordedEvent } from '@accord/events';
import type { CaseStage } from '@accord/domain';
import type { EventStore, Subscription } from '@accord/store';
import { Readiness } from '../../../health/readiness';
import { ApiError } from '../../../http/api-error';
import { toDomainEvent } from '../../../pipeline/stream-reader';
import { EVENT_STORE } from '../../../pipeline/tokens';
import { type CaseEntry, type EntryAccess, entryAccess, foldCaseEntry } from './case-entry';

const CASE_STREAM_PREFIX = 'case-';

/** How long a list read waits for the directory to reach the ledger's head before answering 503. */
export const CATCH_UP_TIMEOUT_MS = 5_000;

export interface CaseListQuery {
  readonly channel?: CaseChannel;
  readonly stage?: CaseStage;
  readonly limit: number;
  /** Registration position of the last row of the previous page (exclusive). */
  readonly after?: number;
}

export interface VisibleEntry {
  readonly entry: CaseEntry;
  readonly access: EntryAccess;
}

export interface CaseListPage {
  readonly rows: readonly VisibleEntry[];
  /** Registration position to pass as `after` for the next page; undefined on the last page. */
  readonly next?: number;
}

interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * An in-process projection of every case, for the case list. There is no read store yet: this
 * follows the log from position 0 with the store's catch-up subscription and keeps one compact entry
 * per case in memory. A request waits until the directory has reached the head the store reported
 * when the request arrived, so a clerk always finds the case it has just written (read-your-writes).
 * The projector's read store replaces it: then the list is a query, and boot does not replay the log.
 */
@Injectable()
export class CaseDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CaseDirectory.name);
  private readonly entries = new Map<string, CaseEntry>();
  /** Case ids in registration order, i.e. by ascending `registeredAt`: appended only. */
  private readonly order: string[] = [];
  private caughtUpTo = 0;
  private waiters: Waiter[] = [];
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private stopped: 'closed' | 'failed' | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readiness: Readiness,
  ) {}

  onModuleInit(): void {
    // A directory that stopped answers every list with 503: the instance is then not ready either.
    this.readiness.register('case-directory', () =>
      this.stopped === 'failed' ? `stopped following the ledger at position ${this.caughtUpTo}` : null,
    );
    const subscription = this.store.subscribe({ after: 0 });
    this.subscription = subscription;
    this.following = this.follow(subscription);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped ??= 'closed';
    await this.subscription?.close();
    await this.following;
    this.releaseAll(new ApiError('NOT_READY'));
  }

  /** Global position of the last event folded in. */
  get position(): number {
    return this.caughtUpTo;
  }

  /** Resolves once every event up to `position` is folded in; 503 NOT_READY if that takes too long. */
  waitFor(position: number, timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<void> {
    if (this.caughtUpTo >= position) return Promise.resolve();
    if (this.stopped !== undefined) return Promise.reject(this.behind(position));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(this.behind(position));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  entry(caseId: string): CaseEntry | undefined {
    return this.entries.get(caseId);
  }

  /**
   * Art 17: the cases `actor` may see, newest registration first. A `stage` filter leaves out the
   * rows an invitee sees reduced: the stage is not in its view, so filtering on it would disclose it.
   */
  list(actor: Actor, query: CaseListQuery): CaseListPage {
    const rows: VisibleEntry[] = [];
    let index = query.after === undefined ? this.order.length - 1 : this.lastBefore(query.after);
    for (; index >= 0; index -= 1) {
      const entry = this.entries.get(this.order[index]!)!;
      if (query.channel !== undefined && entry.channel !== query.channel) continue;
      const access = entryAccess(entry, actor);
      if (access === undefined) continue;
      if (query.stage !== undefined && (access === 'invitee' || entry.stage !== query.stage)) continue;
      if (rows.length === query.limit) return { rows, next: rows[rows.length - 1]!.entry.registeredAt };
      rows.push({ entry, access });
    }
    return { rows };
  }

  /** Index in `order` of the last case registered before `position`, -1 if none. */
  private lastBefore(position: number): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries.get(this.order[mid]!)!.registeredAt < position) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) this.apply(event);
    } catch (error) {
      if (this.stopped === 'closed') return;
      this.stopped = 'failed';
      this.logger.error(
        `case directory stopped at position ${this.caughtUpTo}: ${String(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
      this.releaseAll(this.behind(this.caughtUpTo + 1));
    }
  }

  private apply(event: RecordedEvent): void {
    if (event.streamId.startsWith(CASE_STREAM_PREFIX)) this.fold(event);
    this.caughtUpTo = event.position;
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.caughtUpTo);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > this.caughtUpTo);
    for (const waiter of ready) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  private fold(event: RecordedEvent): void {
    const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
    const before = this.entries.get(caseId);
    const after = foldCaseEntry(before, {
      event: toDomainEvent<CaseEvent>(event),
      revision: event.revision,
      position: event.position,
    });
    if (after === undefined) return;
    if (before === undefined) this.order.push(caseId);
    // The list's order is the first registration's, whatever a corrupt stream repeats.
    this.entries.set(caseId, before ? { ...after, registeredAt: before.registeredAt } : after);
  }

  private behind(position: number): ApiError {
    return new ApiError('NOT_READY', { waitingFor: position, caughtUpTo: this.caughtUpTo });
  }

  private releaseAll(error: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }
}
