import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type OpenResolution } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { OpenResolutionCommand } from './open-resolution.command';

@CommandHandler(OpenResolutionCommand)
export class OpenResolutionHandler implements ICommandHandler<OpenResolutionCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: OpenResolutionCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: caseId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): OpenResolution => ({
        type: 'OpenResolution',
        data: { caseId, openedOn: body.openedOn },
        metadata,
      }),
    });
  }
}
