import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type ReportAbsence } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { ReportAbsenceCommand } from './report-absence.command';

@CommandHandler(ReportAbsenceCommand)
export class ReportAbsenceHandler implements ICommandHandler<ReportAbsenceCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: ReportAbsenceCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: body.requestId.toLowerCase(),
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): ReportAbsence => ({
        type: 'ReportAbsence',
        data: {
          caseId,
          requestId: body.requestId.toLowerCase(),
          reportedOn: body.reportedOn,
          note: body.note ?? '',
        },
        metadata,
      }),
    });
  }
}
