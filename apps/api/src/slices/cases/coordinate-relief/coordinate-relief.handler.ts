import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type CoordinateRelief } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { CoordinateReliefCommand } from './coordinate-relief.command';

@CommandHandler(CoordinateReliefCommand)
export class CoordinateReliefHandler implements ICommandHandler<CoordinateReliefCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, reliefId, body, ctx }: CoordinateReliefCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: reliefId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): CoordinateRelief => ({
        type: 'CoordinateRelief',
        data: {
          caseId,
          reliefId,
          partyId: body.partyId,
          department: body.department,
          coordinatedOn: body.coordinatedOn,
          noEffectiveRemedy: body.noEffectiveRemedy,
          greatHardship: body.greatHardship,
          basis: body.basis,
        },
        metadata,
      }),
    });
  }
}
