import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AssessEligibility, caseDecider } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { AssessEligibilityCommand } from './assess-eligibility.command';

@CommandHandler(AssessEligibilityCommand)
export class AssessEligibilityHandler implements ICommandHandler<AssessEligibilityCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, assessmentId, body, ctx }: AssessEligibilityCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: assessmentId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): AssessEligibility => ({
        type: 'AssessEligibility',
        data: { caseId, assessmentId, ...plain(body), legalExplanation: body.legalExplanation ?? null },
        metadata,
      }),
    });
  }
}
