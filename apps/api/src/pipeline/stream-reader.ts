import { Inject, Injectable } from '@nestjs/common';
import { type DomainEvent, type RecordedEvent, upcasters } from '@accord/events';
import { type Decider, fold } from '@accord/domain';
import type { EventStore } from '@accord/store';
import { EVENT_STORE } from './tokens';

export interface LoadedStream<S> {
  readonly state: S;
  /** Revision of the last event, -1 for a stream that does not exist (yet, or as of `asOf`). */
  readonly revision: number;
  /** Global position of the last event, 0 for none. */
  readonly position: number;
}

export interface LoadedEvents<S> extends LoadedStream<S> {
  readonly events: readonly RecordedEvent[];
}

type Folding<S, E extends DomainEvent> = Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>;

/** Stored events are read as the current version of their type before a decider sees them. */
export function toDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  const current = upcasters.upcast(event);
  return { type: current.type, data: current.data } as E;
}

interface CachedState extends LoadedStream<unknown> {
  readonly decider: unknown;
}

const CACHE_LIMIT = 20_000;

/**
 * Reads streams and folds them. The current state of a stream is cached with its revision, so a
 * command or a read fetches only the events after it. Safe because stored events never change
 * and `evolve` never mutates a state; the store stays the only source of truth (every load still
 * asks it for newer events).
 */
@Injectable()
export class StreamReader {
  private readonly cache = new Map<string, CachedState>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The stream as it is now. */
  async current<S, E extends DomainEvent>(
    streamId: string,
    decider: Folding<S, E>,
  ): Promise<LoadedStream<S>> {
    const cached = this.cache.get(streamId);
    const base = cached && cached.decider === decider ? (cached as CachedState & LoadedStream<S>) : undefined;
    const events = await this.store.readStream(streamId, { fromRevision: base ? base.revision + 1 : 0 });
    if (base && events.length === 0) return base;
    let state = base ? base.state : decider.initialState();
    for (const event of events) state = decider.evolve(state, toDomainEvent<E>(event));
    const last = events[events.length - 1];
    const loaded = { state, revision: last?.revision ?? -1, position: last?.position ?? 0 };
    if (last) this.remember(streamId, decider, loaded);
    return loaded;
  }

  /** Every event, and the state they fold to: now, or as the ledger knew it at `asOf`. */
  async all<S, E extends DomainEvent>(
    streamId: string,
    decider: Folding<S, E>,
    options: { asOf?: string } = {},
  ): Promise<LoadedEvents<S>> {
    const events = await this.store.readStream(
      streamId,
      options.asOf === undefined ? {} : { asOf: options.asOf },
    );
    const last = events[events.length - 1];
    return {
      state: fold(
        decider.evolve,
        decider.initialState(),
        events.map((e) => toDomainEvent<E>(e)),
      ),
      revision: last?.revision ?? -1,
      position: last?.position ?? 0,
      events,
    };
  }

  /** The stream now (from the cache), or as the ledger knew it at `asOf`: what every read route needs. */
  async at<S, E extends DomainEvent>(
    streamId: string,
    decider: Folding<S, E>,
    asOf: string | undefined,
  ): Promise<LoadedStream<S>> {
    return asOf === undefined ? this.current(streamId, decider) : this.all(streamId, decider, { asOf });
  }

  /** After an append: the new state is known without reading it back. */
  remember<S, E extends DomainEvent>(
    streamId: string,
    decider: Folding<S, E>,
    loaded: LoadedStream<S>,
  ): void {
    const cached = this.cache.get(streamId);
    if (cached && cached.revision >= loaded.revision) return;
    this.cache.delete(streamId);
    this.cache.set(streamId, { ...loaded, decider });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.cache.delete(streamId);
  }
}
