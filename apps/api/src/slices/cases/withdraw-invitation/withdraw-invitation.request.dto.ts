import { IsLegalDate, IsText } from '../../../http/dto';

export class WithdrawInvitationRequestDto {
  @IsLegalDate('The day of withdrawal; not before the notice was served.') withdrawnOn!: string;

  @IsText('Why the invitation is withdrawn.', 4000) reasons!: string;
}
