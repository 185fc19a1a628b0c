import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AcknowledgeAttendance, meetingDecider } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { meetingStreamId } from '../meeting-stream';
import { AcknowledgeAttendanceCommand } from './acknowledge-attendance.command';

@CommandHandler(AcknowledgeAttendanceCommand)
export class AcknowledgeAttendanceHandler implements ICommandHandler<AcknowledgeAttendanceCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ meetingId, body, ctx }: AcknowledgeAttendanceCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: meetingId,
      streamId: meetingStreamId(meetingId),
      decider: meetingDecider,
      ctx,
      command: (metadata): AcknowledgeAttendance => ({
        type: 'AcknowledgeAttendance',
        data: { meetingId, acknowledgedOn: body.acknowledgedOn },
        metadata,
      }),
    });
  }
}
