import { Injectable } from '@nestjs/common';
import type { Actor, DomainEvent } from '@accord/events';
import type { Decider } from '@accord/domain';
import type { RequestContext } from '../http/request-context';
import { type LoadedStream, StreamReader } from '../pipeline/stream-reader';
import { AccessLog, type StreamRead, streamRead } from './access-log';

export interface ReadRequest<S, E extends DomainEvent> {
  readonly resource: StreamRead['resource'];
  readonly resourceId: string;
  readonly streamId: string;
  readonly decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>;
  readonly asOf?: string;
  /** Whether the actor may see this state; a stream that does not exist is never seen. */
  readonly canSee: (state: S, actor: Actor) => boolean;
  readonly exists: (state: S) => boolean;
  /** The refusal for "not there", thrown alike for "there but hidden" (Art 17). */
  readonly notFound: () => Error;
}

/**
 * Art 17 at the read edge for every stream that holds personal data (party registers, letters,
 * meetings, mediators): load it, decide whether the caller may see it, and record the read —
 * granted, refused or not found — as a `DataAccessed` before the answer leaves.
 */
@Injectable()
export class VisibleRead {
  constructor(
    private readonly reader: StreamReader,
    private readonly accessLog: AccessLog,
  ) {}

  async open<S, E extends DomainEvent>(
    ctx: RequestContext,
    request: ReadRequest<S, E>,
  ): Promise<LoadedStream<S>> {
    const { resource, resourceId, streamId, asOf } = request;
    const loaded = await this.reader.at(streamId, request.decider, asOf);
    const exists = request.exists(loaded.state);
    const granted = exists && request.canSee(loaded.state, ctx.actor);
    await this.accessLog.record(
      ctx,
      streamRead({
        resource,
        resourceId,
        streamId,
        view: 'full',
        asOf: asOf ?? null,
        outcome: granted ? 'granted' : exists ? 'refused' : 'not_found',
        revision: granted ? loaded.revision : -1,
      }),
    );
    if (!granted) throw request.notFound();
    return loaded;
  }
}
