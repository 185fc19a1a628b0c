import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type AssessRisk } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { AssessRiskCommand } from './assess-risk.command';

@CommandHandler(AssessRiskCommand)
export class AssessRiskHandler implements ICommandHandler<AssessRiskCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, assessmentId, body, ctx }: AssessRiskCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: assessmentId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): AssessRisk => ({
        type: 'AssessRisk',
        data: {
          caseId,
          assessmentId,
          level: body.level,
          peopleInvolved: body.peopleInvolved,
          massIncidentRisk: body.massIncidentRisk,
          factors: [...body.factors],
          assessedOn: body.assessedOn,
        },
        metadata,
      }),
    });
  }
}
