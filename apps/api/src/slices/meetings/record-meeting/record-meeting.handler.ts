import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, type RecordMeeting } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { meetingStreamId } from '../meeting-stream';
import { RecordMeetingCommand } from './record-meeting.command';

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ meetingId, body, ctx }: RecordMeetingCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: meetingId,
      streamId: meetingStreamId(meetingId),
      decider: meetingDecider,
      ctx,
      command: (metadata): RecordMeeting => ({
        type: 'RecordMeeting',
        data: { meetingId, ...plain(body) },
        metadata,
      }),
    });
  }
}
