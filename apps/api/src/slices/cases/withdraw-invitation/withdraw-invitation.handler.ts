import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type WithdrawInvitation } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { WithdrawInvitationCommand } from './withdraw-invitation.command';

@CommandHandler(WithdrawInvitationCommand)
export class WithdrawInvitationHandler implements ICommandHandler<WithdrawInvitationCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, invitationId, body, ctx }: WithdrawInvitationCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: invitationId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): WithdrawInvitation => ({
        type: 'WithdrawInvitation',
        data: { caseId, invitationId, withdrawnOn: body.withdrawnOn, reasons: body.reasons },
        metadata,
      }),
    });
  }
}
