import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { IssueInvitationRequestDto } from './issue-invitation.request.dto';

export class IssueInvitationCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly invitationId: string,
    readonly body: IssueInvitationRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
