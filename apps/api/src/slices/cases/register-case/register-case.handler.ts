import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RegisterCase } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RegisterCaseCommand } from './register-case.command';

@CommandHandler(RegisterCaseCommand)
export class RegisterCaseHandler implements ICommandHandler<RegisterCaseCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: RegisterCaseCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: caseId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RegisterCase => ({
        type: 'RegisterCase',
        data: { caseId, ...plain(body) },
        metadata,
      }),
    });
  }
}
