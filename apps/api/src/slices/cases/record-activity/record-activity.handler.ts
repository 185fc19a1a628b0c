import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RecordActivity } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RecordActivityCommand } from './record-activity.command';

@CommandHandler(RecordActivityCommand)
export class RecordActivityHandler implements ICommandHandler<RecordActivityCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, activityId, body, ctx }: RecordActivityCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: activityId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RecordActivity => ({
        type: 'RecordActivity',
        data: { caseId, activityId, ...plain(body), description: body.description ?? null },
        metadata,
      }),
    });
  }
}
