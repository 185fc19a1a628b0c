import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '@accord/events';
import { CommandPipeline, type DecideRequest, type WriteResult } from '../pipeline/command-pipeline';
import type { Slice } from './slice';

/**
 * An act whose handler would only map the request to a domain command: the controller builds the
 * `DecideRequest` and this one handler hands it to the pipeline. An act that must read facts first
 * (e.g. assigning a mediator reads the pool) keeps a handler of its own.
 */
export class Decide extends Command<WriteResult> {
  constructor(readonly request: DecideRequest<unknown, unknown, DomainEvent>) {
    super();
  }
}

@CommandHandler(Decide)
export class DecideHandler implements ICommandHandler<Decide> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ request }: Decide): Promise<WriteResult> {
    return this.pipeline.execute(request);
  }
}

export function decide<C, S, E extends DomainEvent>(request: DecideRequest<C, S, E>): Decide {
  return new Decide(request as unknown as DecideRequest<unknown, unknown, DomainEvent>);
}

/** The generic handler, registered once. */
export const decideSlice: Slice = { controllers: [], providers: [DecideHandler] };
