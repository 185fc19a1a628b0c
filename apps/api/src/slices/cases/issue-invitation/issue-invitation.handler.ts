import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type IssueInvitation } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { IssueInvitationCommand } from './issue-invitation.command';

@CommandHandler(IssueInvitationCommand)
export class IssueInvitationHandler implements ICommandHandler<IssueInvitationCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, invitationId, body, ctx }: IssueInvitationCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: invitationId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): IssueInvitation => ({
        type: 'IssueInvitation',
        data: {
          caseId,
          invitationId,
          to: body.to,
          grounds: body.grounds,
          noticeServedOn: body.noticeServedOn,
          addresseeDepartment: body.addresseeDepartment ?? null,
          documentRef: body.documentRef ?? null,
        },
        metadata,
      }),
    });
  }
}
