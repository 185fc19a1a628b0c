import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RecordNonSupportDecision } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RecordNonSupportDecisionCommand } from './record-non-support-decision.command';

@CommandHandler(RecordNonSupportDecisionCommand)
export class RecordNonSupportDecisionHandler implements ICommandHandler<RecordNonSupportDecisionCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: RecordNonSupportDecisionCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: caseId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RecordNonSupportDecision => ({
        type: 'RecordNonSupportDecision',
        data: {
          caseId,
          decisionNumber: body.decisionNumber,
          decidedOn: body.decidedOn,
          summary: body.summary,
        },
        metadata,
      }),
    });
  }
}
