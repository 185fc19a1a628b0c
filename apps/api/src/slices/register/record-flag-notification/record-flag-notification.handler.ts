import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type RecordFlagNotification } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { RecordFlagNotificationCommand } from './record-flag-notification.command';

@CommandHandler(RecordFlagNotificationCommand)
export class RecordFlagNotificationHandler implements ICommandHandler<RecordFlagNotificationCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, flagId, body, ctx }: RecordFlagNotificationCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: flagId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): RecordFlagNotification => ({
        type: 'RecordFlagNotification',
        data: { partyId, flagId, ...plain(body) },
        metadata,
      }),
    });
  }
}
