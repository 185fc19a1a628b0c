import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  ACCESS_LOG_STREAM,
  type AccessedResource,
  type AccessOutcome,
  type AccessView,
  type DataAccessed,
  type DataAccessedData,
  type ProposedEvent,
} from '@accord/events';
import type { RuleSet } from '@accord/domain';
import type { EventStore } from '@accord/store';
import type { RequestContext } from '../http/request-context';
import { Metrics } from '../metrics/metrics';
import { EVENT_STORE, RULE_SET } from '../pipeline/tokens';

export { ACCESS_LOG_STREAM };

/** Which view of a case was asked for. `reduced` is what an invited agency sees to reply (Art 4/7). */
export type CaseView = Exclude<AccessView, 'list'>;

/** One read of one stream, as the access event records it. */
export interface StreamRead {
  readonly resource: Exclude<AccessedResource, 'case-list'>;
  readonly resourceId: string;
  readonly streamId: string;
  readonly view: CaseView;
  readonly outcome: AccessOutcome;
  readonly asOf: string | null;
  /** Revision the reader saw; -1 when nothing was shown. */
  readonly revision: number;
}

/** The access event's data for one read of one stream. */
export function streamRead(read: StreamRead): DataAccessedData {
  return { ...read, shownIds: [], filter: null, position: null };
}

/** One answer from a read model: which cases and parties it showed, the query as asked, the position it reflected. */
export interface QueryRead {
  readonly query: string;
  readonly caseIds: readonly string[];
  readonly partyKeys: readonly string[];
  readonly outcome: AccessOutcome;
  readonly filter: Record<string, string | number | boolean | null>;
  readonly position: number;
}

/** The access event's data for one read-model answer; party keys are shown as `party:<key>`. */
export function queryRead(read: QueryRead): DataAccessedData {
  return {
    resource: 'read-model',
    resourceId: read.query,
    streamId: null,
    view: 'query',
    outcome: read.outcome,
    asOf: null,
    revision: -1,
    shownIds: [...read.caseIds, ...read.partyKeys.map((key) => `party:${key}`)],
    filter: { ...read.filter },
    position: read.position,
  };
}

interface Pending {
  readonly event: ProposedEvent;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const MAX_BATCH = 1000;

/**
 * Appends access events (`DataAccessed`, libs/events) to one stream (`access-log`, expected revision `any`). A read answers only
 * after its access event is durable. The reads of one event-loop turn share one append, and an
 * append does not wait for the one before it: the store's group commit takes every append queued
 * while its last commit syncs into the next one, so a read waits for the next commit, not for the
 * previous read's commit and then its own.
 */
@Injectable()
export class AccessLog implements OnApplicationShutdown {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly appending = new Set<Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULE_SET) private readonly rules: RuleSet,
    private readonly metrics: Metrics,
  ) {}

  /** Art 17: one `DataAccessed` per read of case, party or personal data, granted or refused. */
  record(ctx: RequestContext, data: DataAccessed['data']): Promise<void> {
    const commandId = randomUUID();
    const event: ProposedEvent<DataAccessed['data']> = {
      // Time-ordered (v7), not random: consecutive access events land on the same `event_id` index
      // page, so a group commit dirties one or two pages of that index instead of one per read.
      eventId: uuidv7(),
      type: 'DataAccessed',
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
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return done;
  }

  private flush(): void {
    this.scheduled = false;
    // Nearly always the whole queue: taken as it is rather than copied.
    const queued = this.queue;
    this.queue = [];
    for (let from = 0; from < queued.length; from += MAX_BATCH) {
      const batch = queued.length <= MAX_BATCH ? queued : queued.slice(from, from + MAX_BATCH);
      const appended: Promise<void> = this.store
        .append(
          ACCESS_LOG_STREAM,
          batch.map((p) => p.event),
          { expectedRevision: 'any' },
        )
        .then(
          () => {
            for (const pending of batch) pending.resolve();
          },
          (error: unknown) => {
            for (const pending of batch) pending.reject(error);
          },
        )
        .finally(() => this.appending.delete(appended));
      this.appending.add(appended);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    while (this.scheduled || this.appending.size > 0) {
      if (this.scheduled) await new Promise((resolve) => setImmediate(resolve));
      else await Promise.all(this.appending);
    }
  }
}
