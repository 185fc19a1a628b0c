import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type ReplyToInvitation } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { ReplyToInvitationCommand } from './reply-to-invitation.command';

@CommandHandler(ReplyToInvitationCommand)
export class ReplyToInvitationHandler implements ICommandHandler<ReplyToInvitationCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, invitationId, body, ctx }: ReplyToInvitationCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: invitationId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): ReplyToInvitation => ({
        type: 'ReplyToInvitation',
        data: {
          caseId,
          invitationId,
          answer: body.answer,
          repliedOn: body.repliedOn,
          reasons: body.reasons ?? null,
          documentRef: body.documentRef ?? null,
        },
        metadata,
      }),
    });
  }
}
