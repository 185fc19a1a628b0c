import type { Slice } from '../../slice';
import { ReplyToInvitationController } from './reply-to-invitation.controller';
import { ReplyToInvitationHandler } from './reply-to-invitation.handler';

export const replyToInvitation: Slice = {
  controllers: [ReplyToInvitationController],
  providers: [ReplyToInvitationHandler],
};
