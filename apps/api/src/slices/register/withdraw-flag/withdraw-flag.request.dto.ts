import { IsLegalDate, IsText } from '../../../http/dto';

export class WithdrawFlagRequestDto {
  @IsLegalDate('The day of the withdrawal; not before the last step.') withdrawnOn!: string;
  @IsText('Why the flag is withdrawn.', 4000) reasons!: string;
}
