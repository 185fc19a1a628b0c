import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Event, ProposedEvent } from '@accord/events';
import type { RuleSet } from '@accord/domain';
import type { EventStore } from '@accord/store';
import type { RequestContext } from '../http/request-context';
import { Metrics } from '../metrics/metrics';
import { EVENT_STORE, RULE_SET } from '../pipeline/tokens';

export const ACCESS_LOG_STREAM = 'access-log';

/** Which view of a case was asked for. `reduced` is what an invited agency sees to reply (Art 4/7); `absence` the facts of an Art 12 absence. */
export type CaseView = 'full' | 'reduced' | 'history' | 'absence';
export type AccessOutcome = 'granted' | 'refused' | 'not_found';

/**
 * Art 17: every read of confidential case data, refused ones included, so that the audit trail
 * shows who saw what. The actor, time and correlation id are in the envelope.
 */
export type CaseDataAccessed = Event<'CaseDataAccessed', CaseRead | CaseListRead | ReadModelRead>;

/** One case read through `CaseVisibility` (detail, reduced or history). */
export interface CaseRead {
  caseId: string;
  streamId: string;
  view: CaseView;
  outcome: AccessOutcome;
  /** The `asOf` instant of a historical read, else null. */
  asOf: string | null;
  /** Revision the reader saw; -1 when nothing was shown. */
  revision: number;
}

/** One page of the case list (`GET /cases`): which cases it showed, each row as visible to the reader. */
export interface CaseListRead {
  view: 'list';
  /** Every case the page showed, in the order shown (full and reduced rows alike). */
  caseIds: string[];
  outcome: 'granted';
  /** The query as the reader asked it, so the audit trail can replay what was on screen. */
  filter: { channel: string | null; stage: string | null; limit: number; after: string | null } & Record<
    string,
    string | number | null
  >;
  /** Global position the list reflected. */
  position: number;
}

/**
 * A query on a read model (deadlines, register, audit trail, reports, stuck cases): which cases and
 * parties it showed, the query as asked, and the log position the answer reflected.
 */
export interface ReadModelRead {
  view: 'query';
  query: string;
  caseIds: string[];
  partyKeys: string[];
  outcome: AccessOutcome;
  filter: Record<string, string | number | boolean | null>;
  position: number;
}

interface Pending {
  readonly event: ProposedEvent;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const MAX_BATCH = 1000;

/**
 * Appends access events to one stream (`access-log`, expected revision `any`). A read answers only
 * after its access event is durable; reads arriving while an append is in flight are written
 * together in the next one (group commit), so recording every read costs one fsync per batch, not
 * per read.
 */
@Injectable()
export class AccessLog implements OnApplicationShutdown {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULE_SET) private readonly rules: RuleSet,
    private readonly metrics: Metrics,
  ) {}

  record(ctx: RequestContext, data: CaseDataAccessed['data']): Promise<void> {
    const commandId = randomUUID();
    const event: ProposedEvent<CaseDataAccessed['data']> = {
      // Time-ordered (v7), not random: consecutive access events land on the same `event_id` index
      // page, so a group commit dirties one or two pages of that index instead of one per read.
      eventId: uuidv7(),
      type: 'CaseDataAccessed',
      schemaVersion: 1,
      data,
      occurredAt: ctx.now,
      actor: ctx.actor,
      commandId,
      correlationId: ctx.correlationId,
      causationId: commandId,
      ruleSet: this.rules.version,
    };
    const done = new Promise<void>((resolve, reject) => this.queue.push({ event, resolve, reject }));
    this.metrics.accessEvents.inc({ outcome: data.outcome });
    this.flushing ??= this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, MAX_BATCH);
        this.queue = this.queue.slice(batch.length);
        try {
          await this.store.append(
            ACCESS_LOG_STREAM,
            batch.map((p) => p.event),
            { expectedRevision: 'any' },
          );
          for (const pending of batch) pending.resolve();
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flushing;
  }
}
