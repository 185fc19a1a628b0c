import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { WithdrawInvitationRequestDto } from './withdraw-invitation.request.dto';

export class WithdrawInvitationCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly invitationId: string,
    readonly body: WithdrawInvitationRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
