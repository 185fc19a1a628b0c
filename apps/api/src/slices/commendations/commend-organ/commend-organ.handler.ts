import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commendationDecider, type CommendOrgan } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { commendationStreamId } from '../commendation-stream';
import { CommendOrganCommand } from './commend-organ.command';

@CommandHandler(CommendOrganCommand)
export class CommendOrganHandler implements ICommandHandler<CommendOrganCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ commendationId, body, ctx }: CommendOrganCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: commendationId,
      streamId: commendationStreamId(commendationId),
      decider: commendationDecider,
      ctx,
      command: (metadata): CommendOrgan => ({
        type: 'CommendOrgan',
        data: { commendationId, ...plain(body) },
        metadata,
      }),
    });
  }
}
