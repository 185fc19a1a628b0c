import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { deterministicEventId } from '@accord/events/ids';
import { type Actor, type DomainEvent, type Instant, type ProposedEvent, upcasters } from '@accord/events';
import { type CommandMetadata, type Decider, type LegalCalendar, type RuleSet } from '@accord/domain';
import { type EventStore, WrongExpectedRevisionError } from '@accord/store';
import { ApiError } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { Metrics } from '../metrics/metrics';
import { StreamLocks } from './stream-locks';
import { type LoadedStream, StreamReader, toDomainEvent } from './stream-reader';
import { EVENT_STORE, LEGAL_CALENDAR, RULE_SET, WRITE_VISIBILITY } from './tokens';

/** Per decider: whether an existing stream is visible to the actor (Art 17). Absent: visible to all. */
/** Whether the actor may see an existing stream, given the command it sends (some acts grant a narrow view). */
export type WriteVisibility = ReadonlyMap<unknown, (state: never, actor: Actor, command: never) => boolean>;

/** What every write answers: the ETag is `revision`; `position` lets a client wait for read models. */
export class WriteResult {
  @ApiProperty({ description: 'Id of the thing acted upon or created (case id, activity id, …).' })
  id!: string;
  @ApiProperty({ example: 'case-6f1c2b7e-9a1d-4c52-8d4e-0b3f5a7c9e21' }) streamId!: string;
  @ApiProperty({ description: 'Stream revision after the act (0-based); also the ETag.', example: 0 })
  revision!: number;
  @ApiProperty({ description: 'Global position of the last event written.', example: 17 }) position!: number;
}

export interface DecideRequest<C, S, E extends DomainEvent> {
  /** Returned to the client as `id`. */
  readonly id: string;
  readonly streamId: string;
  readonly decider: Decider<C, S, E>;
  /** The domain command; the pipeline supplies the metadata (clock, actor, rules, calendar). */
  readonly command: (metadata: CommandMetadata) => C;
  readonly ctx: RequestContext;
  /** When the act happened, where the request states it; else the request's arrival. */
  readonly occurredAt?: Instant;
}

/** Decisions on fresh state after a concurrent append, before giving up with 409. */
export const MAX_ATTEMPTS = 5;

/**
 * The one command path: read the stream, fold, decide, append with the expected revision. Commands
 * on one stream queue behind each other in this process (StreamLocks); a stream the caller may not
 * see is decided as if it did not exist (WRITE_VISIBILITY).
 */
@Injectable()
export class CommandPipeline {
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(WRITE_VISIBILITY) private readonly visibility: WriteVisibility,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULE_SET) private readonly rules: RuleSet,
    @Inject(LEGAL_CALENDAR) private readonly calendar: LegalCalendar,
    private readonly reader: StreamReader,
    private readonly metrics: Metrics,
  ) {}

  execute<C, S, E extends DomainEvent>(request: DecideRequest<C, S, E>): Promise<WriteResult> {
    return this.locks.run(request.streamId, () => this.decideAndAppend(request));
  }

  private async decideAndAppend<C, S, E extends DomainEvent>(
    request: DecideRequest<C, S, E>,
  ): Promise<WriteResult> {
    const { ctx, streamId, decider } = request;
    const metadata: CommandMetadata = {
      now: ctx.now,
      actor: ctx.actor,
      rules: this.rules,
      calendar: this.calendar,
    };
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.load(request);
      if ('replayed' in loaded) return { id: request.id, streamId, ...loaded.replayed };
      const command = request.command(metadata);
      const { state, revision, position } = this.asSeenBy(loaded, decider, ctx.actor, command);
      if (ctx.ifMatch !== undefined && ctx.ifMatch !== revision) {
        this.metrics.versionConflicts.inc({ outcome: 'stale_if_match' });
        throw new ApiError('REVISION_STALE', { currentRevision: revision });
      }

      const events = decider.decide(command, state);
      // A decision that changes nothing answers the current revision and writes nothing.
      if (events.length === 0) return { id: request.id, streamId, revision, position };

      // Only a creating act can succeed on "nothing": on a stream that exists but is hidden, it is a
      // conflict, as if another writer had just created it.
      if (revision < 0 && loaded.revision >= 0) throw new ApiError('VERSION_CONFLICT');
      const proposed = events.map((event, index) => this.envelope(event, index, request));
      try {
        const result = await this.store.append(streamId, proposed, {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
        for (const event of events) this.metrics.appends.inc({ type: event.type });
        let after = state;
        for (const event of result.events) after = decider.evolve(after, toDomainEvent<E>(event));
        this.reader.remember(streamId, decider, {
          state: after,
          revision: result.nextExpectedRevision,
          position: result.position,
        });
        return { id: request.id, streamId, revision: result.nextExpectedRevision, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.reader.forget(streamId);
        if (ctx.ifMatch !== undefined) {
          this.metrics.versionConflicts.inc({ outcome: 'stale_if_match' });
          throw new ApiError('REVISION_STALE', {
            currentRevision: error.actual === 'no_stream' ? -1 : error.actual,
          });
        }
        if (attempt >= MAX_ATTEMPTS) {
          this.metrics.versionConflicts.inc({ outcome: 'gave_up' });
          throw new ApiError('VERSION_CONFLICT');
        }
        this.metrics.versionConflicts.inc({ outcome: 'retried' });
      }
    }
  }

  /** The stream as the actor may know it: one it may not see is, to it, a stream that does not exist. */
  private asSeenBy<S, C>(
    loaded: LoadedStream<S>,
    decider: unknown,
    actor: Actor,
    command: C,
  ): LoadedStream<S> {
    const visible = this.visibility.get(decider) as
      ((state: S, actor: Actor, command: C) => boolean) | undefined;
    if (loaded.revision < 0 || visible === undefined || visible(loaded.state, actor, command)) return loaded;
    return { state: (decider as { initialState(): S }).initialState(), revision: -1, position: 0 };
  }

  /**
   * The stream folded up to now. With an idempotency key the command id is derived from the key,
   * so the whole stream is read to find whether this very command was already recorded (a retry
   * after a crash lost the idempotency record): then it answers from those events, writing nothing.
   */
  private async load<C, S, E extends DomainEvent>(
    request: DecideRequest<C, S, E>,
  ): Promise<LoadedStream<S> | { replayed: { revision: number; position: number } }> {
    const { ctx, streamId, decider } = request;
    if (!ctx.keyed) return this.reader.current(streamId, decider);
    const loaded = await this.reader.all(streamId, decider);
    const mine = loaded.events.filter((e) => e.commandId === ctx.commandId);
    const last = mine[mine.length - 1];
    return last ? { replayed: { revision: last.revision, position: last.position } } : loaded;
  }

  private envelope<C, S, E extends DomainEvent>(
    event: E,
    index: number,
    request: DecideRequest<C, S, E>,
  ): ProposedEvent {
    const { ctx } = request;
    return {
      // Keyed: derived from the command id, so a retry under the same key gets the same ids and the
      // store absorbs it. Unkeyed: the command id is random, so no retry can reproduce the ids anyway;
      // a time-ordered v7 appends at the right edge of the `event_id` UNIQUE index instead of dirtying
      // a random B-tree page per event, which cuts the WAL and checkpoint writes of every commit.
      eventId: ctx.keyed ? deterministicEventId(ctx.commandId, index) : uuidv7(),
      type: event.type,
      schemaVersion: upcasters.currentVersion(event.type),
      data: event.data,
      occurredAt: request.occurredAt ?? ctx.now,
      actor: ctx.actor,
      commandId: ctx.commandId,
      correlationId: ctx.correlationId,
      causationId: ctx.commandId,
      ruleSet: this.rules.version,
    };
  }
}
