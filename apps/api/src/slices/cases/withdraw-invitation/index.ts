import type { Slice } from '../../slice';
import { WithdrawInvitationController } from './withdraw-invitation.controller';
import { WithdrawInvitationHandler } from './withdraw-invitation.handler';

export const withdrawInvitation: Slice = {
  controllers: [WithdrawInvitationController],
  providers: [WithdrawInvitationHandler],
};
