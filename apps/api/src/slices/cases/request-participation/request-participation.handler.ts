import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RequestParticipation } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RequestParticipationCommand } from './request-participation.command';

@CommandHandler(RequestParticipationCommand)
export class RequestParticipationHandler implements ICommandHandler<RequestParticipationCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, requestId, body, ctx }: RequestParticipationCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: requestId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RequestParticipation => ({
        type: 'RequestParticipation',
        data: {
          caseId,
          requestId,
          requestedOn: body.requestedOn,
          sessionOn: body.sessionOn,
          purpose: body.purpose,
        },
        metadata,
      }),
    });
  }
}
