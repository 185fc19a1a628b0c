import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type AdoptPreventionPlan } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { AdoptPreventionPlanCommand } from './adopt-prevention-plan.command';

@CommandHandler(AdoptPreventionPlanCommand)
export class AdoptPreventionPlanHandler implements ICommandHandler<AdoptPreventionPlanCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, planId, body, ctx }: AdoptPreventionPlanCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: planId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): AdoptPreventionPlan => ({
        type: 'AdoptPreventionPlan',
        data: {
          caseId,
          planId,
          adoptedOn: body.adoptedOn,
          summary: body.summary,
          measures: [...body.measures],
        },
        metadata,
      }),
    });
  }
}
