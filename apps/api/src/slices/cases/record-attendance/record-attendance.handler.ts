import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RecordAttendance } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RecordAttendanceCommand } from './record-attendance.command';

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, requestId, body, ctx }: RecordAttendanceCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: requestId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RecordAttendance => ({
        type: 'RecordAttendance',
        data: {
          caseId,
          requestId,
          attendance: body.attendance,
          attendee: body.attendee ? { name: body.attendee.name, role: body.attendee.role } : null,
          justification: body.justification ?? null,
        },
        metadata,
      }),
    });
  }
}
