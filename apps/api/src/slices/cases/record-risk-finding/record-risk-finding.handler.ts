import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RecordRiskFinding } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RecordRiskFindingCommand } from './record-risk-finding.command';

@CommandHandler(RecordRiskFindingCommand)
export class RecordRiskFindingHandler implements ICommandHandler<RecordRiskFindingCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: RecordRiskFindingCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: caseId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RecordRiskFinding => ({
        type: 'RecordRiskFinding',
        data: {
          caseId,
          foundOn: body.foundOn,
          risks: body.risks,
          reasons: body.reasons,
        },
        metadata,
      }),
    });
  }
}
