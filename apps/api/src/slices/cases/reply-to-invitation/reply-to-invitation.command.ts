import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ReplyToInvitationRequestDto } from './reply-to-invitation.request.dto';

export class ReplyToInvitationCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly invitationId: string,
    readonly body: ReplyToInvitationRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
