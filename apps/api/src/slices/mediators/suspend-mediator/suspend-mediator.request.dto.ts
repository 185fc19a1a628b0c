import { IsLegalDate, IsText } from '../../../http/dto';

export class SuspendMediatorRequestDto {
  @IsLegalDate('The day of the suspension; not before the last change.') suspendedOn!: string;
  @IsText('Why (Art 13).', 2000) reason!: string;
}
