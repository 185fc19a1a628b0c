import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mediatorDecider, type ReinstateMediator } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { mediatorStreamId } from '../mediator-stream';
import { ReinstateMediatorCommand } from './reinstate-mediator.command';

@CommandHandler(ReinstateMediatorCommand)
export class ReinstateMediatorHandler implements ICommandHandler<ReinstateMediatorCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ mediatorId, body, ctx }: ReinstateMediatorCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: mediatorId,
      streamId: mediatorStreamId(mediatorId),
      decider: mediatorDecider,
      ctx,
      command: (metadata): ReinstateMediator => ({
        type: 'ReinstateMediator',
        data: { mediatorId, ...plain(body) },
        metadata,
      }),
    });
  }
}
