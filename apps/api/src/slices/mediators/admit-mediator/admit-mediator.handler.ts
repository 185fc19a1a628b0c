import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mediatorDecider, type AdmitMediator } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { mediatorStreamId } from '../mediator-stream';
import { AdmitMediatorCommand } from './admit-mediator.command';

@CommandHandler(AdmitMediatorCommand)
export class AdmitMediatorHandler implements ICommandHandler<AdmitMediatorCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ mediatorId, body, ctx }: AdmitMediatorCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: mediatorId,
      streamId: mediatorStreamId(mediatorId),
      decider: mediatorDecider,
      ctx,
      command: (metadata): AdmitMediator => ({
        type: 'AdmitMediator',
        data: { mediatorId, ...plain(body) },
        metadata,
      }),
    });
  }
}
