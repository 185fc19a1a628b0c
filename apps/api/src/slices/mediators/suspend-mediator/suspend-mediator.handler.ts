import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mediatorDecider, type SuspendMediator } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { mediatorStreamId } from '../mediator-stream';
import { SuspendMediatorCommand } from './suspend-mediator.command';

@CommandHandler(SuspendMediatorCommand)
export class SuspendMediatorHandler implements ICommandHandler<SuspendMediatorCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ mediatorId, body, ctx }: SuspendMediatorCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: mediatorId,
      streamId: mediatorStreamId(mediatorId),
      decider: mediatorDecider,
      ctx,
      command: (metadata): SuspendMediator => ({
        type: 'SuspendMediator',
        data: { mediatorId, ...plain(body) },
        metadata,
      }),
    });
  }
}
