import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type CloseCase } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { CloseCaseCommand } from './close-case.command';

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: CloseCaseCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: caseId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): CloseCase => ({
        type: 'CloseCase',
        data: { caseId, closedOn: body.closedOn },
        metadata,
      }),
    });
  }
}
