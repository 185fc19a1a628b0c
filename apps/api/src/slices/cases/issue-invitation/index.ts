import type { Slice } from '../../slice';
import { IssueInvitationController } from './issue-invitation.controller';
import { IssueInvitationHandler } from './issue-invitation.handler';

export const issueInvitation: Slice = {
  controllers: [IssueInvitationController],
  providers: [IssueInvitationHandler],
};
