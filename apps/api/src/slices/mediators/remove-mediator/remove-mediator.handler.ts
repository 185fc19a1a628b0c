import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mediatorDecider, type RemoveMediator } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { mediatorStreamId } from '../mediator-stream';
import { RemoveMediatorCommand } from './remove-mediator.command';

@CommandHandler(RemoveMediatorCommand)
export class RemoveMediatorHandler implements ICommandHandler<RemoveMediatorCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ mediatorId, body, ctx }: RemoveMediatorCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: mediatorId,
      streamId: mediatorStreamId(mediatorId),
      decider: mediatorDecider,
      ctx,
      command: (metadata): RemoveMediator => ({
        type: 'RemoveMediator',
        data: { mediatorId, ...plain(body) },
        metadata,
      }),
    });
  }
}
