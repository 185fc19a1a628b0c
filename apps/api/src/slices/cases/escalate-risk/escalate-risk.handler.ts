import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type EscalateRisk } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { EscalateRiskCommand } from './escalate-risk.command';

@CommandHandler(EscalateRiskCommand)
export class EscalateRiskHandler implements ICommandHandler<EscalateRiskCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, escalationId, body, ctx }: EscalateRiskCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: escalationId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): EscalateRisk => ({
        type: 'EscalateRisk',
        data: { caseId, escalationId, escalatedOn: body.escalatedOn, summary: body.summary },
        metadata,
      }),
    });
  }
}
