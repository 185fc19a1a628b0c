import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type LinkCase } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { LinkCaseCommand } from './link-case.command';

@CommandHandler(LinkCaseCommand)
export class LinkCaseHandler implements ICommandHandler<LinkCaseCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: LinkCaseCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: body.linkedCaseId.toLowerCase(),
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): LinkCase => ({
        type: 'LinkCase',
        data: {
          caseId,
          linkedCaseId: body.linkedCaseId.toLowerCase(),
          linkedChannel: body.linkedChannel,
          note: body.note ?? '',
        },
        metadata,
      }),
    });
  }
}
