import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { letterDecider, type RecordFollowUp } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { letterStreamId } from '../letter-stream';
import { RecordFollowUpCommand } from './record-follow-up.command';

@CommandHandler(RecordFollowUpCommand)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUpCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ letterId, body, ctx }: RecordFollowUpCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: letterId,
      streamId: letterStreamId(letterId),
      decider: letterDecider,
      ctx,
      command: (metadata): RecordFollowUp => ({
        type: 'RecordFollowUp',
        data: { letterId, ...plain(body) },
        metadata,
      }),
    });
  }
}
